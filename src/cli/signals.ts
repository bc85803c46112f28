/**
 * Stopping on a signal, the same way for every command.
 *
 * Ctrl-C (SIGINT), SIGTERM (what `kill`, Slurm's `scancel` and a Kubernetes pod's shutdown
 * send first) and SIGHUP (the terminal closed) all stop a command. While a run or an analysis
 * is simulating (`stoppable()`), the signal aborts it: the workers stop, the runner removes its
 * temporary files, and the command prints that nothing was written. Anywhere else (loading a
 * scenario, merging shards, writing the report), or on a second signal while the first is being
 * handled, the process says so on stderr and exits at once (once worker threads that are still
 * loading have loaded: see runner/loaded.ts; a further signal exits at once even then);
 * io/atomic.ts removes any temporary file still open (files already renamed into place stay:
 * they are complete). Either
 * way no half-written output is left, and the exit code is the one a shell gives a process
 * killed by that signal, 128 + its number: 130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP.
 *
 * While a command writes a set of files that belong together (`whileWriting`: a run's data
 * files, then its charts and report.html), a stop signal is noted and acted on once the set is
 * complete (~1-2 s), so that a folder never holds part of one run's files beside part of an
 * earlier run's (a SIGTERM between summary.json and report.html left the new summary beside the
 * old report). A second signal still exits at once.
 *
 * Node's own handling of these signals would kill the process where it stands: a streamed
 * replications.csv stayed behind as `.replications.csv.PID.N.tmp` after a SIGTERM. The price:
 * a JavaScript handler runs on the event loop, so a main thread stuck in a synchronous loop
 * (a bug) no longer dies of SIGINT or SIGTERM, only of SIGKILL.
 */
import { constants } from 'node:os';
import { workersLoading } from '../runner/loaded.js';

export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** 128 + the signal's number, as a shell reports a process the signal killed. */
export function exitCodeFor(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

let current: ((signal: StopSignal) => void) | null = null;
let handling = false;

/** Installed once, by main.ts, before any command runs. */
export function handleStopSignals(): void {
  for (const s of STOP_SIGNALS) {
    process.on(s, () => {
      if (current !== null && !handling) {
        handling = true;
        current(s);
        return;
      }
      process.stderr.write(`airlift: stopped by ${s}\n`);
      // Worker threads still loading their module must not be terminated (Node 20 aborts the
      // process: runner/loaded.ts); that lasts ~0.1-0.2 s after a pool starts. A further signal
      // meanwhile exits at once.
      const loading = exiting ? null : workersLoading();
      if (loading === null) process.exit(exitCodeFor(s));
      exiting = true;
      void loading.then(() => process.exit(exitCodeFor(s)));
    });
  }
}

/** A stop signal is waiting for workers to load before exiting (handleStopSignals). */
let exiting = false;

export interface Stoppable {
  /** Aborted by the first stop signal while this is held. */
  readonly signal: AbortSignal;
  /** The first stop signal seen while this was held, if any. */
  stoppedBy(): StopSignal | null;
  /** The exit code for a stop: 128 + the signal's number (130 if none was seen). */
  exitCode(): number;
  /** From now on a stop signal exits at once again. */
  release(): void;
}

/** While held, the first stop signal aborts `signal` instead of ending the process. */
export function stoppable(): Stoppable {
  const controller = new AbortController();
  let by: StopSignal | null = null;
  const onStop = (s: StopSignal): void => {
    by = s;
    controller.abort();
  };
  current = onStop;
  handling = false;
  return {
    signal: controller.signal,
    stoppedBy: () => by,
    exitCode: () => exitCodeFor(by ?? 'SIGINT'),
    release: () => {
      if (current === onStop) current = null;
      handling = false;
    },
  };
}

/**
 * Run `write` with stop signals deferred (see the header). `earlier`: a stoppable whose signal,
 * seen after its work was done (the simulation had ended), counts as seen here. If a signal
 * came, the process exits with its code once `write` has finished.
 */
export async function whileWriting<T>(write: () => Promise<T>, earlier: Stoppable | null = null): Promise<T> {
  let by: StopSignal | null = earlier?.stoppedBy() ?? null;
  const onStop = (s: StopSignal): void => {
    by ??= s;
  };
  current = onStop;
  handling = by !== null; // a signal already seen: the next one exits at once
  try {
    return await write();
  } finally {
    if (current === onStop) current = null;
    handling = false;
    if (by !== null) {
      process.stderr.write(`airlift: stopped by ${by}, once the results being written were complete\n`);
      process.exit(exitCodeFor(by));
    }
  }
}
