/**
 * The event calendar: a binary min-heap on typed arrays, ordered by (time, priority, insertion sequence).
 *
 * Layout (structure of arrays, nothing allocated per event once warmed up):
 * - heap order:  hTime (Float64Array) and hKey (Float64Array) hold the sort keys at each heap position,
 *                hSlot (Int32Array) the slot of the event at that position.
 * - slot order:  pos (Int32Array) the heap position of each slot (-1 when free), gen (Uint32Array) a
 *                generation counter bumped each time a slot is freed (makes stale ids harmless),
 *                fns / args (plain arrays) the callback and its argument.
 * - free list:   free (Int32Array) a stack of unused slots.
 *
 * Tie-breaking never relies on sort stability: priority and the insertion sequence are packed into
 * one exactly-representable double, key = (priority + 2048) * 2^40 + seq, with integer priorities in
 * [-2048, 2047] and seq < 2^40. Keys are unique, so the order is total and deterministic.
 *
 * An EventId packs (generation, slot): id = gen * 2^24 + slot. Cancelling a fired or cancelled
 * event finds a different generation (or a free slot) and is a harmless no-op. Generations wrap
 * after 2^29 reuses of one slot; only an id kept that long could alias a newer event.
 */

import { SchedulingError, messages } from './errors.js';

export type EventId = number;
export type EventFn = (arg: any) => void;

const SLOT_BITS = 24;
const SLOT_SPAN = 2 ** SLOT_BITS; // max pending events
const GEN_MASK = 2 ** 29 - 1;
const SEQ_SPAN = 2 ** 40;
const PRIO_OFFSET = 2048;

export const MIN_PRIORITY = -2048;
export const MAX_PRIORITY = 2047;

export function checkPriority(p: number): void {
  if (!(Number.isInteger(p) && p >= MIN_PRIORITY && p <= MAX_PRIORITY)) {
    throw new SchedulingError(messages.badPriority(p));
  }
}

export class Calendar {
  private hTime: Float64Array;
  private hKey: Float64Array;
  private hSlot: Int32Array;
  private pos: Int32Array;
  private gen: Uint32Array;
  private free: Int32Array;
  private freeTop = 0;
  private n = 0;
  private seq = 0;
  /** Callback of each slot (read by Simulation right after pop). */
  readonly fns: (EventFn | undefined)[] = [];
  /** Argument of each slot. */
  readonly args: unknown[] = [];

  constructor(initialCapacity = 1024) {
    const c = Math.max(16, initialCapacity | 0);
    this.hTime = new Float64Array(c);
    this.hKey = new Float64Array(c);
    this.hSlot = new Int32Array(c);
    this.pos = new Int32Array(c).fill(-1);
    this.gen = new Uint32Array(c);
    this.free = new Int32Array(c);
    for (let i = 0; i < c; i++) {
      this.free[i] = c - 1 - i; // pop order 0, 1, 2, ...
      this.fns.push(undefined);
      this.args.push(undefined);
    }
    this.freeTop = c;
  }

  /**
   * Drop every pending event and start over as if new (same capacity, sequence and
   * generations back at 0): lets a caller reuse one calendar for many runs.
   */
  clear(): void {
    const c = this.pos.length;
    this.n = 0;
    this.seq = 0;
    this.pos.fill(-1);
    this.gen.fill(0);
    for (let i = 0; i < c; i++) this.free[i] = c - 1 - i;
    this.freeTop = c;
    this.fns.fill(undefined);
    this.args.fill(undefined);
  }

  /** Number of pending events. */
  get size(): number {
    return this.n;
  }

  /** Time of the next event (undefined behaviour when empty: check size first). */
  peekTime(): number {
    return this.hTime[0]!;
  }

  /**
   * The time of the event the next push or reschedule places: set it, then call them. A
   * field, not an argument: V8 boxes a double passed to a call it does not inline in a
   * fresh HeapNumber, which was one per event.
   */
  time = 0;

  /** Insert at `time` (set just before); priority must already be validated (integer in range). Returns the event id. */
  push(priority: number, fn: EventFn, arg: unknown): EventId {
    const time = this.time;
    if (this.freeTop === 0) this.grow();
    const slot = this.free[--this.freeTop]!;
    const seq = this.seq++;
    if (seq >= SEQ_SPAN) throw new SchedulingError(messages.sequenceOverflow());
    this.fns[slot] = fn;
    this.args[slot] = arg;
    this.siftUp(this.n++, time, (priority + PRIO_OFFSET) * SEQ_SPAN + seq, slot);
    return this.gen[slot]! * SLOT_SPAN + slot;
  }

  /**
   * Remove the earliest event and return its slot. The slot is already back on the free list, but
   * fns[slot] / args[slot] still hold the callback until the caller clears them (it must read them
   * before pushing anything). Precondition: size > 0.
   */
  pop(): number {
    const hS = this.hSlot;
    const top = hS[0]!;
    const last = --this.n;
    if (last > 0) this.siftDown(0, this.hTime[last]!, this.hKey[last]!, hS[last]!);
    this.release(top);
    return top;
  }

  /** Slot of a pending event, or -1 if the id is stale, foreign or malformed. */
  slotOf(id: EventId): number {
    if (!(id >= 0) || !Number.isInteger(id)) return -1;
    const slot = id % SLOT_SPAN;
    if (slot >= this.pos.length) return -1;
    if (this.pos[slot]! < 0 || this.gen[slot] !== Math.floor(id / SLOT_SPAN)) return -1;
    return slot;
  }

  timeOf(slot: number): number {
    return this.hTime[this.pos[slot]!]!;
  }

  /** Cancel a pending event; false if the id is not pending. O(log n). */
  cancel(id: EventId): boolean {
    const slot = this.slotOf(id);
    if (slot < 0) return false;
    const i = this.pos[slot]!;
    const last = --this.n;
    if (i !== last) this.place(i, this.hTime[last]!, this.hKey[last]!, this.hSlot[last]!);
    this.release(slot);
    this.fns[slot] = undefined;
    this.args[slot] = undefined;
    return true;
  }

  /** Move a pending event to `time` (set just before, validated by the caller); keeps its priority, takes a new sequence. */
  reschedule(id: EventId): boolean {
    const time = this.time;
    const slot = this.slotOf(id);
    if (slot < 0) return false;
    const seq = this.seq++;
    if (seq >= SEQ_SPAN) throw new SchedulingError(messages.sequenceOverflow());
    const i = this.pos[slot]!;
    const prioPart = Math.floor(this.hKey[i]! / SEQ_SPAN) * SEQ_SPAN;
    this.place(i, time, prioPart + seq, slot);
    return true;
  }

  /** Put (t, k, s) at position i, moving it up or down as needed. */
  private place(i: number, t: number, k: number, s: number): void {
    if (i > 0) {
      const p = (i - 1) >> 1;
      const pt = this.hTime[p]!;
      if (t < pt || (t === pt && k < this.hKey[p]!)) {
        this.siftUp(i, t, k, s);
        return;
      }
    }
    this.siftDown(i, t, k, s);
  }

  private siftUp(i: number, t: number, k: number, s: number): void {
    const hT = this.hTime;
    const hK = this.hKey;
    const hS = this.hSlot;
    const pos = this.pos;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pt = hT[p]!;
      if (pt < t || (pt === t && hK[p]! < k)) break;
      hT[i] = pt;
      hK[i] = hK[p]!;
      const ps = hS[p]!;
      hS[i] = ps;
      pos[ps] = i;
      i = p;
    }
    hT[i] = t;
    hK[i] = k;
    hS[i] = s;
    pos[s] = i;
  }

  private siftDown(i: number, t: number, k: number, s: number): void {
    const hT = this.hTime;
    const hK = this.hKey;
    const hS = this.hSlot;
    const pos = this.pos;
    const n = this.n;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = hT[c]!;
      let ck = hK[c]!;
      const r = c + 1;
      if (r < n) {
        const rt = hT[r]!;
        if (rt < ct || (rt === ct && hK[r]! < ck)) {
          c = r;
          ct = rt;
          ck = hK[r]!;
        }
      }
      if (t < ct || (t === ct && k < ck)) break;
      hT[i] = ct;
      hK[i] = ck;
      const cs = hS[c]!;
      hS[i] = cs;
      pos[cs] = i;
      i = c;
    }
    hT[i] = t;
    hK[i] = k;
    hS[i] = s;
    pos[s] = i;
  }

  private release(slot: number): void {
    this.pos[slot] = -1;
    this.gen[slot] = (this.gen[slot]! + 1) & GEN_MASK;
    this.free[this.freeTop++] = slot;
  }

  private grow(): void {
    const old = this.pos.length;
    if (old >= SLOT_SPAN) throw new SchedulingError(messages.tooManyPending(old));
    const c = Math.min(old * 2, SLOT_SPAN);
    const f64 = (a: Float64Array) => {
      const b = new Float64Array(c);
      b.set(a);
      return b;
    };
    this.hTime = f64(this.hTime);
    this.hKey = f64(this.hKey);
    const hS = new Int32Array(c);
    hS.set(this.hSlot);
    this.hSlot = hS;
    const pos = new Int32Array(c).fill(-1);
    pos.set(this.pos);
    this.pos = pos;
    const gen = new Uint32Array(c);
    gen.set(this.gen);
    this.gen = gen;
    const free = new Int32Array(c);
    // the free list is empty when we grow: new slots old..c-1, popped in increasing order
    for (let i = 0; i < c - old; i++) free[i] = c - 1 - i;
    this.freeTop = c - old;
    this.free = free;
    for (let i = old; i < c; i++) {
      this.fns.push(undefined);
      this.args.push(undefined);
    }
  }
}
