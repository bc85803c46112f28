import { describe, expect, it } from 'vitest';
import { quantileSorted, quantileSortedLinear, sortAscending } from '../../src/stats/quantile.js';
import { ecdf, countAtMost } from '../../src/stats/ecdf.js';

const ten = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

describe('quantileSorted (type 1, inverse ECDF)', () => {
  it('returns x_(ceil(n p)) on 1..10', () => {
    expect(quantileSorted(ten, 0)).toBe(1);
    expect(quantileSorted(ten, 0.1)).toBe(1); // ceil(1) = 1
    expect(quantileSorted(ten, 0.11)).toBe(2); // ceil(1.1) = 2
    expect(quantileSorted(ten, 0.25)).toBe(3); // ceil(2.5) = 3
    expect(quantileSorted(ten, 0.5)).toBe(5);
    expect(quantileSorted(ten, 0.8)).toBe(8);
    expect(quantileSorted(ten, 0.95)).toBe(10); // ceil(9.5) = 10
    expect(quantileSorted(ten, 1)).toBe(10);
  });
  it('is not fooled by floating point in n p (100 * 0.29 = 28.999999999999996)', () => {
    const hundred = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(quantileSorted(hundred, 0.29)).toBe(29);
    expect(quantileSorted(hundred, 0.57)).toBe(57);
  });
  it('lands on Infinity when the rank falls among never-completed outcomes', () => {
    const s = [3, 4, Infinity, Infinity];
    expect(quantileSorted(s, 0.5)).toBe(4);
    expect(quantileSorted(s, 0.51)).toBe(Infinity);
  });
  it('agrees with the ECDF: F(Q(p)) >= p and F(just below Q(p)) < p', () => {
    const s = sortAscending([5, 1, 4, 4, 2, 9, 7, 7, 7, 3, 8]);
    for (const p of [0.05, 0.1, 0.33, 0.5, 0.77, 0.9, 0.99]) {
      const q = quantileSorted(s, p);
      expect(ecdf(s, q)).toBeGreaterThanOrEqual(p);
      expect(ecdf(s, q - 1e-9)).toBeLessThan(p);
    }
  });
  it('empty -> NaN; p outside [0, 1] throws', () => {
    expect(quantileSorted([], 0.5)).toBeNaN();
    expect(() => quantileSorted(ten, 1.5)).toThrow(RangeError);
  });
});

describe('quantileSortedLinear (type 7)', () => {
  it('interpolates at h = (n-1)p', () => {
    expect(quantileSortedLinear(ten, 0.25)).toBeCloseTo(3.25, 12);
    expect(quantileSortedLinear(ten, 0.5)).toBeCloseTo(5.5, 12);
    expect(quantileSortedLinear(ten, 0.9)).toBeCloseTo(9.1, 12);
    expect(quantileSortedLinear([7], 0.3)).toBe(7);
  });
});

describe('ecdf', () => {
  it('counts values <= x, with ties', () => {
    const s = [1, 2, 2, 2, 5];
    expect(countAtMost(s, 0)).toBe(0);
    expect(countAtMost(s, 2)).toBe(4);
    expect(countAtMost(s, 4.9)).toBe(4);
    expect(ecdf(s, 5)).toBe(1);
    expect(ecdf(s, 2, 10)).toBe(0.4); // a larger denominator counts absent outcomes
  });
});
