/** Dimensions of one scenario's replication records, and the bounds of its daily quantities. */
import { CAUSES } from '../model/result.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { BatchShape } from './batch.js';

export function shapeOf(s: ResolvedScenario): BatchShape {
  return {
    sites: s.sites.length,
    types: s.aircraftTypes.length,
    causes: CAUSES.length,
    milestones: s.milestones.length,
    // As the model counts days: day d covers hours [24d, 24(d+1)) up to the horizon.
    days: Math.max(1, Math.ceil(s.horizonHours / 24)),
  };
}

export interface Bounds {
  /** Upper bound of short tons / personnel that can be on the ground at each site (own + shuttled in). */
  readonly shortTons: readonly number[];
  readonly personnel: readonly number[];
  readonly aircraft: number;
  readonly parking: readonly number[];
}

export function boundsOf(s: ResolvedScenario): Bounds {
  const tons = s.sites.map(() => 0);
  for (const lot of s.cargo) if (!lot.leaveBehind) tons[lot.site]! += lot.shortTons * lot.count;
  const people = s.sites.map((site) => site.personnel);
  const shortTons = tons.slice();
  const personnel = people.slice();
  for (const t of s.aircraftTypes) {
    if (t.shuttle === null) continue;
    shortTons[t.shuttle.to]! += tons[t.shuttle.from]!;
    personnel[t.shuttle.to]! += people[t.shuttle.from]!;
  }
  const aircraft = s.aircraftTypes.reduce((sum, t) => sum + Math.max(0, ...t.tasked.map((x) => x.value)), 0);
  const parking = s.sites.map((site) => Math.max(0, ...site.mog.map((x) => x.value)));
  return { shortTons, personnel, aircraft, parking };
}
