/**
 * The shipped Niger scenarios, run through the real loader and model: their median completion
 * dates order as surge <= default <= pessimistic, and the pessimistic variant has a real chance of
 * missing the deadline (issue 4). Deterministic: fixed seed (the scenario's) and replications
 * 0..299, so a failure means the model or a scenario changed, never chance.
 *
 * Note for whoever changes these numbers: in the default scenario readiness (packing and the
 * release of people) binds more than aircraft do, so surge finishes only slightly earlier
 * (a few hours on the median); that is a finding of the scenario, stated in the README.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/model/index.js';
import { quantileSorted, sortAscending } from '../../src/stats/quantile.js';

const REPS = 300;
const file = (n: string) => fileURLToPath(new URL(`../../scenarios/${n}.yaml`, import.meta.url));

async function completions(name: string): Promise<{ c: number[]; deadline: number }> {
  const r = await loadScenario(file(name));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const s = r.scenario;
  const c: number[] = [];
  for (let i = 0; i < REPS; i++) c.push(simulate(s, s.seed, i).completionHours ?? Infinity);
  return { c, deadline: s.deadlineHours };
}

describe('shipped Niger scenarios (simulate over replications 0..299)', () => {
  it('median completion orders as surge <= default <= pessimistic; pessimistic can miss', async () => {
    const surge = await completions('niger-2024-surge');
    const base = await completions('niger-2024');
    const pess = await completions('niger-2024-pessimistic');
    const m = (x: number[]) => quantileSorted(sortAscending(x), 0.5);
    expect(m(surge.c)).toBeLessThanOrEqual(m(base.c));
    expect(m(base.c)).toBeLessThanOrEqual(m(pess.c));
    const pMiss = pess.c.filter((t) => !(t < pess.deadline)).length / REPS;
    // "a real chance of missing": more than 10 % of these 300 replications miss (about 83 % do
    // today, so the check fails only if the pessimistic variant stops being pessimistic).
    expect(pMiss).toBeGreaterThan(0.1);
    // and the default clears in nearly every replication
    const pBase = base.c.filter((t) => t < base.deadline).length / REPS;
    expect(pBase).toBeGreaterThan(0.95);
  }, 120_000);
});
