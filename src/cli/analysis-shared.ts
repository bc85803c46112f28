/**
 * Flags and steps shared by the analysis commands (compare, sweep, sensitivity, goal):
 * the common options, loading a scenario both as a document and resolved, progress, the
 * output folder, the report refresh, and plain-text tables.
 */
import type { Argv } from 'yargs';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from './exit.js';
import { stoppable } from './signals.js';
import { makeProgress, parseIntegerFlag, parseWorkersFlag, prepareOutDir, scenarioPath, slug, type Progress } from './commands/run.js';
import type { ScenarioDocument } from '../scenario/index.js';
import type { ResolvedScenario } from '../scenario/resolved.js';

export interface AnalysisArgs {
  readonly reps?: unknown;
  readonly seed?: unknown;
  readonly out?: unknown;
  readonly workers?: unknown;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly charts: boolean;
}

export function analysisOptions<T>(y: Argv<T>) {
  return y
    .option('reps', { type: 'string', alias: ['replications', 'iterations', 'n'], describe: 'Replications per run (default: the scenario\'s, else 10,000)' })
    .option('seed', { type: 'string', describe: 'Root random seed, the same for every run (default: the scenario\'s, else 1)' })
    .option('out', { type: 'string', describe: 'Scenario output folder (default out/<scenario-name>/); the analysis goes in its <analysis>/ subfolder' })
    .option('workers', { type: 'string', describe: 'Worker threads: N or auto (all cores, the default)' })
    .option('json', { type: 'boolean', default: false, describe: 'Print the analysis summary JSON instead of the table' })
    .option('quiet', { type: 'boolean', default: false, describe: 'No progress bar and nothing on stdout' })
    .option('charts', { type: 'boolean', default: true, describe: 'Write charts and the report section (--no-charts: data files only)' });
}

export interface Common {
  readonly reps: number | undefined;
  readonly seed: number | undefined;
  readonly workers: number;
  readonly out: string | undefined;
}

const lastOf = (v: unknown): unknown => (Array.isArray(v) ? v[v.length - 1] : v);

export async function commonFlags(args: AnalysisArgs, problems: string[]): Promise<Common> {
  const { defaultWorkers } = await import('../runner/pool.js');
  const reps = parseIntegerFlag('reps', args.reps, 1, 'a whole number of replications >= 1', problems);
  const seed = parseIntegerFlag('seed', args.seed, 0, 'a whole number >= 0', problems);
  const workers = parseWorkersFlag(args.workers, problems, defaultWorkers());
  const o = lastOf(args.out);
  if (o !== undefined && String(o).trim() === '') problems.push(`--out: expected a folder path, found '${String(o)}'`);
  return { reps, seed, workers, out: o === undefined ? undefined : String(o) };
}

export interface Loaded {
  readonly doc: ScenarioDocument;
  readonly scenario: ResolvedScenario;
}

/** Read and resolve a scenario file; every problem is an InputError (exit 2). */
export async function loadBoth(path: string): Promise<Loaded> {
  const { loadScenarioDocument, resolveDocument } = await import('../scenario/index.js');
  const d = await loadScenarioDocument(scenarioPath(path));
  if (!d.ok) throw new InputError(d.problems);
  const r = resolveDocument(d.doc);
  for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
  if (!r.ok) throw new InputError(r.problems);
  return { doc: d.doc, scenario: r.scenario };
}

/** The scenario's output folder (the analysis goes in a subfolder), created and checked before the analysis runs. */
export function prepareBaseDir(c: Common, scenario: ResolvedScenario): string {
  const dir = resolve(c.out ?? `out/${slug(scenario.name)}`);
  prepareOutDir(dir);
  return dir;
}

/** Progress bar plus stop-signal handling (Ctrl-C, SIGTERM, SIGHUP: see ../signals.ts) around an analysis. */
export async function withProgress<T>(args: AnalysisArgs, body: (signal: AbortSignal, progress: Progress) => Promise<T>): Promise<T | null> {
  const { Interrupted } = await import('../runner/index.js');
  const progress = await makeProgress(!args.json && !args.quiet);
  const stop = stoppable();
  try {
    return await body(stop.signal, progress);
  } catch (err) {
    if (err instanceof Interrupted) {
      progress.stop();
      process.stderr.write('airlift: interrupted; no analysis results written\n');
      process.exitCode = stop.exitCode();
      return null;
    }
    throw err;
  } finally {
    progress.stop();
    stop.release();
  }
}

/**
 * The analysis's section in <baseDir>/report.html: rebuild the report when the folder holds a
 * run; otherwise run the base scenario there first (same seed and replications), so the page
 * has the scenario's own results above the analysis.
 */
export async function refreshReport(baseDir: string, scenario: ResolvedScenario, doc: ScenarioDocument, replications: number, seed: number, workers: number): Promise<string> {
  const { FILES, runMonteCarlo } = await import('../runner/index.js');
  if (!existsSync(join(baseDir, FILES.summary))) {
    await runMonteCarlo({ scenario, document: doc.value, replications, seed, outDir: baseDir, workers });
  }
  const { writeReport } = await import('../report/index.js');
  await writeReport(baseDir);
  return join(baseDir, 'report.html');
}

/**
 * The report after an analysis is written: with charts, refreshReport; without (`--no-charts`),
 * an earlier section of this analysis was removed (writeAnalysis), so a report.html already in
 * the folder is rebuilt without it, as it would otherwise show results the data files no
 * longer hold. No report is made where there was none. '' when no report was written.
 */
export async function updateReport(charts: boolean, written: { readonly removedSection: boolean }, baseDir: string, scenario: ResolvedScenario, doc: ScenarioDocument, replications: number, seed: number, workers: number): Promise<string> {
  if (charts) return refreshReport(baseDir, scenario, doc, replications, seed, workers);
  const { FILES } = await import('../runner/index.js');
  const { REPORT_HTML } = await import('../report/files.js');
  const html = join(baseDir, REPORT_HTML);
  if (!written.removedSection || !existsSync(html) || !existsSync(join(baseDir, FILES.summary))) return '';
  const { writeReport } = await import('../report/index.js');
  await writeReport(baseDir);
  return html;
}

export function say(args: AnalysisArgs, text: string): void {
  if (!args.quiet && !args.json) process.stdout.write(text);
}

export const pct = (x: number): string => x.toFixed(4);
export const ci = (c: readonly [number, number]): string => `[${c[0].toFixed(4)}, ${c[1].toFixed(4)}]`;
/** The date of an ISO instant on a clock `offsetMs` ahead of UTC (the scenario's local date: see report/charts/analysis-common.ts chartTime). */
export const day = (iso: string | null, offsetMs = 0): string =>
  iso === null ? 'beyond horizon' : (offsetMs === 0 ? iso : new Date(Date.parse(iso) + offsetMs).toISOString()).slice(0, 10);

export function formatTable(columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = [columns, ...rows].map((r) => r.map((x) => (x === null ? '' : String(x))));
  const w = columns.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  return cells.map((r) => r.map((x, j) => x.padEnd(w[j]!)).join('  ').trimEnd()).join('\n') + '\n';
}
