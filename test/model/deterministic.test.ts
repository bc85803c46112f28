/**
 * Exact answers with every distribution constant. Base fixture: leg L = 5 h each way,
 * ground G = 3 h, turnaround T = 2 h at the destination, which is also home: a cycle is
 * c = 2L + G + T = 15 h and sortie j (1-based) of one aircraft leaves the site at L + G + (j-1)c.
 */
import { describe, expect, it } from 'vitest';
import { CAUSE_INDEX, simulate } from '../../src/model/index.js';
import { aircraft, dest, lot, scenario, site } from './fixtures.js';

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
