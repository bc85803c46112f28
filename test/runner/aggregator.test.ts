import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/runner/aggregator.js';
import { buildChartData, buildSummary, checkpoints, dailyCsv, medianReplication, type SummaryContext } from '../../src/runner/summary.js';
import { packBatch, unpackBatch } from '../../src/runner/batch.js';
import { shapeOf } from '../../src/runner/shape.js';
import { wilson } from '../../src/stats/intervals.js';
import { quantileSorted } from '../../src/stats/quantile.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { syntheticResult, tinyScenario } from './fixtures/synthetic.js';

const ctx: SummaryContext = { seed: 7, toolVersion: 'test', elapsedSeconds: 1, workers: 1, planCompletionHours: 30 };

function withCompletion(r: ReplicationResult, c: number | null): ReplicationResult {
  return { ...r, completionHours: c };
}

/** A deterministic shuffle (Fisher-Yates driven by a fixed LCG). */
function shuffled<T>(xs: readonly T[], seed: number): T[] {
  const a = xs.slice();
  let s = seed >>> 0;
  for (let i = a.length - 1; i > 0; i--) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

describe('Aggregator', () => {
  it('hand-computed summary of four replications', () => {
    const scn = tinyScenario();
    const agg = new Aggregator(scn);
    const cs = [10, null, 30, 50];
    cs.forEach((c, i) => agg.consume(withCompletion(syntheticResult(i), c)));
    const s = buildSummary(agg, ctx);
    // Cleared by the deadline (48 h): 10 and 30; 50 is after it; null never.
    const ci = wilson(2, 4);
    expect(s.probabilityCleared).toEqual({ estimate: 0.5, ci95: [ci.lo, ci.hi] });
    // Sorted [10, 30, 50, inf]: P10 = x(ceil 0.4) = 10, P50 = x(2) = 30, P80 = x(ceil 3.2) = inf -> null.
    const iso = (h: number): string => new Date(scn.startEpochMs + h * 3600e3).toISOString();
    expect(s.completion).toEqual({ p10: iso(10), p50: iso(30), p80: null, p90: null });
    // Plan at 30 h: 2 of 4 replications done by then.
    expect(s.plan).toEqual({ completion: iso(30), percentile: 50, p80ContingencyDays: null });
    expect(s.deadline).toBe('2024-05-20T23:00:00.000Z');
    expect(s.replications).toBe(4);
    const lostMean = (c: number): number => [0, 1, 2, 3].reduce((a, i) => a + syntheticResult(i).lostHours[c]!, 0) / 4;
    expect(s.lostHoursByCause['weather']).toBeCloseTo(lostMean(1), 12);
    const met = [0, 1, 2, 3].filter((i) => syntheticResult(i).milestones[0]).length;
    expect(s.milestones['half']!.probability.estimate).toBe(met / 4);
    expect(s.convergence).toEqual([{ n: 4, estimate: 0.5, ci95: [ci.lo, ci.hi] }]);
    expect(s.sortiesByType['C-17']).toBe([0, 1, 2, 3].reduce((a, i) => a + syntheticResult(i).sortiesByType[0]!, 0) / 4);
  });

  it('folds shuffled arrivals in replication order, giving the same state as in-order input', () => {
    const scn = tinyScenario();
    const results = Array.from({ length: 200 }, (_, i) => syntheticResult(i));
    const inOrder = new Aggregator(scn);
    results.forEach((r) => inOrder.consume(r));
    const shuffledAgg = new Aggregator(scn);
    const seen: number[] = [];
    shuffledAgg.onOrdered = (r) => seen.push(r.index);
    for (const r of shuffled(results, 12345)) shuffledAgg.consume(r);
    expect(shuffledAgg.buffered).toBe(0);
    expect(seen).toEqual(results.map((r) => r.index));
    expect(JSON.stringify(shuffledAgg.toState())).toBe(JSON.stringify(inOrder.toState()));
    expect(buildSummary(shuffledAgg, ctx)).toEqual(buildSummary(inOrder, ctx));
  });

  it('packed batches in any order give the same state as single results in order', () => {
    const scn = tinyScenario();
    const shape = shapeOf(scn);
    const results = Array.from({ length: 120 }, (_, i) => syntheticResult(i));
    const single = new Aggregator(scn);
    results.forEach((r) => single.consume(r));
    const cuts = [0, 7, 30, 31, 80, 120];
    const batches = cuts.slice(0, -1).map((a, k) => packBatch(results.slice(a, cuts[k + 1]), shape));
    const batched = new Aggregator(scn);
    const seen: number[] = [];
    batched.onOrdered = (r) => seen.push(r.index);
    for (const b of shuffled(batches, 99)) batched.consumeBatch(b);
    expect(seen).toEqual(results.map((r) => r.index));
    expect(JSON.stringify(batched.toState())).toBe(JSON.stringify(single.toState()));
    expect(() => batched.consumeBatch(batches[1]!)).toThrow(/twice/);
  });

  it('holds back results until the gap before them is filled', () => {
    const agg = new Aggregator(tinyScenario());
    agg.consume(syntheticResult(2));
    agg.consume(syntheticResult(1));
    expect(agg.n).toBe(0);
    expect(agg.buffered).toBe(2);
    agg.consume(syntheticResult(0));
    expect(agg.n).toBe(3);
    expect(() => agg.consume(syntheticResult(1))).toThrow(/twice/);
  });

  it('shards serialised through JSON and merged give exactly the single-run outputs', () => {
    const scn = tinyScenario();
    const N = 300;
    const single = new Aggregator(scn);
    for (let i = 0; i < N; i++) single.consume(syntheticResult(i));
    const cuts = [0, 97, 98, 211, N];
    const parts = cuts.slice(0, -1).map((a, k) => {
      const p = new Aggregator(scn, a);
      for (let i = a; i < cuts[k + 1]!; i++) p.consume(syntheticResult(i));
      return Aggregator.fromState(scn, JSON.parse(JSON.stringify(p.toState())));
    });
    const merged = parts[0]!;
    for (const p of parts.slice(1)) merged.merge(p);
    expect(JSON.stringify(buildSummary(merged, ctx))).toBe(JSON.stringify(buildSummary(single, ctx)));
    expect(JSON.stringify(buildChartData(merged, ctx))).toBe(JSON.stringify(buildChartData(single, ctx)));
    expect(dailyCsv(merged)).toBe(dailyCsv(single));
    expect(medianReplication(merged)).toBe(medianReplication(single));
  });

  it('refuses to merge a range that does not follow on', () => {
    const scn = tinyScenario();
    const a = new Aggregator(scn, 0);
    a.consume(syntheticResult(0));
    const b = new Aggregator(scn, 5);
    expect(() => a.merge(b)).toThrow(/expected replications from 1/);
  });

  it('daily personnel quantiles are exact (unit grid) and match the sorted sample', () => {
    const scn = tinyScenario();
    const agg = new Aggregator(scn);
    const N = 101;
    const rs = Array.from({ length: N }, (_, i) => syntheticResult(i));
    rs.forEach((r) => agg.consume(r));
    const chart = buildChartData(agg, ctx);
    const row = chart.daily.find((x) => x.day === 1 && x.site === 'A' && x.measure === 'personnel')!;
    const values = rs.map((r) => r.dailyRemainingPersonnel[1 * 2 + 0]!).sort((a, b) => a - b);
    expect(row.p5).toBe(quantileSorted(values, 0.05));
    expect(row.p50).toBe(quantileSorted(values, 0.5));
    expect(row.p95).toBe(quantileSorted(values, 0.95));
    expect(row.date).toBe('2024-05-20'); // day 1 of a scenario starting at local midnight 19 May
    // Short tons on a 1024-point grid over [0, 200]: within half a step of the exact quantile.
    const st = chart.daily.find((x) => x.day === 0 && x.site === 'A' && x.measure === 'shortTons')!;
    const tons = rs.map((r) => r.dailyRemainingShortTons[0]!).sort((a, b) => a - b);
    expect(Math.abs(st.p50 - quantileSorted(tons, 0.5))).toBeLessThanOrEqual(200 / 1023 / 2 + 1e-12);
    const csv = dailyCsv(agg).split('\n');
    expect(csv[0]).toBe('day,date,site,measure,p5,p10,p25,p50,p75,p90,p95');
    expect(csv.filter((l) => l.startsWith('0,'))).toHaveLength(6); // 2 sites + all, x 2 measures
  });

  it('checkpoints follow 1-2-5 decades and end at n', () => {
    expect(checkpoints(4)).toEqual([4]);
    expect(checkpoints(10)).toEqual([10]);
    expect(checkpoints(1000)).toEqual([10, 20, 50, 100, 200, 500, 1000]);
    expect(checkpoints(1234)).toEqual([10, 20, 50, 100, 200, 500, 1000, 1234]);
  });
});

describe('packBatch / unpackBatch', () => {
  it('round-trips results through one Float64Array', () => {
    const shape = shapeOf(tinyScenario());
    const rs = [5, 6, 7].map((i) => syntheticResult(i));
    rs[1] = withCompletion(rs[1]!, null);
    const back = unpackBatch(packBatch(rs, shape));
    expect(back.map((r) => ({ ...r, dailyRemainingShortTons: Array.from(r.dailyRemainingShortTons) }))).toEqual(
      rs.map((r) => ({ ...r, dailyRemainingShortTons: Array.from(r.dailyRemainingShortTons) })),
    );
  });
});

describe('formatReport', () => {
  it('reads P(cleared) with its interval and n, and completion dates in the scenario zone', async () => {
    const { formatReport } = await import('../../src/runner/format.js');
    const scn = tinyScenario();
    const agg = new Aggregator(scn);
    [10, null, 30, 50].forEach((c, i) => agg.consume(withCompletion(syntheticResult(i), c)));
    const text = formatReport(buildSummary(agg, ctx), { scenario: scn });
    const ci = wilson(2, 4);
    expect(text).toContain(`Probability everything is out by 2024-05-20: 50.0% (95% CI ${(100 * ci.lo).toFixed(1)}% to ${(100 * ci.hi).toFixed(1)}%), n = 4`);
    // P50 = 30 h after 2024-05-18T23:00Z = 2024-05-20T05:00Z = 06:00 in Lagos (UTC+1).
    expect(text).toContain('P50 Mon 20 May 2024 06:00');
    expect(text).toContain('P80 not within the horizon');
    expect(text).toContain('Half out by 2024-05-19');
  });
});
