/**
 * Piscina worker: runs a contiguous batch of replications and returns them packed into one
 * transferable buffer. The scenario and seed arrive once, as workerData.
 */
import Piscina from 'piscina';
import { simulate } from '../model/index.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { packBatch, type PackedBatch } from './batch.js';
import { shapeOf } from './shape.js';
import type { ReplicationResult } from '../model/result.js';

export interface WorkerData {
  readonly scenario: ResolvedScenario;
  readonly seed: number;
}
export interface WorkerTask {
  readonly start: number;
  readonly count: number;
}

let data: WorkerData | null = null;

export function runBatch(scenario: ResolvedScenario, seed: number, start: number, count: number): PackedBatch {
  const results: ReplicationResult[] = [];
  for (let i = start; i < start + count; i++) results.push(simulate(scenario, seed, i));
  return packBatch(results, shapeOf(scenario));
}

export default function task(t: WorkerTask): unknown {
  data ??= Piscina.workerData as WorkerData;
  const batch = runBatch(data.scenario, data.seed, t.start, t.count);
  const movable = {
    [Piscina.transferableSymbol]: [batch.data.buffer, batch.daily.buffer, batch.routeCounts.buffer],
    [Piscina.valueSymbol]: batch,
  };
  return Piscina.move(movable as unknown as Parameters<typeof Piscina.move>[0]);
}
