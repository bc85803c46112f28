/**
 * Distribution specifications: plain, serialisable data describing a probability
 * distribution over numbers. Units are whatever the caller resolved them to (the
 * scenario layer resolves durations to hours, weights to short tons, and so on), so
 * this module never sees unit strings.
 *
 * A spec becomes a sampler with `sampler(spec, source)` (see ./sampler.ts) and
 * knows its mean with `meanOf(spec)` and the value the deterministic plan run uses with
 * `planValueOf(spec)` (see ./moments.ts). `checkSpec(spec)` (./check.ts) lists its problems.
 */
export type DistSpec =
  | { readonly dist: 'constant'; readonly value: number }
  | { readonly dist: 'uniform'; readonly min: number; readonly max: number }
  | { readonly dist: 'triangular'; readonly min: number; readonly mode: number; readonly max: number }
  /** Beta-PERT by min/mode/max; lambda (shape weight of the mode) defaults to 4. */
  | { readonly dist: 'pert'; readonly min: number; readonly mode: number; readonly max: number; readonly lambda?: number }
  /** Normal, optionally truncated to [min, max] (either bound may be absent). */
  | { readonly dist: 'normal'; readonly mean: number; readonly sd: number; readonly min?: number; readonly max?: number }
  /** Lognormal by the mean and sd of the underlying normal. */
  | { readonly dist: 'lognormal'; readonly mu: number; readonly sigma: number }
  /** Lognormal by its median and 90th percentile, the way planners state estimates. */
  | { readonly dist: 'lognormal'; readonly median: number; readonly p90: number }
  | { readonly dist: 'exponential'; readonly mean: number }
  | { readonly dist: 'gamma'; readonly shape: number; readonly scale: number }
  | { readonly dist: 'weibull'; readonly shape: number; readonly scale: number }
  /** 1 with probability p, else 0. */
  | { readonly dist: 'bernoulli'; readonly p: number }
  /** Discrete values with optional weights (equal weights when absent). */
  | { readonly dist: 'empirical'; readonly values: readonly number[]; readonly weights?: readonly number[] };

export type DistName = DistSpec['dist'];

export const DIST_NAMES: readonly DistName[] = [
  'constant', 'uniform', 'triangular', 'pert', 'normal', 'lognormal',
  'exponential', 'gamma', 'weibull', 'bernoulli', 'empirical',
];
