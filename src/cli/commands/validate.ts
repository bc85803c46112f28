import type { CommandModule } from 'yargs';

// Placeholder until the 'validate' command is built (see its issue); exits 1.
export const validateCommand: CommandModule = {
  command: 'validate',
  describe: '(validate: not built yet)',
  handler: () => {
    throw new Error('airlift validate is not built yet');
  },
};
