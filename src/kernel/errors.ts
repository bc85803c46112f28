/**
 * Kernel errors. Every message quotes the offending value (SimPy style: "negative delay -3").
 * Messages are built here, in one place, as functions of the bad value.
 */

/** Scheduling in the past, at a non-finite time, or with a bad priority. */
export class SchedulingError extends Error {
  override readonly name = 'SchedulingError';
}

/** A run processed its maximum number of events: a scenario that never ends cannot hang. */
export class EventLimitError extends Error {
  override readonly name = 'EventLimitError';
  constructor(
    readonly limit: number,
    readonly time: number,
    readonly pending: number,
  ) {
    super(
      `event limit of ${limit} reached at t=${time} with ${pending} event(s) still pending ` +
        `(raise maxEvents if the run is legitimately this long, otherwise look for an event loop that never ends)`,
    );
  }
}

/** Thrown into a process's generator at its current `yield` by `Process.interrupt(cause)`. */
export class Interrupt extends Error {
  override readonly name = 'Interrupt';
  override readonly cause: unknown;
  constructor(cause?: unknown) {
    super(`interrupted${cause === undefined ? '' : `: ${describe(cause)}`}`);
    this.cause = cause;
  }
}

/** Misuse of a process, resource or gate (yielding a non-command, self-interrupt, releasing on the wrong resource...). */
export class KernelUsageError extends Error {
  override readonly name = 'KernelUsageError';
}

function describe(v: unknown): string {
  if (v instanceof Error) return v.message;
  if (typeof v === 'string') return v;
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Message catalogue. */
export const messages = {
  negativeDelay: (d: number) => `negative delay ${d}`,
  nonFiniteDelay: (d: unknown) => `delay must be a finite number of hours, got ${String(d)}`,
  pastTime: (t: number, now: number) => `time ${t} is in the past (now is ${now})`,
  nonFiniteTime: (t: unknown) => `time must be a finite number of hours, got ${String(t)}`,
  badPriority: (p: unknown) => `priority must be an integer in [-2048, 2047], got ${String(p)}`,
  badUntil: (u: unknown, now: number) => `until must be a number >= now (${now}), got ${String(u)}`,
  badMaxEvents: (m: unknown) => `maxEvents must be a positive integer, got ${String(m)}`,
  badCapacity: (c: unknown) => `capacity must be a non-negative integer, got ${String(c)}`,
  reentrantRun: () => `run() called while the simulation is already running (from inside an event)`,
  resetWhileRunning: () => `reset() called while the simulation is running (from inside an event)`,
  stopOutsideRun: () => `stop() called outside run(): it ends a run from inside one of its events`,
  sequenceOverflow: () => `event sequence counter overflow (more than 2^40 events scheduled)`,
  tooManyPending: (n: number) => `too many pending events (${n}): the calendar holds at most 2^24`,
} as const;
