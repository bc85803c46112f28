import { describe, expect, it } from 'vitest';
import { Aggregator } from '../../src/runner/aggregator.js';
import { binBatch, packBatch } from '../../src/runner/batch.js';
import { DailyBinner, dailyGrids, histogramOf } from '../../src/runner/daily.js';
import { FixedSum } from '../../src/stats/fixed-sum.js';
import type { Histogram } from '../../src/stats/histogram.js';
import type { ReplicationResult } from '../../src/model/result.js';
import { syntheticResult, tinyScenario } from './fixtures/synthetic.js';

const DAYS = 12;
const S = 2;

/** A 12-day scenario and results whose series end in zero tails of varied length (some none, some all zero, some zero mid-series). */
function scenario(): ReturnType<typeof tinyScenario> {
  return { ...tinyScenario(), horizonHours: 24 * DAYS };
}
function tailed(i: number): ReplicationResult {
  const r = syntheticResult(i, DAYS, S);
  const cut = (x: Float64Array, stride: number, off: number, from: number): void => {
    for (let d = from; d < DAYS; d++) x[d * stride + off] = 0;
  };
  const from = (k: number): number => (i * 7 + k * 5) % (DAYS + 1); // 0 (all zero) .. DAYS (no tail)
  const busy = r.dailyAircraftBusy.slice();
  const available = r.dailyAircraftAvailable.slice();
  for (let d = 0; d < DAYS; d++) {
    // positive everywhere (tons on a fine grid, people integers) before the tails are cut
    for (let s = 0; s < S; s++) {
      r.dailyRemainingShortTons[d * S + s] = (((i * 31 + d * 17 + s * 7) % 97) + 1) * (s === 0 ? 2.03 : 0.51);
      r.dailyRemainingPersonnel[d * S + s] = ((i * 13 + d * 11 + s) % 40) + 1;
      r.dailyParkingOccupied[d * S + s] = ((i + d + s) % 5) * 0.37 + 0.1;
    }
    busy[d] = 0.2 + ((i * 3 + d) % 7) * 0.4;
  }
  for (let s = 0; s < S; s++) {
    cut(r.dailyRemainingShortTons, S, s, from(s));
    cut(r.dailyRemainingPersonnel, S, s, from(s + 2));
    cut(r.dailyParkingOccupied, S, s, from(s + 4));
    if (i % 3 === 0) r.dailyRemainingShortTons[2 * S + s] = 0; // a zero that is not a tail
  }
  cut(busy, 1, 0, from(6));
  cut(available, 1, 0, from(6) + (i % 2));
  if (i % 4 === 1) busy[0] = 0;
  return { ...r, dailyAircraftBusy: busy, dailyAircraftAvailable: available };
}

/** The definition: every value pushed into its histogram, every value added to its FixedSum. */
function reference(rs: readonly ReplicationResult[]): { hist: Record<string, Histogram[]>; sums: Record<string, FixedSum[]> } {
  const g = dailyGrids(scenario());
  const perSite = (grids: typeof g.shortTons): Histogram[] => Array.from({ length: DAYS * S }, (_, i) => histogramOf(grids[i % S]!));
  const perDay = (grid: typeof g.aircraft): Histogram[] => Array.from({ length: DAYS }, () => histogramOf(grid));
  const hist = {
    dailyShortTons: perSite(g.shortTons), dailyPersonnel: perSite(g.personnel), dailyParking: perSite(g.parking),
    dailyShortTonsAll: perDay(g.shortTonsAll), dailyPersonnelAll: perDay(g.personnelAll),
    dailyBusy: perDay(g.aircraft), dailyAvailable: perDay(g.aircraft),
  };
  const fixed = (k: number): FixedSum[] => Array.from({ length: k }, () => new FixedSum());
  const sums = { dailyParkingSum: fixed(DAYS * S), dailyBusySum: fixed(DAYS), dailyAvailableSum: fixed(DAYS) };
  for (const r of rs) {
    for (let d = 0; d < DAYS; d++) {
      let tons = 0;
      let people = 0;
      for (let s = 0; s < S; s++) {
        const i = d * S + s;
        tons += r.dailyRemainingShortTons[i]!;
        people += r.dailyRemainingPersonnel[i]!;
        hist.dailyShortTons[i]!.push(r.dailyRemainingShortTons[i]!);
        hist.dailyPersonnel[i]!.push(r.dailyRemainingPersonnel[i]!);
        hist.dailyParking[i]!.push(r.dailyParkingOccupied[i]!);
        sums.dailyParkingSum[i]!.add(r.dailyParkingOccupied[i]!);
      }
      hist.dailyShortTonsAll[d]!.push(tons);
      hist.dailyPersonnelAll[d]!.push(people);
      hist.dailyBusy[d]!.push(r.dailyAircraftBusy[d]!);
      hist.dailyAvailable[d]!.push(r.dailyAircraftAvailable[d]!);
      sums.dailyBusySum[d]!.add(r.dailyAircraftBusy[d]!);
      sums.dailyAvailableSum[d]!.add(r.dailyAircraftAvailable[d]!);
    }
  }
  return { hist, sums };
}

function expectMatches(agg: Aggregator, rs: readonly ReplicationResult[]): void {
  const ref = reference(rs);
  for (const [k, hs] of Object.entries(ref.hist)) {
    const got = (agg as unknown as Record<string, Histogram[]>)[k]!;
    expect(got.map((h) => h.toJSON()), k).toEqual(hs.map((h) => h.toJSON()));
  }
  for (const [k, fs] of Object.entries(ref.sums)) {
    const got = (agg as unknown as Record<string, FixedSum[]>)[k]!;
    expect(got.map((f) => f.value), k).toEqual(fs.map((f) => f.value));
  }
}

describe('DailyBinner (zero tails counted in bulk)', () => {
  const rs = Array.from({ length: 90 }, (_, i) => tailed(i));

  it('the fixture has zero tails of every length, including none and the whole horizon', () => {
    const tails = new Set(rs.map((r) => {
      let d = DAYS;
      while (d > 0 && r.dailyRemainingShortTons[(d - 1) * S] === 0) d--;
      return d;
    }));
    expect(tails.size).toBe(DAYS + 1);
  });

  it('binned batches of any size give exactly the histograms and sums of pushing every value', () => {
    const scn = scenario();
    const binner = new DailyBinner(scn);
    const agg = new Aggregator(scn);
    const cuts = [0, 1, 40, 41, 77, 90];
    for (let k = cuts.length - 2; k >= 0; k--) agg.consumeBinned(binBatch(rs.slice(cuts[k], cuts[k + 1]), binner));
    expect(agg.n).toBe(rs.length);
    expectMatches(agg, rs);
  });

  it('dailySettledFrom (every series constant from that day on) gives the same bins as scanning the whole tail', () => {
    // some remaining series end on a non-zero constant (a run cut short by the horizon)
    const hinted = rs.map((r0, i) => {
      const tons = r0.dailyRemainingShortTons.slice();
      if (i % 5 === 2) for (let d = DAYS - 1 - (i % 4); d < DAYS; d++) tons[d * S] = 3.5;
      const r = { ...r0, dailyRemainingShortTons: tons };
      // the earliest valid day: each series is constant from where its last run of equal values
      // starts (the means only when that value is 0); any later day is valid too
      let from = 0;
      const run = (x: Float64Array, stride: number, off: number, zero: boolean): void => {
        const v = x[(DAYS - 1) * stride + off]!;
        let d = DAYS - 1;
        if (zero && v !== 0) d = DAYS;
        else while (d > 0 && x[(d - 1) * stride + off] === v) d--;
        from = Math.max(from, d);
      };
      for (let s = 0; s < S; s++) {
        run(r.dailyRemainingShortTons, S, s, false);
        run(r.dailyRemainingPersonnel, S, s, false);
        run(r.dailyParkingOccupied, S, s, true);
      }
      run(r.dailyAircraftBusy, 1, 0, true);
      run(r.dailyAircraftAvailable, 1, 0, true);
      return { ...r, dailySettledFrom: Math.min(DAYS, from + (i % 3)) };
    });
    expect(hinted.filter((r) => r.dailySettledFrom < DAYS).length).toBeGreaterThan(20);
    const scn = scenario();
    const binner = new DailyBinner(scn);
    const agg = new Aggregator(scn);
    agg.consumeBinned(binBatch(hinted, binner));
    expectMatches(agg, hinted);
  });

  it('single results and packed batches take the same path to the same state', () => {
    const scn = scenario();
    const one = new Aggregator(scn);
    rs.forEach((r) => one.consume(r));
    expectMatches(one, rs);
    const packed = new Aggregator(scn);
    packed.consumeBatch(packBatch(rs.slice(50), one.shape));
    packed.consumeBatch(packBatch(rs.slice(0, 50), one.shape));
    expect(JSON.stringify(packed.toState())).toBe(JSON.stringify(one.toState()));
  });

  it('formats the replications.csv rows in the worker only when asked', () => {
    const scn = scenario();
    const binner = new DailyBinner(scn);
    expect(binBatch(rs.slice(0, 3), binner).csv).toBeNull();
    const rows = binBatch(rs.slice(0, 3), binner, scn).csv!.trimEnd().split('\n');
    expect(rows.map((l) => l.split(',')[0])).toEqual(['0', '1', '2']);
  });
});
