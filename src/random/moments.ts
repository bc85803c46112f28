/**
 * Closed-form summaries of a DistSpec: mean, variance, plan value, quantile.
 * All assume a valid spec (run checkSpec first); they do not throw on bad ones.
 */
import { PERT_LAMBDA } from './distributions/pert.js';
import { lognormalParams } from './distributions/lognormal.js';
import { gammaFn, normalPdf, normalQuantile, normalTruncation } from './math.js';
import type { DistSpec } from './spec.js';

type Normal = Extract<DistSpec, { dist: 'normal' }>;
type Lognormal = Extract<DistSpec, { dist: 'lognormal' }>;

function lognormalMuSigma(spec: Lognormal): { readonly mu: number; readonly sigma: number } {
  return 'median' in spec ? lognormalParams(spec.median, spec.p90) : spec;
}

function empiricalWeights(spec: Extract<DistSpec, { dist: 'empirical' }>): readonly number[] {
  return spec.weights ?? spec.values.map(() => 1);
}

/**
 * Mean and variance of a normal truncated to [min, max] (standard results, e.g. Johnson,
 * Kotz & Balakrishnan): with alpha, beta the standardised bounds and Z = Phi(beta) - Phi(alpha),
 * mean = mu + sigma (phi(alpha) - phi(beta)) / Z,
 * var = sigma^2 [1 + (alpha phi(alpha) - beta phi(beta)) / Z - ((phi(alpha) - phi(beta)) / Z)^2].
 */
function truncatedNormalMoments(spec: Normal): { readonly mean: number; readonly variance: number } {
  const { mean, sd } = spec;
  if (spec.min === undefined && spec.max === undefined) return { mean, variance: sd * sd };
  if (spec.min !== undefined && spec.min === spec.max) return { mean: spec.min, variance: 0 };
  const a = spec.min === undefined ? -Infinity : (spec.min - mean) / sd;
  const b = spec.max === undefined ? Infinity : (spec.max - mean) / sd;
  const z = normalTruncation(mean, sd, spec.min, spec.max).width;
  const pa = Number.isFinite(a) ? normalPdf(a) : 0;
  const pb = Number.isFinite(b) ? normalPdf(b) : 0;
  const apa = Number.isFinite(a) ? a * pa : 0;
  const bpb = Number.isFinite(b) ? b * pb : 0;
  const shift = (pa - pb) / z;
  return { mean: mean + sd * shift, variance: sd * sd * (1 + (apa - bpb) / z - shift * shift) };
}

export function meanOf(spec: DistSpec): number {
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'pert': {
      const lambda = spec.lambda ?? PERT_LAMBDA;
      return (spec.min + lambda * spec.mode + spec.max) / (lambda + 2);
    }
    case 'normal':
      return truncatedNormalMoments(spec).mean;
    case 'lognormal': {
      const { mu, sigma } = lognormalMuSigma(spec);
      return Math.exp(mu + (sigma * sigma) / 2);
    }
    case 'exponential':
      return spec.mean;
    case 'gamma':
      return spec.shape * spec.scale;
    case 'weibull':
      return spec.scale * gammaFn(1 + 1 / spec.shape);
    case 'bernoulli':
      return spec.p;
    case 'empirical': {
      const w = empiricalWeights(spec);
      let sw = 0;
      let swx = 0;
      spec.values.forEach((x, i) => {
        sw += w[i]!;
        swx += w[i]! * x;
      });
      return swx / sw;
    }
    default:
      return unreachable(spec);
  }
}

export function varianceOf(spec: DistSpec): number {
  switch (spec.dist) {
    case 'constant':
      return 0;
    case 'uniform':
      return (spec.max - spec.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = spec;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'pert': {
      // Beta variance alpha beta / ((alpha+beta)^2 (alpha+beta+1)) scaled by width^2 = (m - a)(b - m) / (lambda + 3).
      const lambda = spec.lambda ?? PERT_LAMBDA;
      const m = meanOf(spec);
      return ((m - spec.min) * (spec.max - m)) / (lambda + 3);
    }
    case 'normal':
      return truncatedNormalMoments(spec).variance;
    case 'lognormal': {
      const { mu, sigma } = lognormalMuSigma(spec);
      const s2 = sigma * sigma;
      return Math.expm1(s2) * Math.exp(2 * mu + s2);
    }
    case 'exponential':
      return spec.mean * spec.mean;
    case 'gamma':
      return spec.shape * spec.scale * spec.scale;
    case 'weibull': {
      const g1 = gammaFn(1 + 1 / spec.shape);
      return spec.scale * spec.scale * (gammaFn(1 + 2 / spec.shape) - g1 * g1);
    }
    case 'bernoulli':
      return spec.p * (1 - spec.p);
    case 'empirical': {
      const w = empiricalWeights(spec);
      const m = meanOf(spec);
      let sw = 0;
      let ss = 0;
      spec.values.forEach((x, i) => {
        sw += w[i]!;
        ss += w[i]! * (x - m) * (x - m);
      });
      return ss / sw;
    }
    default:
      return unreachable(spec);
  }
}

/**
 * The value the deterministic "plan" run uses in place of the distribution: the planner's
 * own point estimate where the spec states one, otherwise the mean, except that discrete
 * distributions give their most likely value so the plan stays a possible outcome.
 *   triangular, pert                 -> mode (the planner's "most likely")
 *   lognormal by median/p90          -> median (the planner's stated estimate)
 *   normal                           -> the stated mean, clamped into [min, max]
 *   bernoulli                        -> 1 if p > 0.5, else 0 (a 30% disruption does not happen in the plan)
 *   empirical                        -> the value with the largest weight (first on ties)
 *   constant, uniform, lognormal by mu/sigma, exponential, gamma, weibull -> mean
 */
export function planValueOf(spec: DistSpec): number {
  switch (spec.dist) {
    case 'triangular':
    case 'pert':
      return spec.mode;
    case 'lognormal':
      return 'median' in spec ? spec.median : meanOf(spec);
    case 'normal':
      return Math.min(Math.max(spec.mean, spec.min ?? -Infinity), spec.max ?? Infinity);
    case 'bernoulli':
      return spec.p > 0.5 ? 1 : 0;
    case 'empirical': {
      const w = empiricalWeights(spec);
      let best = 0;
      for (let i = 1; i < w.length; i++) if (w[i]! > w[best]!) best = i;
      return spec.values[best]!;
    }
    case 'constant':
    case 'uniform':
    case 'exponential':
    case 'gamma':
    case 'weibull':
      return meanOf(spec);
    default:
      return unreachable(spec);
  }
}

/**
 * The p-quantile (inverse CDF, smallest x with F(x) >= p) where a closed form exists;
 * undefined for pert and gamma (whose quantiles need incomplete beta/gamma inversion).
 * Normal and lognormal use the normal quantile (relative error < 1.15e-9).
 */
export function quantileOf(spec: DistSpec, p: number): number | undefined {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileOf: p must be a probability in [0, 1], found ${p}`);
  switch (spec.dist) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return spec.min + p * (spec.max - spec.min);
    case 'triangular': {
      const { min: a, mode: c, max: b } = spec;
      if (a === b) return a;
      const split = (c - a) / (b - a);
      return p < split ? a + Math.sqrt(p * (b - a) * (c - a)) : b - Math.sqrt((1 - p) * (b - a) * (b - c));
    }
    case 'normal': {
      if (spec.min !== undefined && spec.min === spec.max) return spec.min;
      const { sign, lo, width } = normalTruncation(spec.mean, spec.sd, spec.min, spec.max);
      // In reflected form the upper quantile p is the lower quantile 1 - p of the mirror image.
      const q = sign === 1 ? p : 1 - p;
      return spec.mean + sign * spec.sd * normalQuantile(lo + q * width);
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalMuSigma(spec);
      return Math.exp(mu + sigma * normalQuantile(p));
    }
    case 'exponential':
      return -spec.mean * Math.log1p(-p);
    case 'weibull':
      return spec.scale * Math.pow(-Math.log1p(-p), 1 / spec.shape);
    case 'bernoulli':
      return p <= 1 - spec.p ? 0 : 1;
    case 'empirical': {
      const w = empiricalWeights(spec);
      const order = spec.values.map((_, i) => i).filter((i) => w[i]! > 0).sort((i, j) => spec.values[i]! - spec.values[j]!);
      const total = order.reduce((s, i) => s + w[i]!, 0);
      let cum = 0;
      for (const i of order) {
        cum += w[i]!;
        if (cum >= p * total) return spec.values[i]!;
      }
      return spec.values[order[order.length - 1]!]!;
    }
    case 'pert':
    case 'gamma':
      return undefined;
    default:
      return unreachable(spec);
  }
}

function unreachable(spec: never): never {
  throw new RangeError(`unknown distribution ${JSON.stringify((spec as { dist?: unknown }).dist)}`);
}
