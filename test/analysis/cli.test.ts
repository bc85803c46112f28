import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { CLOSED_FORM } from './helpers.js';

// `npm test` builds dist first; run `npx tsc -p .` before running this file alone.
const MAIN = fileURLToPath(new URL('../../dist/bundle/main.js', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'airlift-analysis-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function airlift(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return airliftWithInput('', ...args);
}

function airliftWithInput(input: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', cwd: tmp, input, env: { ...process.env, NO_COLOR: '1' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('airlift sweep / goal on the command line', () => {
  it('a bad --set path exits 2 naming the path and the nearest valid paths', () => {
    const r = airlift('sweep', CLOSED_FORM, '--set', 'aircraft.C-17.taskd=1..3', '-n', '2', '--workers', '1');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('aircraft.C-17.taskd');
    expect(r.stderr).toMatch(/nearest valid paths: aircraft\.C-17\.tasked/);
    expect(existsSync(join(tmp, 'out'))).toBe(false);
  });

  it('a bad --vary path and a malformed value list exit 2 too', () => {
    const g = airlift('goal', CLOSED_FORM, '--target', '0.9', '--vary', 'sites.ALPHA.mgo', '--max', '3', '-n', '2');
    expect(g.status).toBe(2);
    expect(g.stderr).toMatch(/sites\.ALPHA\.mgo.*nearest valid paths: sites\.ALPHA\.mog/);
    const v = airlift('sweep', CLOSED_FORM, '--set', 'sites.ALPHA.mog=3..1');
    expect(v.status).toBe(2);
    expect(v.stderr).toContain('--set sites.ALPHA.mog');
  });

  it('goal out of reach writes its answer and exits 3 (like --fail-under); in reach it exits 0', () => {
    // closed form: 1 C-17 clears nothing by the deadline, 4 clear everything (see the sweep below)
    const no = airlift('goal', CLOSED_FORM, '--target', '0.9', '--vary', 'aircraft.C-17.tasked', '--min', '1', '--max', '2', '-n', '2', '--workers', '1', '--no-charts', '--quiet');
    expect(no.status).toBe(3);
    expect(no.stderr).toMatch(/goal not reached: target not reachable in \[1, 2\]/);
    const dir = join(tmp, 'out', 'closed-form', 'goal');
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).estimate.reached).toBe(false);
    const yes = airlift('goal', CLOSED_FORM, '--target', '0.9', '--vary', 'aircraft.C-17.tasked', '--min', '1', '--max', '4', '-n', '2', '--workers', '1', '--no-charts', '--quiet');
    expect(yes.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')).estimate.reached).toBe(true);
  });

  it('sweep writes its CSV and summary JSON and exits 0', () => {
    const r = airlift('sweep', CLOSED_FORM, '--set', 'aircraft.C-17.tasked=1,4', '-n', '2', '--workers', '1', '--no-charts', '--quiet');
    expect(r.status).toBe(0);
    const dir = join(tmp, 'out', 'closed-form', 'sweep');
    const csv = readFileSync(join(dir, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^aircraft\.C-17\.tasked,p_cleared,p_cleared_lo,p_cleared_hi,p50_completion/);
    expect(csv.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['1,0', '4,1']);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8'));
    expect(summary.analysis).toBe('sweep');
    expect(summary.points).toHaveLength(2);
    // --no-charts: data files only, no report section (src/report/charts/analysis-output.ts)
    expect(existsSync(join(tmp, 'out', 'closed-form', 'analyses', 'sweep', 'section.json'))).toBe(false);
  });

  it('compare takes a scenario from standard input ("-") in any place (yargs dropped it from the list)', () => {
    const other = fileURLToPath(new URL('../../scenarios/examples/one-site.yaml', import.meta.url));
    const text = readFileSync(CLOSED_FORM, 'utf8');
    const flags = ['-n', '2', '--workers', '1', '--no-charts', '--json', '--quiet', '--out', join(tmp, 'cmp')];
    const names = (stdout: string): string[] => (JSON.parse(stdout) as { scenarios: { scenario: { name: string } }[] }).scenarios.map((e) => e.scenario.name);
    const first = airliftWithInput(text, 'compare', '-', other, ...flags);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(names(first.stdout)).toEqual(['closed-form', 'one-site']);
    const last = airliftWithInput(text, 'compare', other, '-', ...flags);
    expect(last.status).toBe(0);
    expect(names(last.stdout)).toEqual(['one-site', 'closed-form']);
  });
});
