import type { CommandModule } from 'yargs';

// Placeholder until the 'sensitivity' command is built (see its issue); exits 1.
export const sensitivityCommand: CommandModule = {
  command: 'sensitivity',
  describe: '(sensitivity: not built yet)',
  handler: () => {
    throw new Error('airlift sensitivity is not built yet');
  },
};
