/**
 * The message a worker thread posts once its module (the model) is loaded: see WorkerPool.close
 * in ./pool.ts. Its own module, so that the runner's thread reads it without loading the model.
 */
export const WORKER_LOADED = 'airlift:worker-loaded';
