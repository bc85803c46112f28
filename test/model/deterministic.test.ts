/**
 * Exact answers with every distribution constant. Base fixture: leg L = 5 h each way,
 * ground G = 3 h, turnaround T = 2 h at the destination, which is also home: a cycle is
 * c = 2L + G + T = 15 h and sortie j (1-based) of one aircraft leaves the site at L + G + (j-1)c.
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_INDEX, simulate, traceReplication } from '../../src/model/index.js';
import { aircraft, dest, k, lot, scenario, site } from './fixtures.js';

const L = 5, G = 3, C = 15;

describe('closed-form completion times', () => {
  it('N aircraft, K sorties, fixed cycle, ample MOG: (ceil(K/N) - 1) c + L + G', () => {
    for (const [n, K] of [[1, 1], [1, 6], [2, 6], [3, 7], [4, 13]] as const) {
      const scn = scenario({ types: [aircraft({ tasked: [{ atHours: 0, value: n }] })], cargo: [lot({ count: 2 * K })] });
      const r = simulate(scn, 7, 0);
      expect(r.completionHours).toBeCloseTo((Math.ceil(K / n) - 1) * C + L + G, 9);
      expect(r.sortiesByType).toEqual([K]);
      expect(r.lostHours.every((h) => h === 0)).toBe(true);
    }
  });

  it('whole items: N aircraft of 65 st, K items of 40 st (one per sortie): (ceil(K/N) - 1) c + L + G', () => {
    // Claims used to be in tons: 2 x 65 st >= 3 x 40 st, so a third aircraft stayed home (13 h for N = K = 3).
    for (const n of [1, 2, 3, 4]) {
      for (const K of [3, 7, 24]) {
        const scn = scenario({
          sites: [site({ mog: [{ atHours: 0, value: 30 }] })],
          dests: [dest({ id: 'HOME', name: 'Home' })],
          types: [aircraft({ planningPayload: 65, tasked: [{ atHours: 0, value: n }] })],
          cargo: [lot({ shortTons: 40, count: K })],
        });
        const r = simulate(scn, 7, 0);
        expect(r.completionHours, `N = ${n}, K = ${K}`).toBeCloseTo((Math.ceil(K / n) - 1) * C + L + G, 9);
        expect(r.sortiesByType, `N = ${n}, K = ${K}`).toEqual([K]);
      }
    }
  });

  it('a MOG that binds: with N G >= c the ramp turns one aircraft every G / MOG hours', () => {
    // MOG 1, 6 aircraft (6 x 3 = 18 >= 15): departures at L + G j, j = 1..K
    const K = 20;
    const scn = scenario({
      sites: [site({ mog: [{ atHours: 0, value: 1 }] })],
      types: [aircraft({ tasked: [{ atHours: 0, value: 6 }] })],
      cargo: [lot({ count: 2 * K })],
    });
    const r = simulate(scn, 7, 0);
    expect(r.completionHours).toBeCloseTo(L + G * K, 9);
    expect(r.lostHours[CAUSE_INDEX.parking]).toBeGreaterThan(0);
    // the spot is occupied from the first landing (L) to the last departure
    expect(r.parkingUtilisation[0]).toBeCloseTo((G * K) / (L + G * K), 9);
  });

  it('a MOG that binds, with a closure team: the team leaves on the last cargo sortie, no sortie of its own', () => {
    // As above, and the aircraft that lands in the spot a take-off frees at that instant
    // loads the last cargo: the departing cargo is airborne, so the team boards it.
    for (const K of [1, 2, 5, 20]) {
      const scn = scenario({
        sites: [site({ mog: [{ atHours: 0, value: 1 }], personnel: 10, closureTeam: 10 })],
        types: [aircraft({ planningPayload: 22, seats: 20, tasked: [{ atHours: 0, value: 6 }] })], // 2 lots of 10 st + 10 x 0.15 st
        cargo: [lot({ count: 2 * K })],
      });
      const r = simulate(scn, 7, 0);
      expect(r.completionHours, `K = ${K}`).toBeCloseTo(L + G * K, 9);
      expect(r.sortiesByType, `K = ${K}`).toEqual([K]);
    }
  });

  it('closure team with MOG 2: two aircraft loading the last items together; the later departure takes the team', () => {
    // Both aircraft land, load and leave together (ample MOG): the team boards at the take-off
    // that leaves no other load behind. It used to wait for a sortie of its own (+c).
    for (const K of [2, 4, 6]) {
      const scn = scenario({
        sites: [site({ mog: [{ atHours: 0, value: 2 }], personnel: 10, closureTeam: 10 })],
        types: [aircraft({ planningPayload: 22, seats: 20, tasked: [{ atHours: 0, value: 2 }] })],
        cargo: [lot({ count: 2 * K })],
      });
      const t = traceReplication(scn, 7, 0);
      expect(t.result.completionHours, `K = ${K}`).toBeCloseTo((K / 2 - 1) * C + L + G, 9);
      expect(t.result.sortiesByType, `K = ${K}`).toEqual([K]);
      const takeoffs = t.trace.filter((e) => e.event === 'takeoff');
      expect(takeoffs.filter((e) => /\b10 closure\b/.test(e.detail))).toHaveLength(1);
      expect(takeoffs.at(-1)!.detail).toMatch(/\b10 closure\b/);
    }
  });

  it('the closure team leaves last: after staff released later than the last cargo', () => {
    // 20 staff released one an hour (t = 1..20 h), a team of 10, one aircraft, one load of cargo:
    // sortie 1 leaves at L + G = 8 with the cargo and the 5 staff released by its onload (t = 5);
    // sortie 2 (dispatched at 15, onload at 20) takes the other 15 and then the team: 23 h.
    // The team used to board sortie 1, leaving 15 staff behind it.
    const scn = scenario({
      sites: [site({ personnel: 30, closureTeam: 10, personnelReleaseRate: k(24) })],
      types: [aircraft({ planningPayload: 25, seats: 40 })],
      cargo: [lot({ count: 2 })],
    });
    const t = traceReplication(scn, 7, 0);
    expect(t.result.completionHours).toBeCloseTo(23, 9);
    const takeoffs = t.trace.filter((e) => e.event === 'takeoff').map((e) => e.detail);
    expect(takeoffs).toHaveLength(2);
    expect(takeoffs[0]).toMatch(/\b5 pax, 0 closure\b/);
    expect(takeoffs[1]).toMatch(/\b25 pax, 10 closure\b/);
  });

  it('an aircraft loads what other dispatched aircraft have not claimed: no empty sorties', () => {
    // 3 staff released one an hour, 3 aircraft: each is dispatched for the one person released
    // (t = 1, 2, 3) and claims that seat; the first to land (t = 6) leaves the others' claims to
    // them, so each carries one and the last leaves at 3 + L + G = 11. It used to take all three,
    // and the two others flew empty sorties to a site already closed.
    const scn = scenario({
      sites: [site({ personnel: 3, personnelReleaseRate: k(24) })],
      types: [aircraft({ seats: 40, tasked: [{ atHours: 0, value: 3 }] })],
      cargo: [],
    });
    const t = traceReplication(scn, 7, 0);
    expect(t.result.completionHours).toBeCloseTo(11, 9);
    const takeoffs = t.trace.filter((e) => e.event === 'takeoff').map((e) => e.detail);
    expect(takeoffs).toHaveLength(3);
    for (const d of takeoffs) expect(d).toMatch(/^0\.000 st, 1 pax\b/);
  });

  it('an item heavier than the load factor allows, within the planning payload, still flies: one a sortie', () => {
    // payload 20 st at load factor 0.5 = 10 st a sortie; items of 15 st. Each sortie takes one
    // item: (K - 1) c + L + G. Sorties used to leave empty, and the cargo never went.
    const K = 3;
    const scn = scenario({
      types: [aircraft({ planningPayload: 20, loadFactor: k(0.5) })],
      cargo: [lot({ shortTons: 15, count: K })],
    });
    const r = simulate(scn, 7, 0);
    expect(r.completionHours).toBeCloseTo((K - 1) * C + L + G, 9);
    expect(r.sortiesByType).toEqual([K]);
  });

  it('passengers that leave no room for an item do not claim it: a second aircraft takes it at once', () => {
    // 90 people (13.5 st) fill the first aircraft's plan; the 60 st item does not fit beside
    // them, so it stays unclaimed and the second aircraft is sent for it at t = 0: both leave at
    // L + G. The first used to claim it anyway (and leave without it), keeping the second at
    // home until its onload: L + G + L + G.
    const scn = scenario({
      sites: [site({ mog: [{ atHours: 0, value: 2 }], personnel: 90 })],
      types: [aircraft({ planningPayload: 65, seats: 102, tasked: [{ atHours: 0, value: 2 }] })],
      cargo: [lot({ shortTons: 60, count: 1 })],
    });
    const r = simulate(scn, 7, 0);
    expect(r.completionHours).toBeCloseTo(L + G, 9);
    expect(r.sortiesByType).toEqual([2]);
  });

  it('operating hours 06-18: arrivals outside wait; sortie k leaves at 9 + 24 k', () => {
    const scn = scenario({ sites: [site({ operatingHours: { open: 6, close: 18 } })] });
    const r = simulate(scn, 7, 0);
    expect(r.completionHours).toBeCloseTo(9 + 24 * 4, 9);
    // first arrival at 05:00 waits 1 h; the others arrive 21:00 and wait 9 h
    expect(r.lostHours[CAUSE_INDEX['operating-hours']]).toBeCloseTo(1 + 4 * 9, 9);
  });

  it('AFPAM station throughput MOG x payload x operating hours / ground time per day when the ramp binds', () => {
    const MOG = 2, PAYLOAD = 40, OPEN = 12, GT = 3;
    const scn = scenario({
      sites: [site({ mog: [{ atHours: 0, value: MOG }], operatingHours: { open: 6, close: 18 }, groundTime: [{ dist: 'constant', value: GT }] })],
      types: [aircraft({ planningPayload: PAYLOAD, tasked: [{ atHours: 0, value: 20 }] })],
      cargo: [lot({ shortTons: 40, count: 100 })],
    });
    const r = simulate(scn, 7, 0);
    const station = (MOG * PAYLOAD * OPEN) / GT; // 320 st/day
    const rem = r.dailyRemainingShortTons;
    // steady state: days 2..8 (the first day is the ramp-up, the ramp works every day after)
    for (let d = 2; d <= 8; d++) expect(rem[d - 1]! - rem[d]!).toBeCloseTo(station, 9);
  });

  it('a MOG step change: MOG 1, then 3 from 50 h', () => {
    const types = [aircraft({ tasked: [{ atHours: 0, value: 12 }] })];
    const scn = scenario({ sites: [site({ mog: [{ atHours: 0, value: 1 }, { atHours: 50, value: 3 }] })], types, cargo: [lot({ count: 80 })] });
    const one = simulate(scenario({ sites: [site({ mog: [{ atHours: 0, value: 1 }] })], types, cargo: [lot({ count: 80 })] }), 7, 0);
    const r = simulate(scn, 7, 0);
    expect(one.completionHours).toBeCloseTo(L + G * 40, 9);
    expect(r.completionHours!).toBeLessThan(one.completionHours! - 20);
  });
});
