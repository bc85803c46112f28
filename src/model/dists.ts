/**
 * The model's bridge to the random module: a spec becomes a zero-argument sampler over a
 * named stream, or, in the deterministic plan run, a constant at the spec's plan value.
 * Samplers are Draws: each call writes its number to DRAW[0] (see ../random/draw.ts);
 * `drawn(s)` calls one and reads it (replication.ts writes `(s(), DRAW[0]!)` at each call site instead:
 * see there why).
 */
import { constantDraw, drawer, planValueOf } from '../random/index.js';
import type { DistSpec, Draw, RandomSource } from '../random/index.js';

export type Sampler = Draw;

/** Always v. */
export const constant: (v: number) => Sampler = constantDraw;

export function makeSampler(spec: DistSpec, source: RandomSource | null): Sampler {
  return source === null ? constant(planValueOf(spec)) : drawer(spec, source);
}
