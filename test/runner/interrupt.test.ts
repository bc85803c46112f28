/**
 * Stop signals during a run: Ctrl-C exits 130, SIGTERM (kill, scancel, a pod's shutdown) 143,
 * and no result file, not even a half-written one or a temporary one, is left.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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
  // What `airlift merge` does while it streams replications.csv: an atomic stream is open, no run
  // is there to abort. The signal handlers of main.ts, then SIGTERM.
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
