/**
 * One WorkerPool serving several runs (as the analyses use it): every run gives exactly what a
 * run in this thread gives, whichever scenario the pool's threads ran before.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { Aggregator } from '../../src/runner/aggregator.js';
import { batchSizeFor, inProcessExecutor, nextBatch, runRange, WorkerPool, type Executor } from '../../src/runner/pool.js';

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
      // the plan run and a replication's phases, computed by the workers at a run's end
      for (const [s, seed] of [[a, 1], [b, 3]] as const) {
        const here = await (await inProcessExecutor(s, seed)).ends(7);
        expect(here.gantt?.phases.length).toBeGreaterThan(0);
        expect(await pool.executor(s, seed).ends(7)).toEqual(here);
        expect((await pool.executor(s, seed).ends(-1)).gantt).toBeNull();
      }
      const other = await (await inProcessExecutor(a, 1)).ends(8);
      expect(other.gantt?.phases).not.toEqual((await pool.executor(a, 1).ends(7)).gantt?.phases);
    } finally {
      await pool.close();
    }
    // different seeds really differ (the comparison above can fail)
    const s1 = await completions(await inProcessExecutor(a, 1), a, n);
    const s7 = await completions(await inProcessExecutor(a, 7), a, n);
    expect(s1).not.toEqual(s7);
  }, 60_000);
});

describe('WorkerPool.close', () => {
  // Node 20 aborts the process (exit 134) when a worker is terminated while it is still loading
  // its module; a run with bad input closed its pool a few ms after starting it (pool.ts).
  it('right after start, waits until every worker has loaded its module', async () => {
    const pool = await WorkerPool.start(2);
    expect(pool.loaded).toBe(0);
    await pool.close();
    expect(pool.loaded).toBe(2);
  }, 30_000);
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

describe('task sizes', () => {
  const sizes = (count: number, workers: number): number[] => {
    const batch = batchSizeFor(count, workers);
    const out: number[] = [];
    for (let left = count; left > 0; left -= out[out.length - 1]!) out.push(nextBatch(left, batch, workers));
    return out;
  };

  it('cover the range exactly, at most one full batch each, shrinking at the tail on several workers', () => {
    for (const [count, workers] of [[10_000, 2], [10_000, 3], [1_000, 2], [37, 2], [1, 2]] as const) {
      const got = sizes(count, workers);
      expect(got.reduce((a, b) => a + b, 0)).toBe(count);
      const batch = batchSizeFor(count, workers);
      for (let i = 0; i < got.length; i++) {
        expect(got[i]).toBeGreaterThan(0);
        expect(got[i]).toBeLessThanOrEqual(batch);
        if (i > 0) expect(got[i]).toBeLessThanOrEqual(got[i - 1]!); // never grows again
      }
    }
    // 10,000 on 2 workers: 250s first, then guided sizes, the tail in tasks of 25 (the last holds the rest)
    const t = sizes(10_000, 2);
    expect(t[0]).toBe(250);
    expect(t.slice(-3, -1)).toEqual([25, 25]);
    expect(t.filter((c) => c === 250).length).toBeGreaterThan(20);
  });

  it('stay fixed on one worker (no thread to balance)', () => {
    expect(sizes(1_000, 1)).toEqual([125, 125, 125, 125, 125, 125, 125, 125]);
  });
});
