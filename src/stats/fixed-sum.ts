/**
 * A fast, order-independent sum: each value is rounded to a multiple of 2^-24 (about 6e-8)
 * and the integers are added exactly (two doubles, carrying at 2^52). The total therefore
 * does not depend on the order of additions or on how they were split into merged parts,
 * like ExactSum, at a few nanoseconds per value; the price is the rounding of each value
 * (at most 3e-8 absolute), negligible for means of counts, hours and tons.
 * Values must be finite and below 2^28 (about 2.7e8) in magnitude.
 */
const SCALE = 2 ** 24;
const CARRY = 2 ** 52;

export class FixedSum {
  /** Units of CARRY (2^52 quanta). */
  private hi = 0;
  /** Quanta, |lo| < 2^53 at all times. */
  private lo = 0;

  add(x: number): void {
    this.lo += Math.round(x * SCALE);
    if (this.lo >= CARRY || this.lo <= -CARRY) {
      const c = Math.trunc(this.lo / CARRY);
      this.hi += c;
      this.lo -= c * CARRY;
    }
  }

  /**
   * The same addition on a sum kept in arrays, as state [hi, lo] at [2i, 2i + 1] of `state`
   * (many sums without one object each: no garbage for the collector to trace).
   */
  static addAt(state: Float64Array, i: number, x: number): void {
    let lo = state[2 * i + 1]! + Math.round(x * SCALE);
    if (lo >= CARRY || lo <= -CARRY) {
      const c = Math.trunc(lo / CARRY);
      state[2 * i] = state[2 * i]! + c;
      lo -= c * CARRY;
    }
    state[2 * i + 1] = lo;
  }

  /** add(xs[i]) for i in [from, to). */
  addAll(xs: ArrayLike<number>, from: number, to: number): void {
    let lo = this.lo;
    for (let i = from; i < to; i++) {
      lo += Math.round(xs[i]! * SCALE);
      if (lo >= CARRY || lo <= -CARRY) {
        const c = Math.trunc(lo / CARRY);
        this.hi += c;
        lo -= c * CARRY;
      }
    }
    this.lo = lo;
  }

  merge(other: FixedSum | readonly [number, number]): void {
    const [hi, lo] = other instanceof FixedSum ? [other.hi, other.lo] : other;
    this.hi += hi;
    this.add(lo / SCALE);
  }

  /** The sum of the rounded values (one rounding at the end). */
  get value(): number {
    return (this.hi * CARRY + this.lo) / SCALE;
  }

  toJSON(): [number, number] {
    return [this.hi, this.lo];
  }
  static from(state: readonly [number, number]): FixedSum {
    const s = new FixedSum();
    s.merge(state);
    return s;
  }
}
