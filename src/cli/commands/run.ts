/**
 * `airlift run <scenario>`: the Monte Carlo run. Thin: parse and check flags (every bad flag
 * is an InputError naming the flag, what was expected and what was found), load the
 * scenario, hand over to runner/runMonteCarlo, print the report, write the HTML report.
 */
import type { Argv, CommandModule } from 'yargs';
import { rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ensureDir } from '../../io/atomic.js';
import { InputError, ThresholdError } from '../exit.js';
import { stoppable, whileWriting } from '../signals.js';
import type { WorkerPool } from '../../runner/pool.js';
import type { Shard } from '../../runner/run.js';

export interface RunArgs {
  readonly scenario: string;
  readonly reps?: unknown;
  readonly seed?: unknown;
  readonly out?: unknown;
  readonly workers?: unknown;
  readonly precision?: unknown;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly shard?: unknown;
  readonly 'fail-under'?: unknown;
  readonly charts: boolean;
}

// ---- flag parsing (shared with trace and merge) -------------------------------------------

/** A repeated flag arrives as an array: the last one wins. */
function last(v: unknown): unknown {
  return Array.isArray(v) ? v[v.length - 1] : v;
}
const shown = (v: unknown): string => (typeof v === 'string' ? `'${v}'` : JSON.stringify(v) ?? String(v));
const flagProblem = (flag: string, expected: string, found: unknown): string => `--${flag}: expected ${expected}, found ${shown(found)}`;

/**
 * Standard input as a positional argument. yargs mangles a lone "-": it hands it over as ""
 * for a single positional and DROPS it from variadic ones (`compare - b.yaml c.yaml` compared
 * only b and c). So main.ts passes a positional "-" to yargs as STDIN_ARG (see stdinArgs), and
 * scenarioPath reads "-", "" and STDIN_ARG (which names the same thing on Unix) as standard input.
 */
export const STDIN_ARG = '/dev/stdin';

export function scenarioPath(v: string): string {
  return v === '' || v === '-' || v === STDIN_ARG ? '-' : v;
}

/**
 * argv with each lone "-" that stands where a positional can (not right after an option,
 * which may take it as its value: `--out -` stays an error) replaced by STDIN_ARG.
 */
export function stdinArgs(argv: readonly string[]): string[] {
  return argv.map((a, i) => {
    if (a !== '-') return a;
    const prev = i > 0 ? argv[i - 1]! : '';
    return prev.startsWith('-') && prev !== '--' && !prev.includes('=') ? a : STDIN_ARG;
  });
}

/**
 * Create the output folder now, before anything is simulated, and check that a file can be
 * written in it: a folder that cannot be made or written (a path through a file, a read-only
 * or special file system) is bad input, exit 2, not a failure found after the run.
 */
export function prepareOutDir(dir: string): { undo(): void } {
  let made: string[] = [];
  try {
    made = ensureDir(dir);
    const probe = join(dir, `.airlift-probe.${process.pid}.tmp`);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (err) {
    throw new InputError(`--out: expected a folder that can be created and written to, found ${shown(dir)} (${(err as Error).message})`);
  }
  return {
    /** Remove the folders made here, if still empty: for input found bad after this call. */
    undo: () => {
      for (const d of [...made].reverse()) {
        try {
          rmdirSync(d);
        } catch {
          return; // not empty (or gone): keep it and what holds it
        }
      }
    },
  };
}

/** A whole number in [min, max], or undefined when the flag was not given. */
export function parseIntegerFlag(flag: string, raw: unknown, min: number, expected: string, problems: string[], max = Number.MAX_SAFE_INTEGER): number | undefined {
  const v = last(raw);
  if (v === undefined) return undefined;
  const text = String(v).trim().replace(/_/g, '');
  const x = /^[+-]?\d+$/.test(text) ? Number(text) : /^\d+(\.\d+)?e\d+$/i.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(x) || x < min || x > max) {
    // a whole number beyond 2^53 - 1 says so ('expected a whole number >= 0' alone reads as
    // wrong for it); a flag with its own maximum names it in `expected`
    const tooLarge = max === Number.MAX_SAFE_INTEGER && x > max ? `, at most ${max}` : '';
    problems.push(flagProblem(flag, `${expected}${tooLarge}`, v));
    return undefined;
  }
  return x;
}

/** A number in (lo, hi) / [lo, hi]; percentages like '90%' accepted when `percent`. */
export function parseNumberFlag(flag: string, raw: unknown, ok: (x: number) => boolean, expected: string, problems: string[], percent = false): number | undefined {
  const v = last(raw);
  if (v === undefined) return undefined;
  let text = String(v).trim();
  let scale = 1;
  if (percent && text.endsWith('%')) {
    text = text.slice(0, -1);
    scale = 0.01;
  }
  const x = text === '' ? NaN : Number(text) * scale;
  if (!Number.isFinite(x) || !ok(x)) {
    problems.push(flagProblem(flag, expected, v));
    return undefined;
  }
  return x;
}

export function parseWorkersFlag(raw: unknown, problems: string[], cores: number): number {
  const v = last(raw);
  if (v === undefined || String(v).trim().toLowerCase() === 'auto') return cores;
  return parseIntegerFlag('workers', v, 1, `a whole number of worker threads >= 1 (at most 1024), or 'auto' (all ${cores} cores)`, problems, 1024) ?? cores;
}

export function parseShardFlag(raw: unknown, problems: string[]): { k: number; n: number } | null {
  const v = last(raw);
  if (v === undefined) return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(v));
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || !(n >= 1) || !(k >= 1) || k > n) {
    problems.push(flagProblem('shard', "k/n with 1 <= k <= n, e.g. '3/8' (shard 3 of 8)", v));
    return null;
  }
  return { k, n };
}

/** A reader that goes away early (`airlift trace x | head`) is not a failure: stop quietly. */
export function exitQuietlyOnEpipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'scenario';
}

// ---- the command -----------------------------------------------------------------------------

export function runOptions<T>(y: Argv<T>) {
  return y
    .positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON), or - for standard input' })
    .option('reps', { type: 'string', alias: ['replications', 'iterations', 'n'], describe: 'Replications (default: the scenario\'s, else 10,000); the cap with --precision' })
    .option('seed', { type: 'string', describe: 'Root random seed (default: the scenario\'s, else 1)' })
    .option('out', { type: 'string', describe: 'Output folder (default out/<scenario-name>/)' })
    .option('workers', { type: 'string', describe: 'Worker threads: N or auto (all cores, the default)' })
    .option('precision', { type: 'string', describe: 'Run until the 95% CI half-width of P(cleared) is at most this (e.g. 0.005)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the summary JSON instead of the report' })
    .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and no report on stdout' })
    .option('shard', { type: 'string', describe: 'Run only shard k of n (k/n) and write a partial result for airlift merge' })
    .option('fail-under', { type: 'string', describe: 'Exit 3 when P(cleared) is below P (0..1 or a percentage)' })
    .option('charts', { type: 'boolean', default: true, describe: 'Write charts and report.html (--no-charts: data files only)' });
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <scenario>',
  describe: 'Run the Monte Carlo simulation: P(cleared by the deadline), completion dates, files to brief from',
  builder: (y) => runOptions(y) as unknown as Argv<RunArgs>,
  handler: async (args) => {
    exitQuietlyOnEpipe();
    const { defaultWorkers, WorkerPool } = await import('../../runner/pool.js');
    const problems: string[] = [];
    const reps = parseIntegerFlag('reps', args.reps, 1, 'a whole number of replications >= 1', problems);
    const seed = parseIntegerFlag('seed', args.seed, 0, 'a whole number >= 0', problems);
    const workers = parseWorkersFlag(args.workers, problems, defaultWorkers());
    const precision = parseNumberFlag('precision', args.precision, (x) => x > 0 && x < 0.5, 'a half-width between 0 and 0.5, e.g. 0.005', problems) ?? null;
    const shard = parseShardFlag(args.shard, problems);
    const failUnder = parseNumberFlag('fail-under', args['fail-under'], (x) => x >= 0 && x <= 1, "a probability between 0 and 1 (or a percentage like '90%')", problems, true);
    if (shard && precision !== null) problems.push('--precision: cannot be combined with --shard (each shard must know its replications in advance)');
    if (shard && failUnder !== undefined) problems.push('--fail-under: cannot be combined with --shard (a shard has no P(cleared); give it to airlift merge)');
    const outFlag = last(args.out);
    if (outFlag !== undefined && String(outFlag).trim() === '') problems.push(flagProblem('out', 'a folder path', outFlag));
    if (problems.length > 0) throw new InputError(problems);

    // The worker threads start now and load the model (~0.2 s) while this thread loads and
    // checks the scenario; they are closed on every way out, bad input included.
    const pool = workers > 1 ? await WorkerPool.start(workers) : null;
    let closed: Promise<void> | null = null;
    const closePool = (): Promise<void> => (closed ??= pool?.close() ?? Promise.resolve());
    try {
      await runAndReport(args, { reps, seed, workers, precision, shard, failUnder, outFlag }, pool, closePool);
    } finally {
      await closePool();
    }
  },
};

interface RunFlags {
  readonly reps: number | undefined;
  readonly seed: number | undefined;
  readonly workers: number;
  readonly precision: number | null;
  readonly shard: Shard | null;
  readonly failUnder: number | undefined;
  readonly outFlag: unknown;
}

/** Load the scenario, run it (on `pool` when given; closePool once the run is over), print and write. */
async function runAndReport(args: RunArgs, f: RunFlags, pool: WorkerPool | null, closePool: () => Promise<void>): Promise<void> {
  const { reps, seed, workers, precision, shard, failUnder, outFlag } = f;
  const { loadScenario } = await import('../../scenario/index.js');
  const loaded = await loadScenario(scenarioPath(args.scenario));
  for (const w of loaded.warnings) process.stderr.write(`warning: ${w}\n`);
  if (!loaded.ok) throw new InputError(loaded.problems);
  const scenario = loaded.scenario;
  const replications = reps ?? (precision !== null ? 1_000_000 : scenario.replications);
  if (shard && shard.n > replications) {
    throw new InputError(`--shard: expected at most ${replications} shards (one per replication), found '${shard.k}/${shard.n}'`);
  }
  const usedSeed = seed ?? scenario.seed;
  const base = outFlag !== undefined ? String(outFlag) : `out/${slug(scenario.name)}`;
  const outDir = resolve(shard && outFlag === undefined ? `${base}/shard-${shard.k}-of-${shard.n}` : base);
  prepareOutDir(outDir);

  const { runMonteCarlo, Interrupted, formatReport } = await import('../../runner/index.js');
  const progress = await makeProgress(!args.json && !args.quiet);
  const stop = stoppable();
  let outcome;
  try {
    outcome = await runMonteCarlo({
      scenario, document: loaded.document, replications, seed: usedSeed, outDir, workers,
      precision, shard, signal: stop.signal, onProgress: progress.update, pool,
    });
  } catch (err) {
    stop.release();
    progress.stop();
    await closePool();
    if (err instanceof Interrupted) {
      process.stderr.write('airlift: interrupted; no results written\n');
      process.exitCode = stop.exitCode();
      return;
    }
    throw err;
  }
  stop.release();
  progress.stop();
  const done = outcome;
  // The data files are written; the report (or the removal of an earlier one) completes the set
  // before a stop signal is acted on (signals.ts whileWriting), with no gap after the run's.
  await whileWriting(async () => {
    await closePool();
    if (done.summary === null || !args.charts) {
      // a shard's folder holds its partial result only, and data files alone an earlier run's
      // report.html and charts would contradict
      const { removeReport } = await import('../../report/files.js');
      removeReport(outDir);
    } else {
      const { writeReport } = await import('../../report/index.js');
      await writeReport(outDir);
    }
  }, stop);

  if (outcome.summary === null) {
    const [a, b] = outcome.shardRange ?? [0, 0];
    if (!args.quiet) {
      const text = `shard ${shard?.k}/${shard?.n}: replications ${a}..${b - 1} of ${replications} (seed ${usedSeed}) written to ${outDir}\n` +
        `combine the shards with: airlift merge <shard folders...> --out <folder>\n`;
      (args.json ? process.stderr : process.stdout).write(text);
    }
    if (args.json) process.stdout.write(`${JSON.stringify({ shard, range: [a, b], replications, seed: usedSeed, outDir }, null, 2)}\n`);
    return;
  }
  if (args.json) process.stdout.write(`${JSON.stringify(outcome.summary, null, 2)}\n`);
  else if (!args.quiet) {
    process.stdout.write(formatReport(outcome.summary, { scenario }));
    process.stdout.write(`Results in ${outDir}${args.charts ? ` (report.html)` : ''}\n`);
  }
  checkThreshold(outcome.summary.probabilityCleared.estimate, failUnder);
}

export function checkThreshold(p: number, failUnder: number | undefined): void {
  if (failUnder !== undefined && p < failUnder) {
    throw new ThresholdError(`P(cleared) = ${p.toFixed(4)} is below --fail-under ${failUnder}`);
  }
}

export interface Progress {
  readonly update: (done: number, total: number) => void;
  readonly stop: () => void;
}

/** A progress bar with ETA on stderr, only for a terminal (not in pipes, CI, --json or --quiet). */
export async function makeProgress(wanted: boolean): Promise<Progress> {
  const none: Progress = { update: () => {}, stop: () => {} };
  if (!wanted || !process.stderr.isTTY || (process.env['CI'] !== undefined && process.env['CI'] !== '' && process.env['CI'] !== 'false')) return none;
  const { default: cliProgress } = await import('cli-progress');
  const color = process.env['NO_COLOR'] === undefined || process.env['NO_COLOR'] === '';
  const bar = new cliProgress.SingleBar({
    stream: process.stderr,
    format: `${color ? '\u001b[36m{bar}\u001b[0m' : '{bar}'} {percentage}% | {value}/{total} replications | ETA {eta_formatted}`,
    barCompleteChar: '\u2588',
    barIncompleteChar: '\u2591',
    hideCursor: true,
    clearOnComplete: true,
    etaBuffer: 20,
    fps: 5,
  });
  let started = false;
  let stopped = false;
  return {
    update: (done, total) => {
      if (stopped) return;
      if (!started) {
        bar.start(total, done);
        started = true;
      } else {
        if (bar.getTotal() !== total) bar.setTotal(total);
        bar.update(done);
      }
    },
    stop: () => {
      if (started && !stopped) bar.stop();
      stopped = true;
    },
  };
}
