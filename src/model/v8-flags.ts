/**
 * Two V8 settings for the model, set once when it is loaded (before any replication). V8
 * flags are per process: they apply to every thread, workers included. Neither changes a
 * result (the model's numbers are the same with and without them); they change how V8
 * allocates and compiles.
 *
 * 1. Allocation-site pretenuring off. A replication allocates ~100 KB of short-lived objects
 *    around a few objects that live for the whole replication (the Replication, its queues, its
 *    samplers). V8 sees those allocation sites survive and starts allocating them directly in
 *    the old generation ("pretenuring"). A dead old-generation object still counts as a root for
 *    the young generation until the next full GC, so everything it points to survived every
 *    scavenge: measured with --trace-gc-nvp on niger-2024, ~4.3 MB survived each scavenge (a
 *    10-16 ms pause, plus helper-thread time that competes with the other worker), against ~30 KB
 *    with pretenuring off (1 ms pauses). CPU per replication fell ~10 %, and two worker threads
 *    scale far better (per-thread slowdown 1.4x -> 1.15x), because the scavenges' helper threads
 *    no longer take the other core. It only steers where future objects are allocated.
 *
 * 2. TurboFan's loop peeling off. Peeling copies the first iteration of every loop in optimized
 *    code; the model's loops are short (a few lots, sites, aircraft types), so the copies mostly
 *    add code, and the compiled model is already larger than the 32 KB first-level instruction
 *    cache. Measured on niger-2024, one thread (session 6): machine code compiled over 3,000
 *    replications 951-957 -> 832-833 KB (v8.getHeapCodeStatistics); with valgrind's cache
 *    simulation, per replication after warm-up, instruction-cache misses 129,500 ->
 *    112,000-112,400 (-13 %) and instructions 3.95 -> 3.84-3.87 M, and a cold start's first 300
 *    replications 3.75 -> 3.51-3.55 G instructions (-5 %: less code to compile). Without the
 *    cache simulation the per-replication count moved +0.4 % (3.822 -> 3.839 M, within
 *    valgrind's noise here), and timed runs did not resolve a difference (steady state, the
 *    same means; whole 10,000-replication runs 6.08 -> 6.01 s, 6 alternating each). Read by
 *    TurboFan at each compilation, so setting it here, before the model's first compilation, is
 *    enough (the runtime setting gave the same counts as the command-line flag). Session 4 had
 *    measured it +0.5 % per replication on the model of then, and left it off.
 */
import { setFlagsFromString } from 'node:v8';

let done = false;

export function tuneV8(): void {
  if (done) return;
  done = true;
  setFlagsFromString('--no-allocation-site-pretenuring');
  setFlagsFromString('--no-turbo-loop-peeling');
}
