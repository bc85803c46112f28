import type { RandomSource } from '../source.js';
import { constant } from './constant.js';
import { assertValid } from './validate.js';

/** 1 with probability p, else 0. p = 0 and p = 1 are constants (and draw nothing). */
export function bernoulli(source: RandomSource, p: number): () => number {
  assertValid({ dist: 'bernoulli', p });
  if (p === 0 || p === 1) return constant(p);
  return () => (source.next() < p ? 1 : 0);
}
