/**
 * Model and runner benchmark (not a test): `npm run bench` (after kernel.js), or
 *   node dist/test/bench/model.js [--reps N] [--rounds N] [--rss-reps N] [--million] [--skip-rss]
 *
 * On scenarios/niger-2024.yaml:
 * 1. in the model: replications/s and kernel events/s of `simulate` in this thread; the
 *    worker's packing per replication (scalars, daily series binned with the zero-tail
 *    shortcut, replications.csv rows); and the parent's reduction per replication
 *    (Aggregator.consumeBinned, CPU time, best of several passes);
 * 2. whole runs of 10,000 replications, each in a fresh process (cold, as a user runs them:
 *    start-up, compilation and outputs included), with 1 worker (in-process) and with all
 *    workers: wall time (target < 5 s with all), the ratio (the parallel speed-up), and the
 *    CPU time of the parent (main) thread per replication (Linux: /proc/self/task);
 *    Also the command as a user types it (`airlift run -n 10000 --no-charts`), timed from
 *    process start to exit.
 * 3. the steady state: the same executors after 4,000 replications per worker of warm-up
 *    (threads started, code compiled), replications/s and their ratio. (Until this session
 *    the 1-worker run reused this process, already warm from step 1, while the workers
 *    started cold: that compared unlike things.)
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
import { loadScenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/model/index.js';
import { quantileSortedLinear, sortAscending } from '../../src/stats/quantile.js';
import { Aggregator, runMonteCarlo } from '../../src/runner/index.js';
import { createExecutor, runRange } from '../../src/runner/pool.js';
import { binBatch, type BinnedBatch } from '../../src/runner/batch.js';
import { DailyBinner } from '../../src/runner/daily.js';
import { Worker } from 'node:worker_threads';
import type { ReplicationResult } from '../../src/model/result.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';

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

/** The usual median (type 7: the middle value, or the mean of the middle two). */
const median = (xs: readonly number[]): number => quantileSortedLinear(sortAscending(xs), 0.5);

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

const WARM_PER_WORKER = 4000;

interface ChildReport {
  readonly seconds: number;
  readonly maxRssBytes: number;
  readonly mainCpu: number | null;
}

/**
 * Child mode, in a fresh process (cold, as a user's `airlift run` is):
 *  - `--child N --workers W`: one whole run (runMonteCarlo, outputs to a temp folder);
 *  - with `--warm`: the executor first runs WARM_PER_WORKER replications per worker (threads
 *    started, code compiled: a fresh worker reaches its steady pace only after ~3,500), then N
 *    more are timed: the steady-state throughput, without start-up.
 * Reports seconds, peak RSS and the main thread's CPU as JSON on stdout.
 */
async function child(replications: number, workers: number, warm: boolean): Promise<void> {
  const scenario = await load();
  let seconds: number;
  let mainCpu: number | null = null;
  if (!warm) ({ seconds, mainCpu } = await runMeasured(scenario, replications, workers));
  else {
    const exec = await createExecutor(scenario, scenario.seed, workers, { csv: true });
    try {
      const w = WARM_PER_WORKER * workers;
      await runRange(exec, new Aggregator(scenario, 0, w), 0, w);
      const t0 = performance.now();
      await runRange(exec, new Aggregator(scenario, w, replications), w, w + replications);
      seconds = (performance.now() - t0) / 1000;
    } finally {
      await exec.close();
    }
  }
  const report: ChildReport = { seconds, maxRssBytes: process.resourceUsage().maxRSS * 1024, mainCpu };
  process.stdout.write(JSON.stringify(report) + '\n');
}

function inChild(replications: number, workers: number, warm = false): ChildReport {
  const args = [fileURLToPath(import.meta.url), '--child', String(replications), '--workers', String(workers), ...(warm ? ['--warm'] : [])];
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (r.status !== 0) throw new Error(`child run failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as ChildReport;
}

/** Wall seconds of `airlift run SCENARIO -n N --quiet --no-charts` in a fresh process (all workers). */
function commandSeconds(replications: number): number {
  const outDir = mkdtempSync(join(tmpdir(), 'airlift-bench-cmd-'));
  try {
    const main = fileURLToPath(new URL('../../bundle/main.js', import.meta.url));
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [main, 'run', SCENARIO, '-n', String(replications), '--quiet', '--no-charts', '--out', outDir], { encoding: 'utf8' });
    const seconds = (performance.now() - t0) / 1000;
    if (r.status !== 0) throw new Error(`airlift run failed (${r.status}): ${r.stderr}`);
    return seconds;
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}

const SPIN = `let x = 0; for (let i = 0; i < 2e8; i++) x += i % 7; require('node:worker_threads').parentPort.postMessage(x);`;

/**
 * Time of `threads` copies of a CPU loop relative to one copy (how much parallel hardware is
 * actually free), and the time of one copy (how fast the machine runs plain arithmetic now:
 * the ratio alone does not see a machine that is slow as a whole).
 */
async function parallelCapacity(threads: number): Promise<{ ratio: number; oneMs: number }> {
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
  return { ratio: (await once(threads)) / one, oneMs: one };
}

async function main(): Promise<void> {
  const childReps = arg('child');
  if (childReps !== undefined) return child(Number(childReps), Number(arg('workers') ?? availableParallelism()), flag('warm'));
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
  console.log(`  machine check:              ${cores} threads running a fixed CPU loop each take ${fmt(spin.ratio, 2)}x the time of one (1.00 = the cores are free; more = other load); one alone: ${fmt(spin.oneMs)} ms`);

  // 2. whole runs of 10,000 replications in fresh processes (cold: start-up, compilation and
  //    outputs included, as a user sees them), 1 worker (in-process) and all workers
  // This machine's speed swings from one minute to the next: `--rounds` (default 3) pairs are
  // run back to back, 1 worker then all, and the medians reported (speed-up: the median of the
  // pairs' ratios, each pair sharing one phase of the machine).
  const tenK = 10_000;
  const rounds = Math.max(1, Number(arg('rounds') ?? 3));
  const pairs: { one: ChildReport; all: ChildReport }[] = [];
  for (let r = 0; r < rounds; r++) pairs.push({ one: inChild(tenK, 1), all: inChild(tenK, cores) });
  const oneS = pairs.map((p) => p.one.seconds);
  const allS = pairs.map((p) => p.all.seconds);
  const ratios = pairs.map((p) => p.one.seconds / p.all.seconds);
  const list = (xs: number[], d: number): string => xs.map((x) => fmt(x, d)).join(', ');
  const mainCpu = median(pairs.map((p) => p.all.mainCpu ?? NaN));
  console.log(`  run ${fmt(tenK)} reps, 1 worker:  median ${fmt(median(oneS), 2)} s wall (${list(oneS, 2)}), ${fmt(tenK / median(oneS))} replications/s`);
  console.log(`  run ${fmt(tenK)} reps, ${cores} workers: median ${fmt(median(allS), 2)} s wall (${list(allS, 2)}; target < 5 s), ${fmt(tenK / median(allS))} replications/s` +
    (Number.isNaN(mainCpu) ? '' : `; parent thread ${fmt(mainCpu, 2)} s CPU (${fmt((mainCpu / tenK) * 1e6)} us/replication)`));
  console.log(`  speed-up, ${cores} workers / 1: median ${fmt(median(ratios), 2)}x (pairs: ${list(ratios, 2)}; target >= 1.7x on 2 cores)`);
  // 2'. the command as a user types it, process start to exit (node start-up, the CLI, the
  //     scenario loaded while the workers start, the run, the output files; no charts)
  const cmd = commandSeconds(tenK);
  console.log(`  airlift run -n ${fmt(tenK)} --no-charts, ${cores} workers, process start to exit: ${fmt(cmd, 2)} s`);
  // 3. steady state: the same executors after a warm-up (threads started, code compiled)
  const warmReps = Math.max(reps, 4000);
  const wOne = inChild(warmReps, 1, true);
  const wAll = inChild(warmReps, cores, true);
  console.log(`  steady state, ${fmt(warmReps)} reps after warm-up: 1 worker ${fmt(warmReps / wOne.seconds)} replications/s, ${cores} workers ${fmt(warmReps / wAll.seconds)} replications/s, speed-up ${fmt(wOne.seconds / wAll.seconds, 2)}x` +
    ' (whole runs stay below this ratio while their fixed start-up and warm-up are not shorter on all workers: README, Benchmarks)');

  // 4. peak RSS
  if (!flag('skip-rss')) {
    for (const n of flag('million') ? [rssReps, 1_000_000] : [rssReps]) {
      const r = inChild(n, cores);
      console.log(`  peak RSS at ${fmt(n)} reps:  ${fmt(r.maxRssBytes / 2 ** 20, 1)} MB (run took ${fmt(r.seconds, 1)} s; target < 300 MB at 1,000,000)`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
