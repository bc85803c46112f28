import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { assertValid } from './validate.js';

/** Exponential with the given mean, by inversion: -mean * ln(1 - u), finite since 1 - u is in (0, 1]. */
export function exponential(source: RandomSource, mean: number): () => number {
  return returning(exponentialDraw(source, mean));
}

/** exponential, as a Draw (../draw.ts). */
export function exponentialDraw(source: RandomSource, mean: number): Draw {
  assertValid({ dist: 'exponential', mean });
  return () => {
    DRAW[0] = 0 - mean * Math.log(1 - source.next()); // "0 -" turns -0 (at u = 0) into 0
  };
}
