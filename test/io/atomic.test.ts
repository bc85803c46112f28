/** io/atomic.ts: mkdir -p without Node's recursive mkdir, atomic writes. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { ensureDir, writeFileAtomic } from '../../src/io/atomic.js';

let root: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'airlift-atomic-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('ensureDir makes every missing level, and accepts a folder that exists', () => {
  const deep = join(root, 'a', 'b', 'c');
  ensureDir(deep);
  expect(statSync(deep).isDirectory()).toBe(true);
  ensureDir(deep);
  ensureDir(root);
  expect(readdirSync(join(root, 'a'))).toEqual(['b']);
});

it('ensureDir refuses a path through a file, or a file where the folder should be', () => {
  const file = join(root, 'file');
  writeFileSync(file, 'x');
  expect(() => ensureDir(join(file, 'sub'))).toThrow(/ENOTDIR/);
  expect(() => ensureDir(file)).toThrow(/EEXIST/);
  expect(readFileSync(file, 'utf8')).toBe('x');
});

// Node 20's mkdirSync(dir, { recursive: true }) never returns here (mkdir answers ENOENT while
// the parent exists), so the call runs in a child process that is killed after 10 s: with the
// recursive mkdir the child prints nothing and the test fails instead of hanging.
it.skipIf(!existsSync('/proc/self'))('ensureDir fails at once where mkdir answers ENOENT under an existing folder (/proc)', () => {
  const script = `import(${JSON.stringify(resolve('dist/src/io/atomic.js'))}).then((m) => {
    try { m.ensureDir('/proc/airlift-not-here/x'); console.log('made'); } catch (e) { console.log(e.code); }
  });`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 10_000 });
  expect(r.stdout.trim()).toBe('ENOENT');
}, 20_000);

it('writeFileAtomic creates the folders and leaves no temporary file', () => {
  const target = join(root, 'w', 'x', 'out.txt');
  writeFileAtomic(target, 'hello\n');
  expect(readFileSync(target, 'utf8')).toBe('hello\n');
  expect(readdirSync(join(root, 'w', 'x'))).toEqual(['out.txt']);
});
