/**
 * A batch of ReplicationResults packed into two Float64Arrays (plus the route keys), so a
 * worker sends it to the runner as a few flat arrays (copied, not transferred: worker.ts).
 *
 * - `data`: per-replication scalars, row-major, replication j at j * scalarStride:
 *     completion, siteCompletion[S], sortiesByType[T], lostHours[C], bindingCause,
 *     remainingShortTons[S], remainingPersonnel[S], leftBehind[S], movedShortTons[S],
 *     movedPersonnel[S], aircraftUtilisation, parkingUtilisation[S], milestones[M], events
 *   (null completion times are NaN).
 * - `daily`: the daily series, COLUMN-major: series value q of replication j at q * count + j,
 *   with q over dailyRemainingShortTons[D*S], dailyRemainingPersonnel[D*S],
 *   dailyAircraftBusy[D], dailyAircraftAvailable[D], dailyParkingOccupied[D*S] (see
 *   DAILY_OFFSETS). The runner folds the daily part of a whole batch histogram by histogram
 *   (order-independent, cache-friendly) and only the scalars in replication order.
 *
 * What a worker actually sends is a BinnedBatch: the same scalars, the daily series already
 * binned (./daily.ts), and optionally the batch's replications.csv rows, formatted there.
 */
import type { ReplicationResult } from '../model/result.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { replicationsCsvRow } from './csv.js';
import type { BinnedDaily, DailyBinner } from './daily.js';

export interface BatchShape {
  readonly sites: number;
  readonly types: number;
  readonly causes: number;
  readonly milestones: number;
  readonly days: number;
}

/** A replication's record without its daily series: what is folded in replication order. */
export type ScalarRecord = Omit<ReplicationResult,
  'dailyRemainingShortTons' | 'dailyRemainingPersonnel' | 'dailyAircraftBusy' | 'dailyAircraftAvailable' | 'dailyParkingOccupied'>;

/** The per-replication scalars of a batch (what is folded in replication order). */
export interface ScalarBatch {
  readonly shape: BatchShape;
  readonly firstIndex: number;
  readonly count: number;
  readonly data: Float64Array;
  readonly routes: readonly string[];
  /** count x routes.length sortie counts. */
  readonly routeCounts: Float64Array;
}

export interface PackedBatch extends ScalarBatch {
  readonly daily: Float64Array;
}

/** What a worker hands the runner: scalars, binned daily series, and the CSV rows when asked for. */
export interface BinnedBatch extends ScalarBatch {
  readonly binned: BinnedDaily;
  /** The batch's replications.csv rows (replication order), or null: the runner formats them. */
  readonly csv: string | null;
}

export function scalarStride(s: BatchShape): number {
  const { sites: S, types: T, causes: C, milestones: M } = s;
  return 1 + S + T + C + 1 + 5 * S + 1 + S + M + 1;
}

/** Start of each daily series in the column index q. */
export function dailyOffsets(s: BatchShape): { shortTons: number; personnel: number; busy: number; available: number; parking: number; total: number } {
  const DS = s.days * s.sites;
  return { shortTons: 0, personnel: DS, busy: 2 * DS, available: 2 * DS + s.days, parking: 2 * DS + 2 * s.days, total: 3 * DS + 2 * s.days };
}

function put(data: Float64Array, at: number, xs: ArrayLike<number | null>, n: number, what: string): number {
  if (xs.length !== n) throw new Error(`packBatch: ${what} has ${xs.length} entries, expected ${n}`);
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    data[at + i] = v === null || v === undefined ? NaN : v;
  }
  return at + n;
}

function putColumn(daily: Float64Array, q0: number, count: number, j: number, xs: ArrayLike<number>, n: number, what: string): void {
  if (xs.length !== n) throw new Error(`packBatch: ${what} has ${xs.length} entries, expected ${n}`);
  for (let i = 0; i < n; i++) daily[(q0 + i) * count + j] = xs[i]!;
}

/** Packs the scalars of consecutive replications one at a time (the result can be dropped after add). */
export class ScalarPacker {
  private readonly stride: number;
  private data: Float64Array;
  private count = 0;
  private firstIndex = 0;
  private readonly routeIndex = new Map<string, number>();
  /** Route sorties as replication j, route index, count, ... */
  private readonly routeEntries: number[] = [];

  constructor(readonly shape: BatchShape, capacity = 16) {
    this.stride = scalarStride(shape);
    this.data = new Float64Array(Math.max(1, capacity) * this.stride);
  }

  add(r: ReplicationResult): void {
    const { sites: S, types: T, causes: C, milestones: M, days: D } = this.shape;
    const j = this.count;
    if (j === 0) this.firstIndex = r.index;
    else if (r.index !== this.firstIndex + j) throw new Error(`packBatch: replication ${r.index} out of sequence (expected ${this.firstIndex + j})`);
    if (r.days !== D) throw new Error(`packBatch: replication ${r.index} has ${r.days} days, expected ${D}`);
    if ((j + 1) * this.stride > this.data.length) {
      const next = new Float64Array(2 * this.data.length);
      next.set(this.data);
      this.data = next;
    }
    const data = this.data;
    let at = j * this.stride;
    data[at++] = r.completionHours ?? NaN;
    at = put(data, at, r.siteCompletionHours, S, 'siteCompletionHours');
    at = put(data, at, r.sortiesByType, T, 'sortiesByType');
    at = put(data, at, r.lostHours, C, 'lostHours');
    data[at++] = r.bindingCause;
    at = put(data, at, r.remainingShortTonsAtDeadline, S, 'remainingShortTonsAtDeadline');
    at = put(data, at, r.remainingPersonnelAtDeadline, S, 'remainingPersonnelAtDeadline');
    at = put(data, at, r.leftBehindShortTons, S, 'leftBehindShortTons');
    at = put(data, at, r.movedShortTons, S, 'movedShortTons');
    at = put(data, at, r.movedPersonnel, S, 'movedPersonnel');
    data[at++] = r.aircraftUtilisation;
    at = put(data, at, r.parkingUtilisation, S, 'parkingUtilisation');
    if (r.milestones.length !== M) throw new Error(`packBatch: milestones has ${r.milestones.length} entries, expected ${M}`);
    for (let m = 0; m < M; m++) data[at++] = r.milestones[m] ? 1 : 0;
    data[at++] = r.events;
    for (const k in r.sortiesByRoute) {
      let ri = this.routeIndex.get(k);
      if (ri === undefined) {
        ri = this.routeIndex.size;
        this.routeIndex.set(k, ri);
      }
      this.routeEntries.push(j, ri, r.sortiesByRoute[k]!);
    }
    this.count += 1;
  }

  finish(): ScalarBatch {
    const count = this.count;
    const routes = [...this.routeIndex.keys()];
    const R = routes.length;
    const routeCounts = new Float64Array(count * R);
    const e = this.routeEntries;
    for (let i = 0; i < e.length; i += 3) routeCounts[e[i]! * R + e[i + 1]!] = e[i + 2]!;
    return { shape: this.shape, firstIndex: this.firstIndex, count, data: this.data.slice(0, count * this.stride), routes, routeCounts };
  }
}

/** The scalar part of packBatch. */
export function packScalars(results: readonly ReplicationResult[], shape: BatchShape): ScalarBatch {
  const p = new ScalarPacker(shape, results.length);
  for (const r of results) p.add(r);
  return p.finish();
}

/**
 * Builds what a worker sends, one replication at a time: scalars packed, daily series binned
 * (by `binner`, made for the same scenario), and with `csvScenario` the replications.csv rows.
 */
export class BatchBuilder {
  private readonly scalars: ScalarPacker;
  private csv = '';

  constructor(private readonly binner: DailyBinner, private readonly csvScenario: ResolvedScenario | null = null, capacity = 16) {
    this.scalars = new ScalarPacker(binner.shape, capacity);
    binner.start();
  }

  add(r: ReplicationResult): void {
    this.scalars.add(r);
    this.binner.add(r);
    if (this.csvScenario !== null) this.csv += replicationsCsvRow(this.csvScenario, r);
  }

  finish(): BinnedBatch {
    return { ...this.scalars.finish(), binned: this.binner.finish(), csv: this.csvScenario === null ? null : this.csv };
  }
}

/** Pack results (consecutive indexes from results[0].index) of one shape. */
export function packBatch(results: readonly ReplicationResult[], shape: BatchShape): PackedBatch {
  const off = dailyOffsets(shape);
  const count = results.length;
  const daily = new Float64Array(count * off.total);
  const { sites: S, days: D } = shape;
  const scalars = packScalars(results, shape);
  for (let j = 0; j < count; j++) {
    const r = results[j]!;
    putColumn(daily, off.shortTons, count, j, r.dailyRemainingShortTons, D * S, 'dailyRemainingShortTons');
    putColumn(daily, off.personnel, count, j, r.dailyRemainingPersonnel, D * S, 'dailyRemainingPersonnel');
    putColumn(daily, off.busy, count, j, r.dailyAircraftBusy, D, 'dailyAircraftBusy');
    putColumn(daily, off.available, count, j, r.dailyAircraftAvailable, D, 'dailyAircraftAvailable');
    putColumn(daily, off.parking, count, j, r.dailyParkingOccupied, D * S, 'dailyParkingOccupied');
  }
  return { ...scalars, daily };
}

/**
 * What a worker sends: results packed and their daily series binned (by `binner`, made for the
 * same scenario); with `csvScenario`, the batch's replications.csv rows formatted too.
 */
export function binBatch(results: readonly ReplicationResult[], binner: DailyBinner, csvScenario: ResolvedScenario | null = null): BinnedBatch {
  const b = new BatchBuilder(binner, csvScenario, results.length);
  for (const r of results) b.add(r);
  return b.finish();
}

const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** The scalar records of a batch, in replication order. */
export function unpackScalars(b: ScalarBatch): ScalarRecord[] {
  const { sites: S, types: T, causes: C, milestones: M, days: D } = b.shape;
  const stride = scalarStride(b.shape);
  const d = b.data;
  const out: ScalarRecord[] = [];
  for (let j = 0; j < b.count; j++) {
    let at = j * stride;
    const take = (n: number): number[] => {
      const v = Array.from(d.subarray(at, at + n));
      at += n;
      return v;
    };
    const completionHours = nullable(d[at++]!);
    const siteCompletionHours = take(S).map(nullable);
    const sortiesByType = take(T);
    const lostHours = take(C);
    const bindingCause = d[at++]!;
    const remainingShortTonsAtDeadline = take(S);
    const remainingPersonnelAtDeadline = take(S);
    const leftBehindShortTons = take(S);
    const movedShortTons = take(S);
    const movedPersonnel = take(S);
    const aircraftUtilisation = d[at++]!;
    const parkingUtilisation = take(S);
    const milestones = take(M).map((x) => x === 1);
    const events = d[at++]!;
    const sortiesByRoute: Record<string, number> = {};
    for (let k = 0; k < b.routes.length; k++) {
      const v = b.routeCounts[j * b.routes.length + k]!;
      if (v !== 0) sortiesByRoute[b.routes[k]!] = v;
    }
    out.push({
      index: b.firstIndex + j,
      completionHours, siteCompletionHours, sortiesByType, sortiesByRoute, lostHours, bindingCause,
      remainingShortTonsAtDeadline, remainingPersonnelAtDeadline, leftBehindShortTons, movedShortTons, movedPersonnel,
      days: D, aircraftUtilisation, parkingUtilisation, milestones, events,
    });
  }
  return out;
}

/** Full ReplicationResults back (daily series gathered from the columns): for tests and tools. */
export function unpackBatch(b: PackedBatch): ReplicationResult[] {
  const off = dailyOffsets(b.shape);
  const { sites: S, days: D } = b.shape;
  const column = (q0: number, n: number, j: number): Float64Array => {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = b.daily[(q0 + i) * b.count + j]!;
    return v;
  };
  return unpackScalars(b).map((r, j) => ({
    ...r,
    dailyRemainingShortTons: column(off.shortTons, D * S, j),
    dailyRemainingPersonnel: column(off.personnel, D * S, j),
    dailyAircraftBusy: column(off.busy, D, j),
    dailyAircraftAvailable: column(off.available, D, j),
    dailyParkingOccupied: column(off.parking, D * S, j),
  }));
}
