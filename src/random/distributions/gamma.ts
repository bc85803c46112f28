import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { standardNormalDraw } from './normal.js';
import { assertValid } from './validate.js';

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma
 * variables": squeeze-and-reject on d * (1 + c * Z)^3; for shape < 1 the boost
 * Gamma(shape) = Gamma(shape + 1) * U^(1/shape). Unvalidated: for composites (PERT).
 * A Draw (../draw.ts).
 */
export function standardGammaDraw(source: RandomSource, shape: number): Draw {
  const boost = shape < 1;
  const d = (boost ? shape + 1 : shape) - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  const invShape = 1 / shape;
  const z = standardNormalDraw(source);
  return () => {
    let result = 0;
    for (;;) {
      let x = 0;
      let v = 0;
      do {
        z();
        x = DRAW[0]!;
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
    DRAW[0] = boost ? result * Math.pow(1 - source.next(), invShape) : result;
  };
}

/** Gamma with the given shape k and scale theta (mean k * theta). */
export function gamma(source: RandomSource, shape: number, scale: number): () => number {
  return returning(gammaDraw(source, shape, scale));
}

/** gamma, as a Draw (../draw.ts). */
export function gammaDraw(source: RandomSource, shape: number, scale: number): Draw {
  assertValid({ dist: 'gamma', shape, scale });
  const g = standardGammaDraw(source, shape);
  return () => {
    g();
    DRAW[0] = scale * DRAW[0]!;
  };
}
