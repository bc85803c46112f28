/**
 * The shipped Niger scenarios, run through the real loader and model: the default finishes
 * before the pessimistic variant, which has a real chance of missing the deadline (issue 4), and
 * the surge variant finishes no earlier than the default within noise, because readiness
 * (packing and the release of people) binds, not aircraft: its extra aircraft wait for cargo
 * and for parking. Deterministic: fixed seed (the scenario's) and replications 0..299, so a
 * failure means the model or a scenario changed, never chance.
 *
 * Session 1 asserted surge <= default on the medians. The true difference is about zero (at
 * 10,000 replications surge's median was 40 min LATER after the session-2 re-check change), so
 * that assertion held or failed by chance of the draws; it is replaced by a tolerance.
 */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/index.js';
import { CAUSE_INDEX, simulate } from '../../src/model/index.js';
import { quantileSorted, sortAscending } from '../../src/stats/quantile.js';

const REPS = 300;
const file = (n: string) => fileURLToPath(new URL(`../../scenarios/${n}.yaml`, import.meta.url));

async function completions(name: string): Promise<{ c: number[]; deadline: number; cargoWait: number }> {
  const r = await loadScenario(file(name));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  const s = r.scenario;
  const c: number[] = [];
  let cargoWait = 0;
  for (let i = 0; i < REPS; i++) {
    const res = simulate(s, s.seed, i);
    c.push(res.completionHours ?? Infinity);
    cargoWait += res.lostHours[CAUSE_INDEX['cargo-not-ready']]! / REPS;
  }
  return { c, deadline: s.deadlineHours, cargoWait };
}

describe('shipped Niger scenarios (simulate over replications 0..299)', () => {
  it('default finishes before pessimistic, which can miss; surge is no faster within noise, its extra aircraft wait for cargo', async () => {
    const surge = await completions('niger-2024-surge');
    const base = await completions('niger-2024');
    const pess = await completions('niger-2024-pessimistic');
    const m = (x: number[]) => quantileSorted(sortAscending(x), 0.5);
    expect(m(base.c)).toBeLessThanOrEqual(m(pess.c));
    // Medians of 300 completions with a spread of sd ~9 days (P10-P90 ~24 days) have a standard
    // error of about 1.25 x 9 / sqrt(300) = 0.65 days; their difference at most ~0.92 days
    // (less when the runs are correlated). Three of those: 2.8 days, rounded up to 3.
    expect(Math.abs(m(surge.c) - m(base.c))).toBeLessThanOrEqual(3 * 24);
    // readiness binds: more aircraft, more hours waiting for cargo (about 2.4x today)
    expect(surge.cargoWait).toBeGreaterThan(1.5 * base.cargoWait);
    const pMiss = pess.c.filter((t) => !(t < pess.deadline)).length / REPS;
    // "a real chance of missing": more than 10 % of these 300 replications miss (about 83 % do
    // today, so the check fails only if the pessimistic variant stops being pessimistic).
    expect(pMiss).toBeGreaterThan(0.1);
    // and the default clears in nearly every replication
    const pBase = base.c.filter((t) => t < base.deadline).length / REPS;
    expect(pBase).toBeGreaterThan(0.95);
  }, 120_000);
});
