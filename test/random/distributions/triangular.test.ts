import { describe, expect, it } from 'vitest';
import { triangular } from '../../../src/random/distributions/triangular.js';
import { drawN, range, expectCdfAt, expectMean, expectVariance, testSource } from './stat.js';

describe('triangular', () => {
  it('triangular(source, 1, 2, 6) has mean 3, variance 7/6 and the closed-form quantiles on both sides of the mode', () => {
    const x = drawN(triangular(testSource('triangular'), 1, 2, 6));
    // Variance (a^2+b^2+c^2-ab-ac-bc)/18 = 21/18; a triangular law has kurtosis 12/5, so mu4 = 2.4 sigma^4.
    const v = 21 / 18;
    expectMean(x, 3, v);
    expectVariance(x, v, 2.4 * v * v);
    // F(x) = (x-a)^2/((b-a)(c-a)) left of the mode (F(mode) = 0.2), 1 - (b-x)^2/((b-a)(b-c)) right of it.
    expectCdfAt(x, 1.5, 0.25 / 5);
    expectCdfAt(x, 4, 1 - 4 / 20);
    expect(range(x).min).toBeGreaterThanOrEqual(1);
    expect(range(x).max).toBeLessThanOrEqual(6);
  });

  it('triangular(source, 0, 0, 3) with the mode at min is a right triangle (mean 1, variance 1/2)', () => {
    const x = drawN(triangular(testSource('triangular-edge'), 0, 0, 3));
    expectMean(x, 1, 0.5);
    expectVariance(x, 0.5, 2.4 * 0.25);
  });

  it('triangular(source, 2, 2, 2) is the constant 2', () => {
    const t = triangular(testSource('t'), 2, 2, 2);
    expect([t(), t()]).toEqual([2, 2]);
  });

  it('triangular(source, 1, 7, 5) throws quoting the mode', () => {
    expect(() => triangular(testSource('t'), 1, 7, 5)).toThrow('triangular: mode must be a number in [min, max] = [1, 5], found 7');
  });
});
