import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { constantDraw } from './constant.js';
import { assertValid } from './validate.js';

/** 1 with probability p, else 0. p = 0 and p = 1 are constants (and draw nothing). */
export function bernoulli(source: RandomSource, p: number): () => number {
  return returning(bernoulliDraw(source, p));
}

/** bernoulli, as a Draw (../draw.ts). */
export function bernoulliDraw(source: RandomSource, p: number): Draw {
  assertValid({ dist: 'bernoulli', p });
  if (p === 0 || p === 1) return constantDraw(p);
  return () => {
    DRAW[0] = source.next() < p ? 1 : 0;
  };
}
