/**
 * `simulate` reuses one Replication per scenario (restart: streams reseeded in place, state
 * arena zeroed, begin() again). Its results must be exactly those of a new Replication for
 * the same (scenario, seed, replication), whatever ran before it: any state restart forgot
 * to reset would leak from one replication into the next and show here.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectReplication, simulate, simulateTransient } from '../../src/model/index.js';
import { Replication } from '../../src/model/replication.js';
import type { ReplicationResult } from '../../src/model/index.js';
import { loadScenario } from '../../src/scenario/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { richScenario } from './rich.js';

/** A fresh Replication's result (the constructor path, nothing reused). */
function fresh(scn: ResolvedScenario, seed: number, i: number): ReplicationResult {
  return inspectReplication(scn, seed, i, null).result;
}

/** Results as plain data (typed arrays as arrays), for deep equality. */
function plain(r: ReplicationResult): unknown {
  return JSON.parse(JSON.stringify(r, (_k, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v)));
}

async function niger(): Promise<ResolvedScenario> {
  const r = await loadScenario(fileURLToPath(new URL('../../scenarios/niger-2024-pessimistic.yaml', import.meta.url)));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

describe('simulate reuses its Replication', () => {
  it('gives a new Replication\'s result for every replication, in any order, across interleaved scenarios and seeds', async () => {
    const rich = richScenario();
    const pess = await niger();
    // out of order, repeated, two seeds, and the two scenarios interleaved (each keeps its own)
    const order: [ResolvedScenario, number, number][] = [];
    for (const i of [5, 0, 17, 3, 3, 40, 1, 22, 9, 31, 2, 12]) {
      order.push([rich, 7, i], [pess, 7, i], [rich, 8, i]);
    }
    const kept: { r: ReplicationResult; snapshot: unknown }[] = [];
    for (const [scn, seed, i] of order) {
      const r = simulate(scn, seed, i);
      expect(plain(r)).toEqual(plain(fresh(scn, seed, i)));
      kept.push({ r, snapshot: plain(r) });
    }
    // no later replication wrote into an earlier result (daily series are fresh arrays)
    for (const { r, snapshot } of kept) expect(plain(r)).toEqual(snapshot);
    // the rich fixture really draws: the replications differ
    expect(new Set(order.filter((o) => o[0] === rich).map(([s, seed, i]) => simulate(s, seed, i).completionHours)).size).toBeGreaterThan(5);
  });

  it('simulateTransient gives the same results, its daily series in one buffer that the next call overwrites', async () => {
    const rich = richScenario();
    const pess = await niger();
    let last: ReplicationResult | null = null;
    let lastSnapshot: unknown = null;
    for (const i of [4, 0, 19, 4, 33, 2, 8, 27]) {
      for (const [scn, seed] of [[rich, 3], [pess, 3], [rich, 11]] as const) {
        const r = simulateTransient(scn, seed, i);
        expect(plain(r)).toEqual(plain(fresh(scn, seed, i)));
        if (scn === pess) {
          last = r;
          lastSnapshot = plain(r);
        }
      }
      // calls on other scenarios leave a scenario's transient result alone
      expect(plain(last!)).toEqual(lastSnapshot);
      // the same (scenario, seed, replication) again through simulate: a fresh buffer, same numbers
      expect(plain(simulate(pess, 3, i))).toEqual(lastSnapshot);
    }
    // the next call on the same scenario reuses the buffer: the earlier result's series change
    const a = simulateTransient(pess, 3, 1);
    const before = Array.from(a.dailyRemainingShortTons);
    const b = simulateTransient(pess, 3, 2);
    expect(a.dailyRemainingShortTons.buffer).toBe(b.dailyRemainingShortTons.buffer);
    expect(Array.from(a.dailyRemainingShortTons)).toEqual(Array.from(b.dailyRemainingShortTons));
    expect(Array.from(b.dailyRemainingShortTons)).not.toEqual(before);
  });

  it('restart is refused for the plan run (it has no streams)', () => {
    const plan = new Replication(richScenario(), 0, 0, true, null);
    expect(() => plan.restart(1, 1)).toThrow(/plan run/);
  });
});
