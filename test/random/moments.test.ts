import { describe, expect, it } from 'vitest';
import { meanOf, planValueOf, quantileOf, varianceOf } from '../../src/random/moments.js';
import { Z90 } from '../../src/random/math.js';
import type { DistSpec } from '../../src/random/spec.js';

describe('meanOf / varianceOf', () => {
  it('meanOf(spec) and varianceOf(spec) match hand-derived closed forms', () => {
    const cases: Array<[DistSpec, number, number]> = [
      [{ dist: 'constant', value: 4 }, 4, 0],
      [{ dist: 'uniform', min: 2, max: 5 }, 3.5, 0.75],
      [{ dist: 'triangular', min: 1, mode: 2, max: 6 }, 3, 21 / 18],
      // PERT lambda 4 on [0, 1] with mode 1/4 is Beta(2, 4): mean 1/3, variance 2*4/(36*7) = 2/63.
      [{ dist: 'pert', min: 0, mode: 0.25, max: 1 }, 1 / 3, 2 / 63],
      [{ dist: 'pert', min: 0, mode: 0.25, max: 1, lambda: 4 }, 1 / 3, 2 / 63],
      [{ dist: 'normal', mean: 10, sd: 3 }, 10, 9],
      // Half-normal: mean sqrt(2/pi), variance 1 - 2/pi.
      [{ dist: 'normal', mean: 0, sd: 1, min: 0 }, Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI],
      [{ dist: 'normal', mean: 0, sd: 1, max: 0 }, -Math.sqrt(2 / Math.PI), 1 - 2 / Math.PI],
      [{ dist: 'lognormal', mu: 0, sigma: 1 }, Math.exp(0.5), (Math.E - 1) * Math.E],
      [{ dist: 'exponential', mean: 3 }, 3, 9],
      [{ dist: 'gamma', shape: 3, scale: 2 }, 6, 12],
      // Weibull shape 1 is exponential; shape 2 is Rayleigh: mean s sqrt(pi)/2, variance s^2 (1 - pi/4).
      [{ dist: 'weibull', shape: 1, scale: 2 }, 2, 4],
      [{ dist: 'weibull', shape: 2, scale: 2 }, Math.sqrt(Math.PI), 4 * (1 - Math.PI / 4)],
      [{ dist: 'bernoulli', p: 0.3 }, 0.3, 0.21],
      [{ dist: 'empirical', values: [10, 1, 5, 2], weights: [6, 1, 0, 3] }, 6.7, 0.6 * 3.3 ** 2 + 0.1 * 5.7 ** 2 + 0.3 * 4.7 ** 2],
      [{ dist: 'empirical', values: [1, 2, 3] }, 2, 2 / 3],
    ];
    for (const [spec, mean, variance] of cases) {
      expect(meanOf(spec), JSON.stringify(spec)).toBeCloseTo(mean, 10);
      expect(varianceOf(spec), JSON.stringify(spec)).toBeCloseTo(variance, 10);
    }
  });

  it('meanOf(spec) of a lognormal by median/p90 is exp(ln median + sigma^2 / 2) with sigma = ln(p90/median)/z0.9', () => {
    const sigma = Math.log(25 / 10) / Z90;
    expect(meanOf({ dist: 'lognormal', median: 10, p90: 25 })).toBeCloseTo(10 * Math.exp((sigma * sigma) / 2), 10);
  });

  it('meanOf(spec) of a normal truncated to a point is that point, with variance 0', () => {
    const spec: DistSpec = { dist: 'normal', mean: 5, sd: 2, min: 3, max: 3 };
    expect([meanOf(spec), varianceOf(spec)]).toEqual([3, 0]);
  });
});

describe('planValueOf', () => {
  it('planValueOf(spec) is the mode for triangular and PERT', () => {
    expect(planValueOf({ dist: 'triangular', min: 1, mode: 2, max: 6 })).toBe(2);
    expect(planValueOf({ dist: 'pert', min: 10, mode: 14, max: 30 })).toBe(14);
  });

  it('planValueOf(spec) is the median for a lognormal by median/p90, the mean by mu/sigma', () => {
    expect(planValueOf({ dist: 'lognormal', median: 10, p90: 25 })).toBe(10);
    expect(planValueOf({ dist: 'lognormal', mu: 0, sigma: 1 })).toBeCloseTo(Math.exp(0.5), 12);
  });

  it('planValueOf(spec) is the stated mean of a normal, clamped into its bounds', () => {
    expect(planValueOf({ dist: 'normal', mean: 10, sd: 3 })).toBe(10);
    expect(planValueOf({ dist: 'normal', mean: 10, sd: 3, min: 5, max: 12 })).toBe(10);
    expect(planValueOf({ dist: 'normal', mean: 0, sd: 1, min: 1 })).toBe(1);
  });

  it('planValueOf(spec) is the most likely value of a Bernoulli or empirical', () => {
    expect(planValueOf({ dist: 'bernoulli', p: 0.3 })).toBe(0);
    expect(planValueOf({ dist: 'bernoulli', p: 0.7 })).toBe(1);
    expect(planValueOf({ dist: 'empirical', values: [10, 1, 2], weights: [2, 5, 5] })).toBe(1);
    expect(planValueOf({ dist: 'empirical', values: [3, 1, 2] })).toBe(3);
  });

  it('planValueOf(spec) is the mean otherwise', () => {
    expect(planValueOf({ dist: 'constant', value: 4 })).toBe(4);
    expect(planValueOf({ dist: 'uniform', min: 2, max: 5 })).toBe(3.5);
    expect(planValueOf({ dist: 'exponential', mean: 3 })).toBe(3);
    expect(planValueOf({ dist: 'gamma', shape: 3, scale: 2 })).toBe(6);
    expect(planValueOf({ dist: 'weibull', shape: 1, scale: 2 })).toBeCloseTo(2, 12);
  });
});

describe('quantileOf', () => {
  it('quantileOf(spec, p) matches closed forms', () => {
    expect(quantileOf({ dist: 'constant', value: 4 }, 0.3)).toBe(4);
    expect(quantileOf({ dist: 'uniform', min: 2, max: 5 }, 0.9)).toBeCloseTo(4.7, 12);
    // F(mode) = (c - a)/(b - a) = 0.2 for triangular(1, 2, 6).
    expect(quantileOf({ dist: 'triangular', min: 1, mode: 2, max: 6 }, 0.2)).toBeCloseTo(2, 12);
    expect(quantileOf({ dist: 'triangular', min: 1, mode: 2, max: 6 }, 0.8)).toBeCloseTo(4, 12);
    expect(quantileOf({ dist: 'normal', mean: 10, sd: 3 }, 0.9)).toBeCloseTo(10 + 3 * Z90, 8);
    expect(quantileOf({ dist: 'normal', mean: 0, sd: 1, min: 0 }, 0.5)).toBeCloseTo(0.6744897501960817, 8);
    expect(quantileOf({ dist: 'lognormal', median: 10, p90: 25 }, 0.9)).toBeCloseTo(25, 7);
    expect(quantileOf({ dist: 'lognormal', median: 10, p90: 25 }, 0.5)).toBeCloseTo(10, 10);
    expect(quantileOf({ dist: 'exponential', mean: 3 }, 0.5)).toBeCloseTo(3 * Math.LN2, 12);
    expect(quantileOf({ dist: 'weibull', shape: 2, scale: 2 }, 1 - Math.exp(-1))).toBeCloseTo(2, 12);
    expect(quantileOf({ dist: 'bernoulli', p: 0.3 }, 0.7)).toBe(0);
    expect(quantileOf({ dist: 'bernoulli', p: 0.3 }, 0.71)).toBe(1);
    expect(quantileOf({ dist: 'empirical', values: [10, 1, 2], weights: [6, 1, 3] }, 0.4)).toBe(2);
    expect(quantileOf({ dist: 'empirical', values: [10, 1, 2], weights: [6, 1, 3] }, 0.41)).toBe(10);
  });

  it('quantileOf(spec, p) increases with p for a normal truncated above its mean (reflected form)', () => {
    const spec: DistSpec = { dist: 'normal', mean: 0, sd: 1, min: 1, max: 3 };
    const qs = [0, 0.1, 0.5, 0.9, 1].map((p) => quantileOf(spec, p)!);
    expect(qs[0]).toBeCloseTo(1, 8);
    expect(qs[4]).toBeCloseTo(3, 8);
    for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeGreaterThan(qs[i - 1]!);
  });

  it('quantileOf(spec, p) is undefined for PERT and gamma (no closed form)', () => {
    expect(quantileOf({ dist: 'pert', min: 0, mode: 1, max: 2 }, 0.5)).toBeUndefined();
    expect(quantileOf({ dist: 'gamma', shape: 2, scale: 1 }, 0.5)).toBeUndefined();
  });

  it('quantileOf(spec, 1.5) throws quoting p', () => {
    expect(() => quantileOf({ dist: 'uniform', min: 0, max: 1 }, 1.5)).toThrow('found 1.5');
  });
});
