import { describe, expect, it } from 'vitest';
import { Histogram } from '../../src/stats/histogram.js';
import { quantileSorted } from '../../src/stats/quantile.js';

describe('Histogram', () => {
  it('is exact for integers on a unit grid (quantiles equal the sorted-array quantiles)', () => {
    const xs = [0, 0, 0, 3, 7, 7, 12, 40, 41, 100, 55, 55, 2];
    const h = new Histogram(0, 100, 101);
    xs.forEach((x) => h.push(x));
    const sorted = [...xs].sort((a, b) => a - b);
    for (const p of [0, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 1]) expect(h.quantile(p)).toBe(quantileSorted(sorted, p));
  });
  it('keeps a point mass at the low edge exactly (P50 of mostly-zero data is 0)', () => {
    const h = new Histogram(0, 1234.5, 1024);
    for (let i = 0; i < 70; i++) h.push(0);
    for (let i = 0; i < 30; i++) h.push(10 + i * 3.3);
    expect(h.quantile(0.5)).toBe(0);
    expect(h.quantile(0.7)).toBe(0);
    expect(h.quantile(0.71)).toBeGreaterThan(0);
  });
  it('rounds to the nearest grid point: error at most half a step, clamped to the observed range', () => {
    const h = new Histogram(0, 10, 11); // step 1
    [2.4, 2.6, 9.9].forEach((x) => h.push(x));
    expect(h.quantile(0)).toBe(2.4); // grid 2, clamped up to the minimum 2.4
    expect(h.quantile(0.5)).toBe(3); // 2.6 -> 3
    expect(h.quantile(1)).toBe(9.9); // grid 10, clamped down to the maximum 9.9
  });
  it('merging shards (also through JSON) equals one pass', () => {
    const xs = Array.from({ length: 500 }, (_, i) => ((i * 7919) % 1000) / 7);
    const one = new Histogram(0, 150, 256);
    xs.forEach((x) => one.push(x));
    const a = new Histogram(0, 150, 256);
    const b = new Histogram(0, 150, 256);
    xs.forEach((x, i) => (i % 3 === 0 ? a : b).push(x));
    const empty = new Histogram(0, 150, 256);
    a.merge(Histogram.from(JSON.parse(JSON.stringify(b.toJSON()))));
    a.merge(Histogram.from(JSON.parse(JSON.stringify(empty.toJSON()))));
    expect(Array.from(a.counts)).toEqual(Array.from(one.counts));
    expect([a.n, a.min, a.max]).toEqual([one.n, one.min, one.max]);
    for (const p of [0.05, 0.5, 0.95]) expect(a.quantile(p)).toBe(one.quantile(p));
  });
  it('refuses to merge different grids', () => {
    expect(() => new Histogram(0, 1, 10).merge(new Histogram(0, 2, 10))).toThrow(RangeError);
  });
});

describe('Histogram.pushAll', () => {
  it('equals pushing one by one', () => {
    const xs = Float64Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) * 1.7 - 5);
    const a = new Histogram(0, 150, 97);
    const b = new Histogram(0, 150, 97);
    for (let i = 10; i < 290; i++) a.push(xs[i]!);
    b.pushAll(xs, 10, 290);
    expect(b.toJSON()).toEqual(a.toJSON());
  });
});

describe('Histogram.addBinned', () => {
  it('equals pushing the values one by one (pairs in any order, batches split anywhere)', () => {
    const xs = Array.from({ length: 400 }, (_, i) => (i % 5 === 0 ? 0 : ((i * 53) % 211) * 0.83 - 3));
    const one = new Histogram(0, 150, 97);
    xs.forEach((x) => one.push(x));
    const binned = new Histogram(0, 150, 97);
    for (const [a, b] of [[0, 123], [123, 124], [124, 400]] as const) {
      const part = xs.slice(a, b);
      const counts = new Map<number, number>();
      for (const x of part) counts.set(one.binOf(x), (counts.get(one.binOf(x)) ?? 0) + 1);
      const pairs = [...counts].reverse().flat();
      binned.addBinned([-1, ...pairs], 1, 1 + pairs.length, part.length, Math.min(...part), Math.max(...part));
    }
    expect(binned.toJSON()).toEqual(one.toJSON());
  });
});
