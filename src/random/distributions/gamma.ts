import type { RandomSource } from '../source.js';
import { standardNormal } from './normal.js';
import { assertValid } from './validate.js';

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables": squeeze-and-reject on d * (1 + c * Z)^3; for shape < 1 the boost
 * Gamma(shape) = Gamma(shape + 1) * U^(1/shape). Unvalidated: for composites (PERT).
 */
export function standardGamma(source: RandomSource, shape: number): () => number {
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  const z = standardNormal(source);
  return () => {
    let result: number;
    for (;;) {
      let x: number;
      let v: number;
      do {
        x = z();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      const u = source.next();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2 || Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) {
        result = d * v;
        break;
      }
    }
    // 1 - u is in (0, 1], so the boost never forces an exact 0.
    return boost ? result * Math.pow(1 - source.next(), invShape) : result;
  };
}

/** Gamma with the given shape k and scale theta (mean k * theta). */
export function gamma(source: RandomSource, shape: number, scale: number): () => number {
  assertValid({ dist: 'gamma', shape, scale });
  const g = standardGamma(source, shape);
  return () => scale * g();
}
