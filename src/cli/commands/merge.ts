import type { CommandModule } from 'yargs';

// Placeholder until the 'merge' command is built (see its issue); exits 1.
export const mergeCommand: CommandModule = {
  command: 'merge',
  describe: '(merge: not built yet)',
  handler: () => {
    throw new Error('airlift merge is not built yet');
  },
};
