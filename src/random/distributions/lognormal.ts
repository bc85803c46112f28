import { HALF_ULP_1, normalQuantile, Z90 } from '../math.js';
import type { RandomSource } from '../source.js';
import { assertValid } from './validate.js';

/** Lognormal: exp(mu + sigma * Z), by inversion. */
export function lognormal(source: RandomSource, mu: number, sigma: number): () => number {
  assertValid({ dist: 'lognormal', mu, sigma });
  return () => Math.exp(mu + sigma * normalQuantile(source.next() || HALF_ULP_1));
}

/** mu and sigma of the lognormal with the given median and 90th percentile. */
export function lognormalParams(median: number, p90: number): { readonly mu: number; readonly sigma: number } {
  return { mu: Math.log(median), sigma: Math.log(p90 / median) / Z90 };
}

/** Lognormal by its median and 90th percentile: mu = ln(median), sigma = ln(p90 / median) / z0.9. */
export function lognormalMedianP90(source: RandomSource, median: number, p90: number): () => number {
  assertValid({ dist: 'lognormal', median, p90 });
  const { mu, sigma } = lognormalParams(median, p90);
  return lognormal(source, mu, sigma);
}
