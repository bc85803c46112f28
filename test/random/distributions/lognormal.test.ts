import { describe, expect, it } from 'vitest';
import { lognormal, lognormalMedianP90 } from '../../../src/random/distributions/lognormal.js';
import { Z90 } from '../../../src/random/math.js';
import { drawN, expectCdfAt, expectMean, expectVariance, range, testSource } from './stat.js';

/** Mean, variance and fourth central moment of exp(N(mu, sigma^2)) (kurtosis e^{4s2} + 2e^{3s2} + 3e^{2s2} - 3). */
function lognormalMoments(mu: number, sigma: number) {
  const s2 = sigma * sigma;
  const mean = Math.exp(mu + s2 / 2);
  const variance = Math.expm1(s2) * Math.exp(2 * mu + s2);
  const kurtosis = Math.exp(4 * s2) + 2 * Math.exp(3 * s2) + 3 * Math.exp(2 * s2) - 3;
  return { mean, variance, mu4: kurtosis * variance * variance };
}

describe('lognormal', () => {
  it('lognormal(source, 1, 0.5) has mean e^{1.125}, the lognormal variance and 0.9-quantile e^{1 + 0.5 z0.9}', () => {
    const m = lognormalMoments(1, 0.5);
    const x = drawN(lognormal(testSource('lognormal'), 1, 0.5));
    expectMean(x, m.mean, m.variance);
    expectVariance(x, m.variance, m.mu4);
    expectCdfAt(x, Math.exp(1 + 0.5 * Z90), 0.9);
    expect(range(x).min).toBeGreaterThan(0);
  });

  it('lognormal(source, 0, -1) throws quoting sigma', () => {
    expect(() => lognormal(testSource('l'), 0, -1)).toThrow('lognormal: sigma must be a number > 0, found -1');
  });
});

describe('lognormalMedianP90', () => {
  it('lognormalMedianP90(source, 10, 25) has median 10 and 90th percentile 25', () => {
    const x = drawN(lognormalMedianP90(testSource('lognormal-p90'), 10, 25));
    expectCdfAt(x, 10, 0.5);
    expectCdfAt(x, 25, 0.9);
    // sigma = ln(2.5) / z0.9, mu = ln 10.
    const m = lognormalMoments(Math.log(10), Math.log(2.5) / Z90);
    expectMean(x, m.mean, m.variance);
    expectVariance(x, m.variance, m.mu4);
  });

  it('lognormalMedianP90(source, 10, 8) throws quoting p90', () => {
    expect(() => lognormalMedianP90(testSource('l'), 10, 8)).toThrow('lognormal: p90 must be a number > median (10), found 8');
  });
});
