import { normalCdf, normalQuantile, HALF_ULP_1 } from '../math.js';
import type { RandomSource } from '../source.js';
import { constant } from './constant.js';
import { assertValid } from './validate.js';

/** Standard normal by inversion: one uniform per draw, finite (|z| < 8.3) even if the source returns 0. */
export function standardNormal(source: RandomSource): () => number {
  return () => normalQuantile(source.next() || HALF_ULP_1);
}

/**
 * The truncation of N(mean, sd) to [min, max] in standard units, set up for inversion:
 * x = mean + sign * sd * Phi^-1(lo + u * width). When the interval lies above the mean it
 * is reflected (sign = -1) into the lower tail, where Phi keeps its relative precision, so
 * bounds many sd out still sample correctly. `width` is the probability of the interval.
 */
export interface Truncation {
  readonly sign: 1 | -1;
  readonly lo: number;
  readonly width: number;
}

export function truncation(mean: number, sd: number, min = -Infinity, max = Infinity): Truncation {
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  if (a > 0) {
    const lo = normalCdf(-b);
    return { sign: -1, lo, width: normalCdf(-a) - lo };
  }
  const lo = normalCdf(a);
  return { sign: 1, lo, width: normalCdf(b) - lo };
}

/**
 * Normal with the given mean and sd, truncated to [min, max] when either bound is given
 * (sampled by inversion of the truncated CDF, not by rejection, so a narrow or far-out
 * interval costs the same as a wide one). Truncation to a single point is a constant.
 */
export function normal(source: RandomSource, mean: number, sd: number, min?: number, max?: number): () => number {
  assertValid({
    dist: 'normal', mean, sd, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }),
  });
  if (min === undefined && max === undefined) {
    return () => mean + sd * normalQuantile(source.next() || HALF_ULP_1);
  }
  if (min !== undefined && min === max) return constant(min);
  const lower = min ?? -Infinity;
  const upper = max ?? Infinity;
  const { sign, lo, width } = truncation(mean, sd, lower, upper);
  if (!(width > 0)) {
    throw new RangeError(`normal: the interval [${lower}, ${upper}] has no probability under mean ${mean}, sd ${sd}`);
  }
  const ssd = sign * sd;
  return () => {
    const x = mean + ssd * normalQuantile(lo + width * (source.next() || HALF_ULP_1));
    // Guard the bounds against rounding in the last bits.
    return x < lower ? lower : x > upper ? upper : x;
  };
}
