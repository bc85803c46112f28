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

/**
 * Bins a batch's daily series. One per scenario (worker or runner): it holds a binner per
 * grid and scratch space, reused for every batch.
 */
export class DailyBinner {
  readonly shape: BatchShape;
  private readonly grids: { shortTons: Histogram[]; personnel: Histogram[]; parking: Histogram[]; shortTonsAll: Histogram; personnelAll: Histogram; aircraft: Histogram };
  private scratch: Uint32Array;
  private touched: Uint32Array;
  private pairs = new Uint32Array(1 << 14);
  private at = 0;
  private col = new Float64Array(0);

  constructor(scenario: ResolvedScenario) {
    this.shape = shapeOf(scenario);
    const g = dailyGrids(scenario);
    this.grids = {
      shortTons: g.shortTons.map(histogramOf), personnel: g.personnel.map(histogramOf), parking: g.parking.map(histogramOf),
      shortTonsAll: histogramOf(g.shortTonsAll), personnelAll: histogramOf(g.personnelAll), aircraft: histogramOf(g.aircraft),
    };
    const all = [...this.grids.shortTons, ...this.grids.personnel, ...this.grids.parking, this.grids.shortTonsAll, this.grids.personnelAll, this.grids.aircraft];
    const maxBins = Math.max(...all.map((h) => h.bins));
    this.scratch = new Uint32Array(maxBins);
    this.touched = new Uint32Array(maxBins);
  }

  /**
   * Bins the daily series of a batch of results. Zero tails are not read value by value: for
   * each series (per site, or fleet-wide) a replication's tail starts on the first day from
   * which the series is 0 to the end (after a site's or the whole operation's completion);
   * replications are ordered by that day, so day d only reads the replications still active,
   * and the rest are added to the histogram as one count of zeros.
   */
  bin(results: readonly ReplicationResult[]): BinnedDaily {
    const count = results.length;
    const { sites: S, days: D } = this.shape;
    const DS = D * S;
    const { histograms: H, sums: F } = dailyCounts(this.shape);
    const ranges = new Uint32Array(2 * H);
    const minMax = new Float64Array(2 * H);
    const sums = new Float64Array(2 * F);
    if (this.col.length < count) this.col = new Float64Array(count);
    const col = this.col;
    const g = this.grids;
    this.at = 0;
    const st = results.map((r) => r.dailyRemainingShortTons);
    const pp = results.map((r) => r.dailyRemainingPersonnel);
    const pk = results.map((r) => r.dailyParkingOccupied);
    const busy = results.map((r) => r.dailyAircraftBusy);
    const avail = results.map((r) => r.dailyAircraftAvailable);
    const tails = (xs: readonly Float64Array[], stride: number, s: number): Int32Array => {
      const t = new Int32Array(count);
      for (let j = 0; j < count; j++) {
        const x = xs[j]!;
        let d = D;
        while (d > 0 && x[(d - 1) * stride + s] === 0) d--;
        t[j] = d;
      }
      return t;
    };
    /** Replications ordered by tail start, latest first, and how many are active on day d (a cursor). */
    const active = (tail: Int32Array): { ord: Int32Array; tail: Int32Array; a: number } => {
      const ord = Int32Array.from({ length: count }, (_, j) => j).sort((x, y) => tail[y]! - tail[x]! || x - y);
      return { ord, tail, a: count };
    };
    const advance = (g: { ord: Int32Array; tail: Int32Array; a: number }, d: number): number => {
      while (g.a > 0 && g.tail[g.ord[g.a - 1]!]! <= d) g.a--;
      return g.a;
    };
    const maxTail = (ts: Int32Array[]): Int32Array => {
      const t = new Int32Array(count);
      for (const x of ts) for (let j = 0; j < count; j++) if (x[j]! > t[j]!) t[j] = x[j]!;
      return t;
    };
    const tonsT = Array.from({ length: S }, (_, s) => tails(st, S, s));
    const peopleT = Array.from({ length: S }, (_, s) => tails(pp, S, s));
    const tonsA = tonsT.map(active);
    const peopleA = peopleT.map(active);
    const parkA = Array.from({ length: S }, (_, s) => active(tails(pk, S, s)));
    const tonsAllA = active(maxTail(tonsT));
    const peopleAllA = active(maxTail(peopleT));
    const busyA = active(tails(busy, 1, 0));
    const availA = active(tails(avail, 1, 0));
    const gather = (xs: readonly Float64Array[], ord: Int32Array, a: number, i: number): void => {
      for (let t = 0; t < a; t++) col[t] = xs[ord[t]!]![i]!;
    };
    const sum = (a: number, f: number): void => {
      const fs = new FixedSum();
      fs.addAll(col, 0, a);
      const [hi, lo] = fs.toJSON();
      sums[2 * f] = hi;
      sums[2 * f + 1] = lo;
    };
    const total = (xs: readonly Float64Array[], ord: Int32Array, a: number, d: number): void => {
      for (let t = 0; t < a; t++) {
        const x = xs[ord[t]!]!;
        let v = 0;
        for (let s = 0; s < S; s++) v += x[d * S + s]!;
        col[t] = v;
      }
    };
    for (let d = 0; d < D; d++) {
      for (let s = 0; s < S; s++) {
        const i = d * S + s;
        let a = advance(tonsA[s]!, d);
        gather(st, tonsA[s]!.ord, a, i);
        this.column(col, a, count - a, g.shortTons[s]!, i, ranges, minMax);
        a = advance(peopleA[s]!, d);
        gather(pp, peopleA[s]!.ord, a, i);
        this.column(col, a, count - a, g.personnel[s]!, DS + i, ranges, minMax);
        a = advance(parkA[s]!, d);
        gather(pk, parkA[s]!.ord, a, i);
        this.column(col, a, count - a, g.parking[s]!, 2 * DS + i, ranges, minMax);
        sum(a, i);
      }
      let a = advance(tonsAllA, d);
      total(st, tonsAllA.ord, a, d);
      this.column(col, a, count - a, g.shortTonsAll, 3 * DS + d, ranges, minMax);
      a = advance(peopleAllA, d);
      total(pp, peopleAllA.ord, a, d);
      this.column(col, a, count - a, g.personnelAll, 3 * DS + D + d, ranges, minMax);
      a = advance(busyA, d);
      gather(busy, busyA.ord, a, d);
      this.column(col, a, count - a, g.aircraft, 3 * DS + 2 * D + d, ranges, minMax);
      sum(a, DS + d);
      a = advance(availA, d);
      gather(avail, availA.ord, a, d);
      this.column(col, a, count - a, g.aircraft, 3 * DS + 3 * D + d, ranges, minMax);
      sum(a, DS + D + d);
    }
    return { ranges, pairs: this.pairs.slice(0, this.at), minMax, sums };
  }

  /**
   * Bin xs[0..n) and `zeros` more values 0 into histogram h: its (bin, count) pairs go to
   * this.pairs, its range to ranges.
   */
  private column(xs: Float64Array, n: number, zeros: number, grid: Histogram, h: number, ranges: Uint32Array, minMax: Float64Array): void {
    const scratch = this.scratch;
    const touched = this.touched;
    let t = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let j = 0; j < n; j++) {
      const x = xs[j]!;
      const k = grid.binOf(x);
      if (scratch[k] === 0) touched[t++] = k;
      scratch[k] = scratch[k]! + 1;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    if (zeros > 0) {
      const k = grid.binOf(0);
      if (scratch[k] === 0) touched[t++] = k;
      scratch[k] = scratch[k]! + zeros;
      if (0 < min) min = 0;
      if (0 > max) max = 0;
    }
    if (this.pairs.length < this.at + 2 * t) {
      const next = new Uint32Array(Math.max(2 * this.pairs.length, this.at + 2 * t));
      next.set(this.pairs.subarray(0, this.at));
      this.pairs = next;
    }
    const pairs = this.pairs;
    let at = this.at;
    ranges[2 * h] = at;
    for (let i = 0; i < t; i++) {
      const k = touched[i]!;
      pairs[at++] = k;
      pairs[at++] = scratch[k]!;
      scratch[k] = 0;
    }
    ranges[2 * h + 1] = at;
    this.at = at;
    minMax[2 * h] = min;
    minMax[2 * h + 1] = max;
  }
}
