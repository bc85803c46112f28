import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import { assertValid } from './validate.js';

/** Always `value`. Also what every degenerate distribution (min == max, p = 0, ...) becomes. */
export function constant(value: number): () => number {
  return returning(constantDraw(value));
}

/** constant, as a Draw (../draw.ts). */
export function constantDraw(value: number): Draw {
  assertValid({ dist: 'constant', value });
  return () => {
    DRAW[0] = value;
  };
}
