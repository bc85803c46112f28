import type { RandomSource } from '../source.js';
import { assertValid } from './validate.js';

/** Exponential with the given mean, by inversion: -mean * ln(1 - u), finite since 1 - u is in (0, 1]. */
export function exponential(source: RandomSource, mean: number): () => number {
  assertValid({ dist: 'exponential', mean });
  return () => 0 - mean * Math.log(1 - source.next()); // "0 -" turns -0 (at u = 0) into 0
}
