/**
 * Piscina worker: runs a contiguous batch of replications and returns them packed, with the
 * daily series already binned (./daily.ts) and, when asked, the batch's replications.csv rows
 * formatted — the per-replication work the runner's single thread would otherwise do. The
 * typed arrays are transferred, not copied. The scenario and seed arrive once, as workerData.
 */
import Piscina from 'piscina';
import { simulate } from '../model/index.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { BatchBuilder, type BinnedBatch } from './batch.js';
import { DailyBinner } from './daily.js';

export interface WorkerData {
  readonly scenario: ResolvedScenario;
  readonly seed: number;
  /** Format the replications.csv rows here. */
  readonly csv?: boolean;
}
export interface WorkerTask {
  readonly start: number;
  readonly count: number;
}

let data: WorkerData | null = null;
let workerBinner: DailyBinner | null = null;

export function runBatch(scenario: ResolvedScenario, seed: number, start: number, count: number, binner: DailyBinner, csv: boolean): BinnedBatch {
  // Each result is packed as soon as it is simulated (hot in cache) and then dropped.
  const b = new BatchBuilder(binner, csv ? scenario : null, count);
  for (let i = start; i < start + count; i++) b.add(simulate(scenario, seed, i));
  return b.finish();
}

export default function task(t: WorkerTask): unknown {
  data ??= Piscina.workerData as WorkerData;
  workerBinner ??= new DailyBinner(data.scenario);
  const batch = runBatch(data.scenario, data.seed, t.start, t.count, workerBinner, data.csv === true);
  const { ranges, pairs, minMax, sums } = batch.binned;
  const movable = {
    [Piscina.transferableSymbol]: [batch.data.buffer, batch.routeCounts.buffer, ranges.buffer, pairs.buffer, minMax.buffer, sums.buffer],
    [Piscina.valueSymbol]: batch,
  };
  return Piscina.move(movable as unknown as Parameters<typeof Piscina.move>[0]);
}
