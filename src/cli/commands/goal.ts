/**
 * `airlift goal <scenario> --target 0.9 --vary <path> [--min a --max b]`: the least value of a
 * parameter at which P(cleared) reaches the target (bisection on common random numbers), and
 * the least value at which the 95% lower bound does; a clear message when out of reach, and
 * then exit code 3 (after the outputs are written). Each answer's line is labelled by what it
 * says: 'Estimate reaches the target: <path> = v' when it does, 'Estimate: target not
 * reachable …' when it does not (it said "reaches the target: target not reachable").
 */
import type { Argv, CommandModule } from 'yargs';
import { InputError, ThresholdError } from '../exit.js';
import { parseNumberFlag } from './run.js';
import { analysisOptions, prepareBaseDir, ci, commonFlags, loadBoth, pct, say, updateReport, withProgress, type AnalysisArgs } from '../analysis-shared.js';
import { whileWriting } from '../signals.js';

interface GoalArgs extends AnalysisArgs {
  readonly scenario: string;
  readonly target?: unknown;
  readonly vary?: unknown;
  readonly min?: unknown;
  readonly max?: unknown;
  readonly tolerance?: unknown;
  readonly integer?: boolean;
}

export const goalCommand: CommandModule<object, GoalArgs> = {
  command: 'goal <scenario>',
  describe: 'Find the least value of a parameter (--vary) at which P(cleared) reaches --target, by bisection',
  builder: (y) => analysisOptions(
    y.positional('scenario', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON), or - for standard input' })
      .option('target', { type: 'string', demandOption: true, describe: "Target P(cleared), 0..1 or a percentage like '90%'" })
      .option('vary', { type: 'string', demandOption: true, describe: 'Path of the parameter, e.g. aircraft.C-17.tasked' })
      .option('min', { type: 'string', describe: 'Lowest value to try (default: 1 for a count, else 0)' })
      .option('max', { type: 'string', describe: 'Highest value to try (default: twice the scenario\'s value)' })
      .option('tolerance', { type: 'string', describe: 'Stop when the bracket is this narrow (non-integer parameters; default (max-min)/64)' })
      .option('integer', { type: 'boolean', describe: 'Search whole numbers only (default: when the scenario\'s value is a count)' })
      .example('$0 goal scenarios/niger-2024.yaml --target 0.9 --vary aircraft.C-17.tasked --min 1 --max 12', 'C-17s needed for a 90% chance'),
  ) as unknown as Argv<GoalArgs>,
  handler: async (args) => {
    const { checkPaths, goalRange, seekGoal, goalCsv, goalLines, goalDirectionText, GoalInputError } = await import('../../runner/analysis/index.js');
    const problems: string[] = [];
    const c = await commonFlags(args, problems);
    const target = parseNumberFlag('target', args.target, (x) => x > 0 && x < 1, "a probability strictly between 0 and 1 (or a percentage like '90%')", problems, true);
    const num = (flag: string, raw: unknown): number | undefined => parseNumberFlag(flag, raw, () => true, 'a number', problems);
    const min = num('min', args.min);
    const max = num('max', args.max);
    const tol = parseNumberFlag('tolerance', args.tolerance, (x) => x > 0, 'a positive number', problems);
    const vary = Array.isArray(args.vary) ? String(args.vary.at(-1)) : String(args.vary ?? '');
    if (vary.trim() === '') problems.push("--vary: expected a path, e.g. 'aircraft.C-17.tasked'");
    if (problems.length > 0) throw new InputError(problems);
    const { doc, scenario } = await loadBoth(args.scenario);
    const pathProblems = checkPaths(doc, [vary], '--vary');
    if (pathProblems.length > 0) throw new InputError(pathProblems);
    const range = goalRange(doc, vary, { min, max, integer: args.integer });
    if (!range.ok) throw new InputError(range.problems);
    const { min: lo, max: hi, integer } = range;
    const replications = c.reps ?? scenario.replications;
    const seed = c.seed ?? scenario.seed;
    const baseDir = prepareBaseDir(c, scenario);
    const spec = { path: vary, target: target!, min: lo, max: hi, integer, tolerance: tol ?? (hi - lo) / 64 };
    let r;
    try {
      r = await withProgress(args, (signal, progress) => seekGoal(doc, scenario, spec, { replications, seed, workers: c.workers, signal, onProgress: progress.update }));
    } catch (err) {
      if (err instanceof GoalInputError) throw new InputError(err.problems);
      throw err;
    }
    if (r === null) return;
    const { buildGoalCharts } = await import('../../report/charts/analysis-goal.js');
    const { writeAnalysis } = await import('../../report/charts/analysis-output.js');
    const lines = [...range.notes, ...goalLines(r, (s) => `${pct(s.probabilityCleared.estimate)} ${ci(s.probabilityCleared.ci95)}`)];
    const out = await whileWriting(() => writeAnalysis({
      baseDir, analysis: 'goal', csv: goalCsv(r), summary: r, charts: buildGoalCharts(r), writeCharts: args.charts,
      title: `Goal: P(cleared) >= ${spec.target} by varying ${vary}`,
      paragraphs: [
        ...lines,
        `Bisection over ${integer ? 'whole numbers' : `values to within ${Number(spec.tolerance.toPrecision(3))}`} in [${lo}, ${hi}] (${goalDirectionText(r, vary)}); ${r.trace.length} runs of ${replications.toLocaleString('en-US')} replications, seed ${seed}: ${r.commonRandomNumbers}. Bisection assumes P is monotone in the value.`,
      ],
      table: {
        columns: ['Step', vary, 'P(cleared)', '95% CI', 'Run'],
        rows: r.trace.map((t) => [t.step, t.value, pct(t.stats.probabilityCleared.estimate), ci(t.stats.probabilityCleared.ci95), t.phase]),
      },
    }));
    const report = await updateReport(args.charts, out, baseDir, scenario, doc, replications, seed, c.workers);
    if (args.json) process.stdout.write(`${JSON.stringify(r, null, 2)}\n`);
    say(args, `${lines.join('\n')}\nResults in ${out.dir}${report ? ` (report: ${report})` : ''}\n`);
    // Out of reach is an answer, written out like any other, but a pipeline must be able to
    // tell it from success without parsing text: exit 3, as `run --fail-under` does.
    if (!r.estimate.reached) throw new ThresholdError(`goal not reached: ${r.estimate.message}`);
  },
};
