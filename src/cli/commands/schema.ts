import type { CommandModule } from 'yargs';
import { InputError } from '../exit.js';

interface SchemaArgs {
  readonly stdout: boolean;
  readonly out: string;
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
      .option('out', { type: 'string', default: SCHEMA_PATH, describe: 'Where to write the schema' }),
  handler: async (args) => {
    const { scenarioSchemaText } = await import('../../scenario/schema-text.js');
    const text = scenarioSchemaText();
    if (args.stdout) {
      process.stdout.write(text);
      return;
    }
    const { writeFileAtomic } = await import('../../io/atomic.js');
    try {
      writeFileAtomic(args.out, text);
    } catch (err) {
      // where the file cannot go (a path through a file, a read-only folder) is bad input
      throw new InputError(`--out: expected a file path that can be written, found '${args.out}' (${(err as Error).message})`);
    }
    process.stdout.write(`wrote ${args.out}\n`);
  },
};
