import { describe, expect, it } from 'vitest';
import type { RandomSource } from '../../src/random/source.js';
import { Streams, stream, streamKey } from '../../src/random/streams.js';

function draws(source: RandomSource, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = source.next();
  return out;
}

function correlation(x: Float64Array, y: Float64Array): number {
  const n = x.length;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxy / Math.sqrt(sxx * syy);
}

// Under independence the sample correlation of n pairs has standard error ~1/sqrt(n),
// so |r| < 4/sqrt(n) fails with probability ~6e-5 per pair (seeds are fixed literals).
const N = 20_000;
const R_BOUND = 4 / Math.sqrt(N);

describe('stream', () => {
  it('stream(seed, rep, name) pins its first outputs (a changed generator or key is caught)', () => {
    // Computed once (seedrandom 3.0.5 tychei from the cyrb128 state of 'airlift:20240519:0:weather:AB101',
    // 20 rounds discarded, .double()). Changed deliberately with the cheaper seeding of the model speed work.
    const s = stream(20240519, 0, 'weather:AB101');
    expect([s.next(), s.next(), s.next(), s.next()]).toEqual([
      0.9168441697529028, 0.45096256882846986, 0.012046244069943923, 0.9119100516629379,
    ]);
    const t = stream(1, 3, 'breaks:C-17');
    expect([t.next(), t.next(), t.next()]).toEqual([0.018200994574791185, 0.5962643976133102, 0.0021418740346880183]);
  });

  it('streamKey(seed, rep, name) keeps names containing separators unambiguous', () => {
    expect(streamKey(1, 23, 'a')).not.toBe(streamKey(12, 3, 'a'));
    expect(streamKey(1, 2, 'x:y')).toBe('airlift:1:2:x:y');
  });

  it('stream(seed, rep, name).next() stays in [0, 1) with mean 1/2', () => {
    const x = draws(stream(7, 0, 'u'), N);
    let sum = 0;
    for (const v of x) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
      sum += v;
    }
    // Uniform(0,1) has sd sqrt(1/12); 4 standard errors of the mean.
    expect(Math.abs(sum / N - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / N));
  });

  it('stream(...) gives uncorrelated draws for different names', () => {
    const names = ['weather:AB101', 'weather:AB201', 'breaks:C-17', 'breaks:C-130J', 'a', 'b'];
    const seqs = names.map((name) => draws(stream(42, 0, name), N));
    for (let i = 0; i < seqs.length; i++) {
      for (let j = i + 1; j < seqs.length; j++) {
        expect(Math.abs(correlation(seqs[i]!, seqs[j]!)), `${names[i]} vs ${names[j]}`).toBeLessThan(R_BOUND);
      }
    }
  });

  it('stream(...) gives uncorrelated draws for neighbouring replications and seeds', () => {
    const base = draws(stream(42, 1, 'weather:AB101'), N);
    const others = [stream(42, 0, 'weather:AB101'), stream(42, 2, 'weather:AB101'), stream(43, 1, 'weather:AB101')];
    for (const other of others) expect(Math.abs(correlation(base, draws(other, N)))).toBeLessThan(R_BOUND);
  });

  it('stream(...) has no lag-1 autocorrelation', () => {
    const x = draws(stream(5, 0, 'lag'), N + 1);
    expect(Math.abs(correlation(x.subarray(0, N), x.subarray(1)))).toBeLessThan(R_BOUND);
  });

  it('stream(...) rejects a non-integer seed and a negative replication, quoting them', () => {
    expect(() => stream(1.5, 0, 'x')).toThrow(/1\.5/);
    expect(() => stream(1, -1, 'x')).toThrow(/-1/);
    expect(() => new Streams(Number.NaN, 0)).toThrow(/NaN/);
  });
});

describe('Streams', () => {
  it('Streams.get(name) returns the same cached source for a name', () => {
    const streams = new Streams(9, 4);
    const a = streams.get('a');
    expect(streams.get('a')).toBe(a);
    expect(streams.get('b')).not.toBe(a);
    expect(streams.names()).toEqual(['a', 'b']);
  });

  it('Streams.reseed moves the sources already handed out, in place, to another replication', () => {
    const streams = new Streams(9, 4);
    const a = streams.get('weather:AB101');
    const b = streams.get('route:AB201');
    draws(a, 17); // part-way through replication 4's stream: reseeding must start afresh
    streams.reseed(11, 5);
    expect(streams.get('weather:AB101')).toBe(a);
    expect([streams.seed, streams.replication]).toEqual([11, 5]);
    expect(draws(a, 50)).toEqual(draws(stream(11, 5, 'weather:AB101'), 50));
    expect(draws(b, 50)).toEqual(draws(stream(11, 5, 'route:AB201'), 50));
    // a source asked for after the reseed belongs to the new replication too
    expect(draws(streams.get('new'), 20)).toEqual(draws(stream(11, 5, 'new'), 20));
    expect(() => streams.reseed(1, -1)).toThrow(/-1/);
  });

  it('Streams.get(name) matches stream(seed, rep, name)', () => {
    expect(draws(new Streams(9, 4).get('weather:AB101'), 50)).toEqual(draws(stream(9, 4, 'weather:AB101'), 50));
  });

  it('Streams.get(name) gives the identical sequence whatever other streams exist or were drawn first', () => {
    const first = new Streams(2024, 17);
    const a1 = first.get('a');
    first.get('b');
    first.get('c');
    const seqA1 = draws(a1, 200);

    const second = new Streams(2024, 17);
    const c2 = second.get('c');
    draws(c2, 1000);
    draws(second.get('b'), 333);
    second.get('zzz');
    const a2 = second.get('a');
    // Interleave draws with another stream: must not disturb 'a'.
    const seqA2 = new Float64Array(200);
    for (let i = 0; i < 200; i++) {
      seqA2[i] = a2.next();
      c2.next();
    }
    expect(seqA2).toEqual(seqA1);
  });

  it('Streams.get(name) gives the stream(...) numbers whatever the order names are asked for in', () => {
    const streams = new Streams(77, 5);
    const b = streams.get('b');
    const a = streams.get('a');
    expect(draws(a, 20)).toEqual(draws(stream(77, 5, 'a'), 20));
    expect(draws(b, 20)).toEqual(draws(stream(77, 5, 'b'), 20));
    expect(streams.get('a')).toBe(a);
  });

  it('Streams.get(name) differs across replications (replication i is its own world)', () => {
    const r0 = draws(new Streams(1, 0).get('x'), 10);
    const r1 = draws(new Streams(1, 1).get('x'), 10);
    expect(r0).not.toEqual(r1);
  });
});
