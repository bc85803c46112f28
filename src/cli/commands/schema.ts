import type { CommandModule } from 'yargs';
import { InputError } from '../exit.js';

interface SchemaArgs {
  readonly stdout: boolean;
  readonly out: string | undefined;
}

/** The committed JSON Schema of scenario files (editors read it through the yaml-language-server line). */
export const SCHEMA_PATH = 'scenarios/scenario.schema.json';

/** `airlift schema`: write scenarios/scenario.schema.json (atomically) or print it. */
export const schemaCommand: CommandModule<object, SchemaArgs> = {
  command: 'schema',
  describe: `Write the JSON Schema of scenario files to ${SCHEMA_PATH} (or print it)`,
  builder: (y) =>
    y
      .option('stdout', { type: 'boolean', default: false, describe: 'Print the schema instead of writing the file' })
      .option('out', { type: 'string', describe: `Where to write the schema (default ${SCHEMA_PATH})` }),
  handler: async (args) => {
    // both would leave one ignored without a word (it printed, and wrote nothing to --out)
    if (args.stdout && args.out !== undefined) throw new InputError(`--out: not with --stdout, which prints the schema instead of writing a file; found --out '${args.out}'`);
    const out = args.out ?? SCHEMA_PATH;
    const { scenarioSchemaText } = await import('../../scenario/schema-text.js');
    const text = scenarioSchemaText();
    if (args.stdout) {
      process.stdout.write(text);
      return;
    }
    const { writeFileAtomic } = await import('../../io/atomic.js');
    try {
      writeFileAtomic(out, text);
    } catch (err) {
      // where the file cannot go (a path through a file, a read-only folder) is bad input
      throw new InputError(`--out: expected a file path that can be written, found '${out}' (${(err as Error).message})`);
    }
    process.stdout.write(`wrote ${out}\n`);
  },
};
