/**
 * A small builder of ResolvedScenario fixtures for model tests (no YAML): one site
 * 'AB101', one destination 'ETAR' (also the home node), one aircraft type 'C-17', all
 * times constant unless a test overrides them. Nodes: sites first, then destinations.
 */
import type { DistSpec } from '../../src/random/spec.js';
import type {
  ResolvedAircraftType, ResolvedCargoLot, ResolvedDestination, ResolvedScenario, ResolvedSite,
} from '../../src/scenario/resolved.js';

export const k = (value: number): DistSpec => ({ dist: 'constant', value });

export function site(over: Partial<ResolvedSite> = {}): ResolvedSite {
  return {
    id: 'AB101', name: 'Niamey', icao: null, lat: null, lon: null,
    allowedTypes: [true], mog: [{ atHours: 0, value: 10 }], operatingHours: null,
    groundTime: [k(3)], loadingTeams: null, personnel: 0, closureTeam: 0,
    packingRate: null, personnelReleaseRate: null, priority: 1,
    destinationShares: [{ destination: 0, share: 1 }], weather: null, incidents: null,
    ...over,
  };
}

export function aircraft(over: Partial<ResolvedAircraftType> = {}): ResolvedAircraftType {
  return {
    id: 'C-17', name: 'C-17A', planningPayload: 20, pallets: 18, seats: 0,
    fits: [true, true, true, true], blockSpeedKt: null, loadFactor: k(1),
    breakProbability: 0, repairTime: k(0), crewDutyHours: null, crewRest: null,
    missionCapableRate: 1, tasked: [{ atHours: 0, value: 1 }], competingLoss: null,
    homeNode: 1, shuttle: null, startDelay: null,
    ...over,
  };
}

export function dest(over: Partial<ResolvedDestination> = {}): ResolvedDestination {
  return { id: 'ETAR', name: 'Ramstein', lat: null, lon: null, turnaround: k(2), staging: false, ...over };
}

export function lot(over: Partial<ResolvedCargoLot> = {}): ResolvedCargoLot {
  return {
    id: 'lot', site: 0, category: 'palletized', shortTons: 10, pallets: 1, count: 10,
    priority: 1, releaseHours: 0, leaveBehind: false, ...over,
  };
}

/** A full leg matrix where every pair of distinct nodes takes `hours` (or fn(a, b)). */
export function legs(nNodes: number, hours: number | ((a: number, b: number) => DistSpec | null)): (DistSpec | null)[][] {
  return Array.from({ length: nNodes }, (_, a) =>
    Array.from({ length: nNodes }, (_, b) => (a === b ? null : typeof hours === 'number' ? k(hours) : hours(a, b))));
}

export interface Build {
  sites?: ResolvedSite[];
  types?: ResolvedAircraftType[];
  dests?: ResolvedDestination[];
  cargo?: ResolvedCargoLot[];
  legHours?: number | ((a: number, b: number) => DistSpec | null);
  horizonHours?: number;
  deadlineHours?: number;
}

export function scenario(b: Build = {}, over: Partial<ResolvedScenario> = {}): ResolvedScenario {
  const sites = b.sites ?? [site()];
  const dests = b.dests ?? [dest()];
  return {
    name: 'fixture', description: '', sourceFile: '-', timeZone: 'UTC', utcOffsetHours: 0,
    startUtc: '2024-05-19T00:00:00.000Z', startEpochMs: Date.UTC(2024, 4, 19), startLocalHourOfDay: 0,
    deadlineHours: b.deadlineHours ?? 1000, deadlineDate: '2024-06-30', horizonHours: b.horizonHours ?? 2000,
    seed: 1, replications: 10,
    sites, aircraftTypes: b.types ?? [aircraft()], destinations: dests,
    legs: legs(sites.length + dests.length, b.legHours ?? 5),
    cargo: b.cargo ?? [lot()],
    fleetStart: { delay: k(0) }, clearance: null, departureDelay: null, disruptions: [],
    dispatch: { policy: 'priority' }, milestones: [], sensitivity: [],
    ...over,
  };
}
