import { describe, expect, it } from 'vitest';
import { Arena } from '../../src/model/arena.js';

describe('Arena', () => {
  it('f64/i32/u8 hand out zeroed, non-overlapping views, also across a new chunk', () => {
    const ar = new Arena(0);
    const views: (Float64Array | Int32Array | Uint8Array)[] = [];
    // 4096-byte first chunk: 3 x 1600 bytes forces new chunks mid-way
    for (let i = 0; i < 3; i++) {
      views.push(ar.f64(200), ar.i32(3), ar.u8(5));
    }
    for (const v of views) expect(Array.from(v).every((x) => x === 0)).toBe(true);
    views.forEach((v, i) => v.fill(i + 1));
    views.forEach((v, i) => expect(Array.from(v).every((x) => x === i + 1)).toBe(true));
    for (const v of views) expect(v.byteOffset % 8).toBe(0); // 8-byte aligned, also after i32(3) and u8(5)
  });

  it('a view larger than a chunk gets its own chunk', () => {
    const ar = new Arena(16);
    const big = ar.f64(10_000);
    expect(big.length).toBe(10_000);
    expect(big.byteOffset % 8).toBe(0);
  });

  it('reset() hands the first chunk out again from its start, zeroed', () => {
    const ar = new Arena(4096);
    const a = ar.f64(100);
    const b = ar.i32(10);
    a.fill(3);
    b.fill(4);
    ar.f64(2_000); // a second chunk, dropped by reset
    ar.reset();
    const a2 = ar.f64(100);
    const b2 = ar.i32(10);
    expect(a2.buffer).toBe(a.buffer);
    expect(a2.byteOffset).toBe(a.byteOffset);
    expect(b2.byteOffset).toBe(b.byteOffset);
    for (const v of [a, b, a2, b2]) expect(Array.from(v).every((x) => x === 0)).toBe(true);
    a2[0] = 9;
    expect(a[0]).toBe(9); // the views alias
  });

  it('clear() zeroes every view handed out, in every chunk, and the views stay usable', () => {
    const ar = new Arena(0);
    const views = [ar.f64(300), ar.i32(700), ar.f64(10_000), ar.u8(9)]; // several chunks
    views.forEach((v) => v.fill(7));
    ar.clear();
    for (const v of views) expect(Array.from(v).every((x) => x === 0)).toBe(true);
    views[2]![9_999] = 1.5;
    expect(views[2]![9_999]).toBe(1.5);
  });
});
