/**
 * The simulation: clock (hours), event scheduling and run control. Event-callback core; the
 * generator-process layer (process.ts) is built on top of `schedule`.
 *
 * Order of events: (time, priority, insertion sequence); lower priority values fire first at equal
 * times (PRIORITY.urgent before PRIORITY.normal), then first-scheduled first.
 *
 * run({ until }) is INCLUSIVE: events at exactly `until` fire; the clock then stands at `until`
 * (if events remain beyond it). If the calendar empties first the run ends with reason 'empty'
 * and the clock stays at the time of the last event (the finish time), not at `until`.
 */

import { Calendar, checkPriority } from './calendar.js';
import type { EventFn, EventId } from './calendar.js';
import { EventLimitError, KernelUsageError, SchedulingError, messages } from './errors.js';
import { Process, startProcess } from './process.js';
import type { Command, ProcessBody } from './process.js';

export const PRIORITY = { urgent: 0, high: 1, normal: 2, low: 3 } as const;

export interface SimulationOptions {
  /** Default cap on events per run (default 50,000,000). */
  readonly maxEvents?: number;
  /** Initial calendar capacity (grows on demand). */
  readonly initialCapacity?: number;
}

export interface RunOptions {
  /** Stop after the events at time <= until have fired; the clock ends at until. */
  readonly until?: number;
  /** Checked before the first event and after every event; true ends the run with reason 'condition'. */
  readonly stopWhen?: () => boolean;
  /** Cap on events in this run (default: the simulation's maxEvents). Exceeding it throws EventLimitError. */
  readonly maxEvents?: number;
}

export interface RunOutcome {
  readonly reason: 'empty' | 'until' | 'condition' | 'stopped';
  readonly now: number;
  /** Events processed by this run call. */
  readonly events: number;
}

export const DEFAULT_MAX_EVENTS = 50_000_000;

export class Simulation {
  /** @internal */ _now = 0;
  /** @internal counter for default process names (per simulation: deterministic) */ _processCount = 0;
  private processed = 0;
  private running = false;
  private stopping = false;
  private readonly cal: Calendar;
  readonly maxEvents: number;

  constructor(options: SimulationOptions = {}) {
    const m = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    if (!(Number.isInteger(m) && m > 0)) throw new SchedulingError(messages.badMaxEvents(m));
    this.maxEvents = m;
    this.cal = new Calendar(options.initialCapacity ?? 1024);
  }

  /**
   * Back to the state of a new Simulation (time 0, no pending events, counters at 0), keeping
   * the calendar's storage: for callers that run many independent simulations in a row.
   * Pending events are dropped (processes waiting on them never resume). Not while running.
   */
  reset(): void {
    if (this.running) throw new KernelUsageError(messages.resetWhileRunning());
    this.cal.clear();
    this._now = 0;
    this._processCount = 0;
    this.processed = 0;
  }

  /** Current time (hours). */
  get now(): number {
    return this._now;
  }

  /** True while run() is processing events (inside an event callback). */
  get isRunning(): boolean {
    return this.running;
  }

  /** Events processed over all runs. */
  get eventsProcessed(): number {
    return this.processed;
  }

  /** Pending events. */
  get pending(): number {
    return this.cal.size;
  }

  /** Time of the next pending event, or Infinity when the calendar is empty. */
  peek(): number {
    return this.cal.size > 0 ? this.cal.peekTime() : Infinity;
  }

  /** Schedule fn(arg) after `delay` hours (>= 0, finite). */
  schedule(delay: number, fn: EventFn, arg?: unknown, priority: number = PRIORITY.normal): EventId {
    this.nextDelay = delay;
    return this.scheduleNext(fn, arg, priority);
  }

  /**
   * The delay of the next scheduleNext: `sim.nextDelay = hours; sim.scheduleNext(fn, arg)` is
   * `sim.schedule(hours, fn, arg)` without a double argument, for hot callers: V8 boxes a
   * double passed to a call it does not inline in a fresh HeapNumber, one per event.
   */
  nextDelay = 0;

  /** Schedule fn(arg) after `nextDelay` hours (>= 0, finite; set just before). */
  scheduleNext(fn: EventFn, arg?: unknown, priority: number = PRIORITY.normal): EventId {
    const delay = this.nextDelay;
    if (!(delay >= 0 && delay < Infinity)) {
      throw new SchedulingError(delay < 0 ? messages.negativeDelay(delay) : messages.nonFiniteDelay(delay));
    }
    if (priority !== PRIORITY.normal) checkPriority(priority);
    this.cal.time = this._now + delay;
    return this.cal.push(priority, fn, arg);
  }

  /** Schedule fn(arg) at absolute time `time` (>= now, finite). */
  scheduleAt(time: number, fn: EventFn, arg?: unknown, priority: number = PRIORITY.normal): EventId {
    this.checkTime(time);
    if (priority !== PRIORITY.normal) checkPriority(priority);
    this.cal.time = time;
    return this.cal.push(priority, fn, arg);
  }

  /** @internal fn(arg) at now, urgent (process wake-ups, grants): no validation needed. */
  _urgentNow(fn: EventFn, arg: unknown): EventId {
    this.cal.time = this._now;
    return this.cal.push(PRIORITY.urgent, fn, arg);
  }

  /** Cancel a pending event. True if it was pending; stale ids are harmless (false). */
  cancel(id: EventId): boolean {
    return this.cal.cancel(id);
  }

  /** Move a pending event to absolute `time`; keeps its priority and id, takes a new sequence. */
  reschedule(id: EventId, time: number): boolean {
    this.checkTime(time);
    this.cal.time = time;
    return this.cal.reschedule(id);
  }

  isPending(id: EventId): boolean {
    return this.cal.slotOf(id) >= 0;
  }

  /** Time a pending event will fire, or undefined. */
  timeOf(id: EventId): number | undefined {
    const s = this.cal.slotOf(id);
    return s < 0 ? undefined : this.cal.timeOf(s);
  }

  /** Wait `hours` inside a process: `yield sim.timeout(2)`. Validates now; allocates nothing. */
  timeout(hours: number): Command {
    if (!(hours >= 0 && hours < Infinity)) {
      throw new SchedulingError(hours < 0 ? messages.negativeDelay(hours) : messages.nonFiniteDelay(hours));
    }
    return hours;
  }

  /** Start a generator process at the current time (its body runs from an urgent event at `now`). */
  process(body: ProcessBody, name?: string): Process {
    return startProcess(this, body, name);
  }

  /**
   * End the current run once the event being processed returns: reason 'stopped', the clock
   * stays at now and later events stay pending (AnyLogic's finishSimulation(), SimPy's
   * run(until=event)). Cheaper than `stopWhen` for a model that knows the moment it is done:
   * nothing is called after every event. Only from inside an event.
   */
  stop(): void {
    if (!this.running) throw new KernelUsageError(messages.stopOutsideRun());
    this.stopping = true;
  }

  run(options: RunOptions = {}): RunOutcome {
    if (this.running) throw new KernelUsageError(messages.reentrantRun());
    const until = options.until ?? Infinity;
    if (!(until >= this._now)) throw new SchedulingError(messages.badUntil(until, this._now));
    const limit = options.maxEvents ?? this.maxEvents;
    if (!(Number.isInteger(limit) && limit > 0)) throw new SchedulingError(messages.badMaxEvents(limit));
    const stopWhen = options.stopWhen;
    const cal = this.cal;
    const fns = cal.fns;
    const args = cal.args;
    let n = 0;
    let reason: RunOutcome['reason'] = 'empty';
    if (stopWhen !== undefined && stopWhen()) return { reason: 'condition', now: this._now, events: 0 };
    this.running = true;
    this.stopping = false;
    try {
      while (cal.size > 0) {
        const t = cal.peekTime();
        if (t > until) {
          this._now = until;
          reason = 'until';
          break;
        }
        if (n >= limit) throw new EventLimitError(limit, this._now, cal.size);
        const slot = cal.pop();
        const fn = fns[slot]!;
        const arg = args[slot];
        fns[slot] = undefined;
        args[slot] = undefined;
        this._now = t;
        n++;
        this.processed++;
        fn(arg);
        if (this.stopping) {
          reason = 'stopped';
          break;
        }
        if (stopWhen !== undefined && stopWhen()) {
          reason = 'condition';
          break;
        }
      }
    } finally {
      this.running = false;
      this.stopping = false;
    }
    return { reason, now: this._now, events: n };
  }

  private checkTime(time: number): void {
    if (!(time < Infinity && time > -Infinity)) throw new SchedulingError(messages.nonFiniteTime(time));
    if (time < this._now) throw new SchedulingError(messages.pastTime(time, this._now));
  }
}
