import { describe, expect, it } from 'vitest';
import { exponential } from '../../../src/random/distributions/exponential.js';
import { drawN, expectCdfAt, expectMean, expectVariance, range, testSource } from './stat.js';

describe('exponential', () => {
  it('exponential(source, 3) has mean 3, variance 9 and median 3 ln 2', () => {
    const x = drawN(exponential(testSource('exponential'), 3));
    // Exponential with mean m: variance m^2, fourth central moment 9 m^4.
    expectMean(x, 3, 9);
    expectVariance(x, 9, 9 * 81);
    expectCdfAt(x, 3 * Math.LN2, 0.5);
    expect(range(x).min).toBeGreaterThanOrEqual(0);
  });

  it('exponential(source, 2) stays finite when the source returns 0', () => {
    expect(exponential({ next: () => 0 }, 2)()).toBe(0);
  });

  it('exponential(source, 0) throws quoting the mean', () => {
    expect(() => exponential(testSource('e'), 0)).toThrow('exponential: mean must be a number > 0, found 0');
  });
});
