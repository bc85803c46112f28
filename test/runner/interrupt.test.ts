/**
 * Stop signals during a run: Ctrl-C exits 130, SIGTERM (kill, scancel, a pod's shutdown) 143,
 * and no result file, not even a half-written one or a temporary one, is left.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'airlift-int-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it.each([['SIGINT', 130], ['SIGTERM', 143]] as const)('%s stops the run cleanly: exit %d, no files in the output folder', async (signal, exitCode) => {
  const out = join(root, `run-${signal}`);
  const child = spawn(process.execPath, [resolve('dist/bundle/main.js'), 'run', resolve('test/runner/fixtures/tight.yaml'),
    '-n', '1000000', '--out', out, '--workers', '2', '--no-charts'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // Wait until the run is under way (its streamed replications.csv exists as a temporary file).
  for (let i = 0; i < 600 && !(existsSync(out) && readdirSync(out).some((f) => f.startsWith('.replications.csv.') && f.endsWith('.tmp'))); i++) await sleep(100);
  expect(existsSync(out)).toBe(true);
  child.kill(signal);
  const code = await exited;
  expect(code).toBe(exitCode);
  expect(stderr).toMatch(/interrupted; no results written/);
  expect(readdirSync(out)).toEqual([]);
}, 120_000);

it('a stop signal outside a run (here: a streamed file open) exits 128 + its number and removes the temporary file', async () => {
  const out = join(root, 'outside');
  // An atomic stream is open and no run is there to abort (an analysis's base run for its
  // report is such a place). The signal handlers of main.ts, then SIGTERM.
  const script = `
    const { handleStopSignals } = await import(${JSON.stringify(resolve('dist/src/cli/signals.js'))});
    const { createAtomicStream } = await import(${JSON.stringify(resolve('dist/src/io/atomic.js'))});
    handleStopSignals();
    const f = createAtomicStream(${JSON.stringify(join(out, 'replications.csv'))});
    f.stream.write('index\\n0\\n', () => process.stdout.write('open\\n'));
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  await new Promise<void>((r) => child.stdout.once('data', () => r()));
  expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
  child.kill('SIGTERM');
  expect(await exited).toBe(143);
  expect(stderr).toBe('airlift: stopped by SIGTERM\n');
  expect(readdirSync(out)).toEqual([]);
}, 60_000);

it('a stop signal while the worker threads load their module exits 143 once they have loaded (terminating one then aborts Node 20)', async () => {
  const out = join(root, 'while-loading');
  const preload = pathToFileURL(resolve('test/runner/fixtures/term-while-loading.mjs')).href;
  const child = spawn(process.execPath, ['--import', preload, resolve('dist/bundle/main.js'), 'run', resolve('test/runner/fixtures/tight.yaml'),
    '-n', '100', '--out', out, '--workers', '2', '--no-charts'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  expect(stderr).toBe('airlift: stopped by SIGTERM\nworkers made 2, loaded 2\n');
  expect(code).toBe(143);
  // the command went on meanwhile (it may have made the output folder), but wrote no file
  expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
}, 60_000);

describe('a stop signal while a set of result files is written (whileWriting)', () => {
  // A SIGTERM between a run's summary.json and its report.html left the new summary beside the
  // previous run's report. Now the set is completed first, then the process exits 128 + n.
  const script = (out: string, signals: number): string => `
    const { handleStopSignals, whileWriting } = await import(${JSON.stringify(resolve('dist/src/cli/signals.js'))});
    const { writeFileSync } = await import('node:fs');
    const { setTimeout: sleep } = await import('node:timers/promises');
    handleStopSignals();
    await whileWriting(async () => {
      writeFileSync(${JSON.stringify(join(out, 'summary.json'))}, '{}');
      for (let i = 0; i < ${signals}; i++) process.kill(process.pid, 'SIGTERM');
      await sleep(300); // the signals are delivered meanwhile
      writeFileSync(${JSON.stringify(join(out, 'report.html'))}, '<html>');
    });
    writeFileSync(${JSON.stringify(join(out, 'after.txt'))}, 'the command went on');
  `;
  const runScript = async (out: string, signals: number): Promise<{ code: number | null; stderr: string }> => {
    mkdirSync(out, { recursive: true });
    const child = spawn(process.execPath, ['--input-type=module', '-e', script(out, signals)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
    return { code, stderr };
  };

  it('one signal: the set is completed, then exit 143 and nothing more', async () => {
    const out = join(root, 'writing-once');
    const r = await runScript(out, 1);
    expect(r.code).toBe(143);
    expect(r.stderr).toBe('airlift: stopped by SIGTERM, once the results being written were complete\n');
    expect(readdirSync(out).sort()).toEqual(['report.html', 'summary.json']);
  }, 60_000);

  it('a second signal exits at once', async () => {
    const out = join(root, 'writing-twice');
    const r = await runScript(out, 2);
    expect(r.code).toBe(143);
    expect(r.stderr).toBe('airlift: stopped by SIGTERM\n');
    expect(readdirSync(out)).toEqual(['summary.json']);
  }, 60_000);

  it('airlift run: a SIGTERM once the new summary.json is in place still gets the matching report.html', async () => {
    const out = join(root, 'run-report');
    const preload = pathToFileURL(resolve('test/runner/fixtures/term-after-summary.mjs')).href;
    const run = (n: number, nodeFlags: string[]) => spawn(process.execPath, [...nodeFlags, resolve('dist/bundle/main.js'), 'run',
      resolve('test/runner/fixtures/tight.yaml'), '-n', String(n), '--out', out, '--workers', '1', '--quiet'], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exit = (c: ReturnType<typeof spawn>) => new Promise<number | null>((r) => c.on('exit', (code) => r(code)));
    expect(await exit(run(100, []))).toBe(0); // an earlier run's files, report included
    // The run sends itself SIGTERM just after renaming the new summary.json into place, before
    // the charts and report are made (fixtures/term-after-summary.mjs).
    const child = run(120, ['--import', preload]);
    let stderr = '';
    child.stderr?.on('data', (b: Buffer) => (stderr += b.toString()));
    expect(await exit(child)).toBe(143);
    expect(stderr).toBe('airlift: stopped by SIGTERM, once the results being written were complete\n');
    const summary = JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { replications: number };
    expect(summary.replications).toBe(120);
    expect(readFileSync(join(out, 'report.html'), 'utf8')).toMatch(/n = 120\b/);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 120_000);
});
