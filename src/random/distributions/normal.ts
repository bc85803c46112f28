import { normalQuantile, normalTruncation, HALF_ULP_1 } from '../math.js';
import type { RandomSource } from '../source.js';
import { constant } from './constant.js';
import { assertValid } from './validate.js';

/** Standard normal by inversion: one uniform per draw, finite (|z| < 8.3) even if the source returns 0. */
export function standardNormal(source: RandomSource): () => number {
  return () => normalQuantile(source.next() || HALF_ULP_1);
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
  const { sign, lo, width } = normalTruncation(mean, sd, lower, upper);
  const ssd = sign * sd;
  return () => {
    const x = mean + ssd * normalQuantile(lo + width * (source.next() || HALF_ULP_1));
    // Guard the bounds against rounding in the last bits.
    return x < lower ? lower : x > upper ? upper : x;
  };
}
