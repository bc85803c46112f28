import type { CommandModule } from 'yargs';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { traceCommand } from './trace.js';
import { mergeCommand } from './merge.js';
import { reportCommand } from './report.js';
import { compareCommand } from './compare.js';
import { sweepCommand } from './sweep.js';
import { sensitivityCommand } from './sensitivity.js';
import { goalCommand } from './goal.js';

/** Every command, in the order `airlift --help` lists them. */
export const commands: readonly CommandModule[] = [
  runCommand, validateCommand, schemaCommand, traceCommand, mergeCommand, reportCommand,
  compareCommand, sweepCommand, sensitivityCommand, goalCommand,
];
