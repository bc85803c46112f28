/**
 * Invariants over 200 random replications of the rich fixture, checked from the trace
 * (an independent reconstruction of closures, parking and departures) and from the
 * end-of-run accounting.
 */
import { describe, expect, it } from 'vitest';
import { inspectReplication, PAX_SHORT_TONS, simulate, simulatePlan, traceReplication } from '../../src/model/index.js';
import type { Phase, Tracer } from '../../src/model/index.js';
import { inWindow, localHour } from '../../src/model/time.js';
import { richScenario } from './rich.js';

interface Ev { t: number; aircraft: string; site: string; event: string; detail: string }

class CheckingTracer implements Tracer {
  readonly events: Ev[] = [];
  readonly problems: string[] = [];
  event(t: number, aircraft: string, site: string, event: string, detail: string): void {
    this.events.push({ t, aircraft, site, event, detail });
  }
  phase(_a: string, _p: Phase, start: number, end: number): void {
    if (!(end >= start)) this.problems.push(`phase ends before it starts: ${start} > ${end}`);
  }
  load(t: number, ac: string, _s: number, _k: number, tons: number, pallets: number, pax: number, capT: number, capP: number, capS: number, lots: readonly number[], counts: readonly number[], n: number): void {
    if (tons + pax * PAX_SHORT_TONS > capT + 1e-9) this.problems.push(`${ac} at ${t}: ${tons} st + ${pax} pax over ${capT}`);
    if (pallets > capP) this.problems.push(`${ac} at ${t}: ${pallets} pallets over ${capP}`);
    if (pax > capS) this.problems.push(`${ac} at ${t}: ${pax} pax over ${capS} seats`);
    for (let j = 0; j < n; j++) if (!(counts[j]! > 0) || !(lots[j]! >= 0)) this.problems.push(`bad load entry ${lots[j]} x ${counts[j]}`);
  }
}

const num = (re: RegExp, s: string): number => Number(re.exec(s)![1]);

describe('invariants over 200 replications of the rich scenario', () => {
  const scn = richScenario();
  it('conservation, parking <= MOG, loads within capacity, no movement while closed, closure rule, time order', () => {
    let completed = 0;
    for (let rep = 0; rep < 200; rep++) {
      const tr = new CheckingTracer();
      const { result, internals: x } = inspectReplication(scn, 20240519, rep, tr);
      if (result.completionHours !== null) completed++;
      expect(tr.problems).toEqual([]);
      // conservation per site and category
      for (let i = 0; i < x.initialTons.length; i++) {
        const lhs = x.initialTons[i]! + x.transferredInTons[i]! - x.transferredOutTons[i]!;
        const rhs = x.movedTons[i]! + x.remainingTons[i]! + x.leftBehindTons[i]! + x.onGroundLoadedTons[i]! + x.inFlightShuttleTons[i]!;
        expect(rhs).toBeCloseTo(lhs, 6);
      }
      // time order, closures, parking, departures
      const closed = new Map<string, number>();
      const parked = new Map<string, number>();
      const mog = new Map<string, number>([['AB101', 2], ['AB201', 1]]);
      const lastLoad = new Map<string, number>(); // last departure with cargo or people other than the team
      const closureDeps: { site: string; t: number }[] = [];
      let prev = -Infinity;
      for (const e of tr.events) {
        expect(e.t).toBeGreaterThanOrEqual(prev);
        prev = e.t;
        if (e.event === 'close') closed.set(e.site, (closed.get(e.site) ?? 0) + 1);
        else if (e.event === 'open') closed.set(e.site, (closed.get(e.site) ?? 0) - 1);
        else if (e.event === 'mog') mog.set(e.site, Number(e.detail));
        else if (e.event === 'park') {
          const n = (parked.get(e.site) ?? 0) + 1;
          parked.set(e.site, n);
          expect(n).toBeLessThanOrEqual(mog.get(e.site)!);
        } else if (e.event === 'unpark') parked.set(e.site, parked.get(e.site)! - 1);
        else if (e.event === 'land' || e.event === 'takeoff') {
          expect(closed.get(e.site) ?? 0).toBe(0);
          const oh = scn.sites.find((s) => s.id === e.site)!.operatingHours;
          if (oh !== null) expect(inWindow(oh.open, oh.close, localHour(scn.startLocalHourOfDay, e.t))).toBe(true);
          if (e.event === 'takeoff' && e.detail !== 'shuttle return') {
            const tons = num(/^([\d.]+) st/, e.detail), pax = num(/(\d+) pax/, e.detail);
            expect(tons > 0 || pax > 0, `empty sortie: ${e.aircraft} at ${e.t}`).toBe(true);
            if (tons > 0 || pax > num(/(\d+) closure/, e.detail)) lastLoad.set(e.site, e.t);
            if (num(/(\d+) closure/, e.detail) > 0) closureDeps.push({ site: e.site, t: e.t });
          }
        }
      }
      // the closure team is the last to leave: no cargo or other people depart after it
      for (const d of closureDeps) expect(d.t).toBeGreaterThanOrEqual(lastLoad.get(d.site) ?? -Infinity);
      // the final accounting agrees with the result
      const moved = result.movedShortTons.reduce((a, b) => a + b, 0);
      let movedCat = 0;
      for (const v of x.movedTons) movedCat += v;
      expect(moved).toBeCloseTo(movedCat, 6);
      if (result.completionHours !== null) {
        expect(result.remainingShortTonsAtDeadline.length).toBe(2);
        expect(x.remainingTons.every((v) => Math.abs(v) < 1e-9)).toBe(true);
        expect(result.movedPersonnel.reduce((a, b) => a + b, 0)).toBe(160);
      }
    }
    // the fixture is meant to finish mostly, so the checks above saw full runs
    expect(completed).toBeGreaterThan(100);
  });

  it('determinism: same inputs give deep-equal results; the traced result equals the untraced one', () => {
    for (const rep of [0, 1, 17]) {
      const a = simulate(scn, 99, rep);
      expect(simulate(scn, 99, rep)).toEqual(a);
      expect(traceReplication(scn, 99, rep).result).toEqual(a);
      expect(inspectReplication(scn, 99, rep, new CheckingTracer()).result).toEqual(a);
    }
    expect(simulate(scn, 99, 0)).not.toEqual(simulate(scn, 99, 1));
  });

  it('daily series are consistent: remaining never rises without shuttles in, busy <= available', () => {
    const r = simulate(scn, 5, 3);
    for (let d = 0; d < r.days; d++) {
      expect(r.dailyAircraftBusy[d]!).toBeLessThanOrEqual(r.dailyAircraftAvailable[d]! + 1e-9);
      const tot = r.dailyRemainingShortTons[d * 2]! + r.dailyRemainingShortTons[d * 2 + 1]!;
      if (d > 0) expect(tot).toBeLessThanOrEqual(r.dailyRemainingShortTons[(d - 1) * 2]! + r.dailyRemainingShortTons[(d - 1) * 2 + 1]! + 1e-9);
    }
    expect(r.aircraftUtilisation).toBeGreaterThan(0);
    expect(r.aircraftUtilisation).toBeLessThanOrEqual(1);
  });

  it('dailySettledFrom: from it on the remaining series hold their last value and the means are 0 (the binner skips that tail)', () => {
    const results = [simulatePlan(scn), ...Array.from({ length: 40 }, (_, i) => simulate(scn, 7, i))];
    // a horizon that cuts runs short: not cleared, the series run to the last day
    results.push(simulate({ ...scn, horizonHours: 24 * 5 + 7 }, 7, 0));
    let early = 0;
    for (const r of results) {
      const D = r.days;
      const from = r.dailySettledFrom!;
      expect(from).toBeGreaterThanOrEqual(0);
      expect(from).toBeLessThanOrEqual(D);
      if (from < D) early++;
      const S = r.dailyRemainingShortTons.length / D;
      for (let d = from; d < D; d++) {
        for (let s = 0; s < S; s++) {
          expect(r.dailyRemainingShortTons[d * S + s]).toBe(r.dailyRemainingShortTons[(D - 1) * S + s]);
          expect(r.dailyRemainingPersonnel[d * S + s]).toBe(r.dailyRemainingPersonnel[(D - 1) * S + s]);
          expect(r.dailyParkingOccupied[d * S + s]).toBe(0);
        }
        expect(r.dailyAircraftBusy[d]).toBe(0);
        expect(r.dailyAircraftAvailable[d]).toBe(0);
      }
    }
    expect(early).toBeGreaterThan(30);
  });
});
