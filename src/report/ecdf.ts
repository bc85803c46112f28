/**
 * The completion ECDF as chart points. Replications never cleared stay in the denominator:
 * F(t) = #(completion <= t) / n, which tops out below 1 when some never cleared.
 *
 * The runner may thin a long series to evenly spaced order statistics and give each kept
 * value's 1-based rank (chartdata `overallRanks` / `bySiteRanks`); without ranks, value i
 * has rank i + 1.
 */
import type { ChartData } from '../runner/summary-types.js';

export interface Ecdf {
  /** Completion hours, ascending (cleared replications only, possibly thinned). */
  readonly xs: readonly number[];
  /** 1-based rank of each kept value among all cleared replications; absent = i + 1. */
  readonly ranks?: readonly number[] | undefined;
  /** Replications in the denominator (uncleared included). */
  readonly n: number;
}

export interface EcdfPoint {
  /** Hours from start. */
  readonly hours: number;
  /** Fraction of ALL n replications cleared by then (inclusive). */
  readonly p: number;
}

type EcdfData = ChartData['completionEcdf'] & {
  readonly overallRanks?: readonly number[];
  readonly bySiteRanks?: Readonly<Record<string, readonly number[]>>;
};

export function overallEcdf(chartData: ChartData): Ecdf {
  const e = chartData.completionEcdf as EcdfData;
  return { xs: e.overall, ranks: e.overallRanks, n: e.n };
}

export function siteEcdf(chartData: ChartData, site: string): Ecdf {
  const e = chartData.completionEcdf as EcdfData;
  return { xs: e.bySite[site] ?? [], ranks: e.bySiteRanks?.[site], n: e.n };
}

export function rankAt(e: Ecdf, i: number): number {
  return e.ranks?.[i] ?? i + 1;
}

/** Replications that cleared before the horizon. */
export function clearedCount(e: Ecdf): number {
  return e.xs.length === 0 ? 0 : rankAt(e, e.xs.length - 1);
}

/** Number of kept values < h (binary search). */
function lowerBound(xs: readonly number[], h: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((xs[mid] as number) < h) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** #(completion < h) / n ("cleared by the deadline" means strictly before it). */
export function fractionBefore(e: Ecdf, h: number): number {
  const k = lowerBound(e.xs, h);
  return k === 0 ? 0 : rankAt(e, k - 1) / e.n;
}

/**
 * At most `maxPoints` points of the step function: the kept values at positions spread
 * evenly over the series, always including the last. Drawn with step-after interpolation,
 * the curve is never above the true ECDF and at most about 1/maxPoints below it.
 */
export function downsampleEcdf(e: Ecdf, maxPoints = 500): EcdfPoint[] {
  const { xs } = e;
  const m = xs.length;
  if (m === 0) return [];
  const out: EcdfPoint[] = [];
  const take = (i: number): void => {
    const hours = xs[i] as number;
    // Ties: the point's value counts every equal sample (jump to the top of the tie).
    let j = i;
    while (j + 1 < m && (xs[j + 1] as number) === hours) j++;
    const last = out[out.length - 1];
    if (last !== undefined && last.hours === hours) out.pop();
    out.push({ hours, p: rankAt(e, j) / e.n });
  };
  if (m <= maxPoints) {
    for (let i = 0; i < m; i++) take(i);
  } else {
    for (let k = 1; k <= maxPoints; k++) take(Math.ceil((k * m) / maxPoints) - 1);
  }
  return out;
}

/** Count of cleared replications with completion in [a, b) (exact without thinning). */
export function countBetween(e: Ecdf, a: number, b: number): number {
  const i = lowerBound(e.xs, a);
  const j = lowerBound(e.xs, b);
  return (j === 0 ? 0 : rankAt(e, j - 1)) - (i === 0 ? 0 : rankAt(e, i - 1));
}
