import { assertValid } from './validate.js';

/** Always `value`. Also what every degenerate distribution (min == max, p = 0, ...) becomes. */
export function constant(value: number): () => number {
  assertValid({ dist: 'constant', value });
  return () => value;
}
