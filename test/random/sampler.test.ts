import { describe, expect, it } from 'vitest';
import { sampler } from '../../src/random/sampler.js';
import { meanOf, varianceOf } from '../../src/random/moments.js';
import { DistributionError } from '../../src/random/distributions/validate.js';
import { gamma } from '../../src/random/distributions/gamma.js';
import { lognormalMedianP90 } from '../../src/random/distributions/lognormal.js';
import { normal } from '../../src/random/distributions/normal.js';
import { pert } from '../../src/random/distributions/pert.js';
import { empirical } from '../../src/random/distributions/empirical.js';
import { DIST_NAMES, type DistSpec } from '../../src/random/spec.js';
import { stream } from '../../src/random/streams.js';
import { drawN, expectMean } from './distributions/stat.js';

/** One valid spec per distribution (both lognormal forms), used across these tests. */
const SPECS: readonly DistSpec[] = [
  { dist: 'constant', value: 2.5 },
  { dist: 'uniform', min: 2, max: 5 },
  { dist: 'triangular', min: 1, mode: 2, max: 6 },
  { dist: 'pert', min: 10, mode: 14, max: 30 },
  { dist: 'normal', mean: 10, sd: 4, min: 5, max: 12 },
  { dist: 'lognormal', mu: 1, sigma: 0.5 },
  { dist: 'lognormal', median: 10, p90: 25 },
  { dist: 'exponential', mean: 3 },
  { dist: 'gamma', shape: 2.5, scale: 1.5 },
  { dist: 'weibull', shape: 1.5, scale: 2 },
  { dist: 'bernoulli', p: 0.3 },
  { dist: 'empirical', values: [10, 1, 2], weights: [6, 1, 3] },
];

describe('sampler', () => {
  it('sampler(spec, source) covers every DistName in these tests', () => {
    expect(new Set(SPECS.map((s) => s.dist))).toEqual(new Set(DIST_NAMES));
  });

  it('sampler(spec, source) draws the same sequence as calling the factory directly', () => {
    const key = (): ReturnType<typeof stream> => stream(11, 2, 'sampler');
    const cases: Array<[DistSpec, () => number]> = [
      [{ dist: 'pert', min: 10, mode: 14, max: 30 }, pert(key(), 10, 14, 30)],
      [{ dist: 'normal', mean: 0, sd: 1, min: 1 }, normal(key(), 0, 1, 1)],
      [{ dist: 'lognormal', median: 10, p90: 25 }, lognormalMedianP90(key(), 10, 25)],
      [{ dist: 'gamma', shape: 2.5, scale: 1.5 }, gamma(key(), 2.5, 1.5)],
      [{ dist: 'empirical', values: [1, 2], weights: [1, 3] }, empirical(key(), [1, 2], [1, 3])],
    ];
    for (const [spec, direct] of cases) expect(drawN(sampler(spec, key()), 20)).toEqual(drawN(direct, 20));
  });

  it('sampler(spec, source) has sample mean meanOf(spec) for every distribution', () => {
    // 4 standard errors, the standard error from varianceOf(spec) (so both are exercised).
    for (const spec of SPECS) {
      const x = drawN(sampler(spec, stream(7, 0, `sampler:${JSON.stringify(spec)}`)), 100_000);
      if (varianceOf(spec) === 0) expect(x.every((v) => v === meanOf(spec))).toBe(true);
      else expectMean(x, meanOf(spec), varianceOf(spec));
    }
  });

  it('sampler(spec, source) throws DistributionError listing every problem of an invalid spec', () => {
    let error: unknown;
    try {
      sampler({ dist: 'gamma', shape: 0, scale: Number.NaN }, stream(1, 0, 'x'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DistributionError);
    expect((error as DistributionError).problems.map((p) => p.field)).toEqual(['shape', 'scale']);
    expect((error as Error).message).toBe('gamma: shape must be a number > 0, found 0; scale must be a finite number, found NaN');
  });

  it('sampler(spec, source) throws on an unknown dist name', () => {
    expect(() => sampler({ dist: 'cauchy' } as unknown as DistSpec, stream(1, 0, 'x'))).toThrow('unknown distribution "cauchy"');
  });

  it('sampler(spec, source) with equal streams gives equal draws (common random numbers)', () => {
    const spec: DistSpec = { dist: 'triangular', min: 1, mode: 2, max: 6 };
    expect(drawN(sampler(spec, stream(3, 9, 'crn')), 100)).toEqual(drawN(sampler(spec, stream(3, 9, 'crn')), 100));
  });
});
