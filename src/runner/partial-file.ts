/** The partial-result file written by `airlift run --shard k/n` (read by merge). */
import { createHash } from 'node:crypto';
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { AggregatorState } from './aggregator.js';

export const PARTIAL_KIND = 'airlift-partial-result';

export interface PartialFile {
  readonly kind: typeof PARTIAL_KIND;
  readonly version: 1;
  readonly toolVersion: string;
  readonly seed: number;
  /** Replications of the whole run (all shards). */
  readonly replications: number;
  readonly shard: { readonly k: number; readonly n: number; readonly start: number; readonly end: number };
  readonly elapsedSeconds: number;
  readonly workers: number;
  /** sha256 of the resolved scenario without its source path (shards may run from different checkouts). */
  readonly scenarioDigest: string;
  readonly scenario: ResolvedScenario;
  readonly document: unknown;
  readonly state: AggregatorState;
}

export function scenarioDigest(s: ResolvedScenario): string {
  const { sourceFile: _ignored, ...rest } = s;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

