import { DRAW, returning } from '../draw.js';
import type { Draw } from '../draw.js';
import { drawNormalQuantile, HALF_ULP_1, Z90 } from '../math.js';
import type { RandomSource } from '../source.js';
import { assertValid } from './validate.js';

/** Lognormal: exp(mu + sigma * Z), by inversion. */
export function lognormal(source: RandomSource, mu: number, sigma: number): () => number {
  return returning(lognormalDraw(source, mu, sigma));
}

/** lognormal, as a Draw (../draw.ts). */
export function lognormalDraw(source: RandomSource, mu: number, sigma: number): Draw {
  assertValid({ dist: 'lognormal', mu, sigma });
  return () => {
    let u = source.next();
    if (!u) u = HALF_ULP_1;
    DRAW[0] = u;
    drawNormalQuantile();
    DRAW[0] = Math.exp(mu + sigma * DRAW[0]!);
  };
}

/** mu and sigma of the lognormal with the given median and 90th percentile. */
export function lognormalParams(median: number, p90: number): { readonly mu: number; readonly sigma: number } {
  return { mu: Math.log(median), sigma: Math.log(p90 / median) / Z90 };
}

/** Lognormal by its median and 90th percentile: mu = ln(median), sigma = ln(p90 / median) / z0.9. */
export function lognormalMedianP90(source: RandomSource, median: number, p90: number): () => number {
  return returning(lognormalMedianP90Draw(source, median, p90));
}

/** lognormalMedianP90, as a Draw (../draw.ts). */
export function lognormalMedianP90Draw(source: RandomSource, median: number, p90: number): Draw {
  assertValid({ dist: 'lognormal', median, p90 });
  const { mu, sigma } = lognormalParams(median, p90);
  return lognormalDraw(source, mu, sigma);
}
