import { describe, expect, it } from 'vitest';
import { compareScenarios, prepareSensitivity, prepareSweep, runSensitivity, runSweep, seekGoal } from '../../src/runner/analysis/index.js';
import { buildCompareCharts } from '../../src/report/charts/analysis-compare.js';
import { buildSweepCharts } from '../../src/report/charts/analysis-sweep.js';
import { buildTornadoCharts } from '../../src/report/charts/analysis-tornado.js';
import { buildGoalCharts } from '../../src/report/charts/analysis-goal.js';
import { chartTime } from '../../src/report/charts/analysis-common.js';
import type { AnalysisChart } from '../../src/report/charts/analysis-common.js';
import { compileSpec, renderSvg } from '../../src/report/render.js';
import { CLOSED_FORM, closedForm, load } from './helpers.js';

const o = { replications: 4, seed: 2, workers: 1 };

async function checkCharts(charts: readonly AnalysisChart[]): Promise<void> {
  expect(charts.length).toBeGreaterThan(0);
  for (const c of charts) {
    expect(compileSpec(c.spec).warnings, c.id).toEqual([]);
    expect(await renderSvg(c.spec), c.id).toMatch(/^<svg/);
  }
}

describe('sensitivity on a deterministic lift (default set)', () => {
  it('varies tasked aircraft, ground time and the airlift start; swings match the closed form; sorted by swing', async () => {
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-08' });
    const prep = prepareSensitivity(doc, scenario);
    if (!prep.ok) throw new Error(prep.problems.join('\n'));
    expect(prep.source).toBe('default');
    expect(prep.params.map((p) => p.param.label)).toEqual(['C-17s tasked', 'Ground time', 'Airlift start delay']);
    const r = await runSensitivity(scenario, prep.params, prep.source, o);
    const tasked = r.parameters.find((p) => p.label === 'C-17s tasked')!;
    // 2 aircraft x0.5 -> 1, x1.5 -> 3: 353 h (not cleared by 192 h) vs cleared
    expect(tasked.low.p50Hours).toBeCloseTo(closedForm(1), 9);
    expect(tasked.low.probabilityCleared.estimate).toBe(0);
    expect(tasked.high.probabilityCleared.estimate).toBe(1);
    expect(tasked.swingP).toBe(1);
    const ground = r.parameters.find((p) => p.label === 'Ground time')!;
    // 2 aircraft, 12 sorties each: ground 2.25 h vs 3.75 h
    expect(ground.swingP50Days * 24).toBeCloseTo(closedForm(2, 24, 3.75) - closedForm(2, 24, 2.25), 9);
    for (let i = 1; i < r.parameters.length; i++) expect(r.parameters[i]!.swingP).toBeLessThanOrEqual(r.parameters[i - 1]!.swingP);
    await checkCharts(buildTornadoCharts(r));
  });
});

describe('analysis charts compile without warnings and render to SVG', () => {
  it('compare, sweep (one and two parameters), goal', async () => {
    const { doc, scenario } = await load(CLOSED_FORM);
    const b = await load(CLOSED_FORM, { 'aircraft.C-17.tasked': 4, name: 'four' });
    const c = await compareScenarios([scenario, b.scenario], o);
    await checkCharts(buildCompareCharts(c.result, c.points.map((p) => ({
      name: p.scenario.name, startEpochMs: p.scenario.startEpochMs, completion: p.completion, deadlineIso: '2024-06-05T00:00:00.000Z',
    }))));
    for (const sets of [[{ path: 'aircraft.C-17.tasked', values: [2, 4] }], [{ path: 'aircraft.C-17.tasked', values: [2, 4] }, { path: 'sites.ALPHA.groundTime', values: ['2h', '3h'] }]]) {
      const prep = prepareSweep(doc, sets);
      if (!prep.ok) throw new Error(prep.problems.join('\n'));
      await checkCharts(buildSweepCharts(await runSweep(doc, scenario, sets, prep.variants, o)));
    }
    const g = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.5, min: 1, max: 6, integer: true, tolerance: 1 }, o);
    await checkCharts(buildGoalCharts(g));
  });
});

describe('analysis charts show the scenario clock', () => {
  // Lagos is UTC+1 all year: every date on the charts moves by exactly one hour, titles say so
  const lagos = chartTime('2024-06-01T00:00:00Z', 'Africa/Lagos');
  const values = (c: AnalysisChart): Record<string, unknown>[] => {
    const spec = c.spec as { data?: { values?: Record<string, unknown>[] }; layer?: { data?: { values?: Record<string, unknown>[] } }[] };
    return spec.data?.values ?? spec.layer?.flatMap((l) => l.data?.values ?? []) ?? [];
  };
  const hour = (a: unknown, b: unknown): number => (Date.parse(String(b)) - Date.parse(String(a))) / 3600e3;

  it('chartTime gives the zone offset at the start; without one the charts stay in UTC', () => {
    expect(lagos.offsetMs).toBe(3600e3);
    expect(lagos.label).toBe('local time, Africa/Lagos');
    expect(chartTime('2024-06-01T00:00:00Z', 'UTC').offsetMs).toBe(0);
  });

  it('sweep and compare dates move by the offset, their titles name the clock', async () => {
    const { doc, scenario } = await load(CLOSED_FORM);
    const sets = [{ path: 'aircraft.C-17.tasked', values: [2, 4] }];
    const prep = prepareSweep(doc, sets);
    if (!prep.ok) throw new Error(prep.problems.join('\n'));
    const sweep = await runSweep(doc, scenario, sets, prep.variants, o);
    const utc = buildSweepCharts(sweep).find((c) => c.id === 'p50')!;
    const local = buildSweepCharts(sweep, lagos).find((c) => c.id === 'p50')!;
    expect(values(utc).length).toBeGreaterThan(0);
    values(utc).forEach((v, i) => expect(hour(v['p50'], values(local)[i]!['p50'])).toBe(1));
    expect(JSON.stringify(utc.spec)).toContain('(UTC)');
    expect(JSON.stringify(local.spec)).toContain('(local time, Africa/Lagos)');
    expect(JSON.stringify(local.spec)).not.toContain('(UTC)');

    const b = await load(CLOSED_FORM, { 'aircraft.C-17.tasked': 4, name: 'four' });
    const c = await compareScenarios([scenario, b.scenario], o);
    const curves = c.points.map((p) => ({ name: p.scenario.name, startEpochMs: p.scenario.startEpochMs, completion: p.completion, deadlineIso: '2024-06-05T00:00:00.000Z' }));
    const sUtc = values(buildCompareCharts(c.result, curves).find((x) => x.id === 's-curves')!);
    const sLocal = values(buildCompareCharts(c.result, curves, lagos).find((x) => x.id === 's-curves')!);
    expect(sUtc.length).toBe(sLocal.length);
    sUtc.forEach((v, i) => expect(hour(v['t'], sLocal[i]!['t'])).toBe(1));
    expect(sLocal.some((v) => v['label'] === 'Deadline (closed-form)' && v['t'] === '2024-06-05T01:00:00.000Z')).toBe(true);
  });
});
