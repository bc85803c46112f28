/**
 * A capacity-limited resource (parking spots, loading teams): FIFO queue with optional priority
 * (lower value first, FIFO within a priority), capacity that may change over time, and
 * time-weighted statistics updated in O(1) at each change.
 *
 *   const req = parking.request();   // granted at once if a unit is free and nobody is queued
 *   yield req;                       // in a process: resumes when granted
 *   ...
 *   parking.release(req);            // frees the unit, or withdraws a request still waiting
 *
 * Callback style (no process): `parking.request(0, (req) => ...)` calls the function from an urgent
 * event at the grant time (also when granted at once).
 *
 * Lowering the capacity never evicts holders: inUse may exceed capacity until enough releases.
 * Statistics run from construction (or the last resetStats()) to sim.now:
 *   utilisation     = integral(inUse dt) / integral(capacity dt)
 *   meanInUse       = integral(inUse dt) / elapsed,  meanQueueLength = integral(queue dt) / elapsed
 *   meanWait        = mean over grants of (grant time - request time), immediate grants count as 0
 * Requests withdrawn while waiting (release before grant, interrupt) are counted in `withdrawn`.
 */

import { KernelUsageError, messages } from './errors.js';
import { wake } from './process.js';
import type { Process, Waitable } from './process.js';
import type { Simulation } from './simulation.js';

const WAITING = 0;
const GRANTED = 1;
const RELEASED = 2;
const WITHDRAWN = 3;

export type GrantCallback = (req: Request) => void;

export class Request implements Waitable {
  readonly resource: Resource;
  readonly priority: number;
  /** Time of the request. */
  readonly requestedAt: number;
  /** Time of the grant (NaN until granted). */
  grantedAt = NaN;
  /** @internal */ _state = WAITING;
  /** @internal */ _proc: Process | null = null;
  /** @internal */ _cb: GrantCallback | null;
  /** @internal */ _prev: Request | null = null;
  /** @internal */ _next: Request | null = null;

  /** @internal use resource.request() */
  constructor(resource: Resource, priority: number, requestedAt: number, cb: GrantCallback | null) {
    this.resource = resource;
    this.priority = priority;
    this.requestedAt = requestedAt;
    this._cb = cb;
  }

  get granted(): boolean {
    return this._state === GRANTED;
  }
  /** Still in the queue. */
  get waiting(): boolean {
    return this._state === WAITING;
  }

  /** @internal */
  _attach(p: Process): boolean {
    if (this._state === GRANTED) return true;
    if (this._state !== WAITING) {
      throw new KernelUsageError(`yielded a request on '${this.resource.name}' that was already released or withdrawn`);
    }
    if (this._proc !== null) {
      throw new KernelUsageError(`two processes wait on the same request on '${this.resource.name}'`);
    }
    this._proc = p;
    return false;
  }

  /** @internal interrupt: withdraw from the queue */
  _detach(_p: Process): void {
    this._proc = null;
    if (this._state === WAITING) this.resource._withdraw(this);
  }
}

function grantEvent(req: Request): void {
  const cb = req._cb;
  if (cb !== null && req._state === GRANTED) cb(req);
}

export interface ResourceStats {
  /** integral(inUse) / integral(capacity); 0 when no capacity-time has elapsed. */
  readonly utilisation: number;
  readonly meanInUse: number;
  readonly meanQueueLength: number;
  /** Mean wait of granted requests (hours). 0 when nothing was granted. */
  readonly meanWait: number;
  readonly grants: number;
  readonly withdrawn: number;
  readonly maxQueue: number;
  /** Hours covered by these statistics. */
  readonly elapsed: number;
}

export class Resource {
  readonly sim: Simulation;
  readonly name: string;
  private cap: number;
  private used = 0;
  private qlen = 0;
  private head: Request | null = null;
  private tail: Request | null = null;
  // statistics
  private t0: number;
  private tLast: number;
  private aUsed = 0;
  private aQueue = 0;
  private aCap = 0;
  private sumWait = 0;
  private nGrants = 0;
  private nWithdrawn = 0;
  private maxQ = 0;

  constructor(sim: Simulation, capacity: number, name = 'resource') {
    checkCapacity(capacity);
    this.sim = sim;
    this.cap = capacity;
    this.name = name;
    this.t0 = this.tLast = sim._now;
  }

  get capacity(): number {
    return this.cap;
  }
  get inUse(): number {
    return this.used;
  }
  get queueLength(): number {
    return this.qlen;
  }
  /** Free units (0 when inUse >= capacity). */
  get available(): number {
    return this.used < this.cap ? this.cap - this.used : 0;
  }

  /**
   * Ask for one unit. Granted at once if a unit is free and nobody waits; otherwise queued by
   * (priority, arrival). `onGrant`, if given, is called from an urgent event at the grant time.
   */
  request(priority = 0, onGrant?: GrantCallback): Request {
    if (!(priority > -Infinity && priority < Infinity)) {
      throw new KernelUsageError(`request priority must be a finite number, got ${String(priority)}`);
    }
    const now = this.sim._now;
    const req = new Request(this, priority, now, onGrant ?? null);
    if (this.used < this.cap && this.qlen === 0) {
      this.touch(now);
      this.used++;
      this.grantNow(req, now);
      if (onGrant !== undefined) this.sim._urgentNow(grantEvent, req);
      return req;
    }
    this.touch(now);
    // insert after the last request with priority <= p (walk from the tail: O(1) when priorities are equal)
    let after = this.tail;
    while (after !== null && after.priority > priority) after = after._prev;
    req._prev = after;
    if (after === null) {
      req._next = this.head;
      this.head = req;
    } else {
      req._next = after._next;
      after._next = req;
    }
    if (req._next === null) this.tail = req;
    else req._next._prev = req;
    if (++this.qlen > this.maxQ) this.maxQ = this.qlen;
    return req;
  }

  /** Free a granted unit, or withdraw a waiting request. Releasing twice, or a withdrawn request, is a no-op. */
  release(req: Request): void {
    if (req.resource !== this) {
      throw new KernelUsageError(`request of '${req.resource.name}' released on '${this.name}'`);
    }
    const st = req._state;
    if (st === GRANTED) {
      const now = this.sim._now;
      this.touch(now);
      req._state = RELEASED;
      this.used--;
      this.dispatch(now);
    } else if (st === WAITING) {
      const p = req._proc;
      // a process blocked on this request would never wake: refuse (interrupt that process instead)
      if (p !== null) {
        throw new KernelUsageError(
          `request on '${this.name}' released while process '${p.name}' is waiting on it (interrupt the process instead)`,
        );
      }
      this._withdraw(req);
    }
  }

  /** Change the capacity now. Raising it grants waiting requests; lowering it never evicts holders. */
  setCapacity(n: number): void {
    checkCapacity(n);
    const now = this.sim._now;
    this.touch(now);
    this.cap = n;
    this.dispatch(now);
  }

  stats(): ResourceStats {
    const now = this.sim._now;
    this.touch(now);
    const elapsed = now - this.t0;
    return {
      utilisation: this.aCap > 0 ? this.aUsed / this.aCap : 0,
      meanInUse: elapsed > 0 ? this.aUsed / elapsed : 0,
      meanQueueLength: elapsed > 0 ? this.aQueue / elapsed : 0,
      meanWait: this.nGrants > 0 ? this.sumWait / this.nGrants : 0,
      grants: this.nGrants,
      withdrawn: this.nWithdrawn,
      maxQueue: this.maxQ,
      elapsed,
    };
  }

  /** Restart the statistics at the current time (e.g. after a warm-up). The state is kept. */
  resetStats(): void {
    const now = this.sim._now;
    this.t0 = this.tLast = now;
    this.aUsed = this.aQueue = this.aCap = this.sumWait = 0;
    this.nGrants = this.nWithdrawn = 0;
    this.maxQ = this.qlen;
  }

  /** @internal remove a waiting request from the queue */
  _withdraw(req: Request): void {
    if (req._state !== WAITING) return;
    const now = this.sim._now;
    this.touch(now);
    this.unlink(req);
    req._state = WITHDRAWN;
    this.nWithdrawn++;
    // the head may have been blocked only by queue order (capacity free but head was this one): retry
    this.dispatch(now);
  }

  private unlink(req: Request): void {
    const p = req._prev;
    const n = req._next;
    if (p === null) this.head = n;
    else p._next = n;
    if (n === null) this.tail = p;
    else n._prev = p;
    req._prev = req._next = null;
    this.qlen--;
  }

  /** Grant queued requests while units are free (touch() already called). */
  private dispatch(now: number): void {
    while (this.used < this.cap && this.head !== null) {
      const req = this.head;
      this.unlink(req);
      this.used++;
      this.grantNow(req, now);
      const p = req._proc;
      if (p !== null) {
        req._proc = null;
        wake(p);
      } else if (req._cb !== null) {
        this.sim._urgentNow(grantEvent, req);
      }
    }
  }

  private grantNow(req: Request, now: number): void {
    req._state = GRANTED;
    req.grantedAt = now;
    this.nGrants++;
    this.sumWait += now - req.requestedAt;
  }

  private touch(now: number): void {
    const dt = now - this.tLast;
    if (dt > 0) {
      this.aUsed += dt * this.used;
      this.aQueue += dt * this.qlen;
      this.aCap += dt * this.cap;
      this.tLast = now;
    }
  }
}

function checkCapacity(n: number): void {
  if (!(Number.isInteger(n) && n >= 0)) throw new KernelUsageError(messages.badCapacity(n));
}
