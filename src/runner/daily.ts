/**
 * The daily series of a batch of replications, reduced where they are produced (in the worker)
 * to what the runner adds: for every daily histogram the batch's (bin, count) pairs and its
 * minimum and maximum, and for every daily mean the batch's FixedSum. The runner then only adds
 * integer counts (a few per histogram: after a site's, or the whole operation's, completion
 * every value is 0 and falls in one bin) instead of binning ~2,300 numbers per replication.
 * Counts, minima, maxima and FixedSums are order-independent, so the result is the same
 * however replications are split into batches, workers or shards.
 *
 * Histogram h (layout order), for days d and sites s (S sites, D days, DS = D * S):
 *   shortTons d*S+s | personnel DS+d*S+s | parking 2DS+d*S+s |
 *   shortTons, all sites 3DS+d | personnel, all sites 3DS+D+d | busy 3DS+2D+d | available 3DS+3D+d
 * FixedSum f: parking d*S+s | busy DS+d | available DS+D+d.
 */
import type { ReplicationResult } from '../model/result.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { FixedSum } from '../stats/fixed-sum.js';
import { Histogram } from '../stats/histogram.js';
import type { BatchShape } from './batch.js';
import { boundsOf, shapeOf } from './shape.js';

const TON_BINS = 1024;
const UTIL_BINS = 512;
/** Unit grid (exact) for head counts up to this many people, else TON_BINS points. */
const MAX_UNIT_GRID = 4096;

export interface Grid {
  readonly lo: number;
  readonly hi: number;
  readonly bins: number;
}

const personnelGrid = (max: number): Grid => {
  const hi = Math.max(1, Math.ceil(max));
  return hi < MAX_UNIT_GRID ? { lo: 0, hi, bins: hi + 1 } : { lo: 0, hi, bins: TON_BINS };
};

/** The grid of every daily histogram: per site, for all sites, and for the fleet. */
export interface DailyGrids {
  readonly shortTons: readonly Grid[];
  readonly personnel: readonly Grid[];
  readonly parking: readonly Grid[];
  readonly shortTonsAll: Grid;
  readonly personnelAll: Grid;
  readonly aircraft: Grid;
}

export function dailyGrids(scenario: ResolvedScenario): DailyGrids {
  const b = boundsOf(scenario);
  const totalTons = b.shortTons.reduce((a, x) => a + x, 0);
  const totalPeople = scenario.sites.reduce((a, s) => a + s.personnel, 0);
  return {
    shortTons: b.shortTons.map((x) => ({ lo: 0, hi: Math.max(1, x), bins: TON_BINS })),
    personnel: b.personnel.map(personnelGrid),
    parking: b.parking.map((x) => ({ lo: 0, hi: Math.max(1, x), bins: UTIL_BINS })),
    shortTonsAll: { lo: 0, hi: Math.max(1, totalTons), bins: TON_BINS },
    personnelAll: personnelGrid(totalPeople),
    aircraft: { lo: 0, hi: Math.max(1, b.aircraft), bins: UTIL_BINS },
  };
}

export const histogramOf = (g: Grid): Histogram => new Histogram(g.lo, g.hi, g.bins);

/** Number of daily histograms and FixedSums of a shape. */
export function dailyCounts(s: BatchShape): { histograms: number; sums: number } {
  const DS = s.days * s.sites;
  return { histograms: 3 * DS + 4 * s.days, sums: DS + 2 * s.days };
}

/** A batch's daily series, binned. */
export interface BinnedDaily {
  /** Histogram h's pairs are pairs[ranges[2h] .. ranges[2h+1]) as bin, count, bin, count, ... */
  readonly ranges: Uint32Array;
  readonly pairs: Uint32Array;
  /** Smallest and largest value of histogram h in the batch at [2h], [2h+1]. */
  readonly minMax: Float64Array;
  /** FixedSum f of the batch as its state [hi, lo] at [2f], [2f+1]. */
  readonly sums: Float64Array;
}

/** Start of each histogram's codes in the grouped order: offset[h] .. offset[h + 1] (offset has H + 1 entries). */
function histogramOffsets(active: Uint32Array, offset: Uint32Array, H: number): void {
  offset[0] = 0;
  for (let h = 0; h < H; h++) offset[h + 1] = offset[h]! + active[h]!;
}

/** The bins of codes (h, k, h, k, ...) grouped by histogram h (a counting sort, stable), into bins[0 .. nCodes / 2). */
function groupByHistogram(codes: Uint32Array, nCodes: number, offset: Uint32Array, fill: Uint32Array, bins: Uint32Array, H: number): void {
  fill.set(offset.subarray(0, H));
  for (let i = 0; i < nCodes; i += 2) {
    const h = codes[i]!;
    bins[fill[h]!] = codes[i + 1]!;
    fill[h] = fill[h]! + 1;
  }
}

/**
 * Bins a batch's daily series, one replication at a time (right after it is simulated, while
 * its arrays are still in cache; the result can then be dropped). Zero tails are not binned
 * value by value: for each series (per site, or fleet-wide) a replication's tail starts on the
 * first day from which the series is 0 to the end (after a site's or the whole operation's
 * completion); only the days before it are binned, and at the end each histogram gets the
 * batch's remaining values as one count of zeros. One binner per scenario (worker or runner):
 * its scratch space is reused for every batch. Use: start(), add(r) for each result, finish().
 */
export class DailyBinner {
  readonly shape: BatchShape;
  private readonly H: number;
  private readonly F: number;
  /** Binner (grid) of every histogram h. */
  private readonly gridOf: Histogram[];
  private readonly scratch: Uint32Array;
  private readonly touched: Uint32Array;
  /** Active (non-tail) values of the batch: histogram h and bin k, as h, k, h, k, ... */
  private codes = new Uint32Array(1 << 16);
  private nCodes = 0;
  /** Per histogram: active values so far, smallest and largest. */
  private readonly active: Uint32Array;
  private minMax: Float64Array;
  /** FixedSum f of the batch as its state [hi, lo] at [2f], [2f+1] (FixedSum.addAt); new in each start(). */
  private fixed = new Float64Array(0);
  private count = 0;
  /**
   * finish()'s working arrays, kept for the next batch (grown when a batch needs more): new ones
   * for each 250-replication batch of niger-2024 were ~1.2 MB of fresh, zero-filled memory
   * (offset, fill, bins, pairs), ~5 KB a replication. Only copies of what is used leave finish().
   */
  private readonly offset: Uint32Array;
  private readonly fill: Uint32Array;
  private bins = new Uint32Array(0);
  private pairs = new Uint32Array(0);

  constructor(scenario: ResolvedScenario) {
    this.shape = shapeOf(scenario);
    const { sites: S, days: D } = this.shape;
    const g = dailyGrids(scenario);
    const perSite = g.shortTons.map(histogramOf);
    const perSiteP = g.personnel.map(histogramOf);
    const perSiteK = g.parking.map(histogramOf);
    const tonsAll = histogramOf(g.shortTonsAll);
    const peopleAll = histogramOf(g.personnelAll);
    const aircraft = histogramOf(g.aircraft);
    const { histograms: H, sums: F } = dailyCounts(this.shape);
    this.H = H;
    this.F = F;
    this.gridOf = [];
    for (const grids of [perSite, perSiteP, perSiteK]) for (let d = 0; d < D; d++) for (let s = 0; s < S; s++) this.gridOf.push(grids[s]!);
    for (const grid of [tonsAll, peopleAll, aircraft, aircraft]) for (let d = 0; d < D; d++) this.gridOf.push(grid);
    const maxBins = Math.max(...this.gridOf.map((h) => h.bins));
    this.scratch = new Uint32Array(maxBins);
    this.touched = new Uint32Array(maxBins);
    this.active = new Uint32Array(H);
    this.minMax = new Float64Array(2 * H);
    this.offset = new Uint32Array(H + 1);
    this.fill = new Uint32Array(H);
    this.start();
  }

  /** Begin a batch. */
  start(): void {
    this.nCodes = 0;
    this.count = 0;
    this.active.fill(0);
    const mm = this.minMax;
    for (let h = 0; h < this.H; h++) {
      mm[2 * h] = Infinity;
      mm[2 * h + 1] = -Infinity;
    }
    this.fixed = new Float64Array(2 * this.F);
  }

  /** Bin one replication's daily series. */
  add(r: ReplicationResult): void {
    const { sites: S, days: D } = this.shape;
    const DS = D * S;
    if (r.dailyRemainingShortTons.length !== DS || r.dailyRemainingPersonnel.length !== DS || r.dailyParkingOccupied.length !== DS ||
        r.dailyAircraftBusy.length !== D || r.dailyAircraftAvailable.length !== D) {
      throw new Error(`packBatch: replication ${r.index}: daily series of the wrong length (expected ${D} days x ${S} sites)`);
    }
    // at most one value per histogram: room for all of them once, not checked value by value
    if (this.nCodes + 2 * this.H > this.codes.length) {
      const next = new Uint32Array(Math.max(2 * this.codes.length, this.nCodes + 2 * this.H));
      next.set(this.codes);
      this.codes = next;
    }
    const settled = r.dailySettledFrom ?? D;
    const st = r.dailyRemainingShortTons;
    const pp = r.dailyRemainingPersonnel;
    let tonsTail = 0;
    let peopleTail = 0;
    for (let s = 0; s < S; s++) {
      const t1 = this.series(st, S, s, 0, -1, settled);
      const t2 = this.series(pp, S, s, DS, -1, settled);
      this.series(r.dailyParkingOccupied, S, s, 2 * DS, 0, settled);
      if (t1 > tonsTail) tonsTail = t1;
      if (t2 > peopleTail) peopleTail = t2;
    }
    // all sites: 0 + x0 + x1 + ..., zero from the latest site tail on
    for (let d = 0; d < tonsTail; d++) {
      let v = 0;
      for (let s = 0; s < S; s++) v += st[d * S + s]!;
      this.value(3 * DS + d, v);
    }
    for (let d = 0; d < peopleTail; d++) {
      let v = 0;
      for (let s = 0; s < S; s++) v += pp[d * S + s]!;
      this.value(3 * DS + D + d, v);
    }
    this.series(r.dailyAircraftBusy, 1, 0, 3 * DS + 2 * D, DS, settled);
    this.series(r.dailyAircraftAvailable, 1, 0, 3 * DS + 3 * D, DS + D, settled);
    this.count += 1;
  }

  /**
   * Bin series x[d * stride + s] for the days before its zero tail into histograms h0 + d * stride + s
   * (and FixedSums f0 + d * stride + s when f0 >= 0). Returns the day the tail starts. The series
   * is constant from day `settled` on (ReplicationResult.dailySettledFrom): when it is 0 there,
   * the tail is found from that day back instead of from the last day (~180 days of zeros a
   * series in niger-2024, ~1 % of a worker's instructions).
   */
  private series(x: Float64Array, stride: number, s: number, h0: number, f0: number, settled: number): number {
    const D = this.shape.days;
    let tail = settled < D && x[settled * stride + s] === 0 ? settled : D;
    while (tail > 0 && x[(tail - 1) * stride + s] === 0) tail--;
    // every day of one series has the same grid (layout above): grid and arrays in locals, room
    // in codes made once in add (this.value re-reads them all, value by value)
    const grid = this.gridOf[h0 + s]!;
    const codes = this.codes;
    const active = this.active;
    const mm = this.minMax;
    const fixed = this.fixed;
    let n = this.nCodes;
    for (let d = 0; d < tail; d++) {
      const i = d * stride + s;
      const v = x[i]!;
      const h = h0 + i;
      codes[n++] = h;
      codes[n++] = grid.binOf(v);
      active[h] = active[h]! + 1;
      if (v < mm[2 * h]!) mm[2 * h] = v;
      if (v > mm[2 * h + 1]!) mm[2 * h + 1] = v;
      if (f0 >= 0) FixedSum.addAt(fixed, f0 + i, v);
    }
    this.nCodes = n;
    return tail;
  }

  /** Bin one value into histogram h (add() made room for it in codes). */
  private value(h: number, x: number): void {
    const k = this.gridOf[h]!.binOf(x);
    this.codes[this.nCodes++] = h;
    this.codes[this.nCodes++] = k;
    this.active[h] = this.active[h]! + 1;
    const mm = this.minMax;
    if (x < mm[2 * h]!) mm[2 * h] = x;
    if (x > mm[2 * h + 1]!) mm[2 * h + 1] = x;
  }

  /**
   * The batch's binned daily series; the zeros of every tail are counted here. Each pass is its
   * own function with nothing after its loop: finish() runs once per batch, so V8 compiles its
   * loops on-stack (OSR), and when the passes were one function its OSR code deoptimized on
   * the code after its first loop in 8 of a worker's first 12 batches (recompiled each time).
   * Split, each pass compiles once; the time per batch (~2-3 ms of ~250 ms) did not change
   * measurably.
   */
  finish(): BinnedDaily {
    const H = this.H;
    const offset = this.offset;
    histogramOffsets(this.active, offset, H);
    if (this.bins.length < this.nCodes / 2) this.bins = new Uint32Array(this.nCodes / 2);
    groupByHistogram(this.codes, this.nCodes, offset, this.fill, this.bins, H);
    const ranges = new Uint32Array(2 * H);
    const minMax = this.minMax.slice();
    // at most one pair per active value, plus one per histogram for its zeros
    if (this.pairs.length < this.nCodes + 2 * H) this.pairs = new Uint32Array(this.nCodes + 2 * H);
    const pairs = this.pairs;
    const at = this.countBins(offset, this.bins, minMax, ranges, pairs);
    const sums = this.fixed; // handed over: start() makes a new one
    return { ranges, pairs: pairs.slice(0, at), minMax, sums };
  }

  /**
   * For each histogram h, its (bin, count) pairs into pairs[ranges[2h] .. ranges[2h+1]), the
   * batch's zeros counted in their bin (and in minMax); returns the pairs' length.
   */
  private countBins(offset: Uint32Array, bins: Uint32Array, minMax: Float64Array, ranges: Uint32Array, pairs: Uint32Array): number {
    const H = this.H;
    const n = this.count;
    const active = this.active;
    const scratch = this.scratch;
    const touched = this.touched;
    let at = 0;
    for (let h = 0; h < H; h++) {
      let t = 0;
      for (let i = offset[h]!; i < offset[h + 1]!; i++) {
        const k = bins[i]!;
        if (scratch[k] === 0) touched[t++] = k;
        scratch[k] = scratch[k]! + 1;
      }
      const zeros = n - active[h]!;
      if (zeros > 0) {
        const k = this.gridOf[h]!.binOf(0);
        if (scratch[k] === 0) touched[t++] = k;
        scratch[k] = scratch[k]! + zeros;
        if (0 < minMax[2 * h]!) minMax[2 * h] = 0;
        if (0 > minMax[2 * h + 1]!) minMax[2 * h + 1] = 0;
      }
      ranges[2 * h] = at;
      for (let i = 0; i < t; i++) {
        const k = touched[i]!;
        pairs[at++] = k;
        pairs[at++] = scratch[k]!;
        scratch[k] = 0;
      }
      ranges[2 * h + 1] = at;
    }
    return at;
  }

  /** Bin a whole batch of results. */
  bin(results: readonly ReplicationResult[]): BinnedDaily {
    this.start();
    for (const r of results) this.add(r);
    return this.finish();
  }
}
