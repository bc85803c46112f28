/**
 * Model and runner benchmark (not a test): `npm run bench` (after kernel.js), or
 *   node dist/bench/model.js [--reps N] [--rss-reps N] [--million] [--skip-rss]
 *
 * On scenarios/niger-2024.yaml:
 * 1. in the model: replications/s and kernel events/s of `simulate` in this thread; the
 *    worker's packing per replication (scalars, daily series binned with the zero-tail
 *    shortcut, replications.csv rows); and the parent's reduction per replication
 *    (Aggregator.consumeBinned, CPU time, best of several passes);
 * 2. the runner: replications/s with 1 worker and with all workers (the ratio is the
 *    parallel speed-up), same seed and replications, outputs written to a temp folder;
 * 3. 10,000 replications with all workers: wall time (target < 5 s), and the CPU time of the
 *    parent (main) thread per replication during that run (Linux: /proc/self/task);
 * 4. peak RSS of a whole run of 100,000 replications (and 1,000,000 with --million) in a
 *    child process (target < 300 MB at 1,000,000): memory does not grow with replications
 *    beyond one scalar per replication and site.
 * Targets on the reference 2-core machine: 10,000 replications < 5 s; speed-up >= 1.7x;
 * peak RSS < 300 MB at 1,000,000 replications.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { loadScenario } from '../src/scenario/index.js';
import { simulate } from '../src/model/index.js';
import { Aggregator, runMonteCarlo } from '../src/runner/index.js';
import { binBatch, type BinnedBatch } from '../src/runner/batch.js';
import { DailyBinner } from '../src/runner/daily.js';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult } from '../src/model/result.js';
import type { ResolvedScenario } from '../src/scenario/resolved.js';

const SCENARIO = 'scenarios/niger-2024.yaml';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string): boolean => process.argv.includes(`--${name}`);

async function load(): Promise<ResolvedScenario> {
  const r = await loadScenario(SCENARIO);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

const fmt = (x: number, d = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });

/** CPU seconds of this process's main thread so far (Linux), else null. */
function mainThreadCpu(): number | null {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) / 100; // utime + stime, in USER_HZ (100 on Linux)
  } catch {
    return null;
  }
}

/** CPU microseconds of this thread (process CPU while nothing else runs in it). */
function cpuMicros(f: () => void): number {
  const c = process.cpuUsage();
  f();
  const d = process.cpuUsage(c);
  return d.user + d.system;
}

async function runWith(scenario: ResolvedScenario, replications: number, workers: number): Promise<number> {
  return (await runMeasured(scenario, replications, workers)).seconds;
}

async function runMeasured(scenario: ResolvedScenario, replications: number, workers: number): Promise<{ seconds: number; mainCpu: number | null }> {
  const outDir = mkdtempSync(join(tmpdir(), 'airlift-bench-'));
  try {
    const c0 = mainThreadCpu();
    const t0 = performance.now();
    await runMonteCarlo({ scenario, replications, seed: scenario.seed, outDir, workers });
    const seconds = (performance.now() - t0) / 1000;
    const c1 = mainThreadCpu();
    return { seconds, mainCpu: c0 === null || c1 === null ? null : c1 - c0 };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

/** Child mode: one whole run, then report peak RSS (bytes) as JSON on stdout. */
async function child(replications: number): Promise<void> {
  const scenario = await load();
  const seconds = await runWith(scenario, replications, availableParallelism());
  process.stdout.write(JSON.stringify({ replications, seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024 }) + '\n');
}

function peakRss(replications: number): { seconds: number; maxRssBytes: number } {
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', String(replications)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`child run failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; maxRssBytes: number };
}

const SPIN = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;

/** Time of `threads` copies of a CPU loop relative to one copy: how much parallel hardware is actually free. */
async function parallelCapacity(threads: number): Promise<number> {
  const once = async (k: number): Promise<number> => {
    const t = performance.now();
    await Promise.all(Array.from({ length: k }, () => new Promise<void>((resolve, reject) => {
      const w = new Worker(SPIN, { eval: true });
      w.once('message', () => void w.terminate().then(() => resolve()));
      w.once('error', reject);
    })));
    return performance.now() - t;
  };
  const one = await once(1);
  return (await once(threads)) / one;
}

async function main(): Promise<void> {
  const childReps = arg('child');
  if (childReps !== undefined) return child(Number(childReps));
  const reps = Number(arg('reps') ?? 2000);
  const rssReps = Number(arg('rss-reps') ?? 100_000);
  const cores = availableParallelism();
  const scenario = await load();
  console.log(`model benchmark: ${SCENARIO}, ${cores} cores, node ${process.version}`);

  // 1. in the model (one thread), after a warm-up
  for (let i = 0; i < 50; i++) simulate(scenario, scenario.seed, 100_000 + i);
  const inModel = Math.min(reps, 1000);
  const results: ReplicationResult[] = [];
  let events = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < inModel; i++) {
    const r = simulate(scenario, scenario.seed, i);
    events += r.events;
    results.push(r);
  }
  const simSeconds = (performance.now() - t0) / 1000;
  const simCpu = process.cpuUsage(cpu0);
  // What a worker adds per replication, and what the parent then does with it (best of 5 passes: CPU time, shared machine).
  const binner = new DailyBinner(scenario);
  const BATCH = 250;
  let packUs = Infinity;
  let reduceUs = Infinity;
  for (let pass = 0; pass < 5; pass++) {
    const batches: BinnedBatch[] = [];
    packUs = Math.min(packUs, cpuMicros(() => {
      for (let i = 0; i < results.length; i += BATCH) batches.push(binBatch(results.slice(i, i + BATCH), binner, scenario));
    }) / inModel);
    const agg = new Aggregator(scenario);
    let csv = 0;
    agg.onOrderedBatch = (b) => (csv += b.csv?.length ?? 0);
    batches.reverse(); // arriving out of order: the worst case for buffering
    reduceUs = Math.min(reduceUs, cpuMicros(() => {
      for (const b of batches) agg.consumeBinned(b);
    }) / inModel);
  }
  const simUs = (simCpu.user + simCpu.system) / inModel;
  console.log(`  simulate (1 thread):        ${fmt(inModel / simSeconds)} replications/s, ${fmt(events / simSeconds)} events/s (${fmt(events / inModel)} events/replication), ${fmt(simUs)} us CPU each`);
  console.log(`  packing in the worker:      ${fmt(packUs, 1)} us/replication CPU (${fmt((100 * packUs) / simUs, 1)}% of simulate): scalars, daily series binned, CSV rows`);
  console.log(`  reduction in the parent:    ${fmt(reduceUs, 1)} us/replication CPU (${fmt((100 * reduceUs) / simUs, 1)}% of simulate)`);
  const spin = await parallelCapacity(cores);
  console.log(`  machine check:              ${cores} threads running a fixed CPU loop each take ${fmt(spin, 2)}x the time of one (1.00 = the cores are free; more = other load)`);

  // 2. runner, 1 worker vs all
  const one = await runWith(scenario, reps, 1);
  const all = await runWith(scenario, reps, cores);
  console.log(`  run ${fmt(reps)} reps, 1 worker:  ${fmt(one, 2)} s, ${fmt(reps / one)} replications/s`);
  console.log(`  run ${fmt(reps)} reps, ${cores} workers: ${fmt(all, 2)} s, ${fmt(reps / all)} replications/s, speed-up ${fmt(one / all, 2)}x (target >= 1.7x on 2 cores)`);

  // 3. 10,000 replications, all workers
  const tenK = await runMeasured(scenario, 10_000, cores);
  console.log(`  run 10,000 reps, ${cores} workers: ${fmt(tenK.seconds, 2)} s wall (target < 5 s)` +
    (tenK.mainCpu === null ? '' : `; parent thread ${fmt(tenK.mainCpu, 2)} s CPU in all (${fmt((tenK.mainCpu / 10_000) * 1e6)} us/replication, start-up and outputs included)`));

  // 4. peak RSS
  if (!flag('skip-rss')) {
    for (const n of flag('million') ? [rssReps, 1_000_000] : [rssReps]) {
      const r = peakRss(n);
      console.log(`  peak RSS at ${fmt(n)} reps:  ${fmt(r.maxRssBytes / 2 ** 20, 1)} MB (run took ${fmt(r.seconds, 1)} s; target < 300 MB at 1,000,000)`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
