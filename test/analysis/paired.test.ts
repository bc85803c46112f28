import { describe, expect, it } from 'vitest';
import { comparePaired, pairedTable, width } from '../../src/runner/analysis/index.js';
import { wilson } from '../../src/stats/intervals.js';

describe('comparePaired (Newcombe method 10)', () => {
  it('pairedTable counts the four cells against each scenario\'s own deadline', () => {
    const b = [1, 5, 1, 5, Infinity];
    const a = [1, 1, 5, 5, 1];
    expect(pairedTable(b, a, 3, 3)).toEqual({ n: 5, a: 1, b: 1, c: 2, d: 1 });
    expect(pairedTable(b, a, 6, 3)).toEqual({ n: 5, a: 2, b: 2, c: 1, d: 0 });
  });

  it('with no correlation the paired interval is the independent one, built from the two Wilson intervals', () => {
    // a d = b c: phi = 0
    const t = { n: 100, a: 20, b: 20, c: 30, d: 30 };
    const r = comparePaired(t);
    expect(r.phi).toBe(0);
    expect(r.paired.ci95).toEqual(r.independent.ci95);
    const pB = 0.4, pA = 0.5;
    const wB = wilson(40, 100), wA = wilson(50, 100);
    expect(r.independent.estimate).toBeCloseTo(pB - pA, 12);
    expect(r.independent.ci95[0]).toBeCloseTo(pB - pA - Math.hypot(pB - wB.lo, wA.hi - pA), 12);
    expect(r.independent.ci95[1]).toBeCloseTo(pB - pA + Math.hypot(wB.hi - pB, pA - wA.lo), 12);
  });

  it('positively correlated pairs give a narrower paired interval, hand-computed', () => {
    const t = { n: 200, a: 90, b: 6, c: 14, d: 90 };
    const r = comparePaired(t);
    const pB = 96 / 200, pA = 104 / 200;
    const wB = wilson(96, 200), wA = wilson(104, 200);
    const phi = (90 * 90 - 6 * 14 - 100) / Math.sqrt(96 * 104 * 104 * 96); // continuity-corrected
    const lo = pB - pA - Math.sqrt((pB - wB.lo) ** 2 - 2 * phi * (pB - wB.lo) * (wA.hi - pA) + (wA.hi - pA) ** 2);
    const hi = pB - pA + Math.sqrt((wB.hi - pB) ** 2 - 2 * phi * (wB.hi - pB) * (pA - wA.lo) + (pA - wA.lo) ** 2);
    expect(r.paired.ci95[0]).toBeCloseTo(lo, 12);
    expect(r.paired.ci95[1]).toBeCloseTo(hi, 12);
    expect(width(r.paired)).toBeLessThan(width(r.independent) / 2);
    // the paired t interval on d_i in {-1, 0, 1} is centred on (b - c) / n
    expect(r.pairedT.estimate).toBeCloseTo(-8 / 200, 12);
  });
});
