import type { CommandModule } from 'yargs';

// Placeholder until the 'run' command is built (see its issue); exits 1.
export const runCommand: CommandModule = {
  command: 'run',
  describe: '(run: not built yet)',
  handler: () => {
    throw new Error('airlift run is not built yet');
  },
};
