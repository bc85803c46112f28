/** Empirical CDF of an ascending sample: F(x) = #{x_i <= x} / n. */

/** Number of values <= x in an ascending array (binary search). */
export function countAtMost(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** ECDF at x; `n` defaults to the array length (pass a larger n when some outcomes are absent, e.g. never happened). */
export function ecdf(sorted: ArrayLike<number>, x: number, n = sorted.length): number {
  return n === 0 ? NaN : countAtMost(sorted, x) / n;
}
