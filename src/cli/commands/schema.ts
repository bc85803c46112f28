import type { CommandModule } from 'yargs';

// Placeholder until the 'schema' command is built (see its issue); exits 1.
export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: '(schema: not built yet)',
  handler: () => {
    throw new Error('airlift schema is not built yet');
  },
};
