/**
 * Machine instructions per replication of niger-2024 (not a test; needs valgrind):
 *   npm run bench:instructions            (after npm run build)
 *   node dist/test/bench/instructions.js [--scenario FILE] [--low N] [--high N]
 *
 * Why: this machine's wall and CPU times swing ±20 % from one minute to the next, so a 5 %
 * change of the model cannot be seen in them. Instructions retired are nearly deterministic.
 * valgrind (cachegrind, no cache simulation) counts them for `node --single-threaded` running
 * N replications in one process; the difference between N = high and N = low, divided by
 * high - low, is the cost of one replication with the code already compiled (start-up,
 * scenario loading and compilation cancel out). Two runs of the same build agree to ~0.1 %.
 * Slow: about 2 minutes for the defaults (valgrind runs ~50x slower than the machine).
 *
 * Child mode (`--child N`, what valgrind runs): load the scenario, simulate N replications.
 *
 * `--cache` also simulates the caches, with a last level of 1 MB (this machine's per-core L2;
 * the 32 MB L3 is shared by both cores, so what misses the L2 is the traffic two busy threads
 * contend for), and prints last-level misses per replication (reads and writes) beside the
 * instructions. `--node-flags "..."` passes V8 flags to the child (e.g. a young generation size).
 * `--as-worker` counts a worker's whole work per replication instead of `simulate` alone: its
 * batches of 250 (runBatch: simulateTransient, daily series binned, replications.csv rows).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/model/index.js';
import { runBatch } from '../../src/runner/worker.js';
import { DailyBinner } from '../../src/runner/daily.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scenarioFile = arg('scenario') ?? 'scenarios/niger-2024.yaml';

async function child(n: number): Promise<void> {
  const r = await loadScenario(scenarioFile);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  if (!asWorker) {
    for (let i = 0; i < n; i++) simulate(r.scenario, r.scenario.seed, i);
    return;
  }
  const binner = new DailyBinner(r.scenario);
  for (let i = 0; i < n; i += 250) runBatch(r.scenario, r.scenario.seed, i, Math.min(250, n - i), binner, true);
}

const cache = process.argv.includes('--cache');
const asWorker = process.argv.includes('--as-worker');
const nodeFlags = (arg('node-flags') ?? '').split(' ').filter((f) => f !== '');

interface Counts {
  readonly instructions: number;
  /** Last-level misses, reads and writes (with --cache), else NaN. */
  readonly llRead: number;
  readonly llWrite: number;
}

/** valgrind's count on a line such as "LL misses:  10,393,101  ( 5,574,007 rd + 4,819,094 wr)". */
function field(text: string, re: RegExp): number {
  const m = re.exec(text);
  if (m === null) throw new Error(`no ${re.source} in valgrind's output: ${text.slice(-2000)}`);
  return Number(m[1]!.replace(/,/g, ''));
}

/** Counts of a whole child run of n replications, or null without valgrind. */
function count(n: number): Counts | null {
  const args = [
    '--tool=cachegrind', cache ? '--cache-sim=yes' : '--cache-sim=no', ...(cache ? ['--LL=1048576,16,64'] : []),
    '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null',
    process.execPath, '--single-threaded', ...nodeFlags, fileURLToPath(import.meta.url), '--child', String(n), '--scenario', scenarioFile,
    ...(asWorker ? ['--as-worker'] : []),
  ];
  const r = spawnSync('valgrind', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.error !== undefined) return null;
  if (r.status !== 0) throw new Error(`valgrind run failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const instructions = field(r.stderr, /I\s+refs:\s+([\d,]+)/);
  if (!cache) return { instructions, llRead: NaN, llWrite: NaN };
  return {
    instructions,
    llRead: field(r.stderr, /LL misses:\s+[\d,]+\s+\(\s*([\d,]+) rd/),
    llWrite: field(r.stderr, /LL misses:\s+[\d,]+\s+\(\s*[\d,]+ rd\s+\+\s+([\d,]+) wr/),
  };
}

async function main(): Promise<void> {
  const childN = arg('child');
  if (childN !== undefined) return child(Number(childN));
  const low = Number(arg('low') ?? 300);
  const high = Number(arg('high') ?? 1200);
  const a = count(low);
  if (a === null) {
    console.log('instructions benchmark: valgrind not found; skipped (apt-get install -y valgrind)');
    return;
  }
  const b = count(high)!;
  const per = (k: keyof Counts): string => ((b[k] - a[k]) / (high - low)).toLocaleString('en-US', { maximumFractionDigits: 0 });
  const flags = nodeFlags.length > 0 ? ` ${nodeFlags.join(' ')}` : '';
  console.log(`instructions benchmark: ${scenarioFile}, node ${process.version}${flags}${asWorker ? ', as a worker (runBatch)' : ''}`);
  console.log(`  ${per('instructions')} instructions per replication (compiled code; (I(${high}) - I(${low})) / ${high - low})`);
  if (cache) console.log(`  ${per('llRead')} + ${per('llWrite')} last-level (1 MB) misses per replication, reads + writes`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
