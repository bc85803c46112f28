import { describe, expect, it } from 'vitest';
import { normal } from '../../../src/random/distributions/normal.js';
import { meanOf, quantileOf, varianceOf } from '../../../src/random/moments.js';
import { normalCdf, normalPdf, Z90 } from '../../../src/random/math.js';
import { drawN, range, expectCdfAt, expectMean, expectVariance, simpson, testSource } from './stat.js';

/**
 * Moments of N(mean, sd) truncated to [min, max] by quadrature of its density, as an
 * independent check on both the sampler and the closed forms in meanOf/varianceOf.
 */
function truncatedByQuadrature(mean: number, sd: number, min: number, max: number) {
  const a = Math.max((min - mean) / sd, -12);
  const b = Math.min((max - mean) / sd, a + 24);
  const z = simpson(normalPdf, a, b);
  const m = simpson((t) => t * normalPdf(t), a, b) / z;
  const c2 = simpson((t) => (t - m) ** 2 * normalPdf(t), a, b) / z;
  const c4 = simpson((t) => (t - m) ** 4 * normalPdf(t), a, b) / z;
  return { mean: mean + sd * m, variance: sd * sd * c2, mu4: sd ** 4 * c4 };
}

describe('normal', () => {
  it('normal(source, 10, 3) has mean 10, variance 9 and 0.9-quantile 10 + 3 z0.9', () => {
    const x = drawN(normal(testSource('normal'), 10, 3));
    expectMean(x, 10, 9);
    expectVariance(x, 9, 3 * 81); // normal mu4 = 3 sigma^4
    expectCdfAt(x, 10 + 3 * Z90, 0.9);
  });

  it('normal(source, 10, 4, 5, 12) matches the truncated moments (closed form and quadrature agree)', () => {
    const spec = { dist: 'normal', mean: 10, sd: 4, min: 5, max: 12 } as const;
    const exact = truncatedByQuadrature(10, 4, 5, 12);
    expect(meanOf(spec)).toBeCloseTo(exact.mean, 9);
    expect(varianceOf(spec)).toBeCloseTo(exact.variance, 9);
    const x = drawN(normal(testSource('normal-trunc'), 10, 4, 5, 12));
    expectMean(x, exact.mean, exact.variance);
    expectVariance(x, exact.variance, exact.mu4);
    // Median of the truncated law: F(q) = 1/2 by construction of quantileOf.
    const q = quantileOf(spec, 0.5)!;
    expect((normalCdf((q - 10) / 4) - normalCdf(-1.25)) / (normalCdf(0.5) - normalCdf(-1.25))).toBeCloseTo(0.5, 8);
    expectCdfAt(x, q, 0.5);
    expect(range(x).min).toBeGreaterThanOrEqual(5);
    expect(range(x).max).toBeLessThanOrEqual(12);
  });

  it('normal(source, 0, 1, 1) (lower bound above the mean, sampled by reflection) matches the truncated moments', () => {
    const spec = { dist: 'normal', mean: 0, sd: 1, min: 1 } as const;
    const exact = truncatedByQuadrature(0, 1, 1, Infinity);
    expect(meanOf(spec)).toBeCloseTo(exact.mean, 9);
    expect(varianceOf(spec)).toBeCloseTo(exact.variance, 9);
    const x = drawN(normal(testSource('normal-reflect'), 0, 1, 1));
    expectMean(x, exact.mean, exact.variance);
    expectVariance(x, exact.variance, exact.mu4);
    const q = quantileOf(spec, 0.9)!;
    // Independent check of the quantile: P(X <= q | X >= 1) = 0.9.
    expect((normalCdf(q) - normalCdf(1)) / (1 - normalCdf(1))).toBeCloseTo(0.9, 7);
    expectCdfAt(x, q, 0.9);
    expect(range(x).min).toBeGreaterThanOrEqual(1);
  });

  it('normal(source, 0, 1, 8) samples a bound 8 sd out without rejection', () => {
    const exact = truncatedByQuadrature(0, 1, 8, Infinity);
    const x = drawN(normal(testSource('normal-far'), 0, 1, 8));
    expect(range(x).min).toBeGreaterThanOrEqual(8);
    expectMean(x, exact.mean, exact.variance);
    expectVariance(x, exact.variance, exact.mu4);
  });

  it('normal(source, 0, 1, undefined, -1) truncates above only', () => {
    const exact = truncatedByQuadrature(0, 1, -Infinity, -1);
    const x = drawN(normal(testSource('normal-upper'), 0, 1, undefined, -1));
    expect(range(x).max).toBeLessThanOrEqual(-1);
    expectMean(x, exact.mean, exact.variance);
  });

  it('normal(source, ...) is increasing in u on both sides of the mean (reflected form included)', () => {
    const us = [0.01, 0.2, 0.5, 0.8, 0.99];
    for (const [min, max] of [[-1, 2], [1, 3], [2, undefined]] as const) {
      const xs = us.map((u) => normal({ next: () => u }, 0, 1, min, max)());
      for (let i = 1; i < xs.length; i++) expect(xs[i]!, `[${min}, ${max}]`).toBeGreaterThan(xs[i - 1]!);
    }
  });

  it('normal(source, 5, 2, 3, 3) is the constant 3', () => {
    const n = normal(testSource('n'), 5, 2, 3, 3);
    expect([n(), n()]).toEqual([3, 3]);
  });

  it('normal(source, 0, 0) throws quoting sd', () => {
    expect(() => normal(testSource('n'), 0, 0)).toThrow('normal: sd must be a number > 0, found 0');
  });

  it('normal(source, 0, 1) stays finite when the source returns exactly 0', () => {
    const n = normal({ next: () => 0 }, 0, 1);
    expect(Number.isFinite(n())).toBe(true);
  });
});
