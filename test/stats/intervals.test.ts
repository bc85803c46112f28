import { describe, expect, it } from 'vitest';
import { wilson, wilsonHalfWidth, tInterval, zFor } from '../../src/stats/intervals.js';
import { normalQuantile, tQuantile, tCdf, logGamma } from '../../src/stats/distributions.js';

describe('wilson', () => {
  it('93/100 gives [0.8625, 0.9657] (the textbook example)', () => {
    // centre = (0.93 + z²/200) / (1 + z²/100), half = z/(1+z²/100) * sqrt(0.93*0.07/100 + z²/40000)
    const ci = wilson(93, 100);
    expect(ci.estimate).toBe(0.93);
    expect(ci.lo).toBeCloseTo(0.862505, 6);
    expect(ci.hi).toBeCloseTo(0.965681, 6);
  });
  it('0/n has lower bound 0 and upper bound z²/(n+z²)', () => {
    const z = 1.959963984540054;
    const ci = wilson(0, 10);
    expect(ci.lo).toBe(0);
    expect(ci.hi).toBeCloseTo((z * z) / (10 + z * z), 12);
  });
  it('n/n has upper bound exactly 1 and is the mirror of 0/n', () => {
    const ci = wilson(10, 10);
    expect(ci.hi).toBe(1);
    expect(ci.lo).toBeCloseTo(1 - wilson(0, 10).hi, 12);
  });
  it('is symmetric about 1/2 for s and n - s', () => {
    const a = wilson(30, 200);
    const b = wilson(170, 200);
    expect(a.lo).toBeCloseTo(1 - b.hi, 12);
    expect(a.hi).toBeCloseTo(1 - b.lo, 12);
  });
  it('at p = 1/2 the half-width is z / (2 sqrt(n + z²)), shrinking like 1/sqrt(n)', () => {
    const z = 1.959963984540054;
    const h1 = wilsonHalfWidth(500, 1000);
    const h4 = wilsonHalfWidth(2000, 4000);
    expect(h1).toBeCloseTo(z / (2 * Math.sqrt(1000 + z * z)), 12);
    expect(h4).toBeCloseTo(z / (2 * Math.sqrt(4000 + z * z)), 12);
  });
  it('n = 0 gives the whole interval; bad counts throw', () => {
    expect(wilson(0, 0)).toMatchObject({ lo: 0, hi: 1 });
    expect(() => wilson(5, 4)).toThrow(RangeError);
  });
});

describe('normal and t quantiles', () => {
  it('normalQuantile matches table values', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(0.05)).toBeCloseTo(-1.644854, 6);
    expect(zFor(0.9)).toBeCloseTo(1.644854, 6);
  });
  it('tQuantile matches table values', () => {
    expect(tQuantile(0.975, 1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile(0.975, 9)).toBeCloseTo(2.262157, 6);
    expect(tQuantile(0.975, 30)).toBeCloseTo(2.042272, 6);
    expect(tQuantile(0.025, 9)).toBeCloseTo(-2.262157, 6);
  });
  it('tCdf with df = 1 is the Cauchy CDF 1/2 + atan(t)/pi', () => {
    for (const t of [-3, -0.5, 0, 0.7, 10]) expect(tCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });
});

describe('logGamma', () => {
  it('matches log((n-1)!) and log(sqrt(pi))', () => {
    expect(logGamma(1)).toBeCloseTo(0, 13);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
  });
});

describe('tInterval', () => {
  it('mean ± t(0.975, n-1) sd/sqrt(n)', () => {
    const ci = tInterval(10, 5, 2);
    const half = (2.262157 * 2) / Math.sqrt(10);
    expect(ci.lo).toBeCloseTo(5 - half, 5);
    expect(ci.hi).toBeCloseTo(5 + half, 5);
  });
});
