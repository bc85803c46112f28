/**
 * Special functions the distributions need: the standard normal CDF and quantile, and
 * the gamma function. Internal to src/random (not exported from the index).
 */
import { DRAW } from './draw.js';

const SQRT2 = Math.SQRT2;
const SQRT_PI = Math.sqrt(Math.PI);

/**
 * erfc(x) for x >= 0 to ~1e-15 relative. Below 2.5: 1 - erf by the all-positive series
 * erf(x) = 2/sqrt(pi) e^{-x^2} sum 2^n x^{2n+1} / (1*3*...*(2n+1)) (no cancellation).
 * From 2.5: the continued fraction erfc(x) = e^{-x^2}/sqrt(pi) / (x + (1/2)/(x + 1/(x + (3/2)/(x + ...))))
 * evaluated by the modified Lentz method, accurate far into the tail (until e^{-x^2} underflows).
 */
function erfcNonNegative(x: number): number {
  if (x < 2.5) {
    let term = x;
    let sum = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= (2 * x2) / (2 * n + 1);
      sum += term;
      if (term < sum * 1e-17) break;
    }
    return 1 - ((2 / SQRT_PI) * Math.exp(-x2) * sum);
  }
  // Lentz for b0 + a1/(b1 + a2/(b2 + ...)) with b_k = x, a_k = k/2.
  const tiny = 1e-300;
  let f = x;
  let c = x;
  let d = 0;
  for (let k = 1; k < 500; k++) {
    const a = k / 2;
    d = x + a * d;
    d = d === 0 ? tiny : d;
    c = x + a / c;
    c = c === 0 ? tiny : c;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) / SQRT_PI / f;
}

/** Standard normal CDF Phi(z), accurate in relative terms in the lower tail. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z === Number.NEGATIVE_INFINITY) return 0;
  if (z === Number.POSITIVE_INFINITY) return 1;
  return z < 0 ? 0.5 * erfcNonNegative(-z / SQRT2) : 1 - 0.5 * erfcNonNegative(z / SQRT2);
}

// Acklam's rational approximation of the normal quantile (relative error < 1.15e-9),
// cheap enough for the hot path: one division in the centre, a log and a sqrt in the tails.
const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239] as const;
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1] as const;
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783] as const;
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416] as const;
const P_LOW = 0.02425;

/** Standard normal quantile Phi^-1(p) for p in (0, 1); -Infinity at 0, +Infinity at 1. */
export function normalQuantile(p: number): number {
  DRAW[0] = p;
  drawNormalQuantile();
  return DRAW[0]!;
}

/** normalQuantile of DRAW[0], in place: the samplers' form (./draw.ts), no boxed double per call. */
export function drawNormalQuantile(): void {
  const p = DRAW[0]!;
  if (!(p > 0)) {
    DRAW[0] = p === 0 ? Number.NEGATIVE_INFINITY : Number.NaN;
  } else if (!(p < 1)) {
    DRAW[0] = p === 1 ? Number.POSITIVE_INFINITY : Number.NaN;
  } else if (p < P_LOW) {
    const q = Math.sqrt(-2 * Math.log(p));
    DRAW[0] = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * Math.log1p(-p));
    DRAW[0] = -(((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) /
      ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
  } else {
    const q = p - 0.5;
    const r = q * q;
    DRAW[0] = ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
      (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1);
  }
}

/** Standard normal density. */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

// Lanczos approximation (g = 7, n = 9), ~1e-15 relative for positive arguments.
const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
] as const;

/** The gamma function Gamma(x) for x > 0 (used for Weibull moments). */
export function gammaFn(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  const y = x - 1;
  let a = LANCZOS[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (y + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, y + 0.5) * Math.exp(-t) * a;
}


/**
 * The truncation of N(mean, sd) to [min, max] in standard units, set up for inversion:
 * x = mean + sign * sd * Phi^-1(lo + u * width). When the interval lies above the mean it
 * is reflected (sign = -1) into the lower tail, where Phi keeps its relative precision, so
 * bounds many sd out still sample correctly. `width` is the probability of the interval.
 */
export interface NormalTruncation {
  readonly sign: 1 | -1;
  readonly lo: number;
  readonly width: number;
}

export function normalTruncation(mean: number, sd: number, min = -Infinity, max = Infinity): NormalTruncation {
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  if (a > 0) {
    const lo = normalCdf(-b);
    return { sign: -1, lo, width: normalCdf(-a) - lo };
  }
  const lo = normalCdf(a);
  return { sign: 1, lo, width: normalCdf(b) - lo };
}

/** 90th percentile of the standard normal, for lognormal specs by median and p90. */
export const Z90 = 1.2815515655446004;

/** Smallest positive output of a 53-bit uniform grid; stands in for an exact 0 before a log or quantile. */
export const HALF_ULP_1 = 1.1102230246251565e-16;
