import { describe, expect, it } from 'vitest';
import { bernoulli } from '../../../src/random/distributions/bernoulli.js';
import { drawN, expectCdfAt, expectMean, expectVariance, testSource } from './stat.js';

describe('bernoulli', () => {
  it('bernoulli(source, 0.3) has mean 0.3, variance 0.21 and P(X = 0) = 0.7', () => {
    const p = 0.3;
    const x = drawN(bernoulli(testSource('bernoulli'), p));
    const v = p * (1 - p);
    expect(x.every((b) => b === 0 || b === 1)).toBe(true);
    expectMean(x, p, v);
    // Fourth central moment p(1-p)(1 - 3p + 3p^2).
    expectVariance(x, v, v * (1 - 3 * p + 3 * p * p));
    expectCdfAt(x, 0, 1 - p);
  });

  it('bernoulli(source, 0) and bernoulli(source, 1) are constants that draw nothing', () => {
    let calls = 0;
    const source = { next: () => (calls++, 0.5) };
    expect(bernoulli(source, 0)()).toBe(0);
    expect(bernoulli(source, 1)()).toBe(1);
    expect(calls).toBe(0);
  });

  it('bernoulli(source, 1.2) throws quoting p', () => {
    expect(() => bernoulli(testSource('b'), 1.2)).toThrow('bernoulli: p must be a probability in [0, 1], found 1.2');
  });
});
