import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { constantDraw } from './constant.js';
import { standardGammaDraw } from './gamma.js';
import { assertValid } from './validate.js';

export const PERT_LAMBDA = 4;

/** Beta shape parameters of a beta-PERT: alpha = 1 + lambda (mode - min)/(max - min), beta likewise from max. */
export function pertShapes(min: number, mode: number, max: number, lambda: number): { readonly alpha: number; readonly beta: number } {
  const width = max - min;
  return { alpha: 1 + (lambda * (mode - min)) / width, beta: 1 + (lambda * (max - mode)) / width };
}

/**
 * Beta-PERT on [min, max] with the given mode; lambda weights the mode (4 is classic PERT,
 * mean (min + 4 mode + max) / 6). Beta(alpha, beta) drawn as X / (X + Y) from two gammas.
 * Rejection sampling: a draw uses a varying count of uniforms, so unlike the inversion-based
 * distributions it is not monotone in a single u (same stream still gives the same draws).
 */
export function pert(source: RandomSource, min: number, mode: number, max: number, lambda = PERT_LAMBDA): () => number {
  return returning(pertDraw(source, min, mode, max, lambda));
}

/** pert, as a Draw (../draw.ts). */
export function pertDraw(source: RandomSource, min: number, mode: number, max: number, lambda = PERT_LAMBDA): Draw {
  assertValid({ dist: 'pert', min, mode, max, lambda });
  if (min === max) return constantDraw(min);
  const { alpha, beta } = pertShapes(min, mode, max, lambda);
  const gx = standardGammaDraw(source, alpha);
  const gy = standardGammaDraw(source, beta);
  const width = max - min;
  return () => {
    gx();
    const x = DRAW[0]!;
    gy();
    DRAW[0] = min + (width * x) / (x + DRAW[0]!);
  };
}
