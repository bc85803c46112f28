/**
 * A bump allocator for the typed arrays of one replication.
 *
 * V8 keeps typed arrays larger than 64 bytes off the JS heap: each `new Float64Array(n)`
 * is a separate backing-store allocation with external-memory accounting, and a
 * replication used to make ~50 of them (state per site, daily series, one per aircraft),
 * which cost more than most of its events. The arena hands out zeroed views into a few
 * large ArrayBuffers instead. Views never overlap; each allocation is 8-byte aligned.
 *
 * The first chunk is at least `hintBytes` (a caller that knows its total asks for one
 * backing-store allocation). An arena whose views never escape can be reused: `clear()` zeroes every chunk, so its views read
 * as freshly allocated (a reused Replication's state, see replication.ts). Views that do
 * escape into results (the daily series) come from a fresh arena each time.
 */
const MIN_CHUNK = 4096;

export class Arena {
  private buf: ArrayBuffer;
  private off = 0;
  /** Every chunk handed out from, as bytes (for clear). */
  private readonly chunks: Uint8Array[] = [];

  constructor(hintBytes: number) {
    this.buf = this.chunk(hintBytes);
  }

  private chunk(bytes: number): ArrayBuffer {
    const buf = new ArrayBuffer(Math.max(MIN_CHUNK, bytes));
    this.chunks.push(new Uint8Array(buf));
    return buf;
  }

  /**
   * Zero the first chunk and hand it out again from its start (later chunks are dropped): the
   * views handed out before alias the next ones. For a buffer reused by each replication.
   */
  reset(): void {
    const first = this.chunks[0]!;
    this.chunks.length = 1;
    first.fill(0);
    this.buf = first.buffer as ArrayBuffer;
    this.off = 0;
  }

  /** Zero every view handed out so far (they stay valid; nothing is reallocated). */
  clear(): void {
    for (const c of this.chunks) c.fill(0);
  }

  private take(bytes: number): number {
    const size = (bytes + 7) & ~7;
    if (this.off + size > this.buf.byteLength) {
      this.buf = this.chunk(size);
      this.off = 0;
    }
    const at = this.off;
    this.off += size;
    return at;
  }

  f64(n: number): Float64Array {
    const at = this.take(n * 8); // before reading this.buf: take() may start a new chunk
    return new Float64Array(this.buf, at, n);
  }

  i32(n: number): Int32Array {
    const at = this.take(n * 4); // before reading this.buf: take() may start a new chunk
    return new Int32Array(this.buf, at, n);
  }

  u8(n: number): Uint8Array {
    const at = this.take(n); // before reading this.buf: take() may start a new chunk
    return new Uint8Array(this.buf, at, n);
  }
}
