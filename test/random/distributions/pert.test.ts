import { describe, expect, it } from 'vitest';
import { pert } from '../../../src/random/distributions/pert.js';
import { drawN, range, expectCdfAt, expectMean, expectVariance, testSource } from './stat.js';

/** Fourth central moment of a beta(alpha, beta) on [min, max], from its excess kurtosis. */
function betaMu4(alpha: number, beta: number, width: number): number {
  const s = alpha + beta;
  const variance = (alpha * beta) / (s * s * (s + 1));
  const excess = (6 * ((alpha - beta) ** 2 * (s + 1) - alpha * beta * (s + 2))) / (alpha * beta * (s + 2) * (s + 3));
  return (3 + excess) * variance * variance * width ** 4;
}

describe('pert', () => {
  it('pert(source, 0, 0.25, 1) is Beta(2, 4): mean 1/3, variance 2/63, CDF at 0.3 from the binomial sum', () => {
    const x = drawN(pert(testSource('pert'), 0, 0.25, 1));
    // alpha = 1 + 4 * 0.25 = 2, beta = 1 + 4 * 0.75 = 4; mean (a + 4m + b)/6; variance (mu-a)(b-mu)/(lambda+3).
    const v = ((1 / 3) * (2 / 3)) / 7;
    expectMean(x, 1 / 3, v);
    expectVariance(x, v, betaMu4(2, 4, 1));
    // Integer shapes: I_x(2, 4) = sum_{j=2}^{5} C(5, j) x^j (1-x)^(5-j).
    const q = 0.3;
    const binom = [1, 5, 10, 10, 5, 1];
    let cdf = 0;
    for (let j = 2; j <= 5; j++) cdf += binom[j]! * q ** j * (1 - q) ** (5 - j);
    expectCdfAt(x, q, cdf);
  });

  it('pert(source, 10, 14, 30, 2) has mean (a + lambda m + b)/(lambda + 2) and variance (mu-a)(b-mu)/(lambda+3)', () => {
    const x = drawN(pert(testSource('pert-lambda'), 10, 14, 30, 2));
    const mean = (10 + 2 * 14 + 30) / 4; // 17
    const v = ((mean - 10) * (30 - mean)) / 5;
    // alpha = 1 + 2 * 4/20 = 1.4, beta = 1 + 2 * 16/20 = 2.6.
    expectMean(x, mean, v);
    expectVariance(x, v, betaMu4(1.4, 2.6, 20));
    expect(range(x).min).toBeGreaterThanOrEqual(10);
    expect(range(x).max).toBeLessThanOrEqual(30);
  });

  it('pert(source, 3, 3, 3) is the constant 3', () => {
    const p = pert(testSource('p'), 3, 3, 3);
    expect([p(), p()]).toEqual([3, 3]);
  });

  it('pert(source, 0, 1, 2, -1) throws quoting lambda', () => {
    expect(() => pert(testSource('p'), 0, 1, 2, -1)).toThrow('pert: lambda must be a number > 0, found -1');
  });
});
