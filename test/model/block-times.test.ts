/**
 * Block times come from the loader's `blockTimes[type][from][to]`: a leg listed for a type,
 * else the general leg, else great-circle distance / block speed + 0.5 h. The model must fly
 * exactly those (it used to derive its own great-circle time without the 0.5 h and ignore
 * per-type legs). Read from the trace: every 'dispatch' says `leg <hours>` (the leg from home
 * to the site) and the take-off of the same sortie is followed by the arrival one leg later.
 */
import { describe, expect, it } from 'vitest';
import { simulate, simulatePlan, traceReplication } from '../../src/model/index.js';
import type { TraceRecord } from '../../src/model/index.js';
import { documentFromValue, greatCircleNm, resolveDocument } from '../../src/scenario/index.js';
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { aircraft, k, scenario } from './fixtures.js';

const ALPHA = { lat: 13.4815, lon: 2.1836 };
const BRAVO = { lat: 16.96, lon: 8.03 };
const HOME = { lat: 49.4369, lon: 7.6003 };

function load(value: unknown): ResolvedScenario {
  const r = resolveDocument(documentFromValue(value, 'block-times.yaml'));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.scenario;
}

/** Two sites, one destination (home of both types); ALPHA<->HOME listed for the C-17 and for all; BRAVO<->HOME derived. */
function twoTypes(): ResolvedScenario {
  const type = (id: string, speed: number, tasked: number) => ({
    id, name: id, planningPayload: '20 st', pallets: 6, seats: 0, fits: ['palletized'], blockSpeed: speed, tasked, home: 'HOME',
  });
  const site = (id: string, location: { lat: number; lon: number }, priority: number) => ({
    id, name: id, location, mog: 10, groundTime: '3h', personnel: 0, closureTeam: 0, priority, destinations: { HOME: 1 },
  });
  return load({
    name: 'block-times', seed: 1, replications: 1, timeZone: 'UTC', start: '2024-06-01', deadline: '2024-06-30', horizon: '60d',
    sites: [site('ALPHA', ALPHA, 1), site('BRAVO', BRAVO, 2)],
    destinations: [{ id: 'HOME', name: 'Home', location: HOME, turnaround: '2h' }],
    legs: [
      { from: 'ALPHA', to: 'HOME', blockTime: '5h', aircraft: ['C-17'] },
      { from: 'ALPHA', to: 'HOME', blockTime: '7h' },
    ],
    aircraft: [type('C-17', 450, 1), type('C-130J', 286, 1)],
    cargo: [
      { id: 'a', site: 'ALPHA', category: 'palletized', weight: '20 st', pallets: 1, count: 2 },
      { id: 'b', site: 'BRAVO', category: 'palletized', weight: '20 st', pallets: 1, count: 2 },
    ],
  });
}

/** Legs flown, per aircraft and site: the dispatch leg (home -> site) and site -> destination (take-off to arrival). */
function flown(trace: readonly TraceRecord[]): { out: Map<string, number[]>; back: Map<string, number[]> } {
  const out = new Map<string, number[]>();
  const back = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, key: string, v: number): void => void m.set(key, [...(m.get(key) ?? []), v]);
  const takeoff = new Map<string, { t: number; site: string }>();
  for (const r of trace) {
    if (r.event === 'dispatch') push(out, `${r.aircraft.split('#')[0]} ${r.site}`, Number(r.detail.replace('leg ', '')));
    if (r.event === 'takeoff') takeoff.set(r.aircraft, { t: r.t, site: r.site });
    if (r.event === 'arrive') {
      const t = takeoff.get(r.aircraft)!;
      push(back, `${r.aircraft.split('#')[0]} ${t.site}`, r.t - t.t);
    }
  }
  return { out, back };
}

describe('block times per aircraft type', () => {
  it('the loader resolves a type-specific leg, the general leg, and distance / speed + 0.5 h', () => {
    const scn = twoTypes();
    const bt = scn.blockTimes!;
    // nodes: ALPHA 0, BRAVO 1, HOME 2; types: C-17 0, C-130J 1
    expect(bt[0]![0]![2]).toEqual(k(5));
    expect(bt[1]![0]![2]).toEqual(k(7));
    expect(bt[1]![1]![2]).toEqual(k(greatCircleNm(BRAVO.lat, BRAVO.lon, HOME.lat, HOME.lon) / 286 + 0.5));
  });

  it('simulate flies the C-17 leg for the C-17, the general leg for the C-130J, and derived legs with the 0.5 h', () => {
    const scn = twoTypes();
    const { out, back } = flown(traceReplication(scn, 1, 0).trace);
    const bravo17 = greatCircleNm(BRAVO.lat, BRAVO.lon, HOME.lat, HOME.lon) / 450 + 0.5;
    const bravo130 = greatCircleNm(BRAVO.lat, BRAVO.lon, HOME.lat, HOME.lon) / 286 + 0.5;
    for (const [key, hours] of [['C-17 ALPHA', 5], ['C-130J ALPHA', 7], ['C-17 BRAVO', bravo17], ['C-130J BRAVO', bravo130]] as const) {
      expect(out.get(key), key).toBeDefined();
      for (const h of out.get(key)!) expect(h, `${key} out`).toBeCloseTo(hours, 3);
      // the run stops at the last take-off, so the last sortie (C-130J from BRAVO) has no arrival
      if (key !== 'C-130J BRAVO') expect(back.get(key), key).toBeDefined();
      for (const h of back.get(key) ?? []) expect(h, `${key} back`).toBeCloseTo(hours, 9);
    }
  });

  it('the plan run uses the same per-type legs (completion by hand)', () => {
    // One C-17 alone, ALPHA first (priority 1): two ALPHA sorties of 5 + 3 + 5 + 2 = 15 h (home at 30),
    // then BRAVO (leg d): one full cycle 2d + 3 + 2, and the last sortie leaves BRAVO d + 3 later.
    const base = twoTypes();
    const solo: ResolvedScenario = {
      ...base,
      aircraftTypes: [base.aircraftTypes[0]!, { ...base.aircraftTypes[1]!, tasked: [{ atHours: 0, value: 0 }] }],
    };
    const d = greatCircleNm(BRAVO.lat, BRAVO.lon, HOME.lat, HOME.lon) / 450 + 0.5;
    const expected = 30 + (2 * d + 5) + d + 3;
    expect(simulatePlan(solo).completionHours).toBeCloseTo(expected, 9);
    expect(simulate(solo, 3, 0).completionHours).toBeCloseTo(expected, 9);
  });

  it('a hand-built scenario: blockTimes wins over legs; without blockTimes every type flies legs', () => {
    const types = [aircraft({ tasked: [{ atHours: 0, value: 1 }] })];
    const legsOnly = scenario({ types, legHours: 5 });
    const withBt = scenario({ types, legHours: 5 }, { blockTimes: [[[null, k(4)], [k(4), null]]] });
    // 100 st in 20 st loads = 5 sorties of one aircraft: (5 - 1) (2L + 3 + 2) + L + 3
    expect(simulate(legsOnly, 1, 0).completionHours).toBeCloseTo(4 * 15 + 8, 9);
    expect(simulate(withBt, 1, 0).completionHours).toBeCloseTo(4 * 13 + 7, 9);
  });
});
