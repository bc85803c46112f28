/** A DistSpec (data) becomes a zero-argument sampler over a source. */
import { bernoulli } from './distributions/bernoulli.js';
import { constant } from './distributions/constant.js';
import { empirical } from './distributions/empirical.js';
import { exponential } from './distributions/exponential.js';
import { gamma } from './distributions/gamma.js';
import { lognormal, lognormalMedianP90 } from './distributions/lognormal.js';
import { normal } from './distributions/normal.js';
import { pert } from './distributions/pert.js';
import { triangular } from './distributions/triangular.js';
import { uniform } from './distributions/uniform.js';
import { weibull } from './distributions/weibull.js';
import type { RandomSource } from './source.js';
import type { DistSpec } from './spec.js';

/** Throws DistributionError (a RangeError quoting the bad value) for an invalid spec. */
export function sampler(spec: DistSpec, source: RandomSource): () => number {
  switch (spec.dist) {
    case 'constant':
      return constant(spec.value);
    case 'uniform':
      return uniform(source, spec.min, spec.max);
    case 'triangular':
      return triangular(source, spec.min, spec.mode, spec.max);
    case 'pert':
      return pert(source, spec.min, spec.mode, spec.max, spec.lambda);
    case 'normal':
      return normal(source, spec.mean, spec.sd, spec.min, spec.max);
    case 'lognormal':
      return 'median' in spec ? lognormalMedianP90(source, spec.median, spec.p90) : lognormal(source, spec.mu, spec.sigma);
    case 'exponential':
      return exponential(source, spec.mean);
    case 'gamma':
      return gamma(source, spec.shape, spec.scale);
    case 'weibull':
      return weibull(source, spec.shape, spec.scale);
    case 'bernoulli':
      return bernoulli(source, spec.p);
    case 'empirical':
      return empirical(source, spec.values, spec.weights);
    default:
      return unknownDist(spec);
  }
}

function unknownDist(spec: never): never {
  throw new RangeError(`unknown distribution ${JSON.stringify((spec as { dist?: unknown }).dist)}`);
}
