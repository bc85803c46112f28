/**
 * Ordered, bounded-memory reduction of ReplicationResults.
 *
 * Results may arrive in any order (workers finish batches out of turn); they are buffered by
 * index and folded strictly in replication order, so everything below is a function of
 * the sequence of results, never of scheduling. What is kept:
 *  - one scalar per replication: overall and per-site completion hours (Infinity = not
 *    cleared within the horizon), for exact quantiles, the ECDF and the convergence trace;
 *  - exact sums (ExactSum) of every per-replication number whose mean is reported, so a
 *    mean is bit-identical however the replications were split into shards; the many daily
 *    series use FixedSum (order-independent too, values rounded to 2^-24, much faster);
 *  - integer counts (milestones, binding causes, routes);
 *  - fixed-grid histograms per (day, site, measure) for daily quantiles: per-replication
 *    time series are never held.
 * `toState`/`fromState` serialise all of it (partial results of `--shard`), `merge` folds
 * the aggregator of the next replication range into this one.
 */
import type { ReplicationResult } from '../model/result.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { ExactSum } from '../stats/exact-sum.js';
import { FixedSum } from '../stats/fixed-sum.js';
import { Histogram, type HistogramState } from '../stats/histogram.js';
import { dailyOffsets, unpackScalars, type BatchShape, type PackedBatch, type ScalarRecord } from './batch.js';
import { GrowableF64, base64ToF64, f64ToBase64 } from './growable.js';
import { boundsOf, shapeOf } from './shape.js';

const TON_BINS = 1024;
const UTIL_BINS = 512;
/** Unit grid (exact) for head counts up to this many people, else TON_BINS points. */
const MAX_UNIT_GRID = 4096;

function personnelHistogram(max: number): Histogram {
  const hi = Math.max(1, Math.ceil(max));
  return hi < MAX_UNIT_GRID ? new Histogram(0, hi, hi + 1) : new Histogram(0, hi, TON_BINS);
}

export interface AggregatorState {
  readonly version: 1;
  readonly shape: BatchShape;
  readonly firstIndex: number;
  readonly n: number;
  readonly completion: string;
  readonly siteCompletion: readonly string[];
  readonly sums: Readonly<Record<string, readonly (readonly number[])[]>>;
  readonly counts: Readonly<Record<string, readonly number[]>>;
  readonly routes: readonly (readonly [string, number])[];
  readonly events: number;
  readonly histograms: Readonly<Record<string, readonly HistogramState[]>>;
}

const sums = (k: number): ExactSum[] => Array.from({ length: k }, () => new ExactSum());
const fixedSums = (k: number): FixedSum[] => Array.from({ length: k }, () => new FixedSum());

export class Aggregator {
  readonly scenario: ResolvedScenario;
  readonly shape: BatchShape;
  /** Index of the first replication this aggregator covers. */
  readonly firstIndex: number;
  /** Replications folded so far (firstIndex .. firstIndex + n - 1). */
  n = 0;
  /** Called for each result in replication order as it is folded (e.g. to stream replications.csv). */
  onOrdered: ((r: ScalarRecord) => void) | null = null;

  private readonly pending = new Map<number, ScalarRecord>();
  readonly completion: GrowableF64;
  readonly siteCompletion: GrowableF64[];
  readonly lostHours: ExactSum[];
  readonly sorties: ExactSum[];
  readonly remainingShortTons: ExactSum[];
  readonly remainingPersonnel: ExactSum[];
  readonly leftBehind: ExactSum[];
  readonly movedShortTons: ExactSum[];
  readonly movedPersonnel: ExactSum[];
  readonly aircraftUtilisation: ExactSum;
  readonly parkingUtilisation: ExactSum[];
  /** dailyBusySum[d], dailyAvailableSum[d], dailyParkingSum[d * S + s]. */
  readonly dailyBusySum: FixedSum[];
  readonly dailyAvailableSum: FixedSum[];
  readonly dailyParkingSum: FixedSum[];
  /** Milestones met, by milestone. */
  readonly milestonesMet: number[];
  /** Binding cause counts by cause; the last entry counts "none". */
  readonly binding: number[];
  readonly routes = new Map<string, number>();
  events = 0;
  /** [d * S + s] per site; [d] for the all-sites totals. */
  readonly dailyShortTons: Histogram[];
  readonly dailyPersonnel: Histogram[];
  readonly dailyShortTonsAll: Histogram[];
  readonly dailyPersonnelAll: Histogram[];
  readonly dailyBusy: Histogram[];
  readonly dailyAvailable: Histogram[];
  readonly dailyParking: Histogram[];

  constructor(scenario: ResolvedScenario, firstIndex = 0, capacity = 1024) {
    this.scenario = scenario;
    this.shape = shapeOf(scenario);
    this.firstIndex = firstIndex;
    const { sites: S, types: T, causes: C, milestones: M, days: D } = this.shape;
    const b = boundsOf(scenario);
    this.completion = new GrowableF64(capacity);
    this.siteCompletion = Array.from({ length: S }, () => new GrowableF64(capacity));
    this.lostHours = sums(C);
    this.sorties = sums(T);
    this.remainingShortTons = sums(S);
    this.remainingPersonnel = sums(S);
    this.leftBehind = sums(S);
    this.movedShortTons = sums(S);
    this.movedPersonnel = sums(S);
    this.aircraftUtilisation = new ExactSum();
    this.parkingUtilisation = sums(S);
    this.dailyBusySum = fixedSums(D);
    this.dailyAvailableSum = fixedSums(D);
    this.dailyParkingSum = fixedSums(D * S);
    this.milestonesMet = new Array<number>(M).fill(0);
    this.binding = new Array<number>(C + 1).fill(0);
    const totalTons = b.shortTons.reduce((a, x) => a + x, 0);
    const totalPeople = scenario.sites.reduce((a, s) => a + s.personnel, 0);
    this.dailyShortTons = [];
    this.dailyPersonnel = [];
    this.dailyParking = [];
    for (let d = 0; d < D; d++) {
      for (let s = 0; s < S; s++) {
        this.dailyShortTons.push(new Histogram(0, Math.max(1, b.shortTons[s]!), TON_BINS));
        this.dailyPersonnel.push(personnelHistogram(b.personnel[s]!));
        this.dailyParking.push(new Histogram(0, Math.max(1, b.parking[s]!), UTIL_BINS));
      }
    }
    this.dailyShortTonsAll = Array.from({ length: D }, () => new Histogram(0, Math.max(1, totalTons), TON_BINS));
    this.dailyPersonnelAll = Array.from({ length: D }, () => personnelHistogram(totalPeople));
    this.dailyBusy = Array.from({ length: D }, () => new Histogram(0, Math.max(1, b.aircraft), UTIL_BINS));
    this.dailyAvailable = Array.from({ length: D }, () => new Histogram(0, Math.max(1, b.aircraft), UTIL_BINS));
  }

  /** Index of the next replication to fold. */
  get nextIndex(): number {
    return this.firstIndex + this.n;
  }
  /** Results received ahead of their turn. */
  get buffered(): number {
    return this.pending.size;
  }

  private checkNew(index: number): void {
    if (index < this.nextIndex || this.pending.has(index)) {
      throw new Error(`Aggregator: replication ${index} received twice`);
    }
  }

  /** Accept a result in any order; its scalars are folded when every earlier replication's have been. */
  consume(r: ReplicationResult): void {
    this.checkNew(r.index);
    if (r.days !== this.shape.days) throw new Error(`Aggregator: replication ${r.index} has ${r.days} days, expected ${this.shape.days}`);
    this.addDailyRow(r);
    this.enqueue(r);
  }

  /** Accept a packed batch in any order: its daily series are reduced now, its scalars in replication order. */
  consumeBatch(b: PackedBatch): void {
    const sh = this.shape;
    if (b.shape.days !== sh.days || b.shape.sites !== sh.sites || b.shape.types !== sh.types || b.shape.causes !== sh.causes || b.shape.milestones !== sh.milestones) {
      throw new Error('Aggregator: batch shape does not match the scenario');
    }
    for (let j = 0; j < b.count; j++) this.checkNew(b.firstIndex + j);
    this.addDailyColumns(b);
    for (const r of unpackScalars(b)) this.enqueue(r);
  }

  private enqueue(r: ScalarRecord): void {
    if (r.index !== this.nextIndex) {
      this.pending.set(r.index, r);
      return;
    }
    this.fold(r);
    for (let next = this.pending.get(this.nextIndex); next !== undefined; next = this.pending.get(this.nextIndex)) {
      this.pending.delete(next.index);
      this.fold(next);
    }
  }

  /** The daily series go into integer-count histograms and FixedSums: the order does not matter. */
  private addDailyRow(r: ReplicationResult): void {
    const { sites: S, days: D } = this.shape;
    const st = r.dailyRemainingShortTons;
    const pp = r.dailyRemainingPersonnel;
    const pk = r.dailyParkingOccupied;
    for (let d = 0; d < D; d++) {
      let tons = 0;
      let people = 0;
      for (let s = 0; s < S; s++) {
        const i = d * S + s;
        const x = st[i]!;
        const y = pp[i]!;
        tons += x;
        people += y;
        this.dailyShortTons[i]!.push(x);
        this.dailyPersonnel[i]!.push(y);
        this.dailyParking[i]!.push(pk[i]!);
        this.dailyParkingSum[i]!.add(pk[i]!);
      }
      this.dailyShortTonsAll[d]!.push(tons);
      this.dailyPersonnelAll[d]!.push(people);
      this.dailyBusy[d]!.push(r.dailyAircraftBusy[d]!);
      this.dailyBusySum[d]!.add(r.dailyAircraftBusy[d]!);
      this.dailyAvailable[d]!.push(r.dailyAircraftAvailable[d]!);
      this.dailyAvailableSum[d]!.add(r.dailyAircraftAvailable[d]!);
    }
  }

  /** addDailyRow for every replication of a batch, one histogram at a time (column-major data: cache-friendly). */
  private addDailyColumns(b: PackedBatch): void {
    const { sites: S, days: D } = this.shape;
    const n = b.count;
    const x = b.daily;
    const off = dailyOffsets(this.shape);
    const tons = new Float64Array(n);
    const people = new Float64Array(n);
    const column = (q: number, h: Histogram, sum: FixedSum | null, acc: Float64Array | null): void => {
      const base = q * n;
      h.pushAll(x, base, base + n);
      if (sum !== null) sum.addAll(x, base, base + n);
      if (acc !== null) for (let j = 0; j < n; j++) acc[j] = acc[j]! + x[base + j]!;
    };
    for (let d = 0; d < D; d++) {
      tons.fill(0);
      people.fill(0);
      for (let s = 0; s < S; s++) {
        const i = d * S + s;
        column(off.shortTons + i, this.dailyShortTons[i]!, null, tons);
        column(off.personnel + i, this.dailyPersonnel[i]!, null, people);
        column(off.parking + i, this.dailyParking[i]!, this.dailyParkingSum[i]!, null);
      }
      this.dailyShortTonsAll[d]!.pushAll(tons, 0, n);
      this.dailyPersonnelAll[d]!.pushAll(people, 0, n);
      column(off.busy + d, this.dailyBusy[d]!, this.dailyBusySum[d]!, null);
      column(off.available + d, this.dailyAvailable[d]!, this.dailyAvailableSum[d]!, null);
    }
  }

  private fold(r: ScalarRecord): void {
    const { sites: S, types: T, causes: C, milestones: M } = this.shape;
    this.completion.push(r.completionHours ?? Infinity);
    for (let s = 0; s < S; s++) {
      this.siteCompletion[s]!.push(r.siteCompletionHours[s] ?? Infinity);
      this.remainingShortTons[s]!.add(r.remainingShortTonsAtDeadline[s]!);
      this.remainingPersonnel[s]!.add(r.remainingPersonnelAtDeadline[s]!);
      this.leftBehind[s]!.add(r.leftBehindShortTons[s]!);
      this.movedShortTons[s]!.add(r.movedShortTons[s]!);
      this.movedPersonnel[s]!.add(r.movedPersonnel[s]!);
      this.parkingUtilisation[s]!.add(r.parkingUtilisation[s]!);
    }
    for (let t = 0; t < T; t++) this.sorties[t]!.add(r.sortiesByType[t]!);
    for (let c = 0; c < C; c++) this.lostHours[c]!.add(r.lostHours[c]!);
    this.binding[r.bindingCause >= 0 && r.bindingCause < C ? r.bindingCause : C]! += 1;
    for (let m = 0; m < M; m++) if (r.milestones[m]) this.milestonesMet[m]! += 1;
    for (const k in r.sortiesByRoute) this.routes.set(k, (this.routes.get(k) ?? 0) + r.sortiesByRoute[k]!);
    this.aircraftUtilisation.add(r.aircraftUtilisation);
    this.events += r.events;
    this.n += 1;
    this.onOrdered?.(r);
  }

  /** Fold in the aggregator of the replications that come right after this one's. */
  merge(other: Aggregator): void {
    if (this.pending.size > 0 || other.pending.size > 0) throw new Error('Aggregator.merge: results still buffered');
    if (other.firstIndex !== this.nextIndex) {
      throw new Error(`Aggregator.merge: expected replications from ${this.nextIndex}, got ${other.firstIndex}`);
    }
    this.completion.append(other.completion.view());
    this.siteCompletion.forEach((g, s) => g.append(other.siteCompletion[s]!.view()));
    const mergeAll = (a: ExactSum[], b: ExactSum[]): void => a.forEach((x, i) => x.merge(b[i]!));
    mergeAll(this.lostHours, other.lostHours);
    mergeAll(this.sorties, other.sorties);
    mergeAll(this.remainingShortTons, other.remainingShortTons);
    mergeAll(this.remainingPersonnel, other.remainingPersonnel);
    mergeAll(this.leftBehind, other.leftBehind);
    mergeAll(this.movedShortTons, other.movedShortTons);
    mergeAll(this.movedPersonnel, other.movedPersonnel);
    mergeAll(this.parkingUtilisation, other.parkingUtilisation);
    const mergeFixed = (a: FixedSum[], b: FixedSum[]): void => a.forEach((x, i) => x.merge(b[i]!));
    mergeFixed(this.dailyBusySum, other.dailyBusySum);
    mergeFixed(this.dailyAvailableSum, other.dailyAvailableSum);
    mergeFixed(this.dailyParkingSum, other.dailyParkingSum);
    this.aircraftUtilisation.merge(other.aircraftUtilisation);
    other.milestonesMet.forEach((k, i) => (this.milestonesMet[i]! += k));
    other.binding.forEach((k, i) => (this.binding[i]! += k));
    for (const [k, v] of other.routes) this.routes.set(k, (this.routes.get(k) ?? 0) + v);
    this.events += other.events;
    const mergeH = (a: Histogram[], b: Histogram[]): void => a.forEach((h, i) => h.merge(b[i]!));
    mergeH(this.dailyShortTons, other.dailyShortTons);
    mergeH(this.dailyPersonnel, other.dailyPersonnel);
    mergeH(this.dailyShortTonsAll, other.dailyShortTonsAll);
    mergeH(this.dailyPersonnelAll, other.dailyPersonnelAll);
    mergeH(this.dailyBusy, other.dailyBusy);
    mergeH(this.dailyAvailable, other.dailyAvailable);
    mergeH(this.dailyParking, other.dailyParking);
    this.n += other.n;
  }

  toState(): AggregatorState {
    if (this.pending.size > 0) throw new Error('Aggregator.toState: results still buffered');
    const j = (xs: (ExactSum | FixedSum)[]): number[][] => xs.map((x) => x.toJSON());
    const h = (xs: Histogram[]): HistogramState[] => xs.map((x) => x.toJSON());
    return {
      version: 1,
      shape: this.shape,
      firstIndex: this.firstIndex,
      n: this.n,
      completion: f64ToBase64(this.completion.view()),
      siteCompletion: this.siteCompletion.map((g) => f64ToBase64(g.view())),
      sums: {
        lostHours: j(this.lostHours), sorties: j(this.sorties),
        remainingShortTons: j(this.remainingShortTons), remainingPersonnel: j(this.remainingPersonnel),
        leftBehind: j(this.leftBehind), movedShortTons: j(this.movedShortTons), movedPersonnel: j(this.movedPersonnel),
        parkingUtilisation: j(this.parkingUtilisation), aircraftUtilisation: [this.aircraftUtilisation.toJSON()],
        dailyBusySum: j(this.dailyBusySum), dailyAvailableSum: j(this.dailyAvailableSum), dailyParkingSum: j(this.dailyParkingSum),
      },
      counts: { milestonesMet: this.milestonesMet, binding: this.binding },
      routes: [...this.routes.entries()],
      events: this.events,
      histograms: {
        dailyShortTons: h(this.dailyShortTons), dailyPersonnel: h(this.dailyPersonnel),
        dailyShortTonsAll: h(this.dailyShortTonsAll), dailyPersonnelAll: h(this.dailyPersonnelAll),
        dailyBusy: h(this.dailyBusy), dailyAvailable: h(this.dailyAvailable), dailyParking: h(this.dailyParking),
      },
    };
  }

  static fromState(scenario: ResolvedScenario, st: AggregatorState): Aggregator {
    const a = new Aggregator(scenario, st.firstIndex, st.n);
    const sh = a.shape;
    if (st.version !== 1) throw new Error(`partial result format ${String(st.version)} is not supported`);
    if (sh.sites !== st.shape.sites || sh.types !== st.shape.types || sh.causes !== st.shape.causes ||
        sh.milestones !== st.shape.milestones || sh.days !== st.shape.days) {
      throw new Error('partial result does not match the scenario (dimensions differ)');
    }
    a.completion.append(base64ToF64(st.completion));
    a.siteCompletion.forEach((g, s) => g.append(base64ToF64(st.siteCompletion[s]!)));
    const load = (xs: ExactSum[], key: string): void => {
      const parts = st.sums[key];
      if (parts === undefined || parts.length !== xs.length) throw new Error(`partial result: sums.${key} missing or wrong length`);
      xs.forEach((x, i) => x.merge(parts[i]!));
    };
    load(a.lostHours, 'lostHours');
    load(a.sorties, 'sorties');
    load(a.remainingShortTons, 'remainingShortTons');
    load(a.remainingPersonnel, 'remainingPersonnel');
    load(a.leftBehind, 'leftBehind');
    load(a.movedShortTons, 'movedShortTons');
    load(a.movedPersonnel, 'movedPersonnel');
    load(a.parkingUtilisation, 'parkingUtilisation');
    load([a.aircraftUtilisation], 'aircraftUtilisation');
    const loadFixed = (xs: FixedSum[], key: string): void => {
      const parts = st.sums[key];
      if (parts === undefined || parts.length !== xs.length) throw new Error(`partial result: sums.${key} missing or wrong length`);
      xs.forEach((x, i) => x.merge([parts[i]![0] ?? 0, parts[i]![1] ?? 0]));
    };
    loadFixed(a.dailyBusySum, 'dailyBusySum');
    loadFixed(a.dailyAvailableSum, 'dailyAvailableSum');
    loadFixed(a.dailyParkingSum, 'dailyParkingSum');
    st.counts['milestonesMet']!.forEach((k, i) => (a.milestonesMet[i]! += k));
    st.counts['binding']!.forEach((k, i) => (a.binding[i]! += k));
    for (const [k, v] of st.routes) a.routes.set(k, v);
    a.events = st.events;
    const loadH = (xs: Histogram[], key: string): void => {
      const hs = st.histograms[key];
      if (hs === undefined || hs.length !== xs.length) throw new Error(`partial result: histograms.${key} missing or wrong length`);
      xs.forEach((x, i) => x.merge(hs[i]!));
    };
    loadH(a.dailyShortTons, 'dailyShortTons');
    loadH(a.dailyPersonnel, 'dailyPersonnel');
    loadH(a.dailyShortTonsAll, 'dailyShortTonsAll');
    loadH(a.dailyPersonnelAll, 'dailyPersonnelAll');
    loadH(a.dailyBusy, 'dailyBusy');
    loadH(a.dailyAvailable, 'dailyAvailable');
    loadH(a.dailyParking, 'dailyParking');
    a.n = st.n;
    if (a.completion.length !== st.n) throw new Error('partial result: completion array length differs from n');
    return a;
  }
}
