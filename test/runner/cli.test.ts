/** The CLI as a user meets it: exit codes, flag messages, and no progress bar in pipes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const MAIN = resolve('dist/bundle/main.js');
const FIXTURE = resolve('test/runner/fixtures/tight.yaml');
let root: string;

beforeAll(() => {
  if (!existsSync(MAIN)) throw new Error('dist is missing: run npm run build (npm test does)');
  root = mkdtempSync(join(tmpdir(), 'airlift-cli-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function airlift(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('airlift run', () => {
  it('exits 0, prints the report on stdout, writes the files, and draws no progress bar in a pipe', () => {
    const out = join(root, 'ok');
    const r = airlift(['run', FIXTURE, '-n', '12', '--out', out, '--workers', '1', '--no-charts'], { CI: '' });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Probability everything is out by 2024-07-21: \d+\.\d% \(95% CI/);
    expect(r.stdout).toMatch(/n = 12/);
    expect(r.stderr).toBe('');
    for (const f of ['summary.json', 'chartdata.json', 'daily.csv', 'replications.csv', 'scenario.resolved.json']) expect(existsSync(join(out, f))).toBe(true);
    expect(existsSync(join(out, 'report.html'))).toBe(false); // --no-charts
  }, 120_000);

  it('--help prints the command\'s help and exits 0 (main.ts skips only the help yargs caches for handlers)', () => {
    const r = airlift(['run', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^airlift run <scenario>/);
    expect(r.stdout).toMatch(/--reps/);
    expect(r.stdout).toMatch(/--workers/);
  });

  it('--json prints the summary JSON, the same numbers as summary.json', () => {
    const out = join(root, 'json');
    const r = airlift(['run', FIXTURE, '--replications', '8', '--seed', '5', '--out', out, '--workers', '1', '--json', '--no-charts']);
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as { replications: number; seed: number };
    expect(printed.replications).toBe(8);
    expect(printed.seed).toBe(5);
    expect(printed).toEqual(JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')));
  }, 120_000);

  it.each([
    [['--reps', '0'], /--reps: expected a whole number of replications >= 1, found '0'/],
    [['--iterations', 'many'], /--reps: expected a whole number of replications >= 1, found 'many'/],
    [['--seed', '9007199254740993'], /--seed: expected a whole number >= 0, at most 9007199254740991, found '9007199254740993'/],
    [['--shard', '3/2'], /--shard: expected k\/n with 1 <= k <= n.*found '3\/2'/],
    [['--workers', 'x'], /--workers: expected a whole number of worker threads >= 1.*found 'x'/],
    [['--precision', '2'], /--precision: expected a half-width between 0 and 0.5.*found '2'/],
    [['--fail-under', '1.5'], /--fail-under: expected a probability between 0 and 1.*found '1.5'/],
  ])('bad flag %j exits 2 naming the flag, expected and found', (flags, message) => {
    const r = airlift(['run', FIXTURE, '--out', join(root, 'never'), ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(existsSync(join(root, 'never'))).toBe(false);
  });

  it('an unknown flag is bad input (2), not yargs\' default 1, and nothing runs', () => {
    const out = join(root, 'unknown-flag');
    const r = airlift(['run', FIXTURE, '--repz', '3', '--out', out, '--workers', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Unknown argument: repz/);
    expect(r.stdout).toBe(''); // no report: the run did not happen
    expect(existsSync(out)).toBe(false);
  });

  it('--no-charts into a folder with an earlier report removes that report (it would contradict the new files)', () => {
    const out = join(root, 'restale');
    expect(airlift(['run', FIXTURE, '-n', '30', '--out', out, '--workers', '1', '--quiet']).code).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
    expect(airlift(['run', FIXTURE, '-n', '20', '--out', out, '--workers', '1', '--quiet', '--no-charts']).code).toBe(0);
    expect(existsSync(join(out, 'report.html'))).toBe(false);
    expect(readdirSync(join(out, 'charts'))).toEqual([]);
    expect((JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { replications: number }).replications).toBe(20);
  }, 120_000);

  it('reads the scenario from standard input with -, with the same results as from the file', () => {
    const fromFile = airlift(['run', FIXTURE, '-n', '30', '--out', join(root, 'stdin-f'), '--workers', '1', '--json', '--no-charts']);
    const r = spawnSync(process.execPath, [MAIN, 'run', '-', '-n', '30', '--out', join(root, 'stdin-s'), '--workers', '1', '--json', '--no-charts'],
      { encoding: 'utf8', input: readFileSync(FIXTURE, 'utf8'), timeout: 120_000 });
    expect([fromFile.code, r.status]).toEqual([0, 0]);
    const strip = (text: string): unknown => {
      const { elapsedSeconds: _e, replicationsPerSecond: _r, scenario: { file: _f, ...scenario }, ...rest } = JSON.parse(text) as { scenario: { file: string } } & Record<string, unknown>;
      return { ...rest, scenario };
    };
    expect(strip(r.stdout)).toEqual(strip(fromFile.stdout));
    expect(readFileSync(join(root, 'stdin-s', 'replications.csv'), 'utf8')).toBe(readFileSync(join(root, 'stdin-f', 'replications.csv'), 'utf8'));
  }, 120_000);

  it('an --out folder that cannot be made is bad input (2), found before anything runs', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'not a folder\n');
    const r = airlift(['run', FIXTURE, '-n', '12', '--out', join(file, 'out'), '--workers', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--out: expected a folder that can be created and written to, found '.*a-file\/out' \(ENOTDIR/);
    expect(r.stdout).toBe('');
  });

  // --workers 2: the worker threads start before the scenario is read, and must not keep a
  // bad run alive or let it write anything
  it('a bad scenario exits 2 with its problems', () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, 'name: bad\nstart: 2024-06-01\ndeadline: not-a-date\n');
    const r = airlift(['run', bad, '--out', join(root, 'bad-out'), '--workers', '2']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml');
    expect(existsSync(join(root, 'bad-out'))).toBe(false);
    const missing = airlift(['run', join(root, 'nope.yaml'), '--workers', '2']);
    expect(missing.code).toBe(2);
  });

  it('worker threads started before the scenario is read give the one-thread answer', () => {
    const one = airlift(['run', FIXTURE, '-n', '40', '--out', join(root, 'w1'), '--workers', '1', '--json', '--no-charts']);
    const two = airlift(['run', FIXTURE, '-n', '40', '--out', join(root, 'w2'), '--workers', '2', '--json', '--no-charts']);
    expect([one.code, two.code]).toEqual([0, 0]);
    const strip = (text: string): unknown => {
      const { elapsedSeconds: _e, workers: _w, replicationsPerSecond: _r, ...rest } = JSON.parse(text) as Record<string, unknown>;
      return rest;
    };
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
  }, 120_000);

  it('--fail-under exits 3 when P(cleared) is below it, 0 when not', () => {
    const out = join(root, 'fail');
    const below = airlift(['run', FIXTURE, '-n', '12', '--out', out, '--workers', '1', '--no-charts', '--quiet', '--fail-under', '100%']);
    const p = (JSON.parse(readFileSync(join(out, 'summary.json'), 'utf8')) as { probabilityCleared: { estimate: number } }).probabilityCleared.estimate;
    expect(p).toBeLessThan(1);
    expect(below.code).toBe(3);
    expect(below.stdout).toBe('');
    expect(below.stderr).toMatch(/below --fail-under 1/);
    const above = airlift(['run', FIXTURE, '-n', '12', '--out', out, '--workers', '1', '--no-charts', '--quiet', '--fail-under', String(p)]);
    expect(above.code).toBe(0);
  }, 120_000);
});

describe('airlift trace', () => {
  it('prints one replication as CSV or JSON lines, the same events either way', () => {
    const csv = airlift(['trace', FIXTURE, '--rep', '2']);
    expect(csv.code).toBe(0);
    const lines = csv.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('utc,local,hours,aircraft,site,event,detail,cause');
    expect(lines.length).toBeGreaterThan(10);
    const jsonl = airlift(['trace', FIXTURE, '--rep', '2', '--format', 'jsonl']);
    expect(jsonl.code).toBe(0);
    const records = jsonl.stdout.trimEnd().split('\n').map((l) => JSON.parse(l) as { utc: string; local: string });
    expect(records).toHaveLength(lines.length - 1);
    expect(records[0]!.local).toMatch(/^2024-07-\d\d \d\d:\d\d \+01:00$/);
    expect(airlift(['trace', FIXTURE, '--format', 'xml']).code).toBe(2);
  });
});

describe('airlift schema', () => {
  it('--out where no file can be written is bad input (2), naming --out', () => {
    const file = join(root, 'schema-file');
    writeFileSync(file, 'x');
    const r = airlift(['schema', '--out', join(file, 'scenario.schema.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--out: expected a file path that can be written, found '.*schema-file\/scenario\.schema\.json' \(/);
  });

  it('--stdout with --out is bad input (one of them would be ignored), and writes nothing', () => {
    const target = join(root, 'schema-both.json');
    const r = airlift(['schema', '--stdout', '--out', target]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^--out: not with --stdout/);
    expect(r.stdout).toBe('');
    expect(existsSync(target)).toBe(false);
    const printed = airlift(['schema', '--stdout']);
    expect(printed.code).toBe(0);
    expect(JSON.parse(printed.stdout)).toHaveProperty('$schema');
  });
});

describe('airlift merge', () => {
  it('exits 2 when a folder holds no partial result', () => {
    const r = airlift(['merge', root, '--out', join(root, 'm', 'n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/partial\.json: not found/);
    expect(existsSync(join(root, 'm'))).toBe(false); // the --out folders it made are gone
  });

  it('a folder holds one result: a shard replaces a whole run\'s files, a whole run a shard\'s partial.json; merge will not write into a shard folder', () => {
    const a = join(root, 'kinds-a');
    const b = join(root, 'kinds-b');
    const run = (out: string, ...more: string[]) => airlift(['run', FIXTURE, '-n', '40', '--out', out, '--workers', '1', '--quiet', '--no-charts', ...more]).code;
    expect(run(a)).toBe(0);
    expect(readdirSync(a).sort()).toEqual(['chartdata.json', 'daily.csv', 'replications.csv', 'scenario.resolved.json', 'summary.json']);
    expect(run(a, '--shard', '1/2')).toBe(0);
    expect(readdirSync(a).sort()).toEqual(['partial.json', 'replications.csv']);
    expect(run(b, '--shard', '2/2')).toBe(0);
    const into = airlift(['merge', a, b, '--out', a, '--quiet', '--no-charts']);
    expect(into.code).toBe(2);
    expect(into.stderr).toMatch(/^--out: expected a folder other than the shard folders/);
    expect(readdirSync(a).sort()).toEqual(['partial.json', 'replications.csv']);
    expect(run(b)).toBe(0);
    expect(readdirSync(b).sort()).toEqual(['chartdata.json', 'daily.csv', 'replications.csv', 'scenario.resolved.json', 'summary.json']);
  }, 120_000);
});
