/**
 * `airlift merge DIR... --out DIR`: combine the partial results of `airlift run --shard k/n`
 * into exactly the outputs one run would have written, then the report.
 */
import type { Argv, CommandModule } from 'yargs';
import { resolve } from 'node:path';
import { InputError } from '../exit.js';
import { checkThreshold, parseNumberFlag, prepareOutDir } from './run.js';
import { whileWriting } from '../signals.js';

interface MergeArgs {
  readonly dirs: readonly string[];
  readonly out?: unknown;
  readonly json: boolean;
  readonly quiet: boolean;
  readonly 'fail-under'?: unknown;
  readonly charts: boolean;
}

export const mergeCommand: CommandModule<object, MergeArgs> = {
  command: 'merge <dirs..>',
  describe: 'Combine the shard results of airlift run --shard k/n into one run\'s outputs',
  builder: (y) =>
    y
      .positional('dirs', { type: 'string', array: true, demandOption: true, describe: 'Output folders of the shards (any order)' })
      .option('out', { type: 'string', demandOption: true, describe: 'Folder for the combined outputs' })
      .option('json', { type: 'boolean', default: false, describe: 'Print the summary JSON instead of the report' })
      .option('quiet', { type: 'boolean', default: false, describe: 'Nothing on stdout' })
      .option('fail-under', { type: 'string', describe: 'Exit 3 when P(cleared) is below P (0..1 or a percentage)' })
      .option('charts', { type: 'boolean', default: true, describe: 'Write charts and report.html (--no-charts: data files only)' }) as unknown as Argv<MergeArgs>,
  handler: async (args) => {
    const problems: string[] = [];
    const failUnder = parseNumberFlag('fail-under', args['fail-under'], (x) => x >= 0 && x <= 1, "a probability between 0 and 1 (or a percentage like '90%')", problems, true);
    const outRaw = Array.isArray(args.out) ? args.out[args.out.length - 1] : args.out;
    if (outRaw === undefined || String(outRaw).trim() === '') problems.push(`--out: expected a folder path, found ${JSON.stringify(outRaw ?? null)}`);
    if (problems.length > 0) throw new InputError(problems);
    const outDir = resolve(String(outRaw));
    const shardDirs = args.dirs.map((d) => resolve(d));
    if (shardDirs.includes(outDir)) {
      throw new InputError(`--out: expected a folder other than the shard folders (the merged replications.csv would replace that shard's), found '${outRaw}'`);
    }
    const made = prepareOutDir(outDir);
    const { mergePartials, MergeInputError, formatReport } = await import('../../runner/index.js');
    // the merged files and the report are one set: a stop signal waits for it (signals.ts)
    const outcome = await whileWriting(async () => {
      let merged;
      try {
        merged = await mergePartials(shardDirs, outDir);
      } catch (err) {
        made.undo(); // bad shards leave no new empty --out folder behind
        if (err instanceof MergeInputError) throw new InputError(err.problems);
        throw err;
      }
      if (args.charts) {
        const { writeReport } = await import('../../report/index.js');
        await writeReport(outDir);
      } else {
        const { removeReport } = await import('../../report/files.js');
        removeReport(outDir); // an earlier report would contradict the merged results
      }
      return merged;
    });
    if (args.json) process.stdout.write(`${JSON.stringify(outcome.summary, null, 2)}\n`);
    else if (!args.quiet) {
      process.stdout.write(formatReport(outcome.summary, { scenario: outcome.scenario, shards: shardDirs.length }));
      process.stdout.write(`Results in ${outDir}${args.charts ? ' (report.html)' : ''}\n`);
    }
    checkThreshold(outcome.summary.probabilityCleared.estimate, failUnder);
  },
};
