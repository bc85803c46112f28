/**
 * The tracer: an optional observer of one replication. The untraced path passes `null`
 * and every call site is guarded by one `tracer !== null` check, so an untraced
 * replication builds no strings and no records. Tracing never draws random numbers, so a
 * traced replication makes exactly the same draws as an untraced one.
 */
import type { Phase, PhaseInterval, TraceRecord } from './result.js';

export interface Tracer {
  event(t: number, aircraft: string, site: string, event: string, detail: string, cause: string): void;
  phase(aircraft: string, phase: Phase, start: number, end: number, site: string): void;
  /**
   * A load planned at a site (structured, for invariant checks): totals, capacity of the
   * sortie, and the lots taken as parallel arrays (lot index, item count), valid only
   * during the call.
   */
  load(
    t: number, aircraft: string, site: number, typeIndex: number,
    tons: number, pallets: number, pax: number,
    capTons: number, capPallets: number, capSeats: number,
    lots: readonly number[], counts: readonly number[], nLots: number,
  ): void;
}

/** Collects the trace and phase intervals (what `traceReplication` returns). */
export class RecordingTracer implements Tracer {
  readonly records: TraceRecord[] = [];
  readonly phases: PhaseInterval[] = [];

  event(t: number, aircraft: string, site: string, event: string, detail: string, cause: string): void {
    this.records.push({ t, aircraft, site, event, detail, cause });
  }

  phase(aircraft: string, phase: Phase, start: number, end: number, site: string): void {
    if (end > start) this.phases.push({ aircraft, phase, start, end, site });
  }

  load(): void {
    // loads are also written as 'load' events with a readable detail
  }
}
