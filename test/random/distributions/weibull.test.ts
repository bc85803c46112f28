import { describe, expect, it } from 'vitest';
import { weibull } from '../../../src/random/distributions/weibull.js';
import { gammaFn } from '../../../src/random/math.js';
import { centralFourth, drawN, expectCdfAt, expectMean, expectVariance, testSource } from './stat.js';

describe('weibull', () => {
  it('weibull(source, 1.5, 2) has the Gamma-function moments and 0.9-quantile scale (ln 10)^(1/shape)', () => {
    const k = 1.5;
    const lambda = 2;
    // Raw moments E[X^r] = lambda^r Gamma(1 + r/k).
    const raw = [1, 2, 3, 4].map((r) => lambda ** r * gammaFn(1 + r / k)) as [number, number, number, number];
    const mean = raw[0];
    const variance = raw[1] - mean * mean;
    const x = drawN(weibull(testSource('weibull'), k, lambda));
    expectMean(x, mean, variance);
    expectVariance(x, variance, centralFourth(...raw));
    // F(x) = 1 - exp(-(x/lambda)^k) = 0.9 at x = lambda (ln 10)^(1/k).
    expectCdfAt(x, lambda * Math.log(10) ** (1 / k), 0.9);
  });

  it('weibull(source, 2, 0) throws quoting the scale', () => {
    expect(() => weibull(testSource('w'), 2, 0)).toThrow('weibull: scale must be a number > 0, found 0');
  });
});
