/**
 * Atomic file output: write to a temporary file in the same folder, then rename over the
 * target, so a reader (or a Ctrl-C) never sees a half-written file. A leaf module: anyone
 * may import it.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync, createWriteStream, type WriteStream } from 'node:fs';
import { dirname, basename, join } from 'node:path';

let counter = 0;
function tempPathFor(target: string): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${counter}.tmp`);
}

/** Write `data` to `target` atomically (creating parent folders). */
export function writeFileAtomic(target: string, data: string | Uint8Array): void {
  mkdirSync(dirname(target), { recursive: true });
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
  mkdirSync(dirname(target), { recursive: true });
  const tmp = tempPathFor(target);
  const stream = createWriteStream(tmp);
  return {
    stream,
    commit: () =>
      new Promise<void>((resolve, reject) => {
        stream.end(() => {
          try {
            renameSync(tmp, target);
            resolve();
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
      }),
    abort: () => {
      stream.destroy();
      rmSync(tmp, { force: true });
    },
  };
}
