import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { constantDraw } from './constant.js';
import { assertValid } from './validate.js';

/** Uniform on [min, max). */
export function uniform(source: RandomSource, min: number, max: number): () => number {
  return returning(uniformDraw(source, min, max));
}

/** uniform, as a Draw (../draw.ts). */
export function uniformDraw(source: RandomSource, min: number, max: number): Draw {
  assertValid({ dist: 'uniform', min, max });
  if (min === max) return constantDraw(min);
  const width = max - min;
  return () => {
    DRAW[0] = min + width * source.next();
  };
}
