import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { clearedCount, countBetween, downsampleEcdf, fractionBefore } from '../../src/report/ecdf.js';

const rng = seedrandom('ecdf-test').double;
const xs = Array.from({ length: 3000 }, () => Math.round(1000 + 500 * rng())).sort((a, b) => a - b);
const n = 3200; // 200 replications never cleared
const trueF = (t: number) => xs.filter((x) => x <= t).length / n;

describe('fractionBefore', () => {
  it('counts strictly earlier completions over all n', () => {
    const h = xs[1500]!;
    expect(fractionBefore({ xs, n }, h)).toBe(xs.filter((x) => x < h).length / n);
    expect(fractionBefore({ xs, n }, Infinity)).toBe(3000 / n);
    expect(fractionBefore({ xs: [], n }, 5)).toBe(0);
  });
  it('uses the ranks of a thinned series', () => {
    const e = { xs: [10, 20, 30], ranks: [100, 200, 300], n: 400 };
    expect(fractionBefore(e, 25)).toBe(200 / 400);
    expect(clearedCount(e)).toBe(300);
    expect(countBetween(e, 15, 35)).toBe(200);
  });
});

describe('downsampleEcdf', () => {
  it.each([500, 100, 37])('keeps at most %i points, never above the true ECDF and within 1/max below it', (max) => {
    const pts = downsampleEcdf({ xs, n }, max);
    expect(pts.length).toBeLessThanOrEqual(max);
    // Each point is exactly on the ECDF (ties jump to the top of the tie).
    for (const p of pts) expect(p.p).toBe(trueF(p.hours));
    // Step-after between kept points: at any sample x, the drawn value is the last point at or before x.
    for (const x of xs) {
      let drawn = 0;
      for (const p of pts) if (p.hours <= x) drawn = p.p;
      expect(drawn).toBeLessThanOrEqual(trueF(x));
      expect(trueF(x) - drawn).toBeLessThanOrEqual(Math.ceil(xs.length / max) / n + 1e-12);
    }
    expect(pts.at(-1)).toEqual({ hours: xs.at(-1), p: 3000 / n });
  });
  it('keeps every distinct value of a short series', () => {
    expect(downsampleEcdf({ xs: [1, 2, 2, 3], n: 5 })).toEqual([{ hours: 1, p: 0.2 }, { hours: 2, p: 0.6 }, { hours: 3, p: 0.8 }]);
  });
});
