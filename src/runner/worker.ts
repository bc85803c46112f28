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
import { simulate } from '../model/index.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { BatchBuilder, type BinnedBatch } from './batch.js';
import { DailyBinner } from './daily.js';

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
  // Each result is packed as soon as it is simulated (hot in cache) and then dropped.
  const b = new BatchBuilder(binner, csv ? scenario : null, count);
  for (let i = start; i < start + count; i++) b.add(simulate(scenario, seed, i));
  return b.finish();
}

export default function task(t: WorkerTask): BinnedBatch {
  let entry = known.get(t.key);
  if (entry === undefined) {
    if (known.size >= KEEP) known.delete(known.keys().next().value!);
    entry = { scenario: t.scenario, binner: new DailyBinner(t.scenario) };
    known.set(t.key, entry);
  }
  return runBatch(entry.scenario, t.seed, t.start, t.count, entry.binner, t.csv);
}
