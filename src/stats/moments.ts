/**
 * Streaming moments by Welford's method: count, mean, variance, min and max in one pass,
 * numerically stable, mergeable (Chan, Golub and LeVeque's pairwise update), serialisable.
 *
 * Merging is exact in count/min/max, but floating-point mean and M2 depend on the order of
 * pushes and merges in their last bits. Where a result must not depend on how work was
 * split (shards, workers), sum with ExactSum (./exact-sum.ts) instead.
 */
export interface MomentsState {
  readonly n: number;
  readonly mean: number;
  readonly m2: number;
  readonly min: number;
  readonly max: number;
}

export class Moments {
  n = 0;
  mean = 0;
  /** Sum of squared deviations from the mean. */
  m2 = 0;
  min = Infinity;
  max = -Infinity;

  push(x: number): void {
    this.n += 1;
    const d = x - this.mean;
    this.mean += d / this.n;
    this.m2 += d * (x - this.mean);
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
  }

  /** Fold another accumulator into this one (as if its values had been pushed here). */
  merge(other: MomentsState): void {
    if (other.n === 0) return;
    if (this.n === 0) {
      this.n = other.n; this.mean = other.mean; this.m2 = other.m2; this.min = other.min; this.max = other.max;
      return;
    }
    const n = this.n + other.n;
    const d = other.mean - this.mean;
    this.mean += (d * other.n) / n;
    this.m2 += other.m2 + (d * d * this.n * other.n) / n;
    this.n = n;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
  }

  /** Sample variance (n - 1 denominator); NaN below two values. */
  get variance(): number {
    return this.n < 2 ? NaN : this.m2 / (this.n - 1);
  }
  get sd(): number {
    return Math.sqrt(this.variance);
  }
  /** Standard error of the mean. */
  get standardError(): number {
    return Math.sqrt(this.variance / this.n);
  }

  toJSON(): MomentsState {
    return { n: this.n, mean: this.mean, m2: this.m2, min: this.min, max: this.max };
  }
  static from(state: MomentsState): Moments {
    const m = new Moments();
    m.merge(state);
    return m;
  }
}
