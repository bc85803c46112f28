import { describe, expect, it } from 'vitest';
import { gamma } from '../../../src/random/distributions/gamma.js';
import { normalCdf } from '../../../src/random/math.js';
import { drawN, expectCdfAt, expectMean, expectVariance, range, testSource } from './stat.js';

// Gamma(k, theta): mean k theta, variance k theta^2, excess kurtosis 6/k so mu4 = (3 + 6/k) variance^2.
function gammaMoments(k: number, theta: number) {
  const variance = k * theta * theta;
  return { mean: k * theta, variance, mu4: (3 + 6 / k) * variance * variance };
}

describe('gamma', () => {
  it('gamma(source, 3, 2) has mean 6, variance 12 and the Erlang CDF at 6', () => {
    const m = gammaMoments(3, 2);
    const x = drawN(gamma(testSource('gamma'), 3, 2));
    expectMean(x, m.mean, m.variance);
    expectVariance(x, m.variance, m.mu4);
    // Integer shape (Erlang): F(x) = 1 - e^{-x/theta} sum_{j<k} (x/theta)^j / j!; at x = 6, x/theta = 3.
    expectCdfAt(x, 6, 1 - Math.exp(-3) * (1 + 3 + 4.5));
  });

  it('gamma(source, 0.5, 2) (shape < 1, boosted) has mean 1, variance 2 and the chi-square CDF', () => {
    const m = gammaMoments(0.5, 2);
    const x = drawN(gamma(testSource('gamma-small'), 0.5, 2));
    expectMean(x, m.mean, m.variance);
    expectVariance(x, m.variance, m.mu4);
    // Gamma(1/2, 2) is chi-square with 1 df: F(x) = 2 Phi(sqrt(x)) - 1.
    expectCdfAt(x, 1, 2 * normalCdf(1) - 1);
    expect(range(x).min).toBeGreaterThan(0);
  });

  it('gamma(source, 1, 4) is the exponential with mean 4', () => {
    const m = gammaMoments(1, 4);
    const x = drawN(gamma(testSource('gamma-one'), 1, 4));
    expectMean(x, 4, m.variance);
    expectVariance(x, m.variance, m.mu4);
    expectCdfAt(x, 4 * Math.LN2, 0.5);
  });

  it('gamma(source, -1, 1) throws quoting the shape', () => {
    expect(() => gamma(testSource('g'), -1, 1)).toThrow('gamma: shape must be a number > 0, found -1');
  });
});
