import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { constantDraw } from './constant.js';
import { assertValid } from './validate.js';

/**
 * One of `values`, with probability proportional to `weights` (equal when absent).
 * Cumulative weights + binary search rather than the alias method: the lists are short
 * (a search is a handful of comparisons), and the map from u to list position is
 * monotone, so a scenario that shifts one weight a little still draws the same values
 * from most of the same numbers (common random numbers stay in step); the alias method
 * would reshuffle them.
 */
export function empirical(source: RandomSource, values: readonly number[], weights?: readonly number[]): () => number {
  return returning(empiricalDraw(source, values, weights));
}

/** empirical, as a Draw (../draw.ts). */
export function empiricalDraw(source: RandomSource, values: readonly number[], weights?: readonly number[]): Draw {
  assertValid({ dist: 'empirical', values, ...(weights === undefined ? {} : { weights }) });
  const n = values.length;
  const xs = Float64Array.from(values);
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights === undefined ? 1 : weights[i]!;
    cumulative[i] = total;
  }
  // A single value, or all weight on one value, is a constant.
  const support = weights === undefined ? n : weights.filter((w) => w > 0).length;
  if (support === 1) {
    const only = weights === undefined ? 0 : weights.findIndex((w) => w > 0);
    return constantDraw(xs[only]!);
  }
  const last = n - 1;
  return () => {
    const target = source.next() * total;
    // First index with cumulative > target (zero-weight entries are never chosen).
    let lo = 0;
    let hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    DRAW[0] = xs[lo]!;
  };
}
