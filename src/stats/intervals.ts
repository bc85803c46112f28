/**
 * Confidence intervals: Wilson's score interval for a proportion and Student's t interval
 * for a mean.
 */
import { normalQuantile, tQuantile } from './distributions.js';

export interface ConfidenceInterval {
  readonly estimate: number;
  readonly lo: number;
  readonly hi: number;
}

/** z for a two-sided interval of the given level (0.95 -> 1.959963984540054). */
export function zFor(level: number): number {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  return normalQuantile(0.5 + level / 2);
}
export const Z95 = 1.959963984540054;

/**
 * Wilson score interval for `successes` out of `n` trials:
 *   centre = (p + z²/2n) / (1 + z²/n),  half = z/(1 + z²/n) * sqrt(p(1-p)/n + z²/4n²).
 * With n = 0 the interval is [0, 1] and the estimate NaN.
 */
export function wilson(successes: number, n: number, level = 0.95): ConfidenceInterval {
  if (!(n >= 0) || !(successes >= 0) || successes > n) {
    throw new RangeError(`wilson: need 0 <= successes <= n, got ${successes}/${n}`);
  }
  if (n === 0) return { estimate: NaN, lo: 0, hi: 1 };
  const z = level === 0.95 ? Z95 : zFor(level);
  const p = successes / n;
  const z2n = (z * z) / n;
  const denom = 1 + z2n;
  const centre = (p + z2n / 2) / denom;
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2n / (4 * n));
  // At p = 0 or 1 the bound is exactly 0 or 1; keep rounding from leaving it a hair off.
  return {
    estimate: p,
    lo: successes === 0 ? 0 : Math.max(0, centre - half),
    hi: successes === n ? 1 : Math.min(1, centre + half),
  };
}

/** Half-width of the Wilson interval (hi - lo) / 2. */
export function wilsonHalfWidth(successes: number, n: number, level = 0.95): number {
  const ci = wilson(successes, n, level);
  return (ci.hi - ci.lo) / 2;
}

/** Student's t interval for a mean from n, mean and sample sd: mean ± t_{n-1} sd/√n. */
export function tInterval(n: number, mean: number, sd: number, level = 0.95): ConfidenceInterval {
  if (n < 2) return { estimate: mean, lo: -Infinity, hi: Infinity };
  const t = tQuantile(0.5 + level / 2, n - 1);
  const half = (t * sd) / Math.sqrt(n);
  return { estimate: mean, lo: mean - half, hi: mean + half };
}
