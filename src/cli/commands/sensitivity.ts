/**
 * `airlift sensitivity <scenario>`: one-at-a-time low/high runs on common random numbers for
 * each parameter of the scenario's `sensitivity:` section (or the default set); tornado charts.
 */
import type { Argv, CommandModule } from 'yargs';
import { InputError } from '../exit.js';
import { analysisOptions, prepareBaseDir, commonFlags, day, formatTable, loadBoth, pct, say, updateReport, withProgress, type AnalysisArgs } from '../analysis-shared.js';
import { whileWriting } from '../signals.js';

interface SensitivityArgs extends AnalysisArgs {
  readonly scenario: string;
}

export const sensitivityCommand: CommandModule<object, SensitivityArgs> = {
  command: 'sensitivity <scenario>',
  describe: 'One-at-a-time sensitivity (the scenario\'s sensitivity: list, or a default set): tornado of the swing in P(cleared) and the P50 date',
  builder: (y) => analysisOptions(y.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON), or - for standard input' })) as unknown as Argv<SensitivityArgs>,
  handler: async (args) => {
    const problems: string[] = [];
    const c = await commonFlags(args, problems);
    if (problems.length > 0) throw new InputError(problems);
    const { doc, scenario } = await loadBoth(args.scenario);
    const { prepareSensitivity, runSensitivity, sensitivityCsv } = await import('../../runner/analysis/index.js');
    const prepared = prepareSensitivity(doc, scenario);
    if (!prepared.ok) throw new InputError(prepared.problems);
    for (const s of prepared.skipped) process.stderr.write(`warning: ${s}\n`);
    if (prepared.params.length === 0) throw new InputError(`sensitivity: no parameter to vary in ${args.scenario} (add a sensitivity: section)`);
    const replications = c.reps ?? scenario.replications;
    const seed = c.seed ?? scenario.seed;
    const baseDir = prepareBaseDir(c, scenario);
    const r = await withProgress(args, (signal, progress) => runSensitivity(scenario, prepared.params, prepared.source, {
      replications, seed, workers: c.workers, signal, onProgress: progress.update,
    }));
    if (r === null) return;
    const { buildTornadoCharts } = await import('../../report/charts/analysis-tornado.js');
    const { chartTime } = await import('../../report/charts/analysis-common.js');
    const time = chartTime(scenario.startUtc, scenario.timeZone); // dates in the scenario's local time, as in the run's report
    const d = (iso: string | null): string => day(iso, time.offsetMs);
    const { writeAnalysis } = await import('../../report/charts/analysis-output.js');
    const columns = ['Parameter', 'Low', 'High', 'P(low)', 'P(high)', 'Swing P', 'P50 low', 'P50 high', 'Swing P50 (days)'];
    const rows = r.parameters.map((p) => [
      p.label, p.lowText, p.highText, pct(p.low.probabilityCleared.estimate), pct(p.high.probabilityCleared.estimate), p.swingP.toFixed(4),
      d(p.low.p50), d(p.high.p50), `${p.swingP50Days.toFixed(1)}${p.p50Censored ? '+' : ''}`,
    ]);
    // Low and High are the values run (rounded counts, capped probabilities); an end that is the
    // scenario as written says so, and its note says the swing is the other end's alone.
    const notes = r.parameters.flatMap((p) => (p.note === null ? [] : [`Note: ${p.note}.`]));
    const out = await whileWriting(() => writeAnalysis({
      baseDir, analysis: 'sensitivity', csv: sensitivityCsv(r), summary: r, charts: buildTornadoCharts(r, time), writeCharts: args.charts,
      title: `Sensitivity: what moves P(cleared) for ${scenario.name}`,
      paragraphs: [
        `Base: P(cleared) = ${pct(r.base.probabilityCleared.estimate)}, P50 ${d(r.base.p50)}. ${r.parameters.length} parameters (${r.source === 'scenario' ? "the scenario's sensitivity: section" : 'the default set: the scenario has no sensitivity: section'}), each at its low and its high value with all others as written; ${1 + 2 * r.parameters.length} runs of ${replications.toLocaleString('en-US')} replications, seed ${seed}: ${r.commonRandomNumbers}.`,
        'Swing P = |P(high) - P(low)|; sorted by it. A "+" on the P50 swing means a median beyond the horizon, counted at the horizon.',
        ...notes,
      ],
      table: { columns, rows },
    }));
    const report = await updateReport(args.charts, out, baseDir, scenario, doc, replications, seed, c.workers);
    if (args.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    say(args, `Base: P(cleared) = ${pct(r.base.probabilityCleared.estimate)}, P50 ${d(r.base.p50)}\n${formatTable(columns, rows)}${notes.map((n) => `${n}\n`).join('')}Results in ${out.dir}${report ? ` (report: ${report})` : ''}\n`);
  },
};
