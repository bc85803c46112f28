import { describe, expect, it } from 'vitest';
import { simulate, simulatePlan, traceReplication } from '../../src/model/index.js';
import { aircraft, lot, scenario } from './fixtures.js';

describe('simulate: a minimal deterministic lift', () => {
  it('one aircraft, 5 sorties of 20 st, cycle 2L + G + T: completes at 4 cycles + L + G', () => {
    const scn = scenario();
    const r = simulate(scn, 1, 0);
    const L = 5, G = 3, T = 2;
    expect(r.completionHours).toBeCloseTo(4 * (2 * L + G + T) + L + G, 9);
    expect(r.sortiesByType).toEqual([5]);
    expect(r.movedShortTons).toEqual([100]);
    expect(r.sortiesByRoute).toEqual({ 'AB101>ETAR': 5 });
  });
  it('N aircraft share K sorties: ceil(K/N) rounds', () => {
    for (const n of [1, 2, 3, 5, 7]) {
      const scn = scenario({ types: [aircraft({ tasked: [{ atHours: 0, value: n }] })], cargo: [lot({ count: 14 })] });
      const K = 7; // 140 st / 20 st
      const r = simulate(scn, 1, 0);
      expect(r.completionHours).toBeCloseTo((Math.ceil(K / n) - 1) * 15 + 8, 9);
      expect(r.sortiesByType).toEqual([K]);
    }
  });
  it('plan run equals the constant case, trace result equals simulate', () => {
    const scn = scenario();
    expect(simulatePlan(scn).completionHours).toBeCloseTo(68, 9);
    const t = traceReplication(scn, 1, 0);
    expect(t.result).toEqual(simulate(scn, 1, 0));
    expect(t.trace.length).toBeGreaterThan(0);
  });
});
