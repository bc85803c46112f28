/**
 * Piscina worker: runs a contiguous batch of replications and returns them packed, with the
 * daily series already binned (./daily.ts) and, when asked, the batch's replications.csv rows
 * formatted — the per-replication work the runner's single thread would otherwise do. The
 * batch is copied back (structured clone, ~0.5 MB and ~0.5 ms per 250 replications), NOT
 * transferred: transferring detaches the worker's ArrayBuffers, and the first detach in an
 * isolate invalidates V8's "array buffer detaching" protector for good. Every optimized
 * function that reads a typed array is then thrown away (~75 of the model's, recompiled during
 * the worker's second batch) and recompiled with a detached-buffer check on each access:
 * niger-2024 went from 4.79 M to 5.49 M instructions per replication (+15 %; valgrind, the
 * same replications with and without one detached buffer). Nothing in a worker may transfer.
 * Each task carries its scenario (a pool serves many runs, see pool.ts WorkerPool); the worker
 * keeps the last few by key, so the model's per-scenario caches and the binner are built once.
 */
import { isMainThread, parentPort } from 'node:worker_threads';
import { simulatePlan, simulateTransient, traceReplication, type PhaseInterval } from '../model/index.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { BatchBuilder, type BinnedBatch } from './batch.js';
import { DailyBinner } from './daily.js';
import { WORKER_LOADED } from './loaded.js';

// Loaded: the pool may now terminate this thread safely (WorkerPool.close, ./pool.ts). Sent
// from a microtask: this module is evaluated inside piscina's synchronous require of it, and
// Node's work on that require goes on after the evaluation (an ES module required from
// CommonJS gets a facade module); a microtask runs once the require has returned.
if (!isMainThread) queueMicrotask(() => parentPort?.postMessage(WORKER_LOADED));

export interface WorkerTask {
  /** The pool's key of this scenario object (same key, same scenario). */
  readonly key: number;
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  /** Format the replications.csv rows here. */
  readonly csv: boolean;
  readonly start: number;
  readonly count: number;
}

const KEEP = 4;
const known = new Map<number, { scenario: ResolvedScenario; binner: DailyBinner }>();

export function runBatch(scenario: ResolvedScenario, seed: number, start: number, count: number, binner: DailyBinner, csv: boolean): BinnedBatch {
  // Each result is packed as soon as it is simulated (hot in cache) and then dropped: its
  // daily series may be overwritten by the next (simulateTransient).
  const b = new BatchBuilder(binner, csv ? scenario : null, count);
  for (let i = start; i < start + count; i++) b.add(simulateTransient(scenario, seed, i));
  return b.finish();
}

function scenarioOf(key: number, scenario: ResolvedScenario): { scenario: ResolvedScenario; binner: DailyBinner } {
  let entry = known.get(key);
  if (entry === undefined) {
    if (known.size >= KEEP) known.delete(known.keys().next().value!);
    entry = { scenario, binner: new DailyBinner(scenario) };
    known.set(key, entry);
  }
  return entry;
}

export default function task(t: WorkerTask): BinnedBatch {
  const entry = scenarioOf(t.key, t.scenario);
  return runBatch(entry.scenario, t.seed, t.start, t.count, entry.binner, t.csv);
}

/** What a run needs once its batches are done: the plan run, and the Gantt chart's replication. */
export interface RunEnds {
  readonly planCompletionHours: number | null;
  /** The phases of one replication (the median one), null when there is none. */
  readonly gantt: { readonly replication: number; readonly phases: readonly PhaseInterval[] } | null;
}

/** The plan run, and the phases of `replication` of `seed` unless it is < 0 (on this thread). */
export function endsHere(scenario: ResolvedScenario, seed: number, replication: number): RunEnds {
  return {
    planCompletionHours: simulatePlan(scenario).completionHours,
    gantt: replication < 0 ? null : { replication, phases: traceReplication(scenario, seed, replication).phases },
  };
}

/** The plan run or one replication's phases, as tasks of their own (two workers share them). */
export interface EndTask {
  readonly key: number;
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  readonly replication: number;
}

/*
 * Piscina tasks `plan` and `phases` (run with `{ name }`). A run's workers have compiled the
 * model by the time its batches are done: the plan run and the median replication's trace take
 * a few ms there, against ~40 and ~20 ms cold on the runner's thread (10,000-replication runs
 * of niger-2024 on 2 workers), which has not run the model.
 */

export function plan(t: EndTask): number | null {
  return simulatePlan(scenarioOf(t.key, t.scenario).scenario).completionHours;
}

export function phases(t: EndTask): PhaseInterval[] {
  return traceReplication(scenarioOf(t.key, t.scenario).scenario, t.seed, t.replication).phases;
}
