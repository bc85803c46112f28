import type { CommandModule } from 'yargs';
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../exit.js';

/** `airlift report <outdir>`: rebuild charts and report.html from saved results (no re-simulation). */
export const reportCommand: CommandModule = {
  command: 'report <outdir>',
  describe: 'Rebuild charts/ and report.html from a run\'s saved summary.json and chartdata.json',
  builder: (y) =>
    y
      .positional('outdir', { type: 'string', demandOption: true, describe: 'Output folder of a run (holds summary.json and chartdata.json)' })
      .option('charts', { type: 'boolean', default: true, describe: 'Write charts/*.svg and *.vl.json (--no-charts: report.html only)' }),
  handler: async (argv) => {
    const outdir = String(argv['outdir']);
    const charts = argv['charts'] !== false;
    if (!existsSync(outdir) || !statSync(outdir).isDirectory()) {
      throw new InputError(`${outdir}: not a folder (expected a run's output folder holding summary.json and chartdata.json)`);
    }
    const { buildReport, ReportInputError } = await import('../../report/index.js');
    try {
      const files = await buildReport(outdir, { charts });
      process.stdout.write(`wrote ${files.html}${files.charts.length > 0 ? ` and ${files.charts.length} chart files in ${outdir}/charts` : ''}\n`);
    } catch (err) {
      if (err instanceof ReportInputError) throw new InputError(err.problems);
      throw err;
    }
  },
};
