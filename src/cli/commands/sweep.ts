/**
 * `airlift sweep <scenario> --set <path>=<values> [--set ...]`: the scenario at each value (a
 * grid with two parameters) on common random numbers; P(cleared) and the P50 date per point.
 */
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../exit.js';
import type { SetFlag } from '../../runner/analysis/index.js';
import { analysisOptions, prepareBaseDir, ci, commonFlags, day, formatTable, loadBoth, pct, say, updateReport, withProgress, type AnalysisArgs } from '../analysis-shared.js';
import { whileWriting } from '../signals.js';

interface SweepArgs extends AnalysisArgs {
  readonly scenario: string;
  readonly set?: unknown;
}

export const sweepCommand: CommandModule<object, SweepArgs> = {
  command: 'sweep <scenario>',
  describe: 'Sweep one or two parameters (--set path=values): P(cleared) and P50 completion at each value',
  builder: (y) => analysisOptions(
    y.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON), or - for standard input' })
      .option('set', { type: 'string', array: true, describe: "Parameter and values: path=2,4,6 | path=1..3 | path=0:0.3:0.05 (once or twice)" })
      .example('$0 sweep scenarios/niger-2024.yaml --set aircraft.C-17.tasked=2..6', 'P(cleared) against the number of C-17s')
      .example('$0 sweep s.yaml --set sites.AB201.mog=1..3 --set clearance.denialProbability=0:0.3:0.1', 'a two-parameter heatmap'),
  ) as unknown as Argv<SweepArgs>,
  handler: async (args) => {
    const { parseSetFlag, prepareSweep, runSweep, sweepCsv, showValue } = await import('../../runner/analysis/index.js');
    const problems: string[] = [];
    const c = await commonFlags(args, problems);
    const raw = args.set === undefined ? [] : (Array.isArray(args.set) ? args.set : [args.set]).map(String);
    if (raw.length === 0 || raw.length > 2) problems.push(`--set: expected one or two parameters (path=values), found ${raw.length}`);
    const sets: SetFlag[] = [];
    for (const t of raw) {
      const p = parseSetFlag(t);
      if (p.ok) sets.push(p.value);
      else problems.push(p.error);
    }
    if (sets.length === 2 && sets[0]!.path === sets[1]!.path) problems.push(`--set: the same path twice (${sets[0]!.path})`);
    if (problems.length > 0) throw new InputError(problems);
    const { doc, scenario } = await loadBoth(args.scenario);
    const prepared = prepareSweep(doc, sets);
    if (!prepared.ok) throw new InputError(prepared.problems);
    for (const w of prepared.warnings) process.stderr.write(`warning: ${w}\n`);
    const replications = c.reps ?? scenario.replications;
    const seed = c.seed ?? scenario.seed;
    const baseDir = prepareBaseDir(c, scenario);
    const r = await withProgress(args, (signal, progress) => runSweep(doc, scenario, sets, prepared.variants, {
      replications, seed, workers: c.workers, signal, onProgress: progress.update,
    }));
    if (r === null) return;
    const { buildSweepCharts } = await import('../../report/charts/analysis-sweep.js');
    const { chartTime } = await import('../../report/charts/analysis-common.js');
    const time = chartTime(scenario.startUtc, scenario.timeZone); // dates in the scenario's local time, as in the run's report
    const d = (iso: string | null): string => day(iso, time.offsetMs);
    const { writeAnalysis } = await import('../../report/charts/analysis-output.js');
    const columns = [...sets.map((s) => s.path), 'P(cleared)', '95% CI', 'P50', 'P50 95% CI', 'P80'];
    const rows = r.points.map((p) => [...p.values.map(showValue), pct(p.stats.probabilityCleared.estimate), ci(p.stats.probabilityCleared.ci95), d(p.stats.p50), `[${d(p.stats.p50Ci95[0])}, ${d(p.stats.p50Ci95[1])}]`, d(p.stats.p80)]);
    const out = await whileWriting(() => writeAnalysis({
      baseDir, analysis: 'sweep', csv: sweepCsv(r), summary: r, charts: buildSweepCharts(r, time), writeCharts: args.charts,
      title: `Sweep: ${sets.map((s) => s.path).join(' x ')}`,
      paragraphs: [
        `${r.points.length} points, each ${replications.toLocaleString('en-US')} replications with seed ${seed}: ${r.commonRandomNumbers}.`,
        ...r.parameters.map((p) => `${p.path}: ${p.values.map(showValue).join(', ')} (the scenario has ${showValue(p.asWritten)}).`),
        'P(cleared): Wilson 95% intervals. P50: type-1 median with a distribution-free order-statistic 95% interval.',
      ],
      table: { columns, rows },
    }));
    const report = await updateReport(args.charts, out, baseDir, scenario, doc, replications, seed, c.workers);
    if (args.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    say(args, `${formatTable(columns, rows)}Results in ${out.dir}${report ? ` (report: ${report})` : ''}\n`);
  },
};
