import { describe, expect, it } from 'vitest';
import { seekGoal } from '../../src/runner/analysis/index.js';
import { CLOSED_FORM, closedForm, load } from './helpers.js';

const o = { replications: 40, seed: 9, workers: 1 };

describe('seekGoal', () => {
  it('finds the least number of aircraft on a deterministic lift (closed form)', async () => {
    // deadline end of 8 Jun = 192 h: the least N with closedForm(N) < 192
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-08' });
    let known = 1;
    while (!(closedForm(known) < 192)) known++;
    expect(known).toBe(2);
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.9, min: 1, max: 8, integer: true, tolerance: 1 }, o);
    expect(r.direction).toBe('increasing');
    expect(r.estimate).toMatchObject({ reached: true, value: known });
    // P is 1 at the answer: the Wilson lower bound with n = 40 is 40 / (40 + z^2) = 0.912 >= 0.9
    expect(r.lowerBound).toMatchObject({ reached: true, value: known });
    expect(r.estimate.stats!.probabilityCleared.ci95[0]).toBeCloseTo(40 / (40 + 1.959963984540054 ** 2), 12);
    // bisection: the two ends, then about log2(7) more runs
    expect(r.trace.length).toBeLessThanOrEqual(2 + 3);
  });

  it('the lower bound needs more replications than the estimate: with n = 20 it cannot clear 0.9', async () => {
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-08' });
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.9, min: 1, max: 4, integer: true, tolerance: 1 }, { ...o, replications: 20 });
    expect(r.estimate.value).toBe(2);
    expect(r.lowerBound.reached).toBe(false);
    expect(r.lowerBound.message).toMatch(/not reachable in \[1, 4\].*more replications/);
  });

  it('says so when the target is out of reach in the range', async () => {
    const { doc, scenario } = await load(CLOSED_FORM);
    // deadline 96 h: closedForm(3) = 113 h > 96 h, so 1..3 aircraft never clear
    expect(closedForm(3)).toBeGreaterThan(96);
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.5, min: 1, max: 3, integer: true, tolerance: 1 }, o);
    expect(r.estimate.reached).toBe(false);
    expect(r.estimate.message).toContain('target not reachable in [1, 3]');
    expect(r.estimate.message).toContain('aircraft.C-17.tasked = 3');
  });

  it('a continuous parameter that hurts: the greatest ground time that still clears, to within the tolerance', async () => {
    // one aircraft: last departure 24 g + 281 h; deadline end of 16 Jun = 384 h -> g < 103 / 24
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-16', 'aircraft.C-17.tasked': 1 });
    const gStar = (384 - closedForm(1, 24, 0)) / 24;
    expect(closedForm(1, 24, gStar)).toBeCloseTo(384, 9);
    const tolerance = 0.01;
    const r = await seekGoal(doc, scenario, { path: 'sites.ALPHA.groundTime', target: 0.9, min: 1, max: 8, integer: false, tolerance }, { ...o, replications: 2 });
    expect(r.direction).toBe('decreasing');
    expect(r.estimate.reached).toBe(true);
    expect(r.estimate.value!).toBeLessThan(gStar);
    expect(r.estimate.value!).toBeGreaterThan(gStar - tolerance);
  });
});
