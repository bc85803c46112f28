import type { CommandModule } from 'yargs';

// Placeholder until the 'compare' command is built (see its issue); exits 1.
export const compareCommand: CommandModule = {
  command: 'compare',
  describe: '(compare: not built yet)',
  handler: () => {
    throw new Error('airlift compare is not built yet');
  },
};
