/**
 * One WorkerPool serving several runs (as the analyses use it): every run gives exactly what a
 * run in this thread gives, whichever scenario the pool's threads ran before.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { Aggregator } from '../../src/runner/aggregator.js';
import { inProcessExecutor, runRange, WorkerPool, type Executor } from '../../src/runner/pool.js';

async function load(path: string): Promise<ResolvedScenario> {
  const r = await loadScenario(path);
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

async function completions(exec: Executor, s: ResolvedScenario, n: number): Promise<number[]> {
  const agg = new Aggregator(s, 0, n);
  await runRange(exec, agg, 0, n);
  return Array.from(agg.completion.view());
}

describe('WorkerPool', () => {
  it('serves runs of different scenarios and seeds in turn, each identical to an in-process run', async () => {
    const a = await load(join(import.meta.dirname, 'fixtures', 'tight.yaml'));
    const b = await load(join(import.meta.dirname, '..', '..', 'scenarios', 'examples', 'two-sites-weather.yaml'));
    const n = 60;
    const pool = await WorkerPool.start(2);
    try {
      const runs: [ResolvedScenario, number][] = [[a, 1], [b, 1], [a, 7], [b, 1], [a, 1]];
      for (const [s, seed] of runs) {
        const got = await completions(pool.executor(s, seed), s, n);
        const want = await completions(await inProcessExecutor(s, seed), s, n);
        expect(got).toEqual(want);
      }
    } finally {
      await pool.close();
    }
    // different seeds really differ (the comparison above can fail)
    const s1 = await completions(await inProcessExecutor(a, 1), a, n);
    const s7 = await completions(await inProcessExecutor(a, 7), a, n);
    expect(s1).not.toEqual(s7);
  }, 60_000);
});

describe('worker batches', () => {
  // Transferring a batch's buffers detaches them in the worker, and V8 then compiles every
  // typed-array access of the model with a detached check (+15 % instructions per
  // replication, see src/runner/worker.ts). Batches must be copied back, never moved.
  it('are copied to the runner: the worker still holds its batch intact after handing it over', async () => {
    const s = await load(join(import.meta.dirname, 'fixtures', 'tight.yaml'));
    const { Piscina } = await import('piscina');
    const pool = new Piscina({ filename: join(import.meta.dirname, 'fixtures', 'keep-worker.mjs'), minThreads: 1, maxThreads: 1 });
    try {
      const task = (start: number) => ({ key: 1, scenario: s, seed: 1, csv: true, start, count: 5 });
      const first = await pool.run(task(0));
      expect(first.batch.data.byteLength).toBeGreaterThan(0);
      const second = await pool.run(task(5));
      expect(second.previous).toEqual({ data: first.batch.data.byteLength, pairs: first.batch.binned.pairs.byteLength });
    } finally {
      await pool.destroy();
    }
  });
});
