import { describe, expect, it } from 'vitest';
import { checkSpec } from '../../src/random/check.js';
import type { DistSpec } from '../../src/random/spec.js';

describe('checkSpec', () => {
  it('checkSpec returns no problems for valid specs, including degenerate ones', () => {
    const valid: DistSpec[] = [
      { dist: 'constant', value: 3 },
      { dist: 'uniform', min: 2, max: 2 },
      { dist: 'triangular', min: 1, mode: 1, max: 5 },
      { dist: 'pert', min: 1, mode: 2, max: 5, lambda: 6 },
      { dist: 'normal', mean: 0, sd: 1, min: -1 },
      { dist: 'lognormal', mu: 0, sigma: 0.5 },
      { dist: 'lognormal', median: 4, p90: 9 },
      { dist: 'exponential', mean: 2 },
      { dist: 'gamma', shape: 0.3, scale: 2 },
      { dist: 'weibull', shape: 1.5, scale: 2 },
      { dist: 'bernoulli', p: 1 },
      { dist: 'empirical', values: [1, 2], weights: [0, 3] },
    ];
    for (const spec of valid) expect(checkSpec(spec), JSON.stringify(spec)).toEqual([]);
  });

  it('checkSpec reports min > max on max, quoting min', () => {
    expect(checkSpec({ dist: 'uniform', min: 5, max: 4 })).toEqual([
      { field: 'max', expected: 'a number >= min (5)', found: '4' },
    ]);
    expect(checkSpec({ dist: 'normal', mean: 0, sd: 1, min: 2, max: 1 })).toEqual([
      { field: 'max', expected: 'a number >= min (2)', found: '1' },
    ]);
  });

  it('checkSpec reports mode outside [min, max]', () => {
    expect(checkSpec({ dist: 'triangular', min: 1, mode: 7, max: 5 })).toEqual([
      { field: 'mode', expected: 'a number in [min, max] = [1, 5]', found: '7' },
    ]);
    expect(checkSpec({ dist: 'pert', min: 1, mode: 0.5, max: 5 })).toEqual([
      { field: 'mode', expected: 'a number in [min, max] = [1, 5]', found: '0.5' },
    ]);
  });

  it('checkSpec reports non-positive scale parameters (sd, sigma, mean, shape, scale, lambda)', () => {
    expect(checkSpec({ dist: 'normal', mean: 0, sd: 0 })).toEqual([{ field: 'sd', expected: 'a number > 0', found: '0' }]);
    expect(checkSpec({ dist: 'lognormal', mu: 1, sigma: -1 })).toEqual([
      { field: 'sigma', expected: 'a number > 0', found: '-1' },
    ]);
    expect(checkSpec({ dist: 'exponential', mean: -2 })).toEqual([{ field: 'mean', expected: 'a number > 0', found: '-2' }]);
    expect(checkSpec({ dist: 'gamma', shape: 0, scale: -1 })).toEqual([
      { field: 'shape', expected: 'a number > 0', found: '0' },
      { field: 'scale', expected: 'a number > 0', found: '-1' },
    ]);
    expect(checkSpec({ dist: 'weibull', shape: 2, scale: 0 })).toEqual([
      { field: 'scale', expected: 'a number > 0', found: '0' },
    ]);
    expect(checkSpec({ dist: 'pert', min: 0, mode: 1, max: 2, lambda: 0 })).toEqual([
      { field: 'lambda', expected: 'a number > 0', found: '0' },
    ]);
  });

  it('checkSpec reports p outside [0, 1]', () => {
    expect(checkSpec({ dist: 'bernoulli', p: 1.5 })).toEqual([
      { field: 'p', expected: 'a probability in [0, 1]', found: '1.5' },
    ]);
    expect(checkSpec({ dist: 'bernoulli', p: -0.1 })).toEqual([
      { field: 'p', expected: 'a probability in [0, 1]', found: '-0.1' },
    ]);
  });

  it('checkSpec reports p90 <= median and median <= 0', () => {
    expect(checkSpec({ dist: 'lognormal', median: 5, p90: 5 })).toEqual([
      { field: 'p90', expected: 'a number > median (5)', found: '5' },
    ]);
    expect(checkSpec({ dist: 'lognormal', median: 0, p90: 5 })).toEqual([
      { field: 'median', expected: 'a number > 0', found: '0' },
    ]);
  });

  it('checkSpec reports weights whose length differs from values', () => {
    expect(checkSpec({ dist: 'empirical', values: [1, 2, 3], weights: [1, 1] })).toEqual([
      { field: 'weights', expected: 'a list of 3 weights, one per value', found: '2 weights' },
    ]);
  });

  it('checkSpec reports negative weights', () => {
    expect(checkSpec({ dist: 'empirical', values: [1, 2], weights: [1, -1] })).toEqual([
      { field: 'weights[1]', expected: 'a weight >= 0', found: '-1' },
    ]);
  });

  it('checkSpec reports all-zero weights', () => {
    expect(checkSpec({ dist: 'empirical', values: [1, 2], weights: [0, 0] })).toEqual([
      { field: 'weights', expected: 'at least one weight > 0', found: '[0,0]' },
    ]);
  });

  it('checkSpec reports an empty values list', () => {
    expect(checkSpec({ dist: 'empirical', values: [] })).toEqual([
      { field: 'values', expected: 'a non-empty list of numbers', found: '[]' },
    ]);
  });

  it('checkSpec reports non-finite numbers, printing NaN and Infinity', () => {
    expect(checkSpec({ dist: 'constant', value: Number.NaN })).toEqual([
      { field: 'value', expected: 'a finite number', found: 'NaN' },
    ]);
    expect(checkSpec({ dist: 'uniform', min: 0, max: Number.POSITIVE_INFINITY })).toEqual([
      { field: 'max', expected: 'a finite number', found: 'Infinity' },
    ]);
    expect(checkSpec({ dist: 'empirical', values: [1, Number.NEGATIVE_INFINITY] })).toEqual([
      { field: 'values[1]', expected: 'a finite number', found: '-Infinity' },
    ]);
    expect(checkSpec({ dist: 'normal', mean: 0, sd: 1, max: Number.NaN })).toEqual([
      { field: 'max', expected: 'a finite number', found: 'NaN' },
    ]);
  });

  it('checkSpec reports normal bounds that leave no probability', () => {
    expect(checkSpec({ dist: 'normal', mean: 0, sd: 1, min: 40 })).toEqual([
      { field: 'min', expected: 'a bound with some probability under the normal (within about 37 sd of mean 0)', found: '40' },
    ]);
    expect(checkSpec({ dist: 'normal', mean: 100, sd: 1, max: 50 })).toEqual([
      { field: 'max', expected: 'a bound with some probability under the normal (within about 37 sd of mean 100)', found: '50' },
    ]);
    // 30 sd out still has probability (about 5e-198) and is accepted.
    expect(checkSpec({ dist: 'normal', mean: 0, sd: 1, min: 30 })).toEqual([]);
  });

  it('checkSpec reports a non-number where a number belongs', () => {
    const spec = { dist: 'exponential', mean: '3h' } as unknown as DistSpec;
    expect(checkSpec(spec)).toEqual([{ field: 'mean', expected: 'a finite number', found: '"3h"' }]);
  });

  it('checkSpec reports an unknown dist name', () => {
    const spec = { dist: 'cauchy' } as unknown as DistSpec;
    const problems = checkSpec(spec);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.field).toBe('dist');
    expect(problems[0]?.found).toBe('"cauchy"');
    expect(problems[0]?.expected).toContain('triangular');
  });
});
