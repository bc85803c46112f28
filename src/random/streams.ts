/**
 * Named random streams. A stream is derived ONLY from (master seed, replication index,
 * stream name), so replication i of a run draws the same numbers whatever the number of
 * workers or shards, whichever other streams exist, and in whatever order they were
 * created. Two scenarios that share stream names therefore share random numbers per
 * replication (common random numbers), which sharpens comparisons between them.
 *
 * Names are free text chosen by the model, by convention `kind:subject`, e.g.
 * 'weather:AB101' or 'breaks:C-17'.
 */
import { hashAbsorb, hashFinish, hashStart } from './hash.js';
import type { RandomSource } from './source.js';
import { nextFromState } from './source.js';

function assertSeedAndReplication(seed: number, replication: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`random seed must be a safe integer, found ${String(seed)}`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`replication index must be an integer >= 0, found ${String(replication)}`);
  }
}

/**
 * The key of a stream. Seed and replication are integers (no ':' inside), so the first two
 * separators are unambiguous and the name may itself contain ':'. The generator's 128-bit
 * state is a hash of this key (./hash.ts), then 20 discarded rounds (./source.ts).
 * Changing the key or its hashing changes every number the simulator draws: pinned by a
 * snapshot test. (Until the speed work of the model, the key string was Tyche-i's own string
 * seed; hashing it costs ~0.1 us instead of ~1.2 us per stream, and the prefix shared by
 * the streams of a replication is hashed once.)
 */
export function streamKey(seed: number, replication: number, name: string): string {
  return `airlift:${seed}:${replication}:${name}`;
}

const scratch = new Int32Array(4);
const digest = new Int32Array(4);

/** The `next` of the stream `name` of a replication, from the hash of the replication's key prefix. */
function nextFromPrefix(prefix: Int32Array, name: string): () => number {
  scratch.set(prefix);
  hashAbsorb(scratch, name);
  const d = hashFinish(scratch, digest);
  return nextFromState(d[0]!, d[1]!, d[2]!, d[3]!);
}

/** The hash state of the key prefix of (seed, replication), in `h` when given (reused). */
function prefixState(seed: number, replication: number, h?: Int32Array): Int32Array {
  const state = hashStart(h);
  hashAbsorb(state, streamKey(seed, replication, ''));
  return state;
}

/** A fresh stream for (seed, replication, name); the same triple always gives the same sequence. */
export function stream(seed: number, replication: number, name: string): RandomSource {
  assertSeedAndReplication(seed, replication);
  return { next: nextFromPrefix(prefixState(seed, replication), name) };
}

/**
 * The streams of one replication, created on first use and cached by name, so every
 * caller asking for 'weather:AB101' in a replication shares one sequence. Ask once and
 * keep the source on the hot path rather than calling `get` per draw.
 * The numbers are those of `stream(seed, rep, name)`; the hash of the replication's key
 * prefix is computed once per `Streams`. (Lazy sources, made at their first draw, were
 * tried: a stub swapped for the generator makes the samplers' `source.next()` call sites
 * polymorphic, which cost more than the few unused generators saved.)
 *
 * `reseed(seed, replication)` moves every source already handed out to the streams of
 * another replication, in place: the same source objects (and so the samplers built over
 * them) then draw exactly what `stream(seed', rep', name)` would. This lets a caller that
 * runs many replications in a row keep its samplers (see model/index.ts).
 */
export class Streams {
  #seed: number;
  #replication: number;
  readonly #byName = new Map<string, { next: () => number }>();
  /** The same streams as #byName, in order, for reseed (no Map iterator or entry arrays per replication). */
  readonly #names: string[] = [];
  readonly #sources: { next: () => number }[] = [];
  readonly #prefix: Int32Array;

  constructor(seed: number, replication: number) {
    assertSeedAndReplication(seed, replication);
    this.#seed = seed;
    this.#replication = replication;
    this.#prefix = prefixState(seed, replication);
  }

  get seed(): number {
    return this.#seed;
  }

  get replication(): number {
    return this.#replication;
  }

  get(name: string): RandomSource {
    let source = this.#byName.get(name);
    if (source === undefined) {
      source = { next: nextFromPrefix(this.#prefix, name) }; // a fresh object: reseed may replace its next
      this.#byName.set(name, source);
      this.#names.push(name);
      this.#sources.push(source);
    }
    return source;
  }

  /** Every source handed out so far now draws the stream of (seed, replication, its name). */
  reseed(seed: number, replication: number): void {
    assertSeedAndReplication(seed, replication);
    this.#seed = seed;
    this.#replication = replication;
    prefixState(seed, replication, this.#prefix);
    const names = this.#names;
    const sources = this.#sources;
    for (let i = 0; i < names.length; i++) sources[i]!.next = nextFromPrefix(this.#prefix, names[i]!);
  }

  /** Names of the streams asked for so far, in order (for traces and debugging). */
  names(): readonly string[] {
    return this.#names.slice();
  }
}
