import { describe, expect, it } from 'vitest';
import { prepareSweep, runSweep } from '../../src/runner/analysis/index.js';
import { CLOSED_FORM, closedForm, load } from './helpers.js';

describe('sweep', () => {
  it('aircraft tasked on a deterministic lift: P(cleared) never falls and the median never rises as aircraft are added', async () => {
    // Every time is constant, so each point is one number repeated and monotonicity is exact
    // (no sampling noise to allow for): more aircraft never finish later on this lift.
    const { doc, scenario } = await load(CLOSED_FORM);
    const sets = [{ path: 'aircraft.C-17.tasked', values: [1, 2, 3, 4, 5, 6, 8] }];
    const prep = prepareSweep(doc, sets);
    if (!prep.ok) throw new Error(prep.problems.join('\n'));
    const r = await runSweep(doc, scenario, sets, prep.variants, { replications: 3, seed: 5, workers: 1 });
    const p = r.points.map((x) => x.stats.probabilityCleared.estimate);
    const m = r.points.map((x) => x.stats.p50Hours!);
    for (let i = 1; i < p.length; i++) {
      expect(p[i]!).toBeGreaterThanOrEqual(p[i - 1]!);
      expect(m[i]!).toBeLessThanOrEqual(m[i - 1]!);
    }
    // one and two aircraft: the closed form (see the fixture) exactly; the deadline is 96 h
    expect(m[0]).toBeCloseTo(closedForm(1), 9);
    expect(m[1]).toBeCloseTo(closedForm(2), 9);
    expect(p[0]).toBe(0);
    expect(p.at(-1)).toBe(1);
    expect(m.at(-1)!).toBeLessThan(96);
  });

  it('two parameters make a grid in --set order; a bad path is reported with the nearest valid ones', async () => {
    const { doc } = await load(CLOSED_FORM);
    const grid = prepareSweep(doc, [{ path: 'aircraft.C-17.tasked', values: [1, 2] }, { path: 'sites.ALPHA.groundTime', values: ['2h', '3h', '4h'] }]);
    expect(grid.ok && grid.variants.map((v) => v.values)).toEqual([[1, '2h'], [1, '3h'], [1, '4h'], [2, '2h'], [2, '3h'], [2, '4h']]);
    const bad = prepareSweep(doc, [{ path: 'aircraft.C-17.taskd', values: [1] }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.problems[0]).toContain('aircraft.C-17.taskd');
      expect(bad.problems[0]).toContain('aircraft.C-17.tasked');
    }
  });
});
