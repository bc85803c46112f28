import { describe, expect, it } from 'vitest';
import { uniform } from '../../../src/random/distributions/uniform.js';
import { constant } from '../../../src/random/distributions/constant.js';
import { DistributionError } from '../../../src/random/distributions/validate.js';
import { drawN, range, expectCdfAt, expectMean, expectVariance, testSource } from './stat.js';

describe('uniform', () => {
  it('uniform(source, 2, 5) has mean 3.5, variance 0.75 and 0.9-quantile 4.7', () => {
    const x = drawN(uniform(testSource('uniform'), 2, 5));
    // U(a,b): variance (b-a)^2/12, fourth central moment (b-a)^4/80.
    expectMean(x, 3.5, 0.75);
    expectVariance(x, 0.75, 81 / 80);
    expectCdfAt(x, 4.7, 0.9);
    expect(range(x).min).toBeGreaterThanOrEqual(2);
    expect(range(x).max).toBeLessThan(5);
  });

  it('uniform(source, 4, 4) is the constant 4 and draws nothing', () => {
    let calls = 0;
    const sample = uniform({ next: () => (calls++, 0.5) }, 4, 4);
    expect([sample(), sample()]).toEqual([4, 4]);
    expect(calls).toBe(0);
  });

  it('uniform(source, 5, 4) throws quoting the bad max', () => {
    expect(() => uniform(testSource('u'), 5, 4)).toThrow(DistributionError);
    expect(() => uniform(testSource('u'), 5, 4)).toThrow('uniform: max must be a number >= min (5), found 4');
  });
});

describe('constant', () => {
  it('constant(7) always returns 7', () => {
    const c = constant(7);
    expect([c(), c(), c()]).toEqual([7, 7, 7]);
  });

  it('constant(NaN) throws quoting NaN', () => {
    expect(() => constant(Number.NaN)).toThrow('constant: value must be a finite number, found NaN');
  });
});
