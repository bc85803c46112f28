/**
 * One Monte Carlo run, start to finish:
 *   1. plan        which replications (all, a shard's slice, or --precision rounds)
 *   2. simulate    executor (in-process or worker pool) -> packed batches
 *   3. reduce      Aggregator folds results in replication order; replications.csv streams out
 *   4. finalise    plan run + median replication's Gantt (on the executor, whose threads have
 *                  compiled the model by then) -> Summary, ChartData, daily.csv
 *   5. write       atomically: summary.json, chartdata.json, daily.csv, scenario.resolved.json,
 *                  replications.csv (a shard writes partial.json + its replications.csv instead)
 * An abort (Ctrl-C) stops the workers and removes the half-written replications.csv; no
 * other file has been touched by then.
 */
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { wilson } from '../stats/intervals.js';
import { Aggregator } from './aggregator.js';
import { attachCsv, FILES, json, ReplicationsCsv, writeFinalOutputs, writePartialOutput } from './outputs.js';
import { createExecutor, runRange, type Executor, type WorkerPool } from './pool.js';
import { endsHere, type RunEnds } from './worker.js';
import { buildChartData, buildSummary, countBefore, dailyCsv, medianReplication, type SummaryContext } from './summary.js';
import type { ChartData, Summary } from './summary-types.js';
import { toolVersion } from './version.js';
import { PARTIAL_KIND, scenarioDigest, type PartialFile } from './partial-file.js';

export interface Shard {
  /** 1-based shard number. */
  readonly k: number;
  readonly n: number;
}

export interface RunOptions {
  readonly scenario: ResolvedScenario;
  /** The scenario document as written (after variants/overrides), recorded in scenario.resolved.json. */
  readonly document?: unknown;
  readonly replications: number;
  readonly seed: number;
  readonly outDir: string;
  readonly workers: number;
  /** Target 95% half-width of P(cleared); replications is then the cap. */
  readonly precision?: number | null;
  readonly shard?: Shard | null;
  readonly signal?: AbortSignal;
  /** Progress: replications done and the current target. */
  readonly onProgress?: (done: number, total: number) => void;
  /**
   * Worker threads already started (by the caller, which closes them), used when `workers`
   * > 1 instead of starting a pool here: `airlift run` starts them while it loads the scenario.
   */
  readonly pool?: WorkerPool | null;
}

export interface RunOutcome {
  readonly outDir: string;
  readonly files: readonly string[];
  /** Null for a shard (it writes a partial result). */
  readonly summary: Summary | null;
  readonly chartData: ChartData | null;
  readonly shardRange: readonly [number, number] | null;
}

/** Replications [start, end) of shard k of n: contiguous slices, sizes differing by at most one. */
export function shardRange(total: number, shard: Shard): [number, number] {
  return [Math.floor(((shard.k - 1) * total) / shard.n), Math.floor((shard.k * total) / shard.n)];
}

/** Next target in --precision mode: the normal-approximation n for the half-width, padded, in steps of 1,000. */
export function nextPrecisionTarget(cleared: number, n: number, target: number, cap: number): number {
  const p = Math.min(Math.max(cleared / n, 1 / n), 1 - 1 / n);
  const z = 1.959963984540054;
  const need = (z * z * p * (1 - p)) / (target * target);
  const step = 1000;
  const next = Math.ceil(Math.max(n * 1.25, need * 1.05) / step) * step;
  return Math.min(cap, Math.max(next, n + step));
}

export const INITIAL_PRECISION_ROUND = 1000;

export async function runMonteCarlo(o: RunOptions): Promise<RunOutcome> {
  const s = o.scenario;
  // 1. plan
  const range: [number, number] = o.shard ? shardRange(o.replications, o.shard) : [0, o.replications];
  const precision = o.precision ?? null;
  const agg = new Aggregator(s, range[0], Math.min(range[1] - range[0], 1 << 20));
  const csv = new ReplicationsCsv(join(o.outDir, FILES.replications), s);
  attachCsv(agg, csv);
  const started = performance.now();
  let exec: Executor | null = null;
  let precisionInfo: SummaryContext['precision'];
  let ends: RunEnds | null = null;
  let simulated = started;
  try {
    // 2-3. simulate and reduce
    exec = await createExecutor(s, o.seed, o.workers, { csv: true }, o.pool ?? null);
    const backpressure = (): Promise<void> => csv.drain();
    if (precision === null) {
      const total = range[1] - range[0];
      await runRange(exec, agg, range[0], range[1], {
        signal: o.signal, backpressure, onProgress: (d) => o.onProgress?.(d, total),
      });
    } else {
      const cap = o.replications;
      let target = Math.min(cap, INITIAL_PRECISION_ROUND);
      for (;;) {
        await runRange(exec, agg, agg.nextIndex, target, {
          signal: o.signal, backpressure, onProgress: () => o.onProgress?.(agg.n, target),
        });
        const cleared = countBefore(agg.completion.view(), s.deadlineHours);
        const ci = wilson(cleared, agg.n);
        const halfWidth = (ci.hi - ci.lo) / 2;
        if (halfWidth <= precision || agg.n >= cap) {
          precisionInfo = { target: precision, reached: halfWidth <= precision, halfWidth, cap };
          break;
        }
        target = nextPrecisionTarget(cleared, agg.n, precision, cap);
      }
    }
    simulated = performance.now();
    // 4'. the plan run and the median replication's trace, where the model's code is warm
    if (!o.shard) ends = await exec.ends(medianReplication(agg));
  } catch (err) {
    csv.abort();
    throw err;
  } finally {
    await exec?.close();
  }
  const elapsedSeconds = (simulated - started) / 1000;

  // 5'. a shard writes its partial result
  if (o.shard) {
    const partial: PartialFile = {
      kind: PARTIAL_KIND,
      version: 1,
      toolVersion: toolVersion(),
      seed: o.seed,
      replications: o.replications,
      shard: { k: o.shard.k, n: o.shard.n, start: range[0], end: range[1] },
      elapsedSeconds,
      workers: o.workers,
      scenarioDigest: scenarioDigest(s),
      scenario: s,
      document: o.document ?? null,
      state: agg.toState(),
    };
    await csv.commit();
    const p = writePartialOutput(o.outDir, partial);
    return { outDir: o.outDir, files: [join(o.outDir, FILES.replications), p], summary: null, chartData: null, shardRange: range };
  }

  // 4-5. finalise and write
  const ctx: Omit<SummaryContext, 'planCompletionHours' | 'gantt'> = {
    seed: o.seed, toolVersion: toolVersion(), elapsedSeconds, workers: o.workers,
    ...(precisionInfo ? { precision: precisionInfo } : {}),
  };
  const fin = finalise(agg, ctx, o.document ?? null, ends);
  await csv.commit();
  const files = writeFinalOutputs(o.outDir, fin);
  return { outDir: o.outDir, files: [...files, join(o.outDir, FILES.replications)], summary: fin.summary, chartData: fin.chartData, shardRange: null };
}

/**
 * Every output as data. `ends` (the plan run and the median replication's phases) are computed
 * here when not given (merge: no executor).
 */
export function finalise(
  agg: Aggregator,
  ctx: Omit<SummaryContext, 'planCompletionHours' | 'gantt'>,
  document: unknown,
  ends: RunEnds | null = null,
): { summary: Summary; chartData: ChartData; dailyCsv: string; resolved: unknown } {
  const s = agg.scenario;
  const { planCompletionHours, gantt } = ends ?? endsHere(s, ctx.seed, medianReplication(agg));
  const full: SummaryContext = { ...ctx, planCompletionHours, gantt };
  return {
    summary: buildSummary(agg, full),
    chartData: buildChartData(agg, full),
    dailyCsv: dailyCsv(agg),
    resolved: { ...s, seed: ctx.seed, replications: agg.n, toolVersion: ctx.toolVersion, document },
  };
}

export { json };
