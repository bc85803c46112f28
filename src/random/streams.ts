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
import type { RandomSource } from './source.js';
import { sourceFromString } from './source.js';

function assertSeedAndReplication(seed: number, replication: number): void {
  if (!Number.isSafeInteger(seed)) {
    throw new RangeError(`random seed must be a safe integer, found ${String(seed)}`);
  }
  if (!Number.isSafeInteger(replication) || replication < 0) {
    throw new RangeError(`replication index must be an integer >= 0, found ${String(replication)}`);
  }
}

/**
 * The seed string of a stream. Seed and replication are integers (no ':' inside), so the
 * first two separators are unambiguous and the name may itself contain ':'.
 * Changing this string changes every number the simulator draws: pinned by a snapshot test.
 */
export function streamKey(seed: number, replication: number, name: string): string {
  return `airlift:${seed}:${replication}:${name}`;
}

/** A fresh stream for (seed, replication, name); the same triple always gives the same sequence. */
export function stream(seed: number, replication: number, name: string): RandomSource {
  assertSeedAndReplication(seed, replication);
  return sourceFromString(streamKey(seed, replication, name));
}

/**
 * The streams of one replication, created on first use and cached by name, so every
 * caller asking for 'weather:AB101' in a replication shares one sequence. Ask once and
 * keep the source on the hot path rather than calling `get` per draw.
 */
export class Streams {
  readonly seed: number;
  readonly replication: number;
  readonly #byName = new Map<string, RandomSource>();

  constructor(seed: number, replication: number) {
    assertSeedAndReplication(seed, replication);
    this.seed = seed;
    this.replication = replication;
  }

  get(name: string): RandomSource {
    let source = this.#byName.get(name);
    if (source === undefined) {
      source = sourceFromString(streamKey(this.seed, this.replication, name));
      this.#byName.set(name, source);
    }
    return source;
  }

  /** Names of the streams created so far, in creation order (for traces and debugging). */
  names(): readonly string[] {
    return [...this.#byName.keys()];
  }
}
