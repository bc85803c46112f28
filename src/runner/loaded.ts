/**
 * Worker threads still loading their module, and the message that says one has loaded.
 *
 * Node 20 aborts the whole process (exit 134 and a V8 "FATAL ERROR" dump) when a worker is
 * terminated while it is still loading its module through require. Closing a pool therefore
 * waits until its workers have loaded (WorkerPool.close in ./pool.ts), and so must a process
 * that exits at once on a stop signal (cli/signals.ts): `workersLoading()`. Its own module, so
 * that the runner's thread and the signal handlers read it without loading the model.
 */

/** Posted by a worker thread once its module (the model) is loaded. */
export const WORKER_LOADED = 'airlift:worker-loaded';

/** Pools whose workers have not all loaded yet: each entry resolves once they have (or gives up). */
const loading = new Set<Promise<void>>();

/** Registers a pool's wait for its workers' modules (until it settles). */
export function trackLoading(wait: Promise<void>): void {
  loading.add(wait);
  void wait.finally(() => loading.delete(wait));
}

/** Resolves once no worker of this process is still loading its module; null if none is. */
export function workersLoading(): Promise<void> | null {
  return loading.size === 0 ? null : Promise.all([...loading]).then(() => undefined);
}
