/** A Float64Array that grows by doubling: one scalar per replication without a JS array's overhead. */
export class GrowableF64 {
  private buf: Float64Array;
  length = 0;
  constructor(capacity = 1024) {
    this.buf = new Float64Array(Math.max(16, capacity));
  }
  push(x: number): void {
    if (this.length === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = x;
  }
  append(xs: Float64Array): void {
    for (let i = 0; i < xs.length; i++) this.push(xs[i]!);
  }
  /** A view of the filled part (valid until the next push). */
  view(): Float64Array {
    return this.buf.subarray(0, this.length);
  }
  get(i: number): number {
    return this.buf[i]!;
  }
}

/** Float64Array <-> base64 of its little-endian bytes (exact, keeps Infinity and NaN). */
export function f64ToBase64(a: Float64Array): string {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}
export function base64ToF64(s: string): Float64Array {
  const b = Buffer.from(s, 'base64');
  const out = new Float64Array(b.byteLength / 8);
  new Uint8Array(out.buffer).set(b);
  return out;
}
