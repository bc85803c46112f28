/**
 * A 128-bit string hash for seeding streams (cyrb128 by bryc, public domain: four
 * multiply-xor lanes over the UTF-16 code units, then a cross-lane finish). Not
 * cryptographic; its job is to spread (seed, replication, name) keys over the generator's
 * 128-bit state. The state is absorbed in place so that a common prefix (the
 * 'airlift:<seed>:<replication>:' of every stream of a replication) is hashed once.
 */

/** A fresh absorbing state (four int32 lanes), in `h` when given (reused). */
export function hashStart(h: Int32Array = new Int32Array(4)): Int32Array {
  h[0] = 1779033703; h[1] = -1150833019; h[2] = 1013904242; h[3] = -1521486534;
  return h;
}

/** Absorb the code units of `text` into `h` (in place). */
export function hashAbsorb(h: Int32Array, text: string): void {
  let h1 = h[0]!, h2 = h[1]!, h3 = h[2]!, h4 = h[3]!;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, -1425107063);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, -1578923117);
  }
  h[0] = h1; h[1] = h2; h[2] = h3; h[3] = h4;
}

/** The 128-bit digest of an absorbing state, into `out` (h is not changed). */
export function hashFinish(h: Int32Array, out: Int32Array): Int32Array {
  let h1 = h[0]!, h2 = h[1]!, h3 = h[2]!, h4 = h[3]!;
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), -1425107063);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), -1578923117);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  out[0] = h1; out[1] = h2; out[2] = h3; out[3] = h4;
  return out;
}
