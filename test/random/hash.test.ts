import { describe, expect, it } from 'vitest';
import { hashAbsorb, hashFinish, hashStart } from '../../src/random/hash.js';

/** Reference cyrb128 (bryc), written out independently of src/random/hash.ts. */
function cyrb128(str: string): number[] {
  let h1 = 1779033703, h2 = 3144134277, h3 = 1013904242, h4 = 2773480762;
  for (let i = 0, k; i < str.length; i++) {
    k = str.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 | 0, h2 | 0, h3 | 0, h4 | 0];
}

const digestOf = (text: string): number[] => {
  const h = hashStart();
  hashAbsorb(h, text);
  return Array.from(hashFinish(h, new Int32Array(4)));
};

describe('hash', () => {
  it('hashAbsorb + hashFinish equal cyrb128 of the whole text', () => {
    for (const text of ['', 'a', 'airlift:20240519:0:weather:AB101', 'airlift:1:2:x:y', 'é∑ unicode']) {
      expect(digestOf(text), text).toEqual(cyrb128(text));
    }
  });

  it('hashAbsorb(prefix) then hashAbsorb(rest) equals hashAbsorb(prefix + rest); hashFinish leaves the state', () => {
    const h = hashStart();
    hashAbsorb(h, 'airlift:7:3:');
    const kept = Int32Array.from(h);
    hashFinish(h, new Int32Array(4));
    expect(h).toEqual(kept);
    hashAbsorb(h, 'route:AB201');
    expect(Array.from(hashFinish(h, new Int32Array(4)))).toEqual(digestOf('airlift:7:3:route:AB201'));
  });

  it('hashFinish spreads neighbouring keys: about half of the 128 bits differ', () => {
    // Over 200 pairs of keys differing in the replication index, the mean number of differing
    // bits of a good 128-bit hash is 64 with sd sqrt(128/4) = 5.66 per pair, so the mean over
    // 200 pairs has sd 0.4: |mean - 64| < 2 (5 standard errors).
    const pop = (x: number): number => { let n = 0; for (let v = x >>> 0; v; v &= v - 1) n++; return n; };
    let total = 0;
    for (let r = 0; r < 200; r++) {
      const a = digestOf(`airlift:1:${r}:weather:AB101`);
      const b = digestOf(`airlift:1:${r + 1}:weather:AB101`);
      for (let i = 0; i < 4; i++) total += pop(a[i]! ^ b[i]!);
    }
    expect(Math.abs(total / 200 - 64)).toBeLessThan(2);
  });
});
