/**
 * The model's bridge to the random module: a spec becomes a zero-argument sampler over a
 * named stream, or, in the deterministic plan run, a constant at the spec's plan value.
 */
import { planValueOf, sampler } from '../random/index.js';
import type { DistSpec, RandomSource } from '../random/index.js';

export type Sampler = () => number;

export function constant(v: number): Sampler {
  return () => v;
}

export function makeSampler(spec: DistSpec, source: RandomSource | null): Sampler {
  return source === null ? constant(planValueOf(spec)) : sampler(spec, source);
}
