/**
 * Quantiles of a sorted sample.
 *
 * The definition used across airlift is the INVERSE EMPIRICAL CDF (Hyndman & Fan type 1):
 *   Q(p) = x_(k) with k = ceil(n p), the smallest sample value x with ECDF(x) >= p
 *   (Q(0) = x_(1)).
 * So "P80 completion" is a date that was actually simulated and by which at least 80% of
 * replications had finished: the statement a planner reads off the ECDF chart. Values may
 * be +Infinity ("never, within the horizon"); a quantile that lands on one is Infinity.
 *
 * `quantileSortedLinear` gives the interpolating type 7 (R's and NumPy's default) for
 * callers that want a smooth estimate of a continuous quantity.
 */

/** Brand for arrays known to be sorted ascending. */
export type Sorted<T extends ArrayLike<number>> = T & { readonly __sorted: true };

export function sortAscending(values: ArrayLike<number>): Sorted<Float64Array> {
  const a = Float64Array.from(values as ArrayLike<number>);
  a.sort();
  return a as Sorted<Float64Array>;
}

function checkP(p: number): void {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
}

/** Type 1 (inverse ECDF) quantile of an ascending array; NaN when empty. */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  checkP(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  // n*p is computed in floating point (e.g. 100 * 0.29 = 28.999999999999996): forgive
  // a relative error far below one rank before taking the ceiling.
  const k = Math.max(1, Math.ceil(n * p - 1e-9 * Math.max(1, n * p)));
  return sorted[Math.min(k, n) - 1]!;
}

/** Type 7 (linear interpolation between x_(floor(h)+1) and the next, h = (n-1)p). */
export function quantileSortedLinear(sorted: ArrayLike<number>, p: number): number {
  checkP(p);
  const n = sorted.length;
  if (n === 0) return NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  const lo = sorted[i]!;
  if (i + 1 >= n) return lo;
  const hi = sorted[i + 1]!;
  const f = h - i;
  return f === 0 ? lo : lo + f * (hi - lo);
}
