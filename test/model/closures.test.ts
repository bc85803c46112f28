/**
 * Weather episodes and incidents are drawn lazily during the replication (replication.ts,
 * initClosures). They must be exactly the closures that drawing the whole horizon at the
 * start gives: the reference below draws them that way from the same named streams.
 */
import { describe, expect, it } from 'vitest';
import { traceReplication } from '../../src/model/index.js';
import { Streams } from '../../src/random/index.js';
import type { ResolvedSite } from '../../src/scenario/resolved.js';
import { k, lot, scenario, site } from './fixtures.js';

type Weather = NonNullable<ResolvedSite['weather']>;
type Month = NonNullable<Weather['byMonth'][number]>;

const JUN = 5, JUL = 6;
const month = (windowStart: number, windowEnd: number): Month => ({ dailyProbability: 1, windowStart, windowEnd, duration: k(1) });
// June's window runs past midnight (23:00-07:00), July's is 00:00-01:00: the episode of 30 June
// may start after the one of 1 July (the order of starts flips at the month boundary).
const byMonth: Weather['byMonth'] = Array.from({ length: 12 }, (_, m) => (m === JUN ? month(23, 7) : m === JUL ? month(0, 1) : null));
const RATE = 0.5; // incidents per day
const HORIZON = 2000; // hours from 19 May 00:00 UTC: to 10 Aug
// 300 sorties of 15 h: the replication runs to the horizon, so every closure in it is traced
const scn = scenario({
  sites: [site({ weather: { byMonth }, incidents: { ratePerDay: RATE, duration: k(2) } })],
  cargo: [lot({ count: 300 })],
  horizonHours: HORIZON,
  deadlineHours: HORIZON,
});

/** Episode start times drawn for the whole horizon at once, day by day (the eager order). */
function eagerWeather(seed: number, rep: number): { day: number; t0: number }[] {
  const u = new Streams(seed, rep).get('weather:AB101');
  const out: { day: number; t0: number }[] = [];
  const start = scn.startEpochMs;
  for (let d = 0; 24 * d < HORIZON; d++) {
    const m = byMonth[new Date(start + d * 86_400_000).getUTCMonth()] ?? null;
    if (m === null || u.next() >= m.dailyProbability) continue;
    let width = m.windowEnd - m.windowStart;
    if (width < 0) width += 24;
    const t0 = 24 * d - scn.startLocalHourOfDay + (m.windowStart + u.next() * width);
    if (t0 < HORIZON) out.push({ day: d, t0 });
  }
  return out;
}

function eagerIncidents(seed: number, rep: number): number[] {
  const u = new Streams(seed, rep).get('incidents:AB101');
  const out: number[] = [];
  for (let t = -Math.log(1 - u.next()) / (RATE / 24); t < HORIZON; t += -Math.log(1 - u.next()) / (RATE / 24)) out.push(t);
  return out;
}

const closes = (seed: number, rep: number, cause: string): number[] =>
  traceReplication(scn, seed, rep).trace.filter((r) => r.event === 'close' && r.detail === cause).map((r) => r.t);

describe('lazy closures', () => {
  it('weather: the same episode starts as drawing the whole horizon at the start, also where the order of starts flips', () => {
    const ref = eagerWeather(5, 0);
    // the case the trigger rule is for: 30 June's episode starts after 1 July's
    const start = (day: number): number => ref.find((e) => e.day === day)!.t0;
    expect(start(42)).toBeGreaterThan(start(43)); // day 42 = 30 Jun, day 43 = 1 Jul
    const got = closes(5, 0, 'weather');
    expect(got).toEqual(ref.map((e) => e.t0).sort((a, b) => a - b));
    expect(got.length).toBeGreaterThan(40); // June and July, one episode a day
  });

  it('incidents: the same Poisson arrivals as drawing the whole horizon at the start', () => {
    for (const rep of [0, 1, 2]) {
      const ref = eagerIncidents(5, rep);
      expect(ref.length).toBeGreaterThan(10); // ~41 expected in 83 days at 0.5 a day
      expect(closes(5, rep, 'incident')).toEqual(ref);
    }
  });
});
