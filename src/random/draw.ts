/**
 * The form of the samplers the model calls on its hot path. A `Draw` writes its number to
 * DRAW[0] instead of returning it: V8 boxes a double returned from a function it does not
 * inline in a fresh 16-byte HeapNumber, and most draws cross such a call (the sampler is a
 * closure picked per distribution), so returning cost ~20 KB of garbage per replication of
 * niger-2024. Read DRAW[0] right after the call (the next draw overwrites it).
 *
 * The distribution factories' `() => number` samplers are the same draws, read back
 * (`returning`): one implementation of each distribution.
 */

/** The last number drawn by any Draw. */
export const DRAW = new Float64Array(1);

/** A sampler that writes each draw to DRAW[0]. */
export type Draw = () => void;

/** The sampler's number read from DRAW[0] right after the call. */
export function drawn(d: Draw): number {
  d();
  return DRAW[0]!;
}

/** A Draw as a sampler returning its number. */
export function returning(d: Draw): () => number {
  return () => drawn(d);
}
