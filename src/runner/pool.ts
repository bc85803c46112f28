/**
 * Executors run contiguous batches of replications and hand back packed results:
 *  - in-process (one worker: no thread start-up, no copying);
 *  - a piscina pool of worker threads (./worker.ts compiled to dist), each batch returned as
 *    a few typed arrays (copied: transferring would slow the worker down, see worker.ts):
 *    scalars, the daily series already binned, and (for `airlift run`) its replications.csv
 *    rows, so the runner's thread does little per replication.
 * `runRange` keeps a bounded number of batches in flight and feeds every result to the
 * Aggregator, which folds them in replication order: outputs do not depend on the executor.
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { BinnedBatch } from './batch.js';
import type { Aggregator } from './aggregator.js';
import type { PhaseInterval } from '../model/index.js';
import type { EndTask, RunEnds, WorkerTask } from './worker.js';
import { trackLoading, WORKER_LOADED } from './loaded.js';

export interface Executor {
  readonly workers: number;
  run(start: number, count: number): Promise<BinnedBatch>;
  /** Once the batches are done: the plan run and the phases of `replication` (< 0: none). */
  ends(replication: number): Promise<RunEnds>;
  close(): Promise<void>;
}

export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** Path of the compiled worker: beside this file in dist, or dist's copy when running from src (vitest). */
export function workerPath(): string {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return fileURLToPath(new URL('./worker.js', import.meta.url));
  const mapped = here.replace(/([\\/])src([\\/])runner([\\/])pool\.ts$/, '$1dist$1src$2runner$3worker.js');
  if (mapped === here || !existsSync(mapped)) {
    throw new Error(`worker threads need the compiled worker (${mapped}); run 'npm run build' first`);
  }
  return mapped;
}

export interface ExecutorOptions {
  /** Have the workers format replications.csv rows (only worth it when the file is written). */
  readonly csv?: boolean;
}

export async function inProcessExecutor(scenario: ResolvedScenario, seed: number, opts: ExecutorOptions = {}): Promise<Executor> {
  const { runBatch, endsHere } = await import('./worker.js');
  const { DailyBinner } = await import('./daily.js');
  const binner = new DailyBinner(scenario);
  return {
    workers: 1,
    run: async (start, count) => {
      await yieldToLoop(); // let signals and I/O through between batches
      return runBatch(scenario, seed, start, count, binner, opts.csv === true);
    },
    ends: async (replication) => endsHere(scenario, seed, replication),
    close: async () => {},
  };
}

/**
 * A pool of worker threads that serves any number of runs, of any scenarios, one after another
 * or at once. Each task carries its scenario, seed and range, so the threads (and the code they
 * have compiled, which takes a fresh thread thousands of replications: see README, Benchmarks)
 * are reused by every run of an analysis instead of starting cold for each point. Workers keep
 * the last few scenarios they were sent, by key, with their binners.
 */
export class WorkerPool {
  private readonly keys = new WeakMap<ResolvedScenario, number>();
  private nextKey = 1;

  /** Workers that have posted WORKER_LOADED (their module is loaded; see close). */
  loaded = 0;
  private onLoaded: (() => void) | null = null;

  private constructor(
    readonly workers: number,
    private readonly pool: import('piscina').Piscina<WorkerTask | EndTask, unknown>,
  ) {
    let timer: NodeJS.Timeout | undefined;
    this.allLoaded = new Promise<void>((resolve) => {
      this.onLoaded = resolve;
      timer = setTimeout(resolve, LOAD_WAIT_MS);
    }).then(() => {
      clearTimeout(timer);
      this.onLoaded = null;
    });
    trackLoading(this.allLoaded);
    pool.on('message', (m: unknown) => {
      if (m !== WORKER_LOADED) return;
      this.loaded += 1;
      if (this.loaded >= this.workers) this.onLoaded?.();
    });
  }

  /**
   * Settles once every worker has posted WORKER_LOADED, or after LOAD_WAIT_MS. Also registered
   * with ./loaded.ts, so that a process stopped by a signal exits after it (cli/signals.ts).
   */
  private readonly allLoaded: Promise<void>;

  static async start(workers: number): Promise<WorkerPool> {
    compileInForeground(workers);
    const { Piscina } = await import('piscina');
    const pool = new Piscina<WorkerTask | EndTask, unknown>({
      filename: workerPath(),
      minThreads: workers,
      maxThreads: workers,
      idleTimeout: 60_000,
      // A small young generation keeps each worker's resident memory down (the model's garbage
      // is short-lived); it costs nothing measurable in speed.
      resourceLimits: { maxYoungGenerationSizeMb: 8 },
    });
    return new WorkerPool(workers, pool);
  }

  /** An executor for one run on this pool; closing it leaves the pool running. */
  executor(scenario: ResolvedScenario, seed: number, opts: ExecutorOptions = {}): Executor {
    let key = this.keys.get(scenario);
    if (key === undefined) {
      key = this.nextKey++;
      this.keys.set(scenario, key);
    }
    const csv = opts.csv === true;
    const k = key;
    return {
      workers: this.workers,
      run: (start, count) => this.pool.run({ key: k, scenario, seed, csv, start, count } satisfies WorkerTask) as Promise<BinnedBatch>,
      // on two warm workers at once (worker.ts, tasks `plan` and `phases`)
      ends: async (replication) => {
        const t: EndTask = { key: k, scenario, seed, replication };
        const [planCompletionHours, phases] = await Promise.all([
          this.pool.run(t, { name: 'plan' }) as Promise<number | null>,
          replication < 0 ? null : (this.pool.run(t, { name: 'phases' }) as Promise<PhaseInterval[]>),
        ]);
        return { planCompletionHours, gantt: phases === null ? null : { replication, phases } };
      },
      close: async () => {},
    };
  }

  /**
   * Stops the workers once each has loaded its module (at most LOAD_WAIT_MS). Node 20 aborts
   * the whole process ("FATAL ERROR: v8::Module::IsGraphAsync must be used on an instantiated
   * module", exit 134) when a worker is terminated while it is still loading its module through
   * require: a run given a missing scenario file with --workers 2 closed its pool a few ms after
   * starting it, and 2 runs in 40 on a busy machine aborted instead of exiting 2.
   */
  async close(): Promise<void> {
    await this.allLoaded;
    return this.pool.destroy();
  }
}

/** The longest close() waits for a worker still loading (a few hundred ms on a busy machine). */
const LOAD_WAIT_MS = 10_000;

/**
 * When the workers take every core, V8's background compiler threads have no core of their
 * own: they preempt the workers, and a worker waits for code it could have compiled itself.
 * Each worker isolate then compiles its optimized code on its own thread instead
 * (`--no-concurrent-recompilation`, read when an isolate starts, so it applies to the
 * workers started after it and not to this thread). Whole 10,000-replication runs of
 * niger-2024 on 2 workers (2 cores): see README, Benchmarks. With fewer workers than cores
 * the background threads have a free core and stay.
 */
function compileInForeground(workers: number): void {
  if (workers >= availableParallelism()) setFlagsFromString('--no-concurrent-recompilation');
}

export async function poolExecutor(scenario: ResolvedScenario, seed: number, workers: number, opts: ExecutorOptions = {}): Promise<Executor> {
  const pool = await WorkerPool.start(workers);
  const exec = pool.executor(scenario, seed, opts);
  return { ...exec, close: () => pool.close() };
}

export async function createExecutor(scenario: ResolvedScenario, seed: number, workers: number, opts: ExecutorOptions = {}, pool: WorkerPool | null = null): Promise<Executor> {
  if (workers <= 1) return inProcessExecutor(scenario, seed, opts);
  return pool !== null ? pool.executor(scenario, seed, opts) : poolExecutor(scenario, seed, workers, opts);
}

/** Replications per task: enough to amortise messaging, small enough to balance load and bound memory. */
export function batchSizeFor(count: number, workers: number): number {
  return Math.max(1, Math.min(250, Math.ceil(count / (workers * 8))));
}

/** Smallest task of the tail (see nextBatch): ~25 ms of a worker's time on niger-2024. */
const MIN_TAIL_BATCH = 25;

/**
 * Size of the next task when `remaining` replications are not yet handed out: `batch`, then,
 * on more than one worker, shrinking with what is left (guided self-scheduling: a quarter of
 * each worker's share of the rest, down to MIN_TAIL_BATCH) so that the workers finish
 * together. With fixed 250-replication tasks one worker ran the last task alone while the
 * other stood idle, ~half a task (~130 ms) per run. Task sizes never change results: every
 * replication has its own streams and results are folded in replication order.
 */
export function nextBatch(remaining: number, batch: number, workers: number): number {
  if (workers <= 1) return Math.min(batch, remaining);
  const guided = Math.ceil(remaining / (workers * 4));
  return Math.min(remaining, batch, Math.max(Math.min(MIN_TAIL_BATCH, batch), guided));
}

export interface RangeOptions {
  readonly signal?: AbortSignal | undefined;
  /** Called after each batch is folded, with the number of replications folded so far in this range. */
  readonly onProgress?: ((done: number) => void) | undefined;
  /** Awaited between batches when the output stream wants to drain. */
  readonly backpressure?: (() => Promise<void>) | undefined;
}

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

/** Run replications [start, end) on the executor into the aggregator (which must be at `start`). */
export async function runRange(exec: Executor, agg: Aggregator, start: number, end: number, opts: RangeOptions = {}): Promise<void> {
  if (agg.nextIndex !== start) throw new Error(`runRange: aggregator is at ${agg.nextIndex}, range starts at ${start}`);
  const batch = batchSizeFor(end - start, exec.workers);
  const maxInFlight = exec.workers <= 1 ? 1 : exec.workers * 2;
  let next = start;
  let failure: unknown = null;
  const inFlight = new Set<Promise<void>>();
  const launch = (): void => {
    const s = next;
    const c = nextBatch(end - s, batch, exec.workers);
    next += c;
    const p: Promise<void> = exec.run(s, c).then(
      (b) => {
        if (failure === null) agg.consumeBinned(b);
        inFlight.delete(p);
        opts.onProgress?.(agg.nextIndex - start);
      },
      (err: unknown) => {
        failure ??= err;
        inFlight.delete(p);
      },
    );
    inFlight.add(p);
  };
  while (next < end || inFlight.size > 0) {
    if (opts.signal?.aborted) failure ??= new Interrupted();
    if (failure !== null) {
      await Promise.allSettled([...inFlight]);
      throw failure;
    }
    while (next < end && inFlight.size < maxInFlight) launch();
    if (inFlight.size > 0) await Promise.race(inFlight);
    if (opts.backpressure) await opts.backpressure();
  }
  if (failure !== null) throw failure;
  if (opts.signal?.aborted) throw new Interrupted();
}
