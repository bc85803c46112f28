/**
 * Exact floating-point summation (Shewchuk's adaptive-precision expansion, as in Python's
 * math.fsum). The running sum is kept as a short list of non-overlapping partials whose
 * exact total is the exact sum of everything added, so `value` (the correctly rounded
 * total) does not depend on the order of additions nor on how the values were split into
 * merged accumulators. That is what lets shards and workers reproduce one run bit for bit.
 */
export class ExactSum {
  private partials: number[] = [];

  add(x: number): void {
    const p = this.partials;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) { const t = x; x = y; y = t; }
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
  }

  merge(other: ExactSum | readonly number[]): void {
    const ps = Array.isArray(other) ? other : (other as ExactSum).partials;
    for (const x of ps) this.add(x);
  }

  /** The exact sum, correctly rounded to the nearest double. */
  get value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round half-even correction (as in CPython's fsum).
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    // A zero total is +0: JSON (partial results of shards) does not keep the sign of -0.
    return hi === 0 ? 0 : hi;
  }

  /** The partials (exact state), for serialisation; `ExactSum.from` restores it. */
  toJSON(): number[] {
    return this.partials.slice();
  }
  static from(partials: readonly number[]): ExactSum {
    const s = new ExactSum();
    s.partials = partials.slice();
    return s;
  }
}
