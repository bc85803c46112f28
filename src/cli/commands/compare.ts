/**
 * `airlift compare a.yaml b.yaml [...]`: the scenarios on common random numbers; P(cleared)
 * per scenario and the paired difference against the first.
 */
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../exit.js';
import { analysisOptions, prepareBaseDir, ci, commonFlags, day, formatTable, loadBoth, pct, say, updateReport, withProgress, type AnalysisArgs, type Loaded } from '../analysis-shared.js';
import { whileWriting } from '../signals.js';

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
    const baseDir = prepareBaseDir(c, first.scenario);
    const { compareScenarios, compareCsv } = await import('../../runner/analysis/index.js');
    const run = await withProgress(args, (signal, progress) => compareScenarios(loaded.map((l) => l.scenario), {
      replications, seed, workers: c.workers, signal, onProgress: progress.update,
    }));
    if (run === null) return;
    const r = run.result;
    const { buildCompareCharts } = await import('../../report/charts/analysis-compare.js');
    const { chartTime } = await import('../../report/charts/analysis-common.js');
    // dates in the baseline scenario's local time, as in its run's report
    const time = chartTime(first.scenario.startUtc, first.scenario.timeZone);
    const { writeAnalysis } = await import('../../report/charts/analysis-output.js');
    const charts = buildCompareCharts(r, run.points.map((p) => ({
      name: p.scenario.name, startEpochMs: p.scenario.startEpochMs, completion: p.completion,
      deadlineIso: new Date(p.scenario.startEpochMs + p.scenario.deadlineHours * 3600e3).toISOString(),
    })), time);
    const rows = r.scenarios.map((e) => [
      e.scenario.name, pct(e.stats.probabilityCleared.estimate), ci(e.stats.probabilityCleared.ci95), day(e.stats.p50, time.offsetMs),
      e.difference ? `${e.difference.paired.estimate >= 0 ? '+' : ''}${pct(e.difference.paired.estimate)}` : '(baseline)',
      e.difference ? ci(e.difference.paired.ci95) : '',
      e.difference ? e.difference.pairedWidth.toFixed(4) : '',
      e.difference ? e.difference.independentWidth.toFixed(4) : '',
    ]);
    const columns = ['Scenario', 'P(cleared)', '95% CI', 'P50', `Diff vs ${r.baseline}`, 'Paired 95% CI', 'Paired width', 'Independent width'];
    const out = await whileWriting(() => writeAnalysis({
      baseDir, analysis: 'compare', csv: compareCsv(r), summary: r, charts, writeCharts: args.charts,
      title: `Compare: ${r.scenarios.map((e) => e.scenario.name).join(' vs ')}`,
      paragraphs: [
        `${r.scenarios.length} scenarios, each ${replications.toLocaleString('en-US')} replications with seed ${seed}: ${r.commonRandomNumbers}.`,
        `Differences are against ${r.baseline}. Paired interval: ${r.methods.paired}. Independent width: ${r.methods.independent}.`,
      ],
      table: { columns, rows },
    }));
    const report = await updateReport(args.charts, out, baseDir, first.scenario, first.doc, replications, seed, c.workers);
    if (args.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    say(args, `${formatTable(columns, rows)}\nPaired: ${r.methods.paired}.\nIndependent: ${r.methods.independent}.\nResults in ${out.dir}${report ? ` (report: ${report})` : ''}\n`);
  },
};

