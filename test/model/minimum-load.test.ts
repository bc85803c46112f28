/**
 * dispatch.minimumLoad: a strategic aircraft waits at home until a worthwhile load is ready
 * (a fraction of planning payload x plan load factor, of pallet positions or of seats),
 * waived when less than that is left at the site. Base: the one-aircraft lift of
 * fixtures.ts (payload 20 st, 15 h cycle), with cargo packed slowly so that ready cargo,
 * not the aircraft, sets the pace.
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_INDEX, inspectReplication, simulate } from '../../src/model/index.js';
import type { Tracer } from '../../src/model/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { loadScenario } from '../../src/scenario/index.js';
import { aircraft, k, lot, scenario, site } from './fixtures.js';

/** Strategic load tons of every sortie of one replication, in order. */
function loads(scn: ResolvedScenario): number[] {
  const out: number[] = [];
  const tracer: Tracer = {
    event: () => undefined,
    phase: () => undefined,
    load: (_t, _ac, _site, _type, tons, _pallets, pax) => { out.push(tons + 0.15 * pax); },
  };
  inspectReplication(scn, 5, 0, tracer);
  return out;
}

// 100 st in 50 items of 2 st, packed at 12 st/day (0.5 st/h): about 7.5 st become ready per 15 h cycle
const slow = (minimumLoad?: number): ResolvedScenario =>
  scenario(
    { sites: [site({ packingRate: k(12) })], cargo: [lot({ shortTons: 2, count: 50 })] },
    { dispatch: minimumLoad === undefined ? { policy: 'priority' } : { policy: 'priority', minimumLoad } },
  );

describe('dispatch.minimumLoad', () => {
  it('is off by default: no field and 0 give identical results, and resolve() fills 0', async () => {
    expect(simulate(slow(), 5, 0)).toEqual(simulate(slow(0), 5, 0));
    const r = await loadScenario('scenarios/examples/one-site.yaml');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.scenario.dispatch.minimumLoad).toBe(0);
  });

  it('0.8 of a 20 st payload: fewer sorties, each at least 16 st while 16 st are left, all cargo still moved', () => {
    const off = simulate(slow(0), 5, 0);
    const on = simulate(slow(0.8), 5, 0);
    const lOff = loads(slow(0));
    const lOn = loads(slow(0.8));
    expect(off.movedShortTons).toEqual([100]);
    expect(on.movedShortTons).toEqual([100]);
    expect(on.sortiesByType[0]!).toBeLessThan(off.sortiesByType[0]!);
    // 100 st in loads of >= 16 st (2 st items): at most ceil(100 / 16) = 7 sorties
    expect(on.sortiesByType[0]!).toBeLessThanOrEqual(7);
    expect(lOn.length).toBe(on.sortiesByType[0]);
    // every load dispatched while at least 16 st were left is at least 16 st (the waiver covers the rest)
    let before = 0;
    for (const w of lOn) {
      if (100 - before >= 16) expect(w).toBeGreaterThanOrEqual(16 - 1e-9);
      before += w;
    }
    const mean = (xs: number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean(lOn)).toBeGreaterThan(mean(lOff));
    // the wait is counted as cargo-not-ready
    expect(on.lostHours[CAUSE_INDEX['cargo-not-ready']]!).toBeGreaterThan(off.lostHours[CAUSE_INDEX['cargo-not-ready']]!);
  });

  it('a held aircraft is woken when a worthwhile load is ready, not at every item packed', () => {
    // 2 st items packed every 4 h; 0.8 x 20 st needs 8 of them. The aircraft waits at home
    // (no dispatch cycle, so no 'idle' record) while items are packed, and goes idle once
    // per sortie (back home, not enough ready yet) plus at the start.
    let idle = 0;
    const tracer: Tracer = {
      event: (_t, _ac, _site, event) => { if (event === 'idle') idle++; },
      phase: () => undefined,
      load: () => undefined,
    };
    const { result } = inspectReplication(slow(0.8), 5, 0, tracer);
    expect(result.movedShortTons).toEqual([100]);
    expect(idle).toBeLessThanOrEqual(result.sortiesByType[0]! + 1);
  });

  it('waived when the whole remaining backlog is below the minimum: a 5 st site with its closure team clears in one sortie', () => {
    const scn = scenario(
      {
        sites: [site({ personnel: 3, closureTeam: 3 })],
        types: [aircraft({ seats: 10 })],
        cargo: [lot({ shortTons: 1, count: 5 })],
      },
      { dispatch: { policy: 'priority', minimumLoad: 0.8 } },
    );
    const r = simulate(scn, 5, 0);
    expect(r.completionHours).toBeCloseTo(5 + 3, 9); // leg 5 h + ground 3 h, no wait
    expect(r.sortiesByType).toEqual([1]);
    expect(r.movedShortTons).toEqual([5]);
    expect(r.movedPersonnel).toEqual([3]);
  });

  it('a passenger load counts by seats: 300 people, 100 seats (15 st < 16 st) still fly once 80 are released', () => {
    const scn = scenario(
      {
        sites: [site({ personnel: 300, personnelReleaseRate: k(240) })], // 10 per hour
        types: [aircraft({ seats: 100 })],
        cargo: [],
      },
      { dispatch: { policy: 'priority', minimumLoad: 0.8 } },
    );
    const r = simulate(scn, 5, 0);
    expect(r.movedPersonnel).toEqual([300]);
    expect(r.completionHours).not.toBeNull();
    expect(r.sortiesByType).toEqual([3]);
    expect(r.lostHours[CAUSE_INDEX['cargo-not-ready']]!).toBeGreaterThanOrEqual(8 - 1e-9); // the 80th person at 8 h
  });

  it('a held aircraft waits for the release that lifts its load, without a re-check per person released', () => {
    // 300 people released at 10 per hour, 100 seats, minimum 0.8: held until the 80th person
    // (8 h), then back every 15 h (leg 5 h, ground 3 h, leg 5 h, turnaround 2 h) to a full load.
    const scn = scenario(
      { sites: [site({ personnel: 300, personnelReleaseRate: k(240) })], types: [aircraft({ seats: 100 })], cargo: [] },
      { dispatch: { policy: 'priority', minimumLoad: 0.8 } },
    );
    const dispatched: number[] = [];
    const tracer: Tracer = {
      event: (t, _ac, _site, event) => { if (event === 'dispatch') dispatched.push(t); },
      phase: () => undefined,
      load: () => undefined,
    };
    const { result } = inspectReplication(scn, 5, 0, tracer);
    expect(dispatched).toEqual([8, 23, 38]);
    // 3 sorties of at most 6 events (start or dispatch, arrive, load done, take-off, arrive at
    // the destination, turnaround, home) and the deadline: the re-checks at each release while
    // held (80 before the first sortie) are gone; until session 3 this run took 91 events.
    expect(result.events).toBeLessThanOrEqual(3 * 6 + 2);
  });

  it('shuttles are never held: a 10 st shuttle load (below 0.9 x 15 st) still leaves Agadez at once', () => {
    const sites = [site({ allowedTypes: [true, true], groundTime: [k(3), k(1)] }), site({ id: 'AB201', name: 'Agadez', allowedTypes: [false, true], groundTime: [null, k(1)] })];
    const c130 = aircraft({ id: 'C-130', planningPayload: 15, homeNode: 1, shuttle: { from: 1, to: 0 } });
    const c17 = aircraft({ homeNode: 2 });
    const scn = scenario({ sites, types: [c17, c130], cargo: [lot({ id: 'ag', site: 1, count: 1 })], legHours: 5 }, { dispatch: { policy: 'priority', minimumLoad: 0.9 } });
    const r = simulate(scn, 3, 0);
    expect(r.siteCompletionHours[1]).toBeCloseTo(1, 9); // based at Agadez: ground 1 h, no hold
    expect(r.movedShortTons).toEqual([10, 0]); // then the C-17 flies it out under the waiver
  });

  it('re-checks of idle aircraft do not pile up: held C-17s and idle shuttles wanting different times', () => {
    // A: 150 items of 2 st packed at 12 st/day (one every 4 h), C-17 held for 16 st; B: 30 items of 10 st
    // at 12 st/day (one every 20 h), three C-130Js shuttling B -> A, so two stay idle at each readiness.
    // Each stale re-check used to wake every idle aircraft, which scheduled more: pending re-checks doubled
    // until the kernel's event limit (20 million). Bound: one re-check per readiness instant (180 items)
    // plus at most 10 events per sortie (dispatch, land, load, take-off, arrive, turnaround, home, deposit).
    const sites = [
      site({ allowedTypes: [true, true], groundTime: [k(3), k(1)], packingRate: k(12) }),
      site({ id: 'AB201', name: 'Agadez', allowedTypes: [false, true], groundTime: [null, k(1)], packingRate: k(12) }),
    ];
    const c130 = aircraft({ id: 'C-130', planningPayload: 15, homeNode: 1, shuttle: { from: 1, to: 0 }, tasked: [{ atHours: 0, value: 3 }] });
    const c17 = aircraft({ homeNode: 2 });
    const cargo = [lot({ shortTons: 2, count: 150 }), lot({ id: 'ag', site: 1, shortTons: 10, count: 30 })];
    const legHours = (a: number, b: number) => (a + b === 1 ? k(1) : k(5)); // A <-> B 1 h, to HOME 5 h
    const scn = scenario({ sites, types: [c17, c130], cargo, legHours }, { dispatch: { policy: 'priority', minimumLoad: 0.8 } });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).not.toBeNull();
    expect(r.movedShortTons).toEqual([600, 0]);
    const sorties = r.sortiesByType[0]! + r.sortiesByType[1]!;
    expect(r.events).toBeLessThanOrEqual(180 + 10 * sorties);
  });
});
