/** Ctrl-C during a run: exit 130, and no result file, not even a half-written one, is left. */
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

it('SIGINT stops the run cleanly: exit 130, no files in the output folder', async () => {
  const out = join(root, 'run');
  const child = spawn(process.execPath, [resolve('dist/bundle/main.js'), 'run', resolve('test/runner/fixtures/tight.yaml'),
    '-n', '1000000', '--out', out, '--workers', '2', '--no-charts'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  // Wait until the run is under way (its streamed replications.csv exists as a temporary file).
  for (let i = 0; i < 600 && !(existsSync(out) && readdirSync(out).some((f) => f.endsWith('.tmp'))); i++) await sleep(100);
  expect(existsSync(out)).toBe(true);
  child.kill('SIGINT');
  const code = await exited;
  expect(code).toBe(130);
  expect(stderr).toMatch(/interrupted; no results written/);
  expect(readdirSync(out)).toEqual([]);
}, 120_000);
