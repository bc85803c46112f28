/**
 * Machine instructions per replication of niger-2024 (not a test; needs valgrind):
 *   npm run bench:instructions            (after npm run build)
 *   node dist/bench/instructions.js [--scenario FILE] [--low N] [--high N]
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
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../src/scenario/index.js';
import { simulate } from '../src/model/index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const scenarioFile = arg('scenario') ?? 'scenarios/niger-2024.yaml';

async function child(n: number): Promise<void> {
  const r = await loadScenario(scenarioFile);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  for (let i = 0; i < n; i++) simulate(r.scenario, r.scenario.seed, i);
}

/** Instructions of a whole child run of n replications, or null without valgrind. */
function count(n: number): number | null {
  const args = [
    '--tool=cachegrind', '--cache-sim=no', '--smc-check=all-non-file', '--cachegrind-out-file=/dev/null',
    process.execPath, '--single-threaded', fileURLToPath(import.meta.url), '--child', String(n), '--scenario', scenarioFile,
  ];
  const r = spawnSync('valgrind', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.error !== undefined) return null;
  if (r.status !== 0) throw new Error(`valgrind run failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const m = /I\s+refs:\s+([\d,]+)/.exec(r.stderr);
  if (m === null) throw new Error(`no instruction count in valgrind's output: ${r.stderr.slice(-2000)}`);
  return Number(m[1]!.replace(/,/g, ''));
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
  const per = (b - a) / (high - low);
  console.log(`instructions benchmark: ${scenarioFile}, node ${process.version}`);
  console.log(`  ${per.toLocaleString('en-US', { maximumFractionDigits: 0 })} instructions per replication (compiled code; (I(${high}) - I(${low})) / ${high - low})`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
