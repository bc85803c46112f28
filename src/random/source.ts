/**
 * The random source every sampler draws from, and the one seedrandom generator behind it.
 *
 * Generator choice: seedrandom's `tychei` (Tyche-i, Neves & Araujo 2011; passes BigCrush).
 * Measured with a throwaway script on Node 20 (each generator in its own process, two runs,
 * this machine is noisy so read these as ranges):
 *
 *   generator   create (us)   plain call (ns)   .double() (ns)
 *   alea        4.1 - 5.1     8 - 23            15 - 37
 *   xor128      2.3 - 3.0     4.5 - 8           8.7 - 15
 *   xorwow      2.3 - 3.7     5 - 8             10 - 17
 *   xor4096     6.4 - 8.2     6.7 - 11          13 - 21
 *   tychei      2.3 - 2.4     6.6 - 9           10 - 16
 *
 * The model creates 10-20 streams per replication, so creation cost matters as much as
 * draw cost: tychei is the cheapest to create, among the fastest to draw, and unlike
 * xor128/xorwow (linear generators that fail some BigCrush tests) it has no known
 * statistical weakness. xor4096 is excellent but 3x dearer to create; alea is slower
 * per draw. Seeding: streams.ts hashes the stream key to a 128-bit state (cyrb128,
 * ./hash.ts), which seeds Tyche-i directly, then 20 rounds are discarded (as Tyche-i's own
 * string seeding does), so keys that differ in one character (replication 1 vs 2) start
 * far apart (checked by test/random/streams.test.ts). Tyche-i's own string seeding (one
 * round per character) cost ~1.7 us per stream; the hash path costs ~0.5 us, most of it
 * seedrandom's generator object.
 *
 * Precision: `next()` is seedrandom's `.double()`, 53 bits built from two 32-bit
 * outputs, always. The plain call gives only 32 bits (a grid of 2^-32), which would
 * truncate the tails of inverse-CDF transforms (-log(u) could never exceed 22.2) and
 * leave visible granularity in quantiles of long runs. `.double()` costs ~4-6 ns more per
 * draw; a replication makes a few hundred draws, so that is about 1 us per replication,
 * small beside creating its streams. One precision everywhere also keeps custom sources
 * (tests, replay) to a single method.
 */
import tychei from 'seedrandom/lib/tychei.js'; // not 'seedrandom': see ./tychei.d.ts

/** A stream of independent uniform numbers in [0, 1). */
export interface RandomSource {
  /** The next uniform number in [0, 1) with 53 bits of precision. */
  next(): number;
}

/**
 * A source seeded by a string. Tyche-i's `.double()` is a closure over the generator
 * state (no `this`), so it becomes `next` directly: no wrapper call on the hot path.
 * (Its `.double()` also never returns exactly 0, a subset of the [0, 1) contract.)
 */
export function sourceFromString(seed: string): RandomSource {
  return { next: tychei(seed).double };
}

/**
 * A Tyche-i source started from a given 128-bit state (four int32 words, e.g. a string
 * hash; see streams.ts). seedrandom restores the state after its own (fixed) seeding, then
 * 20 rounds are discarded, as Tyche-i's string seeding does, so that states differing in
 * a few bits are far apart before the first output.
 */
export function sourceFromState(a: number, b: number, c: number, d: number): RandomSource {
  return { next: nextFromState(a, b, c, d) };
}

/** seedrandom's options for nextFromState, reused (two objects less per stream): it copies the state at creation. */
const STATE_OPTION = { state: { a: 0, b: 0, c: 0, d: 0 } };

/** The `next` of sourceFromState(a, b, c, d) (for Streams.reseed, which keeps its source objects). */
export function nextFromState(a: number, b: number, c: number, d: number): () => number {
  const st = STATE_OPTION.state;
  st.a = a; st.b = b; st.c = c; st.d = d;
  const g = tychei('', STATE_OPTION);
  for (let i = 0; i < 20; i++) g.int32();
  return g.double;
}
