/** The airlift withdrawal model: one replication, event by event on the kernel. See ./replication.ts. */
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { Simulation } from '../kernel/index.js';
import { Replication, newSimulation } from './replication.js';
import type { ReplicationInternals } from './replication.js';
import type { PhaseInterval, ReplicationResult, TraceRecord } from './result.js';
import { RecordingTracer } from './trace.js';
import type { Tracer } from './trace.js';
import { tuneGarbageCollector } from './gc.js';

tuneGarbageCollector();

export { CAUSES, CAUSE_INDEX } from './result.js';
export type { Cause, Phase, PhaseInterval, ReplicationResult, TraceRecord } from './result.js';
export type { Tracer } from './trace.js';
export { RecordingTracer } from './trace.js';
export type { ReplicationInternals } from './replication.js';
export { PAX_SHORT_TONS } from './replication.js';

/** One Monte Carlo replication: a pure function of (scenario, seed, replication). */
export function simulate(scenario: ResolvedScenario, seed: number, replication: number): ReplicationResult {
  // One kernel per scenario object, reset at the start of each replication (Replication's
  // constructor), so its calendar storage is not reallocated every time. Taken out of the
  // cache while in use: a nested or failed call simply makes a new one. The result holds no
  // reference to the kernel, so it stays a pure function of (scenario, seed, replication).
  const sim = simCache.get(scenario) ?? newSimulation();
  simCache.delete(scenario);
  const result = new Replication(scenario, seed, replication, false, null, sim).run();
  simCache.set(scenario, sim);
  return result;
}

const simCache = new WeakMap<ResolvedScenario, Simulation>();

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
