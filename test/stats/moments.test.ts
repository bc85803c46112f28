import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Moments } from '../../src/stats/moments.js';
import { ExactSum } from '../../src/stats/exact-sum.js';
import { FixedSum } from '../../src/stats/fixed-sum.js';

describe('Moments', () => {
  it('mean and sample variance of 2,4,4,4,5,5,7,9 are 5 and 32/7', () => {
    const m = new Moments();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) m.push(x);
    expect(m.n).toBe(8);
    expect(m.mean).toBe(5);
    expect(m.variance).toBeCloseTo(32 / 7, 12);
    expect(m.min).toBe(2);
    expect(m.max).toBe(9);
  });
  it('merge equals pushing everything into one (to rounding)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 2, maxLength: 60 }), fc.nat(), (xs, cut) => {
        const k = cut % xs.length;
        const all = new Moments(); xs.forEach((x) => all.push(x));
        const a = new Moments(); xs.slice(0, k).forEach((x) => a.push(x));
        const b = new Moments(); xs.slice(k).forEach((x) => b.push(x));
        a.merge(Moments.from(JSON.parse(JSON.stringify(b.toJSON()))));
        expect(a.n).toBe(all.n);
        expect(a.mean).toBeCloseTo(all.mean, 6);
        expect(a.variance).toBeCloseTo(all.variance, 4);
      }),
    );
  });
  it('variance is NaN below two values', () => {
    const m = new Moments(); m.push(1);
    expect(m.variance).toBeNaN();
  });
});

describe('ExactSum', () => {
  it('sums exactly where naive addition does not', () => {
    const s = new ExactSum();
    for (let i = 0; i < 10; i++) s.add(0.1);
    expect(s.value).toBe(1); // naive: 0.9999999999999999
    const t = new ExactSum();
    [1e100, 1, -1e100].forEach((x) => t.add(x));
    expect(t.value).toBe(1); // naive: 0
  });
  it('a zero total is +0 however it was reached (JSON drops the sign of -0)', () => {
    const s = new ExactSum();
    s.add(-0);
    s.add(-0);
    expect(Object.is(s.value, 0)).toBe(true);
    expect(Object.is(ExactSum.from(JSON.parse(JSON.stringify(s.toJSON())) as number[]).value, 0)).toBe(true);
  });
  it('is independent of order and of splitting into merged parts', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e12, max: 1e12, noNaN: true }), { maxLength: 80 }), fc.nat(), (xs, cut) => {
        const whole = new ExactSum(); xs.forEach((x) => whole.add(x));
        const rev = new ExactSum(); [...xs].reverse().forEach((x) => rev.add(x));
        const k = xs.length === 0 ? 0 : cut % xs.length;
        const a = new ExactSum(); xs.slice(0, k).forEach((x) => a.add(x));
        const b = new ExactSum(); xs.slice(k).forEach((x) => b.add(x));
        const merged = ExactSum.from(JSON.parse(JSON.stringify(b.toJSON())));
        merged.merge(a);
        expect(rev.value).toBe(whole.value);
        expect(merged.value).toBe(whole.value);
      }),
    );
  });
});

describe('FixedSum', () => {
  it('sums values on the 2^-24 grid exactly, whatever the order or split', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 80 }), fc.nat(), (xs, cut) => {
        const whole = new FixedSum(); xs.forEach((x) => whole.add(x));
        const rev = new FixedSum(); [...xs].reverse().forEach((x) => rev.add(x));
        const k = xs.length === 0 ? 0 : cut % xs.length;
        const a = new FixedSum(); xs.slice(0, k).forEach((x) => a.add(x));
        const b = FixedSum.from(JSON.parse(JSON.stringify(new FixedSum().toJSON())) as [number, number]);
        xs.slice(k).forEach((x) => b.add(x));
        const merged = FixedSum.from(JSON.parse(JSON.stringify(b.toJSON())) as [number, number]);
        merged.merge(a);
        expect(rev.value).toBe(whole.value);
        expect(merged.value).toBe(whole.value);
        // Each value is rounded by at most 2^-25.
        const exact = xs.reduce((s, x) => s + x, 0);
        expect(Math.abs(whole.value - exact)).toBeLessThanOrEqual(xs.length * 2 ** -25 + 1e-9 * Math.abs(exact) + 1e-6);
      }),
    );
  });
  it('carries past 2^52 quanta without losing units', () => {
    const s = new FixedSum();
    for (let i = 0; i < 1000; i++) s.add(1e8 + 0.25); // 1000 * (1e8 + 0.25) quanta ~ 1.7e18 > 2^52
    expect(s.value).toBe(1e11 + 250);
  });
});

describe('FixedSum.addAll', () => {
  it('equals adding one by one', () => {
    const xs = Float64Array.from({ length: 200 }, (_, i) => Math.sin(i) * 1e7);
    const a = new FixedSum();
    for (let i = 5; i < 195; i++) a.add(xs[i]!);
    const b = new FixedSum();
    b.addAll(xs, 5, 195);
    expect(b.toJSON()).toEqual(a.toJSON());
  });
});

describe('FixedSum.addAt', () => {
  it('keeps the same [hi, lo] state as a FixedSum, carry included, at any index of the array', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => 1e8 + 0.25 + Math.sin(i)); // sum ~1.7e18 quanta > 2^52: carries
    const a = new FixedSum();
    const state = new Float64Array(6);
    for (const x of xs) {
      a.add(x);
      FixedSum.addAt(state, 1, x);
    }
    expect([state[2], state[3]]).toEqual(a.toJSON());
    expect(state[2]).toBeGreaterThan(0); // the carry really happened
    expect([state[0], state[1], state[4], state[5]]).toEqual([0, 0, 0, 0]);
  });
});
