import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { constantDraw } from './constant.js';
import { assertValid } from './validate.js';

/** Triangular on [min, max] peaking at mode, by inversion (one uniform per draw, monotone in it). */
export function triangular(source: RandomSource, min: number, mode: number, max: number): () => number {
  return returning(triangularDraw(source, min, mode, max));
}

/** triangular, as a Draw (../draw.ts). */
export function triangularDraw(source: RandomSource, min: number, mode: number, max: number): Draw {
  assertValid({ dist: 'triangular', min, mode, max });
  if (min === max) return constantDraw(min);
  const width = max - min;
  const split = (mode - min) / width; // F(mode)
  const left = width * (mode - min);
  const right = width * (max - mode);
  return () => {
    const u = source.next();
    DRAW[0] = u < split ? min + Math.sqrt(u * left) : max - Math.sqrt((1 - u) * right);
  };
}
