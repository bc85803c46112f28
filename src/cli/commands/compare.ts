/**
 * `airlift compare a.yaml b.yaml [...]`: the scenarios on common random numbers; P(cleared)
 * per scenario and the paired difference against the first. Also home of the flags and steps
 * every analysis command shares (sweep, sensitivity, goal import them from here).
 */
import type { Argv, CommandModule } from 'yargs';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InputError } from '../exit.js';
import { makeProgress, parseIntegerFlag, parseWorkersFlag, slug, type Progress } from './run.js';
import type { ScenarioDocument } from '../../scenario/index.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';

// ---- shared by the analysis commands ---------------------------------------------------------

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
  const { defaultWorkers } = await import('../../runner/pool.js');
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
  const { loadScenarioDocument, resolveDocument } = await import('../../scenario/index.js');
  const d = await loadScenarioDocument(path);
  if (!d.ok) throw new InputError(d.problems);
  const r = resolveDocument(d.doc);
  for (const w of r.warnings) process.stderr.write(`warning: ${w}\n`);
  if (!r.ok) throw new InputError(r.problems);
  return { doc: d.doc, scenario: r.scenario };
}

export function baseDirFor(c: Common, scenario: ResolvedScenario): string {
  return resolve(c.out ?? `out/${slug(scenario.name)}`);
}

/** Progress bar plus Ctrl-C handling around an analysis. */
export async function withProgress<T>(args: AnalysisArgs, body: (signal: AbortSignal, progress: Progress) => Promise<T>): Promise<T | null> {
  const { Interrupted } = await import('../../runner/index.js');
  const progress = await makeProgress(!args.json && !args.quiet);
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    return await body(controller.signal, progress);
  } catch (err) {
    if (err instanceof Interrupted) {
      progress.stop();
      process.stderr.write('airlift: interrupted; no analysis results written\n');
      process.exitCode = 130;
      return null;
    }
    throw err;
  } finally {
    progress.stop();
    process.removeListener('SIGINT', onSigint);
  }
}

/**
 * The analysis's section in <baseDir>/report.html: rebuild the report when the folder holds a
 * run; otherwise run the base scenario there first (same seed and replications), so the page
 * has the scenario's own results above the analysis.
 */
export async function refreshReport(baseDir: string, scenario: ResolvedScenario, doc: ScenarioDocument, replications: number, seed: number, workers: number): Promise<string> {
  const { FILES, runMonteCarlo } = await import('../../runner/index.js');
  if (!existsSync(join(baseDir, FILES.summary))) {
    await runMonteCarlo({ scenario, document: doc.value, replications, seed, outDir: baseDir, workers });
  }
  const { writeReport } = await import('../../report/index.js');
  await writeReport(baseDir);
  return join(baseDir, 'report.html');
}

export function say(args: AnalysisArgs, text: string): void {
  if (!args.quiet && !args.json) process.stdout.write(text);
}

export const pct = (x: number): string => x.toFixed(4);
export const ci = (c: readonly [number, number]): string => `[${c[0].toFixed(4)}, ${c[1].toFixed(4)}]`;
export const day = (iso: string | null): string => (iso === null ? 'beyond horizon' : iso.slice(0, 10));

// ---- compare ---------------------------------------------------------------------------------

interface CompareArgs extends AnalysisArgs {
  readonly scenarios: readonly string[];
}

export const compareCommand: CommandModule<object, CompareArgs> = {
  command: 'compare <scenarios..>',
  describe: 'Compare scenarios on common random numbers: P(cleared) each, and the paired difference against the first',
  builder: (y) => analysisOptions(y.positional('scenarios', { type: 'string', array: true, describe: 'Two or more scenario files; the first is the baseline' })) as unknown as Argv<CompareArgs>,
  handler: async (args) => {
    const problems: string[] = [];
    const c = await commonFlags(args, problems);
    const files = (args.scenarios ?? []).map(String);
    if (files.length < 2) problems.push(`compare: expected at least two scenario files, found ${files.length}`);
    if (problems.length > 0) throw new InputError(problems);
    const loaded: Loaded[] = [];
    const loadProblems: string[] = [];
    for (const f of files) {
      try {
        loaded.push(await loadBoth(f));
      } catch (err) {
        if (err instanceof InputError) loadProblems.push(...err.problems);
        else throw err;
      }
    }
    if (loadProblems.length > 0) throw new InputError(loadProblems);
    const first = loaded[0]!;
    const replications = c.reps ?? first.scenario.replications;
    const seed = c.seed ?? first.scenario.seed;
    const { compareScenarios, compareCsv } = await import('../../runner/analysis/index.js');
    const run = await withProgress(args, (signal, progress) => compareScenarios(loaded.map((l) => l.scenario), {
      replications, seed, workers: c.workers, signal, onProgress: progress.update,
    }));
    if (run === null) return;
    const r = run.result;
    const baseDir = baseDirFor(c, first.scenario);
    const { buildCompareCharts } = await import('../../report/charts/analysis-compare.js');
    const { writeAnalysis } = await import('../../report/charts/analysis-output.js');
    const charts = buildCompareCharts(r, run.points.map((p) => ({
      name: p.scenario.name, startEpochMs: p.scenario.startEpochMs, completion: p.completion,
      deadlineIso: new Date(p.scenario.startEpochMs + p.scenario.deadlineHours * 3600e3).toISOString(),
    })));
    const rows = r.scenarios.map((e) => [
      e.scenario.name, pct(e.stats.probabilityCleared.estimate), ci(e.stats.probabilityCleared.ci95), day(e.stats.p50),
      e.difference ? `${e.difference.paired.estimate >= 0 ? '+' : ''}${pct(e.difference.paired.estimate)}` : '(baseline)',
      e.difference ? ci(e.difference.paired.ci95) : '',
      e.difference ? e.difference.pairedWidth.toFixed(4) : '',
      e.difference ? e.difference.independentWidth.toFixed(4) : '',
    ]);
    const columns = ['Scenario', 'P(cleared)', '95% CI', 'P50', `Diff vs ${r.baseline}`, 'Paired 95% CI', 'Paired width', 'Independent width'];
    const out = await writeAnalysis({
      baseDir, analysis: 'compare', csv: compareCsv(r), summary: r, charts, writeCharts: args.charts,
      title: `Compare: ${r.scenarios.map((e) => e.scenario.name).join(' vs ')}`,
      paragraphs: [
        `${r.scenarios.length} scenarios, each ${replications.toLocaleString('en-US')} replications with seed ${seed}: ${r.commonRandomNumbers}.`,
        `Differences are against ${r.baseline}. Paired interval: ${r.methods.paired}. Independent width: ${r.methods.independent}.`,
      ],
      table: { columns, rows },
    });
    let report = '';
    if (args.charts) report = await refreshReport(baseDir, first.scenario, first.doc, replications, seed, c.workers);
    if (args.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    say(args, `${formatTable(columns, rows)}\nPaired: ${r.methods.paired}.\nIndependent: ${r.methods.independent}.\nResults in ${out.dir}${report ? ` (report: ${report})` : ''}\n`);
  },
};

export function formatTable(columns: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cells = [columns, ...rows].map((r) => r.map((x) => (x === null ? '' : String(x))));
  const w = columns.map((_, j) => Math.max(...cells.map((r) => (r[j] ?? '').length)));
  return cells.map((r) => r.map((x, j) => x.padEnd(w[j]!)).join('  ').trimEnd()).join('\n') + '\n';
}
