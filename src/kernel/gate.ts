/**
 * A gate that is open or closed (an airfield open or closed). `yield gate.wait()` continues at once
 * when the gate is open, otherwise waits until it opens; waiters wake in FIFO order, each from an
 * urgent event at the opening time. Callback style: `gate.whenOpen(fn, arg)`.
 * Opening an open gate or closing a closed one is a no-op. Closing does not affect processes already
 * woken (their wake-up events fire even if the gate closes again at the same time).
 */

import { wake } from './process.js';
import type { Process, Waitable } from './process.js';
import type { EventFn } from './calendar.js';
import type { Simulation } from './simulation.js';

const URGENT = 0;

export class Gate implements Waitable {
  readonly sim: Simulation;
  readonly name: string;
  private opened: boolean;
  private waiters: Process[] = [];
  private callbacks: { fn: EventFn; arg: unknown }[] = [];

  constructor(sim: Simulation, open = true, name = 'gate') {
    this.sim = sim;
    this.opened = open;
    this.name = name;
  }

  get isOpen(): boolean {
    return this.opened;
  }

  /** Processes waiting for the gate to open. */
  get waiting(): number {
    return this.waiters.length + this.callbacks.length;
  }

  open(): void {
    if (this.opened) return;
    this.opened = true;
    const w = this.waiters;
    const cbs = this.callbacks;
    if (w.length > 0) {
      this.waiters = [];
      for (let i = 0; i < w.length; i++) wake(w[i]!);
    }
    if (cbs.length > 0) {
      this.callbacks = [];
      for (let i = 0; i < cbs.length; i++) this.sim.schedule(0, cbs[i]!.fn, cbs[i]!.arg, URGENT);
    }
  }

  close(): void {
    this.opened = false;
  }

  /** The command to yield: `yield gate.wait()`. */
  wait(): Gate {
    return this;
  }

  /** Callback style: fn(arg) now (from an urgent event) if open, else when the gate next opens. */
  whenOpen(fn: EventFn, arg?: unknown): void {
    if (this.opened) this.sim.schedule(0, fn, arg, URGENT);
    else this.callbacks.push({ fn, arg });
  }

  /** @internal */
  _attach(p: Process): boolean {
    if (this.opened) return true;
    this.waiters.push(p);
    return false;
  }

  /** @internal */
  _detach(p: Process): void {
    const i = this.waiters.indexOf(p);
    if (i >= 0) this.waiters.splice(i, 1);
  }
}
