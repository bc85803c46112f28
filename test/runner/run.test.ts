/**
 * End-to-end runner determinism: the same scenario, seed and replication count give the same
 * outputs whatever the worker count, and shards merged give exactly one run's outputs.
 * (Worker threads load dist/src/runner/worker.js: `npm test` builds first.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/scenario/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { runMonteCarlo, mergePartials, shardRange, nextPrecisionTarget, MergeInputError } from '../../src/runner/index.js';
import { wilsonHalfWidth } from '../../src/stats/intervals.js';

const FIXTURE = join(import.meta.dirname, 'fixtures', 'tight.yaml');
const TIMING = ['elapsedSeconds', 'replicationsPerSecond', 'workers'] as const;

let scenario: ResolvedScenario;
let document: unknown;
let root: string;

beforeAll(async () => {
  const loaded = await loadScenario(FIXTURE);
  if (!loaded.ok) throw new Error(loaded.problems.join('\n'));
  scenario = loaded.scenario;
  document = loaded.document;
  root = mkdtempSync(join(tmpdir(), 'airlift-runner-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function withoutTiming(summaryJson: string): Record<string, unknown> {
  const s = JSON.parse(summaryJson) as Record<string, unknown>;
  for (const k of TIMING) delete s[k];
  return s;
}
const read = (dir: string, f: string): string => readFileSync(join(dir, f), 'utf8');

describe('runMonteCarlo', () => {
  const N = 36;
  const SEED = 11;

  it('gives identical outputs with 1, 2 and 3 workers', async () => {
    const dirs: string[] = [];
    for (const workers of [1, 2, 3]) {
      const outDir = join(root, `w${workers}`);
      await runMonteCarlo({ scenario, document, replications: N, seed: SEED, outDir, workers });
      dirs.push(outDir);
    }
    const [a, b, c] = dirs as [string, string, string];
    const sa = withoutTiming(read(a, 'summary.json'));
    expect(sa['replications']).toBe(N);
    expect(sa['seed']).toBe(SEED);
    // The fixture is chosen so that the answer is genuinely uncertain.
    const p = (sa['probabilityCleared'] as { estimate: number }).estimate;
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1);
    for (const d of [b, c]) {
      expect(withoutTiming(read(d, 'summary.json'))).toEqual(sa);
      for (const f of ['replications.csv', 'daily.csv', 'chartdata.json', 'scenario.resolved.json']) expect(read(d, f)).toBe(read(a, f));
    }
    const csv = read(a, 'replications.csv').trimEnd().split('\n');
    expect(csv).toHaveLength(N + 1);
    expect(csv.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(Array.from({ length: N }, (_, i) => i));
    // No temporary files left behind.
    expect(readdirSync(a).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const resolved = JSON.parse(read(a, 'scenario.resolved.json')) as Record<string, unknown>;
    expect(resolved['seed']).toBe(SEED);
    expect(resolved['replications']).toBe(N);
    expect(typeof resolved['toolVersion']).toBe('string');
  }, 120_000);

  it('three shards merged reproduce the single run exactly', async () => {
    const single = join(root, 'w1');
    const shardDirs: string[] = [];
    for (const k of [3, 1, 2]) {
      const outDir = join(root, `shard${k}`);
      const o = await runMonteCarlo({ scenario, document, replications: N, seed: SEED, outDir, workers: k === 2 ? 2 : 1, shard: { k, n: 3 } });
      expect(o.summary).toBeNull();
      expect(o.shardRange).toEqual(shardRange(N, { k, n: 3 }));
      shardDirs.push(outDir);
    }
    const merged = join(root, 'merged');
    await mergePartials(shardDirs, merged);
    expect(withoutTiming(read(merged, 'summary.json'))).toEqual(withoutTiming(read(single, 'summary.json')));
    for (const f of ['replications.csv', 'daily.csv', 'chartdata.json', 'scenario.resolved.json']) expect(read(merged, f)).toBe(read(single, f));
  }, 120_000);

  it('merge refuses a shard whose replications.csv was cut short or edited, naming file and line', async () => {
    const copyShard = (name: string, edit: (csv: string) => string): string => {
      const dir = join(root, name);
      cpSync(join(root, 'shard2'), dir, { recursive: true });
      writeFileSync(join(dir, 'replications.csv'), edit(read(dir, 'replications.csv')));
      return dir;
    };
    const lines = (csv: string): string[] => csv.split('\n');
    const cases: [string, (csv: string) => string, RegExp][] = [
      ['cut-rows', (c) => lines(c).slice(0, 6).join('\n') + '\n', /cut-rows\/replications\.csv:7:1: expected 12 rows \(replications 12\.\.23\), found 5/],
      ['cut-mid-row', (c) => c.slice(0, c.length - 10), /cut-mid-row\/replications\.csv:13:\d+: expected a line end after the last row/],
      ['row-dropped', (c) => { const l = lines(c); l.splice(3, 1); return l.join('\n'); }, /row-dropped\/replications\.csv:4:1: replication: expected 14, found '15'/],
      ['extra-row', (c) => c + lines(c)[1] + '\n', /extra-row\/replications\.csv:14:1: expected 12 rows .* found another row/],
      ['header', (c) => c.replace('replication,', 'rep,'), /header\/replications\.csv:1:1: expected the replications\.csv header/],
    ];
    for (const [name, edit, message] of cases) {
      const out = join(root, `merged-${name}`);
      const dirs = [join(root, 'shard1'), copyShard(name, edit), join(root, 'shard3')];
      await expect(mergePartials(dirs, out), name).rejects.toThrow(message);
      expect(readdirSync(out), name).toEqual([]); // nothing written, no temporary file left
    }
  }, 120_000);

  it('merge refuses a missing shard, naming the gap', async () => {
    const dirs = [join(root, 'shard1'), join(root, 'shard3')];
    await expect(mergePartials(dirs, join(root, 'bad'))).rejects.toThrow(MergeInputError);
    await expect(mergePartials(dirs, join(root, 'bad'))).rejects.toThrow(/replications 12\.\.23 are missing/);
  });

  it('--precision stops as soon as the Wilson half-width is reached, or at the cap', async () => {
    const cap = 60;
    const o = await runMonteCarlo({ scenario, document, replications: cap, seed: SEED, outDir: join(root, 'prec'), workers: 1, precision: 0.001 });
    expect(o.summary!.replications).toBe(cap);
    expect(o.summary!.precision).toMatchObject({ target: 0.001, reached: false, cap });
    const s = o.summary!;
    const cleared = Math.round(s.probabilityCleared.estimate * cap);
    expect(s.precision!.halfWidth).toBeCloseTo(wilsonHalfWidth(cleared, cap), 12);
    // The first 36 replications are the same ones as the plain run's: same stream per index.
    const plain = read(join(root, 'w1'), 'replications.csv').split('\n').slice(0, N + 1);
    expect(read(join(root, 'prec'), 'replications.csv').split('\n').slice(0, N + 1)).toEqual(plain);
  }, 120_000);
});

describe('shardRange and nextPrecisionTarget', () => {
  it('shards are contiguous, cover everything, and differ in size by at most one', () => {
    for (const [total, n] of [[10, 3], [7, 7], [1000, 8], [5, 1]] as const) {
      const ranges = Array.from({ length: n }, (_, i) => shardRange(total, { k: i + 1, n }));
      expect(ranges[0]![0]).toBe(0);
      expect(ranges[n - 1]![1]).toBe(total);
      for (let i = 1; i < n; i++) expect(ranges[i]![0]).toBe(ranges[i - 1]![1]);
      const sizes = ranges.map(([a, b]) => b - a);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
    }
  });
  it('asks for about z² p(1-p) / E² replications, in steps of 1,000, within the cap', () => {
    // p = 0.9, E = 0.005: 1.96² * 0.09 / 0.000025 = 13,830 -> padded 5% -> 15,000.
    expect(nextPrecisionTarget(900, 1000, 0.005, 1_000_000)).toBe(15_000);
    expect(nextPrecisionTarget(900, 1000, 0.005, 8000)).toBe(8000);
    // Always progresses by at least one step.
    expect(nextPrecisionTarget(1000, 1000, 0.05, 1_000_000)).toBe(2000);
  });
});
