import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TopLevelSpec } from 'vega-lite';
import { describe, expect, it } from 'vitest';
import { compareCommand } from '../../src/cli/commands/compare.js';
import { sweepCommand } from '../../src/cli/commands/sweep.js';
import { sectionFile, writeAnalysis, type AnalysisOutput } from '../../src/report/charts/analysis-output.js';
import type { AnalysisChart } from '../../src/report/charts/analysis-common.js';
import { tempDir } from '../tmp.js';
import { CLOSED_FORM } from './helpers.js';

const chart = (id: string): AnalysisChart => ({
  id, caption: id,
  spec: { data: { values: [{ x: 1, y: 2 }] }, mark: 'point', encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } } as TopLevelSpec,
});
const output = (baseDir: string, charts: readonly AnalysisChart[], writeCharts = true): AnalysisOutput => ({
  baseDir, analysis: 'sweep', csv: 'a\n1\n', summary: { analysis: 'sweep' }, charts, title: 'Sweep', paragraphs: [], writeCharts,
});
const names = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

describe('writeAnalysis', () => {
  it('removes the chart files of an earlier analysis it did not write again; leaves other files', async () => {
    const base = tempDir('airlift-output-');
    await writeAnalysis(output(base, [chart('probability'), chart('p50')]));
    const charts = join(base, 'sweep', 'charts');
    writeFileSync(join(charts, 'notes.txt'), 'mine');
    writeFileSync(join(base, 'sweep', 'my-copy.csv'), 'mine');
    const second = await writeAnalysis(output(base, [chart('heatmap'), chart('heatmap-p50')]));
    expect(names(charts)).toEqual(['heatmap-p50.svg', 'heatmap-p50.vl.json', 'heatmap.svg', 'heatmap.vl.json', 'notes.txt']);
    expect(second.removed.map((p) => p.slice(charts.length + 1)).sort()).toEqual(['p50.svg', 'p50.vl.json', 'probability.svg', 'probability.vl.json']);
    expect(second.removedSection).toBe(false);
    expect(names(join(base, 'sweep'))).toEqual(['charts', 'my-copy.csv', 'summary.json', 'sweep.csv']);
  });

  it('without charts: removes the earlier charts and report section, writes the data files', async () => {
    const base = tempDir('airlift-output-');
    await writeAnalysis(output(base, [chart('probability')]));
    expect(existsSync(sectionFile(base, 'sweep'))).toBe(true);
    writeFileSync(join(base, 'sweep', 'charts', 'notes.txt'), 'mine');
    const r = await writeAnalysis({ ...output(base, [chart('probability')], false), csv: 'a\n2\n' });
    expect(r.removedSection).toBe(true);
    expect(existsSync(sectionFile(base, 'sweep'))).toBe(false);
    expect(names(join(base, 'sweep', 'charts'))).toEqual(['notes.txt']);
    expect(readFileSync(join(base, 'sweep', 'sweep.csv'), 'utf8')).toBe('a\n2\n');
    // nothing earlier to remove the second time
    expect((await writeAnalysis(output(base, [], false))).removedSection).toBe(false);
  });
});

// The commands themselves (from src, not the bundle), into one folder, as the reviewer did.
const common = { reps: '4', workers: '1', json: false, quiet: true, _: [], $0: 'airlift' };
const run = async (cmd: { handler: (a: never) => void | Promise<void> }, args: Record<string, unknown>): Promise<void> => {
  await cmd.handler({ ...common, ...args } as never);
};

describe('an analysis written again into the same folder leaves nothing of the earlier one', () => {
  it('sweep with one parameter, then with two: only the heatmaps (analysis charts and the report)', async () => {
    const out = tempDir('airlift-output-');
    await run(sweepCommand, { scenario: CLOSED_FORM, set: ['aircraft.C-17.tasked=2,4'], out, charts: true });
    expect(names(join(out, 'sweep', 'charts'))).toContain('probability.svg');
    expect(names(join(out, 'charts'))).toContain('sweep-probability.svg');
    await run(sweepCommand, { scenario: CLOSED_FORM, set: ['aircraft.C-17.tasked=2,4', 'sites.ALPHA.groundTime=2h,3h'], out, charts: true });
    expect(names(join(out, 'sweep', 'charts'))).toEqual(['heatmap-p50.svg', 'heatmap-p50.vl.json', 'heatmap.svg', 'heatmap.vl.json']);
    expect(names(join(out, 'charts')).filter((n) => n.startsWith('sweep-'))).toEqual(['sweep-heatmap-p50.svg', 'sweep-heatmap-p50.vl.json', 'sweep-heatmap.svg', 'sweep-heatmap.vl.json']);
  });

  it('compare A B --no-charts after compare A B C: no charts and no report section of the old comparison', async () => {
    const out = tempDir('airlift-output-');
    const other = fileURLToPath(new URL('../../scenarios/examples/one-site.yaml', import.meta.url));
    const third = fileURLToPath(new URL('../../scenarios/examples/one-site-slow.yaml', import.meta.url));
    await run(compareCommand, { scenarios: [CLOSED_FORM, other, third], out, charts: true });
    const html = (): string => readFileSync(join(out, 'report.html'), 'utf8');
    // (includes(), not toContain: a failure would print the whole page with vega inlined)
    expect(html().includes('Compare: closed-form vs one-site vs one-site-slow')).toBe(true);
    expect(names(join(out, 'charts')).some((n) => n.startsWith('compare-'))).toBe(true);
    const runCharts = names(join(out, 'charts')).filter((n) => !n.startsWith('compare-'));
    await run(compareCommand, { scenarios: [CLOSED_FORM, other], out, charts: false });
    expect(names(join(out, 'compare', 'charts'))).toEqual([]);
    expect(existsSync(sectionFile(out, 'compare'))).toBe(false);
    expect(html().includes('Compare: closed-form vs one-site')).toBe(false);
    expect(names(join(out, 'charts'))).toEqual(runCharts);
    expect(readFileSync(join(out, 'compare', 'compare.csv'), 'utf8').trim().split('\n')).toHaveLength(3);
  });

  it('--no-charts where there was no report makes none', async () => {
    const out = tempDir('airlift-output-');
    mkdirSync(out, { recursive: true });
    await run(sweepCommand, { scenario: CLOSED_FORM, set: ['aircraft.C-17.tasked=2,4'], out, charts: false });
    expect(names(out)).toEqual(['sweep']);
  });
});
