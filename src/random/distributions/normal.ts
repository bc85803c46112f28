import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import { drawNormalQuantile, normalTruncation, HALF_ULP_1 } from '../math.js';
import type { RandomSource } from '../source.js';
import { constantDraw } from './constant.js';
import { assertValid } from './validate.js';

/** Standard normal by inversion: one uniform per draw, finite (|z| < 8.3) even if the source returns 0. */
export function standardNormal(source: RandomSource): () => number {
  return returning(standardNormalDraw(source));
}

/** standardNormal, as a Draw (../draw.ts). */
export function standardNormalDraw(source: RandomSource): Draw {
  return () => {
    let u = source.next();
    if (!u) u = HALF_ULP_1;
    DRAW[0] = u;
    drawNormalQuantile();
  };
}

/**
 * Normal with the given mean and sd, truncated to [min, max] when either bound is given
 * (sampled by inversion of the truncated CDF, not by rejection, so a narrow or far-out
 * interval costs the same as a wide one). Truncation to a single point is a constant.
 */
export function normal(source: RandomSource, mean: number, sd: number, min?: number, max?: number): () => number {
  return returning(normalDraw(source, mean, sd, min, max));
}

/** normal, as a Draw (../draw.ts). */
export function normalDraw(source: RandomSource, mean: number, sd: number, min?: number, max?: number): Draw {
  assertValid({
    dist: 'normal', mean, sd, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }),
  });
  if (min === undefined && max === undefined) {
    return () => {
      let u = source.next();
      if (!u) u = HALF_ULP_1;
      DRAW[0] = u;
      drawNormalQuantile();
      DRAW[0] = mean + sd * DRAW[0]!;
    };
  }
  if (min !== undefined && min === max) return constantDraw(min);
  const lower = min ?? -Infinity;
  const upper = max ?? Infinity;
  const { sign, lo, width } = normalTruncation(mean, sd, lower, upper);
  // Every path is increasing in u, so common random numbers stay in step when a scenario
  // moves a bound across the mean (which switches to the reflected form).
  if (sign === -1) {
    // x = mean - sd * Phi^-1(lo + width * (1 - u)); 1 - u is in (0, 1], so no zero guard is needed.
    return () => {
      DRAW[0] = lo + width * (1 - source.next());
      drawNormalQuantile();
      DRAW[0] = clamp(mean - sd * DRAW[0]!, lower, upper);
    };
  }
  return () => {
    let u = source.next();
    if (!u) u = HALF_ULP_1;
    DRAW[0] = lo + width * u;
    drawNormalQuantile();
    DRAW[0] = clamp(mean + sd * DRAW[0]!, lower, upper);
  };
}

/** Guard the bounds against rounding in the last bits. */
function clamp(x: number, lower: number, upper: number): number {
  return x < lower ? lower : x > upper ? upper : x;
}
