/** A DistSpec (data) becomes a zero-argument sampler over a source. */
import { bernoulliDraw } from './distributions/bernoulli.js';
import { constantDraw } from './distributions/constant.js';
import { empiricalDraw } from './distributions/empirical.js';
import { exponentialDraw } from './distributions/exponential.js';
import { gammaDraw } from './distributions/gamma.js';
import { lognormalDraw, lognormalMedianP90Draw } from './distributions/lognormal.js';
import { normalDraw } from './distributions/normal.js';
import { pertDraw } from './distributions/pert.js';
import { triangularDraw } from './distributions/triangular.js';
import { uniformDraw } from './distributions/uniform.js';
import { weibullDraw } from './distributions/weibull.js';
import { returning } from './draw.js';
import type { Draw } from './draw.js';
import type { RandomSource } from './source.js';
import type { DistSpec } from './spec.js';

/** Throws DistributionError (a RangeError quoting the bad value) for an invalid spec. */
export function sampler(spec: DistSpec, source: RandomSource): () => number {
  return returning(drawer(spec, source));
}

/** sampler, as a Draw (./draw.ts): the form for hot paths. */
export function drawer(spec: DistSpec, source: RandomSource): Draw {
  switch (spec.dist) {
    case 'constant':
      return constantDraw(spec.value);
    case 'uniform':
      return uniformDraw(source, spec.min, spec.max);
    case 'triangular':
      return triangularDraw(source, spec.min, spec.mode, spec.max);
    case 'pert':
      return pertDraw(source, spec.min, spec.mode, spec.max, spec.lambda);
    case 'normal':
      return normalDraw(source, spec.mean, spec.sd, spec.min, spec.max);
    case 'lognormal':
      return 'median' in spec ? lognormalMedianP90Draw(source, spec.median, spec.p90) : lognormalDraw(source, spec.mu, spec.sigma);
    case 'exponential':
      return exponentialDraw(source, spec.mean);
    case 'gamma':
      return gammaDraw(source, spec.shape, spec.scale);
    case 'weibull':
      return weibullDraw(source, spec.shape, spec.scale);
    case 'bernoulli':
      return bernoulliDraw(source, spec.p);
    case 'empirical':
      return empiricalDraw(source, spec.values, spec.weights);
    default:
      return unknownDist(spec);
  }
}

function unknownDist(spec: never): never {
  throw new RangeError(`unknown distribution ${JSON.stringify((spec as { dist?: unknown }).dist)}`);
}
