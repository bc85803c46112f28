/**
 * Atomic file output: write to a temporary file in the same folder, then rename over the
 * target, so a reader (or a Ctrl-C) never sees a half-written file. A leaf module: anyone
 * may import it.
 *
 * Temporary files still open when the process exits (a stream not yet committed when a signal
 * ends the command: see cli/signals.ts) are removed by an exit hook, so even an exit in the
 * middle of a streamed file leaves nothing behind. (A SIGKILL runs no hook: that alone can
 * leave a `.NAME.PID.N.tmp` file, never a half-written NAME.)
 */
import { mkdirSync, openSync, renameSync, rmSync, statSync, writeFileSync, createWriteStream, type Stats, type WriteStream } from 'node:fs';
import { dirname, basename, join, resolve } from 'node:path';

let counter = 0;
function tempPathFor(target: string): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${counter}.tmp`);
}

/**
 * `mkdir -p dir`. Not `mkdirSync(dir, { recursive: true })`: on Node 20 that never returns when
 * mkdir answers ENOENT for a folder whose parent exists (`--out /proc/x` spun at full CPU until
 * killed); one level at a time, the same answer is an error like any other. Returns the
 * folders it made, outermost first.
 */
export function ensureDir(dir: string): string[] {
  const missing: string[] = [];
  for (let d = resolve(dir); ; d = dirname(d)) {
    let st: Stats | undefined;
    try {
      st = statSync(d);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (st?.isDirectory()) break;
    missing.push(d); // missing, or a file in the way (mkdir below then says EEXIST)
    if (st !== undefined || dirname(d) === d) break;
  }
  const made: string[] = [];
  for (let i = missing.length - 1; i >= 0; i--) {
    try {
      mkdirSync(missing[i]!);
      made.push(missing[i]!);
    } catch (err) {
      // made meanwhile by another process (shards sharing a parent folder): fine if a folder
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(missing[i]!).isDirectory()) throw err;
    }
  }
  return made;
}

/** Temporary files created and not yet renamed or removed. */
const pending = new Set<string>();
let hooked = false;

function track(tmp: string): void {
  if (!hooked) {
    hooked = true;
    process.on('exit', () => {
      for (const p of pending) rmSync(p, { force: true });
    });
  }
  pending.add(tmp);
}

/**
 * Write `data` to `target` atomically (creating parent folders). Synchronous from the temporary
 * file to the rename: no signal handler or exit hook runs in between, so it needs no tracking.
 */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  ensureDir(dirname(target));
  const tmp = tempPathFor(target);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, target);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** A streamed file that appears at `target` only on `commit()`; `abort()` removes the temp file. */
export interface AtomicStream {
  readonly stream: WriteStream;
  commit(): Promise<void>;
  abort(): void;
}

export function createAtomicStream(target: string): AtomicStream {
  ensureDir(dirname(target));
  const tmp = tempPathFor(target);
  // Opened here, synchronously: a stream opening its file later, on libuv's thread pool, could
  // create it after the exit hook has looked (a stop right after this call left it behind).
  const fd = openSync(tmp, 'w');
  track(tmp);
  const stream = createWriteStream(tmp, { fd });
  return {
    stream,
    commit: () =>
      new Promise<void>((resolve, reject) => {
        stream.end(() => {
          try {
            renameSync(tmp, target);
            pending.delete(tmp);
            resolve();
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      }),
    abort: () => {
      stream.destroy();
      rmSync(tmp, { force: true });
      pending.delete(tmp);
    },
  };
}
