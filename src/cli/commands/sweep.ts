import type { CommandModule } from 'yargs';

// Placeholder until the 'sweep' command is built (see its issue); exits 1.
export const sweepCommand: CommandModule = {
  command: 'sweep',
  describe: '(sweep: not built yet)',
  handler: () => {
    throw new Error('airlift sweep is not built yet');
  },
};
