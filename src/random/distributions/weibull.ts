import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import type { RandomSource } from '../source.js';
import { assertValid } from './validate.js';

/** Weibull with shape k and scale lambda, by inversion: lambda * (-ln(1 - u))^(1/k). */
export function weibull(source: RandomSource, shape: number, scale: number): () => number {
  return returning(weibullDraw(source, shape, scale));
}

/** weibull, as a Draw (../draw.ts). */
export function weibullDraw(source: RandomSource, shape: number, scale: number): Draw {
  assertValid({ dist: 'weibull', shape, scale });
  const invShape = 1 / shape;
  return () => {
    DRAW[0] = scale * Math.pow(0 - Math.log(1 - source.next()), invShape);
  };
}
