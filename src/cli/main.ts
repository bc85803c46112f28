#!/usr/bin/env node
/**
 * The `airlift` command line. Thin: each command lives in ./commands/<name>.ts and loads its
 * heavy modules lazily inside its handler. Errors become exit codes here and only here:
 * bad input (InputError, or a yargs usage failure) -> 2; ThresholdError -> 3; anything else -> 1.
 * Stop signals (Ctrl-C, SIGTERM, SIGHUP) exit 128 + the signal's number: see ./signals.ts.
 */
import yargs, { type CommandModule } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { EXIT, InputError, ThresholdError } from './exit.js';
import { commands } from './commands/index.js';
import { handleStopSignals } from './signals.js';
import { stdinArgs } from './commands/run.js';

export async function main(argv: readonly string[]): Promise<number> {
  const parser = yargs(stdinArgs(argv))
    .scriptName('airlift')
    .usage('$0 <command> [options]\n\nDiscrete-event Monte Carlo simulator of airlift withdrawals.')
    .strict()
    .demandCommand(1, 'Name a command (airlift --help lists them).')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version()
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false)
    // yargs exits 1 on a usage failure by default; a bad flag is bad input (2). The failure
    // is thrown, not just recorded: a fail handler that returns lets yargs go on and run the
    // command (an unknown flag used to be reported only after a whole run had written its files).
    .fail((msg, err) => {
      if (err) throw err;
      throw new UsageFailure(msg);
    });
  for (const c of commands) parser.command(c as CommandModule);
  skipHelpCache(parser);
  try {
    await parser.parseAsync();
  } catch (err) {
    return report(err);
  }
  return process.exitCode === undefined ? EXIT.ok : Number(process.exitCode);
}

/**
 * Right after a command's handler starts, yargs builds that command's whole help text and
 * caches it, for a `showHelp()` the handler might call later: 40-45 ms of string-width work
 * on the main thread (measured), on the critical path of every command (the handler's first
 * await resumes only after it), for a text this CLI never shows then (failures are reported
 * by report(), `--help` builds its text when asked). Replaced by a no-op on yargs 18's usage
 * object when that is where yargs keeps it; otherwise left as it is.
 */
function skipHelpCache(parser: unknown): void {
  type Usage = { cacheHelpMessage?: unknown };
  const internals = (parser as { getInternalMethods?: () => { getUsageInstance?: () => Usage } }).getInternalMethods?.();
  const usage = internals?.getUsageInstance?.();
  if (usage !== undefined && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = (): void => {};
}

/** A yargs usage failure (unknown flag or command, missing argument). */
class UsageFailure extends Error {}

function report(err: unknown): number {
  if (err instanceof UsageFailure) {
    process.stderr.write(`airlift: ${err.message}\n(see airlift --help)\n`);
    return EXIT.badInput;
  }
  if (err instanceof InputError) {
    for (const p of err.problems) process.stderr.write(`${p}\n`);
    return EXIT.badInput;
  }
  if (err instanceof ThresholdError) {
    process.stderr.write(`airlift: ${err.message}\n`);
    return EXIT.belowThreshold;
  }
  const e = err instanceof Error ? err : new Error(String(err));
  process.stderr.write(`airlift: unexpected failure: ${e.stack ?? e.message}\n`);
  return EXIT.failure;
}

handleStopSignals();
main(hideBin(process.argv)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.exitCode = report(err);
  },
);
