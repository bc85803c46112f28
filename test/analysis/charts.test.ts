import { describe, expect, it } from 'vitest';
import { compareScenarios, prepareSensitivity, prepareSweep, runSensitivity, runSweep, seekGoal } from '../../src/runner/analysis/index.js';
import { buildCompareCharts } from '../../src/report/charts/analysis-compare.js';
import { buildSweepCharts } from '../../src/report/charts/analysis-sweep.js';
import { buildTornadoCharts } from '../../src/report/charts/analysis-tornado.js';
import { buildGoalCharts } from '../../src/report/charts/analysis-goal.js';
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
