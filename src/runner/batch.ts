/**
 * A batch of ReplicationResults packed into one Float64Array (plus the route keys), so a
 * worker can transfer it to the runner without copying: one buffer per batch, no
 * per-replication structured cloning. `unpackBatch` gives ReplicationResults back whose
 * typed arrays are views into that buffer.
 *
 * Layout of replication j (stride numbers from j * stride):
 *   completion, siteCompletion[S], sortiesByType[T], lostHours[C], bindingCause,
 *   remainingShortTons[S], remainingPersonnel[S], leftBehind[S], movedShortTons[S],
 *   movedPersonnel[S], aircraftUtilisation, parkingUtilisation[S], milestones[M], events,
 *   dailyRemainingShortTons[D*S], dailyRemainingPersonnel[D*S], dailyAircraftBusy[D],
 *   dailyAircraftAvailable[D], dailyParkingOccupied[D*S]
 * null completion times are stored as NaN.
 */
import type { ReplicationResult } from '../model/result.js';

export interface BatchShape {
  readonly sites: number;
  readonly types: number;
  readonly causes: number;
  readonly milestones: number;
  readonly days: number;
}

export interface PackedBatch {
  readonly shape: BatchShape;
  readonly firstIndex: number;
  readonly count: number;
  readonly data: Float64Array;
  readonly routes: readonly string[];
  /** count x routes.length sortie counts. */
  readonly routeCounts: Float64Array;
}

export function strideOf(s: BatchShape): number {
  const { sites: S, types: T, causes: C, milestones: M, days: D } = s;
  return 1 + S + T + C + 1 + 5 * S + 1 + S + M + 1 + 3 * D * S + 2 * D;
}

function put(data: Float64Array, at: number, xs: ArrayLike<number | null>, n: number, what: string): number {
  if (xs.length !== n) throw new Error(`packBatch: ${what} has ${xs.length} entries, expected ${n}`);
  for (let i = 0; i < n; i++) {
    const v = xs[i];
    data[at + i] = v === null || v === undefined ? NaN : v;
  }
  return at + n;
}

/** Pack results (consecutive indexes from results[0].index) of one shape. */
export function packBatch(results: readonly ReplicationResult[], shape: BatchShape): PackedBatch {
  const stride = strideOf(shape);
  const count = results.length;
  const data = new Float64Array(count * stride);
  const { sites: S, types: T, causes: C, milestones: M, days: D } = shape;
  const routeIndex = new Map<string, number>();
  for (const r of results) for (const k of Object.keys(r.sortiesByRoute)) if (!routeIndex.has(k)) routeIndex.set(k, routeIndex.size);
  const routes = [...routeIndex.keys()];
  const routeCounts = new Float64Array(count * routes.length);
  const firstIndex = count > 0 ? results[0]!.index : 0;
  for (let j = 0; j < count; j++) {
    const r = results[j]!;
    if (r.index !== firstIndex + j) throw new Error(`packBatch: replication ${r.index} out of sequence (expected ${firstIndex + j})`);
    if (r.days !== D) throw new Error(`packBatch: replication ${r.index} has ${r.days} days, expected ${D}`);
    let at = j * stride;
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
    at = put(data, at, r.milestones.map((m) => (m ? 1 : 0)), M, 'milestones');
    data[at++] = r.events;
    at = put(data, at, r.dailyRemainingShortTons, D * S, 'dailyRemainingShortTons');
    at = put(data, at, r.dailyRemainingPersonnel, D * S, 'dailyRemainingPersonnel');
    at = put(data, at, r.dailyAircraftBusy, D, 'dailyAircraftBusy');
    at = put(data, at, r.dailyAircraftAvailable, D, 'dailyAircraftAvailable');
    put(data, at, r.dailyParkingOccupied, D * S, 'dailyParkingOccupied');
    const rowBase = j * routes.length;
    for (const [k, v] of Object.entries(r.sortiesByRoute)) routeCounts[rowBase + routeIndex.get(k)!] = v;
  }
  return { shape, firstIndex, count, data, routes, routeCounts };
}

const nullable = (x: number): number | null => (Number.isNaN(x) ? null : x);

/** ReplicationResults whose arrays are views into the batch buffer. */
export function unpackBatch(b: PackedBatch): ReplicationResult[] {
  const { sites: S, types: T, causes: C, milestones: M, days: D } = b.shape;
  const stride = strideOf(b.shape);
  const d = b.data;
  const out: ReplicationResult[] = [];
  for (let j = 0; j < b.count; j++) {
    let at = j * stride;
    const take = (n: number): Float64Array => {
      const v = d.subarray(at, at + n);
      at += n;
      return v;
    };
    const completionHours = nullable(d[at++]!);
    const siteCompletionHours = Array.from(take(S), nullable);
    const sortiesByType = Array.from(take(T));
    const lostHours = Array.from(take(C));
    const bindingCause = d[at++]!;
    const remainingShortTonsAtDeadline = Array.from(take(S));
    const remainingPersonnelAtDeadline = Array.from(take(S));
    const leftBehindShortTons = Array.from(take(S));
    const movedShortTons = Array.from(take(S));
    const movedPersonnel = Array.from(take(S));
    const aircraftUtilisation = d[at++]!;
    const parkingUtilisation = Array.from(take(S));
    const milestones = Array.from(take(M), (x) => x === 1);
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
      days: D,
      dailyRemainingShortTons: take(D * S),
      dailyRemainingPersonnel: take(D * S),
      dailyAircraftBusy: take(D),
      dailyAircraftAvailable: take(D),
      dailyParkingOccupied: take(D * S),
      aircraftUtilisation, parkingUtilisation, milestones, events,
    });
  }
  return out;
}
