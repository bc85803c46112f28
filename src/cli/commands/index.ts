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

/** Every command, in the order `airlift --help` lists them. Each command types its own
 *  arguments, so the list is typed loosely here (yargs checks them at run time). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: readonly CommandModule<object, any>[] = [
  runCommand, validateCommand, schemaCommand, traceCommand, mergeCommand, reportCommand,
  compareCommand, sweepCommand, sensitivityCommand, goalCommand,
];
