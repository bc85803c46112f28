import type { CommandModule } from 'yargs';
import { InputError } from '../exit.js';
import { scenarioPath } from './run.js';

interface ValidateArgs {
  readonly file: string;
  readonly json: boolean;
}

/** `airlift validate <file>`: exit 0 with a summary, or exit 2 with every problem. */
export const validateCommand: CommandModule<object, ValidateArgs> = {
  command: 'validate <file>',
  describe: 'Check a scenario file and summarise it (every problem at once; "-" reads standard input)',
  builder: (y) =>
    y
      .positional('file', { type: 'string', demandOption: true, describe: 'Scenario file (YAML or JSON), or - for standard input' })
      .option('json', { type: 'boolean', default: false, describe: 'Machine-readable output' }),
  handler: async (args) => {
    const { loadScenario, summarize, formatSummary, displayName } = await import('../../scenario/index.js');
    const file = scenarioPath(args.file);
    const result = await loadScenario(file);
    const { resolve } = await import('node:path');
    const name = file === '-' ? '<stdin>' : displayName(resolve(file));
    if (args.json) {
      const out = result.ok
        ? { ok: true, file: name, summary: summarize(result.scenario), warnings: result.warnings }
        : { ok: false, file: name, problems: result.problems, warnings: result.warnings };
      process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
      if (!result.ok) process.exitCode = 2;
      return;
    }
    for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
    if (!result.ok) throw new InputError(result.problems);
    process.stdout.write(`${formatSummary(summarize(result.scenario), name)}\n`);
  },
};
