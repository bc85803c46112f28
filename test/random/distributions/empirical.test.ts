import { describe, expect, it } from 'vitest';
import { empirical } from '../../../src/random/distributions/empirical.js';
import { drawN, expectCdfAt, expectMean, expectVariance, testSource } from './stat.js';

/** Mean, variance and fourth central moment of a discrete law, summed directly. */
function discreteMoments(values: number[], weights: number[]) {
  const total = weights.reduce((s, w) => s + w, 0);
  const pr = weights.map((w) => w / total);
  const mean = values.reduce((s, v, i) => s + pr[i]! * v, 0);
  const variance = values.reduce((s, v, i) => s + pr[i]! * (v - mean) ** 2, 0);
  const mu4 = values.reduce((s, v, i) => s + pr[i]! * (v - mean) ** 4, 0);
  return { mean, variance, mu4 };
}

describe('empirical', () => {
  it('empirical(source, [10, 1, 5, 2], [6, 1, 0, 3]) draws by weight: mean 6.7, P(X <= 2) = 0.4, never the zero-weight 5', () => {
    const values = [10, 1, 5, 2];
    const weights = [6, 1, 0, 3];
    const m = discreteMoments(values, weights);
    const x = drawN(empirical(testSource('empirical'), values, weights));
    expect(m.mean).toBeCloseTo(6.7, 12);
    expectMean(x, m.mean, m.variance);
    expectVariance(x, m.variance, m.mu4);
    expectCdfAt(x, 2, 0.4);
    expect(x.every((v) => v === 10 || v === 1 || v === 2)).toBe(true);
  });

  it('empirical(source, [3, 1, 2]) without weights is uniform over the values', () => {
    const m = discreteMoments([3, 1, 2], [1, 1, 1]);
    const x = drawN(empirical(testSource('empirical-equal'), [3, 1, 2]));
    expectMean(x, m.mean, m.variance);
    expectVariance(x, m.variance, m.mu4);
    expectCdfAt(x, 1, 1 / 3);
  });

  it('empirical(source, [4]) and all weight on one value are constants', () => {
    const source = testSource('e');
    expect(empirical(source, [4])()).toBe(4);
    expect(empirical(source, [4, 8, 9], [0, 2, 0])()).toBe(8);
  });

  it('empirical(source, [1, 2], [1, -1]) throws quoting the weight', () => {
    expect(() => empirical(testSource('e'), [1, 2], [1, -1])).toThrow('empirical: weights[1] must be a weight >= 0, found -1');
  });
});
