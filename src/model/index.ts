/** The airlift withdrawal model: one replication, event by event on the kernel. See ./replication.ts. */
import type { ResolvedScenario } from '../scenario/resolved.js';
import { Replication } from './replication.js';
import type { ReplicationInternals } from './replication.js';
import type { PhaseInterval, ReplicationResult, TraceRecord } from './result.js';
import { RecordingTracer } from './trace.js';
import type { Tracer } from './trace.js';
import { tuneV8 } from './v8-flags.js';

tuneV8();

export { CAUSES, CAUSE_INDEX } from './result.js';
export type { Cause, Phase, PhaseInterval, ReplicationResult, TraceRecord } from './result.js';
export type { Tracer } from './trace.js';
export { RecordingTracer } from './trace.js';
export type { ReplicationInternals } from './replication.js';
export { PAX_SHORT_TONS } from './replication.js';

/** One Monte Carlo replication: a pure function of (scenario, seed, replication). */
export function simulate(scenario: ResolvedScenario, seed: number, replication: number): ReplicationResult {
  // One Replication per scenario object, restarted for each replication (its arrays,
  // samplers and kernel are reused; restart() sets everything a replication starts from,
  // so the result is that of a new Replication: tested). Taken out of the cache while in
  // use: a nested or failed call simply makes a new one. The result holds no reference to
  // the Replication's reused state (its daily series are fresh arrays).
  let rep = repCache.get(scenario);
  repCache.delete(scenario);
  if (rep === undefined) rep = new Replication(scenario, seed, replication, false, null);
  else rep.restart(seed, replication);
  const result = rep.run();
  repCache.set(scenario, rep);
  return result;
}

const repCache = new WeakMap<ResolvedScenario, Replication>();

/**
 * `simulate` for a caller that is done with each result before its next call on the same
 * scenario (the runner packs each result as soon as it is simulated): the result's daily
 * series are views into one buffer that the next call on that scenario overwrites, instead of
 * a fresh buffer per replication. Same numbers as `simulate` (tested).
 */
export function simulateTransient(scenario: ResolvedScenario, seed: number, replication: number): ReplicationResult {
  let rep = repCache.get(scenario);
  repCache.delete(scenario);
  if (rep === undefined) rep = new Replication(scenario, seed, replication, false, null);
  else rep.restart(seed, replication, true);
  const result = rep.run();
  repCache.set(scenario, rep);
  return result;
}

/**
 * The deterministic plan run: every distribution at its plan value, every chance event
 * off, the mission-capable rate applied as an expected fleet (see replication.ts).
 */
export function simulatePlan(scenario: ResolvedScenario): ReplicationResult {
  return new Replication(scenario, 0, 0, true, null).run();
}

/** The same replication as `simulate`, with its event log and per-aircraft phase intervals. */
export function traceReplication(
  scenario: ResolvedScenario,
  seed: number,
  replication: number,
): { result: ReplicationResult; trace: TraceRecord[]; phases: PhaseInterval[] } {
  const tracer = new RecordingTracer();
  const result = new Replication(scenario, seed, replication, false, tracer).run();
  return { result, trace: tracer.records, phases: tracer.phases };
}

/**
 * For tests and debugging: run one replication (or the plan run when `seed` is null)
 * with any tracer, and return the end-of-run accounting with the result.
 */
export function inspectReplication(
  scenario: ResolvedScenario,
  seed: number | null,
  replication: number,
  tracer: Tracer | null,
): { result: ReplicationResult; internals: ReplicationInternals } {
  const rep = new Replication(scenario, seed ?? 0, replication, seed === null, tracer);
  const result = rep.run();
  return { result, internals: rep.internals() };
}
