import type { RandomSource } from '../source.js';
import { constant } from './constant.js';
import { assertValid } from './validate.js';

/** Uniform on [min, max). */
export function uniform(source: RandomSource, min: number, max: number): () => number {
  assertValid({ dist: 'uniform', min, max });
  if (min === max) return constant(min);
  const width = max - min;
  return () => min + width * source.next();
}
