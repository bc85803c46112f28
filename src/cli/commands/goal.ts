import type { CommandModule } from 'yargs';

// Placeholder until the 'goal' command is built (see its issue); exits 1.
export const goalCommand: CommandModule = {
  command: 'goal',
  describe: '(goal: not built yet)',
  handler: () => {
    throw new Error('airlift goal is not built yet');
  },
};
