/**
 * The completion ECDF as chart points. Replications never cleared stay in the denominator:
 * F(t) = #(completion <= t) / n, which tops out below 1 when some never cleared.
 */

export interface EcdfPoint {
  /** Hours from start. */
  readonly hours: number;
  /** Fraction of ALL n replications cleared by then (inclusive). */
  readonly p: number;
}

/** #(xs < h) / n for ascending xs ("cleared by the deadline" means strictly before it). */
export function fractionBefore(sorted: readonly number[], n: number, h: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo / n;
}

/**
 * At most `maxPoints` points of the step function through ascending `sorted`: the points
 * at ranks spread evenly over the sample, always including the last. Drawn with step-after
 * interpolation, the curve is never above the true ECDF and at most 1/maxPoints below it.
 */
export function downsampleEcdf(sorted: readonly number[], n: number, maxPoints = 500): EcdfPoint[] {
  const m = sorted.length;
  if (m === 0) return [];
  const out: EcdfPoint[] = [];
  const take = (i: number): void => {
    const hours = sorted[i] as number;
    // Ties: the point's value counts every equal sample (jump to the top of the tie).
    let j = i;
    while (j + 1 < m && (sorted[j + 1] as number) === hours) j++;
    const last = out[out.length - 1];
    if (last !== undefined && last.hours === hours) out.pop();
    out.push({ hours, p: (j + 1) / n });
  };
  if (m <= maxPoints) {
    for (let i = 0; i < m; i++) take(i);
  } else {
    for (let k = 1; k <= maxPoints; k++) take(Math.ceil((k * m) / maxPoints) - 1);
  }
  return out;
}

/** Empirical quantile: the smallest x with F(x) >= q (null when never reached, i.e. beyond the horizon). */
export function ecdfQuantile(sorted: readonly number[], n: number, q: number): number | null {
  const k = Math.ceil(q * n);
  if (k < 1) return sorted[0] ?? null;
  return k <= sorted.length ? (sorted[k - 1] as number) : null;
}
