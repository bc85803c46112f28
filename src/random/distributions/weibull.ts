import type { RandomSource } from '../source.js';
import { assertValid } from './validate.js';

/** Weibull with shape k and scale lambda, by inversion: lambda * (-ln(1 - u))^(1/k). */
export function weibull(source: RandomSource, shape: number, scale: number): () => number {
  assertValid({ dist: 'weibull', shape, scale });
  const invShape = 1 / shape;
  return () => scale * Math.pow(0 - Math.log(1 - source.next()), invShape);
}
