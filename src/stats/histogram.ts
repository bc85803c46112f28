/**
 * A fixed-grid, mergeable histogram for streaming quantiles of a bounded quantity.
 *
 * The grid has `bins` points lo, lo + w, ..., hi (w = (hi - lo) / (bins - 1)); each value is
 * counted at its nearest grid point (values outside [lo, hi] at the end points), so the
 * histogram is the exact sample of the values rounded to the grid. Quantiles use the same
 * definition as ./quantile.ts (inverse ECDF, type 1) on that rounded sample, clamped to the
 * observed minimum and maximum: the error is at most w/2, and a quantity that sits exactly
 * on a grid point (0, the full total, integers with w = 1) comes back exactly.
 *
 * Counts are integers, so merging is order-independent and exact: a histogram built from
 * shards equals the one built in one pass.
 */
export interface HistogramState {
  readonly lo: number;
  readonly hi: number;
  readonly bins: number;
  readonly n: number;
  readonly min: number;
  readonly max: number;
  /** Non-zero counts as [binIndex, count, binIndex, count, ...] (compact for sparse histograms). */
  readonly counts: readonly number[];
}

export class Histogram {
  readonly lo: number;
  readonly hi: number;
  readonly bins: number;
  readonly counts: Uint32Array;
  private readonly step: number;
  private readonly invStep: number;
  n = 0;
  min = Infinity;
  max = -Infinity;

  constructor(lo: number, hi: number, bins: number) {
    if (!(Number.isFinite(lo) && Number.isFinite(hi) && hi >= lo)) throw new RangeError(`Histogram: need finite lo <= hi, got [${lo}, ${hi}]`);
    if (!(Number.isInteger(bins) && bins >= 2)) throw new RangeError(`Histogram: bins must be an integer >= 2, got ${bins}`);
    this.lo = lo;
    this.hi = hi;
    this.bins = bins;
    this.step = (hi - lo) / (bins - 1);
    this.invStep = this.step === 0 ? 0 : 1 / this.step;
    this.counts = new Uint32Array(bins);
  }

  /** Grid value of bin k. */
  valueAt(k: number): number {
    return k === this.bins - 1 ? this.hi : this.lo + k * this.step;
  }

  /** Nearest grid point: floor((x - lo) / w + 1/2), end points for values outside [lo, hi]. */
  binOf(x: number): number {
    if (!(x > this.lo)) return 0;
    if (x >= this.hi) return this.bins - 1;
    return Math.min(this.bins - 1, Math.floor((x - this.lo) * this.invStep + 0.5));
  }

  push(x: number): void {
    const k = this.binOf(x);
    this.counts[k] = this.counts[k]! + 1;
    this.n += 1;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** push(xs[i]) for i in [from, to), with the loop state in locals. */
  pushAll(xs: ArrayLike<number>, from: number, to: number): void {
    const counts = this.counts;
    const lo = this.lo;
    const hi = this.hi;
    const inv = this.invStep;
    const last = this.bins - 1;
    let min = this.min;
    let max = this.max;
    for (let i = from; i < to; i++) {
      const x = xs[i]!;
      let k: number;
      if (!(x > lo)) k = 0;
      else if (x >= hi) k = last;
      else {
        k = Math.floor((x - lo) * inv + 0.5);
        if (k > last) k = last;
      }
      counts[k] = counts[k]! + 1;
      if (x < min) min = x;
      if (x > max) max = x;
    }
    this.n += to - from;
    this.min = min;
    this.max = max;
  }

  /**
   * Add pre-binned values: `n` values whose bins and counts are the pairs
   * (pairs[i], pairs[i + 1]) for i = from, from + 2, ... < to (bins from `binOf` on the same
   * grid), with smallest value `min` and largest `max`. Equal to pushing the values one by
   * one; lets a worker bin a batch and the runner only add counts.
   */
  addBinned(pairs: ArrayLike<number>, from: number, to: number, n: number, min: number, max: number): void {
    const counts = this.counts;
    for (let i = from; i < to; i += 2) counts[pairs[i]!] = counts[pairs[i]!]! + pairs[i + 1]!;
    this.n += n;
    if (min < this.min) this.min = min;
    if (max > this.max) this.max = max;
  }

  merge(other: Histogram | HistogramState): void {
    if (other.lo !== this.lo || other.hi !== this.hi || other.bins !== this.bins) {
      throw new RangeError(`Histogram.merge: grids differ ([${other.lo}, ${other.hi}]/${other.bins} vs [${this.lo}, ${this.hi}]/${this.bins})`);
    }
    if (other.n === 0) return; // an empty state's min/max went through JSON as null
    if (other instanceof Histogram) {
      for (let k = 0; k < this.bins; k++) this.counts[k]! += other.counts[k]!;
    } else {
      const c = other.counts;
      for (let i = 0; i < c.length; i += 2) this.counts[c[i]!]! += c[i + 1]!;
    }
    this.n += other.n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Inverse-ECDF quantile of the grid-rounded sample, clamped to [min, max]; NaN when empty. */
  quantile(p: number): number {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`Histogram.quantile: p must be in [0, 1], got ${p}`);
    if (this.n === 0) return NaN;
    const target = Math.max(1, Math.ceil(this.n * p - 1e-9 * Math.max(1, this.n * p)));
    let seen = 0;
    for (let k = 0; k < this.bins; k++) {
      seen += this.counts[k]!;
      if (seen >= target) return Math.min(this.max, Math.max(this.min, this.valueAt(k)));
    }
    return this.max;
  }

  toJSON(): HistogramState {
    const counts: number[] = [];
    for (let k = 0; k < this.bins; k++) if (this.counts[k] !== 0) counts.push(k, this.counts[k]!);
    return { lo: this.lo, hi: this.hi, bins: this.bins, n: this.n, min: this.min, max: this.max, counts };
  }

  static from(state: HistogramState): Histogram {
    const h = new Histogram(state.lo, state.hi, state.bins);
    h.merge(state);
    return h;
  }
}
