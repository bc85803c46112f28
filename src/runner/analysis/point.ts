/**
 * One analysis point: a resolved scenario run for replications 0..n-1 with the root seed.
 * Every point of every analysis uses the same seed and replication indexes, so replication i
 * draws from the streams (seed, i, name) in each of them: common random numbers.
 * Kept per point: the completion hours in replication order (Infinity = not cleared within
 * the horizon) for pairing, and the headline statistics.
 */
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { wilson, Z95 } from '../../stats/intervals.js';
import { quantileSorted, sortAscending } from '../../stats/quantile.js';
import { Aggregator } from '../aggregator.js';
import { createExecutor, runRange, WorkerPool } from '../pool.js';
import { isoAt } from '../dates.js';

export interface PointStats {
  readonly n: number;
  readonly cleared: number;
  readonly probabilityCleared: { readonly estimate: number; readonly ci95: readonly [number, number] };
  /** Median completion in hours from start (null = beyond the horizon), with its distribution-free 95% interval. */
  readonly p50Hours: number | null;
  readonly p50HoursCi95: readonly [number | null, number | null];
  /** The same as ISO date-times (UTC). */
  readonly p50: string | null;
  readonly p50Ci95: readonly [string | null, string | null];
  readonly p80: string | null;
}

export interface PointResult {
  readonly scenario: ResolvedScenario;
  /** Completion hours by replication index (Infinity = not cleared within the horizon). */
  readonly completion: Float64Array;
  readonly stats: PointStats;
}

export interface RunPointOptions {
  readonly replications: number;
  readonly seed: number;
  readonly workers: number;
  readonly signal?: AbortSignal | undefined;
  readonly onProgress?: ((done: number) => void) | undefined;
  /** Worker threads shared by the analysis's points (see common.ts withPool); null: a pool of its own. */
  readonly pool?: WorkerPool | null | undefined;
}

const finite = (h: number): number | null => (Number.isFinite(h) ? h : null);

/**
 * Distribution-free interval for the p-quantile of a sorted sample: order statistics of ranks
 * floor(np - z sqrt(np(1-p))) and ceil(np + z sqrt(np(1-p))) + 1 (1-based, clamped to 1..n),
 * from the normal approximation to Binomial(n, p) (Conover, Practical Nonparametric Statistics, 3.2).
 */
export function quantileCi(sorted: ArrayLike<number>, p: number): [number, number] {
  const n = sorted.length;
  if (n === 0) return [NaN, NaN];
  const half = Z95 * Math.sqrt(n * p * (1 - p));
  const r = Math.min(n, Math.max(1, Math.floor(n * p - half)));
  const s = Math.min(n, Math.max(1, Math.ceil(n * p + half) + 1));
  return [sorted[r - 1]!, sorted[s - 1]!];
}

export function pointStats(scenario: ResolvedScenario, completion: Float64Array): PointStats {
  const n = completion.length;
  let cleared = 0;
  for (let i = 0; i < n; i++) if (completion[i]! < scenario.deadlineHours) cleared++;
  const w = wilson(cleared, n);
  const sorted = sortAscending(completion);
  const p50 = finite(quantileSorted(sorted, 0.5));
  const [lo, hi] = quantileCi(sorted, 0.5);
  const ci: [number | null, number | null] = [finite(lo), finite(hi)];
  return {
    n,
    cleared,
    probabilityCleared: { estimate: n === 0 ? 0 : w.estimate, ci95: [w.lo, w.hi] },
    p50Hours: p50,
    p50HoursCi95: ci,
    p50: isoAt(scenario, p50),
    p50Ci95: [isoAt(scenario, ci[0]), isoAt(scenario, ci[1])],
    p80: isoAt(scenario, finite(quantileSorted(sorted, 0.8))),
  };
}

/** Run one point on its own executor (worker pool or in-process) and reduce in replication order. */
export async function runPoint(scenario: ResolvedScenario, o: RunPointOptions): Promise<PointResult> {
  const agg = new Aggregator(scenario, 0, Math.min(o.replications, 1 << 20));
  const exec = await createExecutor(scenario, o.seed, o.workers, {}, o.pool ?? null);
  try {
    await runRange(exec, agg, 0, o.replications, { signal: o.signal, onProgress: o.onProgress });
  } finally {
    await exec.close();
  }
  const completion = Float64Array.from(agg.completion.view());
  return { scenario, completion, stats: pointStats(scenario, completion) };
}
