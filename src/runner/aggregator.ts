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
import type { Histogram, HistogramState } from '../stats/histogram.js';
import { binBatch, scalarStride, unpackBatch, unpackScalars, type BatchShape, type BinnedBatch, type PackedBatch, type ScalarBatch, type ScalarRecord } from './batch.js';
import { DailyBinner, dailyCounts, dailyGrids, histogramOf } from './daily.js';
import { GrowableF64, base64ToF64, f64ToBase64 } from './growable.js';
import { shapeOf } from './shape.js';

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
  /** Called for each result in replication order as it is folded (costs an unpacked record each: for tests and tools). */
  onOrdered: ((r: ScalarRecord) => void) | null = null;
  /** Called for each batch once all its replications are folded, in replication order (e.g. to stream replications.csv). */
  onOrderedBatch: ((b: ScalarBatch & { readonly csv: string | null }) => void) | null = null;

  /** Batches received ahead of their turn, by first replication index. */
  private readonly pending = new Map<number, BinnedBatch>();
  private pendingCount = 0;
  /** Binner for results that arrive unbinned (consume, consumeBatch). */
  private binner: DailyBinner | null = null;
  /** Every daily histogram / FixedSum in the layout order of ./daily.ts. */
  private readonly hists: Histogram[];
  private readonly fixed: FixedSum[];
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
    const g = dailyGrids(scenario);
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
    this.dailyShortTons = [];
    this.dailyPersonnel = [];
    this.dailyParking = [];
    for (let d = 0; d < D; d++) {
      for (let s = 0; s < S; s++) {
        this.dailyShortTons.push(histogramOf(g.shortTons[s]!));
        this.dailyPersonnel.push(histogramOf(g.personnel[s]!));
        this.dailyParking.push(histogramOf(g.parking[s]!));
      }
    }
    this.dailyShortTonsAll = Array.from({ length: D }, () => histogramOf(g.shortTonsAll));
    this.dailyPersonnelAll = Array.from({ length: D }, () => histogramOf(g.personnelAll));
    this.dailyBusy = Array.from({ length: D }, () => histogramOf(g.aircraft));
    this.dailyAvailable = Array.from({ length: D }, () => histogramOf(g.aircraft));
    this.hists = [
      ...this.dailyShortTons, ...this.dailyPersonnel, ...this.dailyParking,
      ...this.dailyShortTonsAll, ...this.dailyPersonnelAll, ...this.dailyBusy, ...this.dailyAvailable,
    ];
    this.fixed = [...this.dailyParkingSum, ...this.dailyBusySum, ...this.dailyAvailableSum];
    const k = dailyCounts(this.shape);
    if (this.hists.length !== k.histograms || this.fixed.length !== k.sums) throw new Error('Aggregator: daily layout mismatch');
  }

  /** Index of the next replication to fold. */
  get nextIndex(): number {
    return this.firstIndex + this.n;
  }
  /** Results received ahead of their turn. */
  get buffered(): number {
    return this.pendingCount;
  }

  private dailyBinner(): DailyBinner {
    return (this.binner ??= new DailyBinner(this.scenario));
  }

  /** Throws unless replications [first, first + count) are all new. */
  private checkNew(first: number, count: number): void {
    if (count > 0 && first < this.nextIndex) throw new Error(`Aggregator: replication ${first} received twice`);
    for (const p of this.pending.values()) {
      if (first < p.firstIndex + p.count && p.firstIndex < first + count) {
        throw new Error(`Aggregator: replication ${Math.max(first, p.firstIndex)} received twice`);
      }
    }
  }

  private checkShape(b: ScalarBatch): void {
    const sh = this.shape;
    if (b.shape.days !== sh.days || b.shape.sites !== sh.sites || b.shape.types !== sh.types || b.shape.causes !== sh.causes || b.shape.milestones !== sh.milestones) {
      throw new Error('Aggregator: batch shape does not match the scenario');
    }
  }

  /** Accept a result in any order; its scalars are folded when every earlier replication's have been. */
  consume(r: ReplicationResult): void {
    if (r.days !== this.shape.days) throw new Error(`Aggregator: replication ${r.index} has ${r.days} days, expected ${this.shape.days}`);
    this.consumeBinned(binBatch([r], this.dailyBinner()));
  }

  /** Accept a packed batch (raw daily columns) in any order. */
  consumeBatch(b: PackedBatch): void {
    this.checkShape(b);
    this.checkNew(b.firstIndex, b.count);
    if (b.count > 0) this.consumeBinned(binBatch(unpackBatch(b), this.dailyBinner()));
  }

  /**
   * Accept a worker's batch in any order: its binned daily series are added now (counts and
   * sums: order-independent), its scalars folded in replication order.
   */
  consumeBinned(b: BinnedBatch): void {
    this.checkShape(b);
    if (b.count === 0) return;
    this.checkNew(b.firstIndex, b.count);
    this.addBinned(b);
    if (b.firstIndex !== this.nextIndex) {
      this.pending.set(b.firstIndex, b);
      this.pendingCount += b.count;
      return;
    }
    this.foldBatch(b);
    for (let next = this.pending.get(this.nextIndex); next !== undefined; next = this.pending.get(this.nextIndex)) {
      this.pending.delete(next.firstIndex);
      this.pendingCount -= next.count;
      this.foldBatch(next);
    }
  }

  /** The daily histograms and FixedSums of a batch: only integer counts to add. */
  private addBinned(b: BinnedBatch): void {
    const { ranges, pairs, minMax, sums } = b.binned;
    const hists = this.hists;
    const H = hists.length;
    if (ranges.length !== 2 * H || minMax.length !== 2 * H || sums.length !== 2 * this.fixed.length) {
      throw new Error('Aggregator: binned daily series do not match the scenario');
    }
    for (let h = 0; h < H; h++) hists[h]!.addBinned(pairs, ranges[2 * h]!, ranges[2 * h + 1]!, b.count, minMax[2 * h]!, minMax[2 * h + 1]!);
    const pair: [number, number] = [0, 0];
    for (let f = 0; f < this.fixed.length; f++) {
      pair[0] = sums[2 * f]!;
      pair[1] = sums[2 * f + 1]!;
      this.fixed[f]!.merge(pair);
    }
  }

  /** Fold a batch's scalars (the next replications in order) straight from its array. */
  private foldBatch(b: BinnedBatch): void {
    const { sites: S, types: T, causes: C, milestones: M } = this.shape;
    const stride = scalarStride(this.shape);
    const d = b.data;
    const R = b.routes.length;
    for (let j = 0; j < b.count; j++) {
      let at = j * stride;
      const c = d[at++]!;
      this.completion.push(Number.isNaN(c) ? Infinity : c);
      for (let s = 0; s < S; s++) {
        const x = d[at++]!;
        this.siteCompletion[s]!.push(Number.isNaN(x) ? Infinity : x);
      }
      for (let t = 0; t < T; t++) this.sorties[t]!.add(d[at++]!);
      for (let k = 0; k < C; k++) this.lostHours[k]!.add(d[at++]!);
      const bc = d[at++]!;
      this.binding[bc >= 0 && bc < C ? bc : C]! += 1;
      for (let s = 0; s < S; s++) this.remainingShortTons[s]!.add(d[at++]!);
      for (let s = 0; s < S; s++) this.remainingPersonnel[s]!.add(d[at++]!);
      for (let s = 0; s < S; s++) this.leftBehind[s]!.add(d[at++]!);
      for (let s = 0; s < S; s++) this.movedShortTons[s]!.add(d[at++]!);
      for (let s = 0; s < S; s++) this.movedPersonnel[s]!.add(d[at++]!);
      this.aircraftUtilisation.add(d[at++]!);
      for (let s = 0; s < S; s++) this.parkingUtilisation[s]!.add(d[at++]!);
      for (let m = 0; m < M; m++) if (d[at++] === 1) this.milestonesMet[m]! += 1;
      this.events += d[at++]!;
      for (let k = 0; k < R; k++) {
        const v = b.routeCounts[j * R + k]!;
        if (v !== 0) {
          const key = b.routes[k]!;
          this.routes.set(key, (this.routes.get(key) ?? 0) + v);
        }
      }
      this.n += 1;
    }
    if (this.onOrdered !== null) for (const r of unpackScalars(b)) this.onOrdered(r);
    this.onOrderedBatch?.(b);
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
