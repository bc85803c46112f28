import type { CommandModule } from 'yargs';

// Placeholder until the 'report' command is built (see its issue); exits 1.
export const reportCommand: CommandModule = {
  command: 'report',
  describe: '(report: not built yet)',
  handler: () => {
    throw new Error('airlift report is not built yet');
  },
};
