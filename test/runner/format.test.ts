/**
 * The rounding rule for a probability and its interval (probabilityDecimals, runner/format.ts)
 * and the stdout report that uses it. Before it, n = 10,000 all cleared printed
 * '100.0% (95% CI 100.0% to 100.0%)' though the lower bound is 99.96%, and 17 of 2,000 printed
 * '0.9% (95% CI 0.5% to 1.4%)'.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, probabilityDecimals } from '../../src/runner/format.js';
import type { Interval } from '../../src/runner/summary-types.js';
import { wilson } from '../../src/stats/intervals.js';
import { makeFixture } from '../report/fixture.js';

const interval = (k: number, n: number): Interval => {
  const w = wilson(k, n);
  return { estimate: w.estimate, ci95: [w.lo, w.hi] };
};
const decimals = (i: Interval, min: number): number => probabilityDecimals(i.estimate, i.ci95, min);

describe('probabilityDecimals', () => {
  it('keeps the usual decimals for usual values', () => {
    expect(decimals(interval(3720, 4000), 2)).toBe(2); // 0.93 [0.92, 0.94]
    expect(decimals(interval(3720, 4000), 3)).toBe(3); // 93.0% (95% CI 92.2% to 93.8%)
    expect(decimals(interval(2, 4), 3)).toBe(3);
  });

  it('adds decimals until a bound that differs from the estimate prints differently', () => {
    expect(decimals(interval(10_000, 10_000), 2)).toBe(4); // 1.0000 [0.9996, 1.0000]
    expect(decimals(interval(10_000, 10_000), 3)).toBe(4); // 100.00% (95% CI 99.96% to 100.00%)
    expect(decimals(interval(0, 10_000), 2)).toBe(4); // 0.0000 [0.0000, 0.0004]
    expect(decimals(interval(9312, 10_000), 2)).toBe(3); // 0.931 [0.926, 0.936], not 0.93 [0.93, 0.94]
  });

  it('never prints a value strictly between 0 and 1 as 0 or 1', () => {
    expect(probabilityDecimals(0.9996, [0.9996, 0.9996], 2)).toBe(4);
    expect(probabilityDecimals(0.5, [0.0004, 0.9996], 2)).toBe(4);
  });

  it('gives a non-zero estimate two significant digits', () => {
    expect(decimals(interval(17, 2000), 2)).toBe(4); // 0.0085 [0.0053, 0.0136], not 0.01 [0.01, 0.01] or 0.009
    expect(probabilityDecimals(0.05, [0.04, 0.06], 2)).toBe(3);
  });

  it('stops at max and ignores non-finite values', () => {
    expect(probabilityDecimals(1, [1 - 1e-9, 1], 2)).toBe(6);
    expect(probabilityDecimals(NaN, [0, 1], 2)).toBe(2);
  });
});

describe('formatReport intervals', () => {
  it('shows the bounds that differ from the estimate, with the decimals they need', () => {
    const { summary } = makeFixture({ replications: 300 });
    const all = interval(10_000, 10_000);
    const text = formatReport({
      ...summary,
      replications: 10_000,
      probabilityCleared: all,
      sites: { AB101: { ...summary.sites['AB101']!, probabilityCleared: interval(9312, 10_000) } },
      milestones: { m: { name: 'Two-thirds out', date: '2024-07-26T23:00:00.000Z', probability: interval(17, 2000) } },
    });
    expect(text).toContain('Probability everything is out by 2024-09-15: 100.00% (95% CI 99.96% to 100.00%), n = 10,000');
    expect(text).toContain('  AB101: 93.1% (95% CI 92.6% to 93.6%)'); // usual values: one decimal, as before
    expect(text).toContain('Two-thirds out by 2024-07-26: 0.85% (95% CI 0.53% to 1.36%)');
  });
});

describe('formatReport dates', () => {
  it("prints completion dates on the scenario's fixed clock (utcOffsetHours), as report.html and trace do", () => {
    const { summary } = makeFixture({ replications: 300 });
    const p50 = '2024-11-04T10:00:00.000Z'; // after Europe/Berlin's change to +01:00 on 27 Oct
    const s = { ...summary, scenario: { ...summary.scenario, timeZone: 'Europe/Berlin' }, completion: { ...summary.completion, p50 } };
    const scenario = { sites: [], aircraftTypes: [], deadlineDate: '2024-12-15', milestones: [], utcOffsetHours: 2 };
    expect(formatReport(s, { scenario })).toContain('  P50 Mon 4 Nov 2024 12:00');
  });
});

describe('formatReport wording', () => {
  it("names the binding cause as the report does: the largest wait on the last sortie, not 'the binding cause'", () => {
    const { summary } = makeFixture({ replications: 300 });
    const text = formatReport(summary);
    expect(text).toMatch(/^Largest wait on the last sortie, most often: [a-z-]+ \(\d+% of replications\)$/m);
    expect(text).not.toMatch(/binding cause/);
  });
});

describe('formatReport of merged shards', () => {
  it('calls their time what it is, a sum over the shards, not a wall time', () => {
    const { summary } = makeFixture({ replications: 300 });
    const text = formatReport({ ...summary, elapsedSeconds: 6.7, workers: 24 }, { shards: 12 });
    expect(text).toContain('Time summed over 12 shards: 6.7 s (24 workers in all;');
    expect(text).not.toMatch(/^Wall time/m);
    expect(formatReport(summary)).toMatch(/^Wall time /m);
  });
});
