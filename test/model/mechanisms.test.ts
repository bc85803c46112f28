/**
 * Each mechanism switched on shows its effect; absent, it costs nothing. Base: the
 * one-aircraft lift of fixtures.ts (5 sorties, completion 68 h: 4 cycles of 15 h + 5 + 3).
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_INDEX, simulate, simulatePlan } from '../../src/model/index.js';
import type { ReplicationResult } from '../../src/model/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { aircraft, dest, k, lot, scenario, site } from './fixtures.js';

const BASE = 68;
const lost = (r: ReplicationResult, c: keyof typeof CAUSE_INDEX): number => r.lostHours[CAUSE_INDEX[c]]!;
const mean = (scn: ResolvedScenario, n: number, f: (r: ReplicationResult) => number): number => {
  let s = 0;
  for (let i = 0; i < n; i++) s += f(simulate(scn, 11, i));
  return s / n;
};

describe('baseline', () => {
  it('no mechanism: no hours lost, completion 68 h', () => {
    const r = simulate(scenario(), 3, 0);
    expect(r.completionHours).toBe(BASE);
    expect(r.lostHours).toEqual(r.lostHours.map(() => 0));
    expect(r.bindingCause).toBe(-1);
  });
});

describe('delays', () => {
  it('clearance lead time: the first sortie waits the lead time, later ones were requested a cycle ahead', () => {
    const scn = scenario({}, { clearance: { regimes: [{ fromHours: 0, leadTime: k(10), denialProbability: 0, reRequestDelay: k(24) }] } });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 10, 9);
    expect(lost(r, 'clearance')).toBeCloseTo(10, 9);
    // lead time longer than a cycle: every sortie waits the difference
    const slow = simulate(scenario({}, { clearance: { regimes: [{ fromHours: 0, leadTime: k(20), denialProbability: 0, reRequestDelay: k(24) }] } }), 3, 0);
    expect(slow.completionHours).toBeCloseTo(20 + 4 * 20 + 8, 9);
  });
  it('clearance denials re-request and delay; a regime change applies from its date', () => {
    const deny = scenario({}, { clearance: { regimes: [{ fromHours: 0, leadTime: k(1), denialProbability: 0.5, reRequestDelay: k(24) }] } });
    expect(mean(deny, 50, (r) => lost(r, 'clearance'))).toBeGreaterThan(10);
    const regime = scenario({}, { clearance: { regimes: [
      { fromHours: 0, leadTime: k(0), denialProbability: 0, reRequestDelay: k(0) },
      { fromHours: 30, leadTime: k(40), denialProbability: 0, reRequestDelay: k(0) },
    ] } });
    const r = simulate(regime, 3, 0);
    expect(lost(r, 'clearance')).toBeGreaterThan(0);
    expect(r.completionHours!).toBeGreaterThan(BASE);
  });
  it('departure delay adds to every sortie', () => {
    const r = simulate(scenario({}, { departureDelay: k(1) }), 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 5, 9);
    expect(lost(r, 'departure-delay')).toBeCloseTo(5, 9);
    expect(r.bindingCause).toBe(CAUSE_INDEX['departure-delay']);
  });
  it('breaks with probability 1 and constant repair add the repair to every sortie; off in the plan run', () => {
    const scn = scenario({ types: [aircraft({ breakProbability: 1, repairTime: k(2) })] });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 10, 9);
    expect(lost(r, 'break')).toBeCloseTo(10, 9);
    expect(simulatePlan(scn).completionHours).toBe(BASE);
  });
  it('crew duty 14 h, rest 10 h: the second and later sorties start after a rest', () => {
    const r = simulate(scenario({ types: [aircraft({ crewDutyHours: 14, crewRest: k(10) })] }), 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 40, 9);
    expect(lost(r, 'crew-rest')).toBeCloseTo(40, 9);
  });
  it('crew duty without a crew-rest distribution (the API allows it; files default to 12 h): a fresh crew at once', () => {
    const r = simulate(scenario({ types: [aircraft({ crewDutyHours: 14, crewRest: null })] }), 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE, 9);
    expect(lost(r, 'crew-rest')).toBe(0);
  });
  it('a loading team shared by two aircraft makes the second wait once', () => {
    const scn = scenario({ sites: [site({ loadingTeams: 1 })], types: [aircraft({ tasked: [{ atHours: 0, value: 2 }] })] });
    const r = simulate(scn, 3, 0);
    expect(lost(r, 'loading')).toBeCloseTo(3, 9);
    // the first aircraft flies sorties 1, 3, 5 (8, 23, 38 h), the second leaves at 11 and 26 h
    expect(r.completionHours).toBeCloseTo(2 * 15 + 8, 9);
  });
});

describe('airfield closures', () => {
  it('a scheduled suspension of 20 h from t = 0 delays the first landing to 20 h', () => {
    const scn = scenario({}, { disruptions: [{ kind: 'suspension', id: 'coup', probability: 1, windowStartHours: 0, windowEndHours: 0, duration: k(20), sites: [] }] });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 15, 9);
    expect(lost(r, 'disruption')).toBeCloseTo(15, 9);
    // certain (probability 1) and at a fixed time: the plan has it too (it left it out, so the
    // plan sat at P0 of identical replications)
    expect(simulatePlan(scn).completionHours).toBeCloseTo(BASE + 15, 9);
  });
  it('the plan puts a certain disruption at the middle of its window; an uncertain one is left out', () => {
    const dis = { kind: 'suspension' as const, id: 'coup', windowStartHours: 0, windowEndHours: 10, duration: k(20), sites: [] };
    expect(simulatePlan(scenario({}, { disruptions: [{ ...dis, probability: 1 }] })).completionHours).toBeCloseTo(BASE + 20, 9); // 5 to 25: first landing at 25
    expect(simulatePlan(scenario({}, { disruptions: [{ ...dis, probability: 0.99 }] })).completionHours).toBe(BASE);
  });
  it('a suspension with probability 0 never happens', () => {
    const scn = scenario({}, { disruptions: [{ kind: 'suspension', id: 'x', probability: 0, windowStartHours: 0, windowEndHours: 0, duration: k(20), sites: [] }] });
    expect(simulate(scn, 3, 0).completionHours).toBe(BASE);
  });
  it('a MOG loss to 0 for 30 h holds arrivals in the air', () => {
    const scn = scenario({}, { disruptions: [{ kind: 'mog-loss', id: 'ramp', probability: 1, windowStartHours: 0, windowEndHours: 0, duration: k(30), site: 0, mog: 0 }] });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 25, 9);
    expect(lost(r, 'disruption')).toBeCloseTo(25, 9);
    expect(simulatePlan(scn).completionHours).toBeCloseTo(BASE + 25, 9);
  });
  it("a parking wait is 'disruption' while a MOG loss is active and 'parking' before and after it", () => {
    // MOG 1, ground 10 h, one item a sortie; #1 parks 5-15, #2 (tasked from 1 h) lands at 6 and
    // queues until 15; a MOG loss (to 0) from 7 to 10 h: parking 1 + 5 h, disruption 3 h; #2
    // leaves at 25. (The whole wait kept the cause it had at 6 h: parking 9 h.)
    const scn = scenario({
      sites: [site({ mog: [{ atHours: 0, value: 1 }], groundTime: [k(10)] })],
      types: [aircraft({ tasked: [{ atHours: 0, value: 1 }, { atHours: 1, value: 2 }] })],
      cargo: [lot({ shortTons: 20, count: 2 })],
    }, { disruptions: [{ kind: 'mog-loss', id: 'cut', probability: 1, windowStartHours: 7, windowEndHours: 7, duration: k(3), site: 0, mog: 0 }] });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).toBeCloseTo(25, 9);
    expect(lost(r, 'parking')).toBeCloseTo(6, 9);
    expect(lost(r, 'disruption')).toBeCloseTo(3, 9);
  });
  it('a MOG cut while an aircraft is parked does not move it, and parking utilisation stays <= 1', () => {
    // MOG 1, one load, ground time 10 h: parked 5-15 h; the MOG drops to 0 at 6 h. Capacity
    // counts the spot it holds: 10 occupied hours over 6 + 9 spot-hours (it was 10 / 6 = 1.67).
    const scn = scenario({ sites: [site({ mog: [{ atHours: 0, value: 1 }], groundTime: [k(10)] })], cargo: [lot({ count: 2 })] },
      { disruptions: [{ kind: 'mog-loss', id: 'cut', probability: 1, windowStartHours: 6, windowEndHours: 6, duration: k(100), site: 0, mog: 0 }] });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).toBeCloseTo(15, 9);
    expect(r.parkingUtilisation[0]).toBeCloseTo(10 / 15, 9);
  });
  it('weather closing the field every day 04:00-10:00 delays landings and take-offs', () => {
    const weather = { byMonth: Array.from({ length: 12 }, () => ({ dailyProbability: 1, windowStart: 4, windowEnd: 4, duration: k(6) })) };
    const r = simulate(scenario({ sites: [site({ weather })] }), 3, 0);
    expect(lost(r, 'weather')).toBeGreaterThan(0);
    expect(r.completionHours!).toBeGreaterThan(BASE);
    const off = simulate(scenario({ sites: [site({ weather: { byMonth: Array.from({ length: 12 }, () => null) } })] }), 3, 0);
    expect(off.completionHours).toBe(BASE);
  });
  it('weather only in a month outside the run does nothing', () => {
    const byMonth = Array.from({ length: 12 }, (_, m) => (m === 11 ? { dailyProbability: 1, windowStart: 0, windowEnd: 24, duration: k(12) } : null));
    expect(simulate(scenario({ sites: [site({ weather: { byMonth } })] }), 3, 0).completionHours).toBe(BASE);
  });
  it('runway incidents (Poisson) cost time on average', () => {
    const scn = scenario({ sites: [site({ incidents: { ratePerDay: 2, duration: k(4) } })] });
    expect(mean(scn, 40, (r) => lost(r, 'incident'))).toBeGreaterThan(1);
    expect(mean(scn, 40, (r) => r.completionHours!)).toBeGreaterThan(BASE);
  });
});

describe('cargo readiness and people', () => {
  it('a release date: the aircraft waits for the cargo (cargo-not-ready)', () => {
    const r = simulate(scenario({ cargo: [lot({ releaseHours: 50 })] }), 3, 0);
    expect(r.completionHours).toBeCloseTo(50 + BASE, 9);
    expect(lost(r, 'cargo-not-ready')).toBeCloseTo(50, 9);
  });
  it('a packing rate makes packing the bottleneck: 2 st/h, 100 st -> not before 50 h', () => {
    const r = simulate(scenario({ sites: [site({ packingRate: k(48) })], cargo: [lot({ count: 10 })] }), 3, 0);
    expect(r.completionHours!).toBeGreaterThanOrEqual(50 + 5 + 3 - 1e-9);
    expect(lost(r, 'cargo-not-ready')).toBeGreaterThan(0);
  });
  it('personnel fly in seats; the closure team leaves with the last cargo', () => {
    const scn = scenario({
      sites: [site({ personnel: 60, closureTeam: 10 })],
      types: [aircraft({ seats: 30, planningPayload: 30 })],
    });
    const r = simulate(scn, 3, 0);
    expect(r.movedPersonnel).toEqual([60]);
    expect(r.movedShortTons).toEqual([100]);
  });
  it('a personnel release rate spreads people over time', () => {
    const scn = scenario({ sites: [site({ personnel: 40, personnelReleaseRate: k(24) })], cargo: [], types: [aircraft({ seats: 100 })] });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours!).toBeGreaterThanOrEqual(40 - 1e-9); // the 40th person is released at 40 h
    expect(r.movedPersonnel).toEqual([40]);
  });
  it('left-behind lots are never flown and reported', () => {
    const r = simulate(scenario({ cargo: [lot(), lot({ id: 'big', shortTons: 90, count: 1, leaveBehind: true })] }), 3, 0);
    expect(r.leftBehindShortTons).toEqual([90]);
    expect(r.completionHours).toBe(BASE);
  });
  it('load factor 0.5 doubles the sorties; pallet positions and categories limit the load', () => {
    expect(simulate(scenario({ types: [aircraft({ loadFactor: k(0.5) })] }), 3, 0).sortiesByType).toEqual([10]);
    // 1 st items of 4 positions, 18 positions: 4 items per sortie
    expect(simulate(scenario({ cargo: [lot({ shortTons: 1, pallets: 4, count: 8 })] }), 3, 0).sortiesByType).toEqual([2]);
    // outsize does not fit the first type; a second type carries it
    const t2 = aircraft({ id: 'C-5', fits: [false, false, true, false], tasked: [{ atHours: 0, value: 1 }] });
    const t1 = aircraft({ fits: [true, true, false, true] });
    const r = simulate(scenario({ types: [t1, t2], sites: [site({ allowedTypes: [true, true], groundTime: [k(3), k(3)] })], cargo: [lot(), lot({ id: 'o', category: 'outsize', count: 2 })] }), 3, 0);
    expect(r.sortiesByType).toEqual([5, 1]);
  });
});

describe('fleet availability', () => {
  it('tasked from 24 h: completion shifts by 24 h and no hours are lost', () => {
    const r = simulate(scenario({ types: [aircraft({ tasked: [{ atHours: 0, value: 0 }, { atHours: 24, value: 1 }] })] }), 3, 0);
    expect(r.completionHours).toBeCloseTo(BASE + 24, 9);
    expect(r.lostHours.every((h) => h === 0)).toBe(true);
  });
  it('fleet start delay shifts everything', () => {
    expect(simulate(scenario({}, { fleetStart: { delay: k(10) } }), 3, 0).completionHours).toBeCloseTo(BASE + 10, 9);
    expect(simulate(scenario({ types: [aircraft({ startDelay: k(7) })] }, { fleetStart: { delay: k(10) } }), 3, 0).completionHours).toBeCloseTo(BASE + 7, 9);
  });
  it('mission-capable rate below 1 loses availability hours; plan run uses the expected fleet', () => {
    const scn = scenario({ types: [aircraft({ missionCapableRate: 0.5, tasked: [{ atHours: 0, value: 2 }] })], cargo: [lot({ count: 40 })] });
    expect(mean(scn, 20, (r) => lost(r, 'availability'))).toBeGreaterThan(0);
    const plan = simulatePlan(scn);
    // expected fleet round(2 x 0.5) = 1 aircraft: 20 sorties
    expect(plan.completionHours).toBeCloseTo(19 * 15 + 8, 9);
  });
  it('competing-mission losses take aircraft away', () => {
    const scn = scenario({ types: [aircraft({ competingLoss: { ratePerDay: 0.5, duration: k(48) } })], cargo: [lot({ count: 40 })] });
    expect(mean(scn, 20, (r) => lost(r, 'availability'))).toBeGreaterThan(24);
  });
});

describe('routes, dispatch and shuttles', () => {
  it('destination shares split sorties between destinations', () => {
    const scn = scenario({
      dests: [dest(), dest({ id: 'LERT', name: 'Rota' })],
      sites: [site({ destinationShares: [{ destination: 0, share: 0.5 }, { destination: 1, share: 0.5 }] })],
      cargo: [lot({ count: 40 })],
    });
    const r = simulate(scn, 3, 0);
    expect(r.sortiesByRoute['AB101>ETAR']! + r.sortiesByRoute['AB101>LERT']!).toBe(20);
    expect(r.sortiesByRoute['AB101>LERT']!).toBeGreaterThan(3);
    expect(simulatePlan(scn).sortiesByRoute).toEqual({ 'AB101>ETAR': 10, 'AB101>LERT': 10 });
  });
  it('priority dispatch closes the first-priority site first; largest-backlog serves the bigger one first', () => {
    const sites = [site({ priority: 2 }), site({ id: 'AB201', name: 'Agadez', priority: 1 })];
    const cargo = [lot({ count: 10 }), lot({ id: 'b', site: 1, count: 4 })];
    const pr = simulate(scenario({ sites, cargo }), 3, 0);
    expect(pr.siteCompletionHours[1]!).toBeLessThan(pr.siteCompletionHours[0]!);
    const lb = simulate(scenario({ sites, cargo }, { dispatch: { policy: 'largest-backlog' } }), 3, 0);
    expect(lb.siteCompletionHours[0]!).toBeLessThan(lb.siteCompletionHours[1]!);
    const prop = simulate(scenario({ sites, cargo }, { dispatch: { policy: 'proportional' } }), 3, 0);
    expect(prop.completionHours).not.toBeNull();
  });
  it('a shuttle moves cargo from Agadez to Niamey, where strategic sorties fly it out', () => {
    const sites = [site({ allowedTypes: [true, true], groundTime: [k(3), k(1)] }), site({ id: 'AB201', name: 'Agadez', allowedTypes: [false, true], groundTime: [null, k(1)], personnel: 10 })];
    const c130 = aircraft({ id: 'C-130', planningPayload: 15, seats: 40, homeNode: 1, shuttle: { from: 1, to: 0 } });
    const c17 = aircraft({ seats: 50, homeNode: 2 });
    const scn = scenario({ sites, types: [c17, c130], cargo: [lot({ count: 4 }), lot({ id: 'ag', site: 1, count: 3 })], legHours: 5 });
    const r = simulate(scn, 3, 0);
    expect(r.completionHours).not.toBeNull();
    expect(r.movedShortTons).toEqual([70, 0]);
    expect(r.movedPersonnel).toEqual([10, 0]);
    expect(r.sortiesByRoute['AB201>AB101']).toBe(3);
    expect(r.siteCompletionHours[1]!).toBeLessThan(r.siteCompletionHours[0]!);
  });
});

describe('shuttle crews', () => {
  it('a shuttle keeps to its crew duty limit: duty 4 h, rest 5 h, 1 h legs and ground times', () => {
    // Cycle (pick up at UP, fly to HUB, offload, next cycle from HUB): 1 h leg to UP, 1 h
    // onload, 1 h to HUB, 1 h offload = 4 h. The first cycle fits the 4 h duty; the next needs
    // 3 h more (leg, onload, leg) after 4 h on duty, so the crew rests 5 h first: cycles start
    // at 0, 9 and 18. The last load leaves UP at 20, reaches HUB at 21 and is offloaded by 22;
    // the C-17 (home 1 h from HUB) lands at 23 and leaves with it at 24: completion 24 h, with
    // 10 h of crew rest. (The shuttle never rested: 14 h, 0 h.)
    const sites = [
      site({ id: 'HUB', name: 'Hub', allowedTypes: [true, true], groundTime: [k(1), k(1)] }),
      site({ id: 'UP', name: 'Up', allowedTypes: [false, true], groundTime: [null, k(1)] }),
    ];
    const c130 = aircraft({ id: 'C-130', planningPayload: 20, homeNode: 0, shuttle: { from: 1, to: 0 }, crewDutyHours: 4, crewRest: k(5) });
    const c17 = aircraft({ planningPayload: 65, homeNode: 2 });
    const r = simulate(scenario({ sites, types: [c17, c130], cargo: [lot({ id: 'up', site: 1, shortTons: 20, count: 3 })], legHours: 1 }), 3, 0);
    expect(lost(r, 'crew-rest')).toBeCloseTo(10, 9);
    expect(r.completionHours).toBeCloseTo(24, 9);
  });
});

describe('milestones and deadline', () => {
  it('records a milestone met or missed, and what remains at the deadline', () => {
    const milestones = [
      { id: 'early', name: 'early', atHours: 10, date: '', personnelFraction: 0, cargoFraction: 0.3 },
      { id: 'late', name: 'late', atHours: 40, date: '', personnelFraction: 0, cargoFraction: 0.4 },
    ];
    const r = simulate(scenario({ deadlineHours: 30 }, { milestones }), 3, 0);
    expect(r.milestones).toEqual([false, true]); // 20 st out by 10 h, 40 st by 40 h
    expect(r.remainingShortTonsAtDeadline).toEqual([60]); // sorties at 8 and 23 h
  });
});
