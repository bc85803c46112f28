import type { CommandModule } from 'yargs';

// Placeholder until the 'trace' command is built (see its issue); exits 1.
export const traceCommand: CommandModule = {
  command: 'trace',
  describe: '(trace: not built yet)',
  handler: () => {
    throw new Error('airlift trace is not built yet');
  },
};
