/**
 * The resolved scenario: what the model consumes.
 *
 * The scenario file as written (YAML/JSON, see ./schema.ts) has optional fields, unit
 * strings, dates and ids. `resolve()` turns it into this type, in which:
 *  - every default is filled in;
 *  - every time is in HOURS FROM THE SCENARIO START (`startUtc`), a float;
 *  - every duration is in hours, every weight in short tons, every probability in [0, 1];
 *  - every uncertain quantity is a `DistSpec` in those units;
 *  - ids are kept for reporting, but entities are referenced by INDEX into the arrays
 *    below (site index, aircraft type index, destination index) so the model's hot path
 *    never looks up strings.
 *
 * A mechanism that the scenario does not mention is `null` (switched off) or an empty list.
 * Everything is readonly: the model never mutates the scenario.
 */
import type { DistSpec } from '../random/spec.js';

export type CargoCategory = 'palletized' | 'oversize' | 'outsize' | 'rolling';
export const CARGO_CATEGORIES: readonly CargoCategory[] = ['palletized', 'oversize', 'outsize', 'rolling'];

export type DispatchPolicy = 'priority' | 'largest-backlog' | 'proportional';

/** A value that changes at given times: `value` holds from `atHours` until the next step. */
export interface Step<T> {
  readonly atHours: number;
  readonly value: T;
}

export interface ResolvedScenario {
  readonly name: string;
  readonly description: string;
  /** Absolute path of the file that was loaded (or '-' for stdin). */
  readonly sourceFile: string;
  /** IANA zone named by the scenario, e.g. 'Africa/Lagos'. */
  readonly timeZone: string;
  /**
   * Offset of local time from UTC in hours, fixed for the whole scenario (taken at the
   * start instant). Local time of day at sim time t is ((startLocalHourOfDay + t) mod 24).
   */
  readonly utcOffsetHours: number;
  /** Scenario start as an ISO date-time in UTC (e.g. '2024-05-18T23:00:00.000Z'). */
  readonly startUtc: string;
  /** Scenario start as epoch milliseconds (UTC). */
  readonly startEpochMs: number;
  /** Local hour of day (0..24) at t = 0. */
  readonly startLocalHourOfDay: number;
  /**
   * Deadline in hours from start: the END of the deadline's local day. "Cleared by
   * 2024-09-15" means the last departure happens at t < deadlineHours.
   */
  readonly deadlineHours: number;
  /** The deadline date as written (local date, 'YYYY-MM-DD'). */
  readonly deadlineDate: string;
  /** The simulation stops here; anything not out by then is "not cleared". */
  readonly horizonHours: number;
  /** Default seed and replication count (CLI flags override). */
  readonly seed: number;
  readonly replications: number;

  readonly sites: readonly ResolvedSite[];
  readonly aircraftTypes: readonly ResolvedAircraftType[];
  readonly destinations: readonly ResolvedDestination[];
  /** Block time of every leg, [fromNode][toNode], nodes = sites then destinations (see nodeIndex). */
  readonly legs: readonly (readonly (DistSpec | null)[])[];
  /**
   * Block time per aircraft type and leg, [typeIndex][fromNode][toNode], fully resolved by the
   * loader: a leg listed for that type, else a leg listed for all types, else great-circle
   * distance / block speed + 0.5 h (a constant) when both ends have a location; null otherwise
   * (and on the diagonal). Optional so that hand-built scenarios in tests need not give it.
   */
  readonly blockTimes?: readonly (readonly (readonly (DistSpec | null)[])[])[];
  readonly cargo: readonly ResolvedCargoLot[];
  readonly fleetStart: ResolvedFleetStart;
  readonly clearance: ResolvedClearance | null;
  /** Departure delay applied to every sortie leaving a site (hours). */
  readonly departureDelay: DistSpec | null;
  readonly disruptions: readonly ResolvedDisruption[];
  readonly dispatch: ResolvedDispatch;
  readonly milestones: readonly ResolvedMilestone[];
  /** Parameters listed for `airlift sensitivity` (paths into the scenario file + low/high). */
  readonly sensitivity: readonly ResolvedSensitivityParam[];
}

/** Node index of a site (= its index in `sites`). */
export function siteNode(siteIndex: number): number {
  return siteIndex;
}
/** Node index of a destination (= number of sites + its index in `destinations`). */
export function destinationNode(scenario: Pick<ResolvedScenario, 'sites'>, destIndex: number): number {
  return scenario.sites.length + destIndex;
}

export interface ResolvedSite {
  readonly id: string;
  readonly name: string;
  readonly icao: string | null;
  readonly lat: number | null;
  readonly lon: number | null;
  /** allowedTypes[typeIndex]: can this aircraft type use the runway? */
  readonly allowedTypes: readonly boolean[];
  /** Working MOG over time (parking spots for aircraft on the ground). First step at 0. */
  readonly mog: readonly Step<number>[];
  /** Local operating window [open, close) in hours of the local day; null = 24 h. close may be < open (overnight). */
  readonly operatingHours: { readonly open: number; readonly close: number } | null;
  /** Onload ground time per aircraft type index (hours); null where the type cannot use the site. */
  readonly groundTime: readonly (DistSpec | null)[];
  /** Concurrent onloads (loading teams); null = unlimited (parking is the only limit). */
  readonly loadingTeams: number | null;
  /** Personnel to move out, head count, including the closure team. */
  readonly personnel: number;
  /** The last team (security and closure): leaves only with or after the site's last cargo. */
  readonly closureTeam: number;
  /**
   * Packing rate in short tons per day: cargo becomes ready in priority order as packing
   * progresses (sampled once per replication). null = cargo is ready at its release time.
   */
  readonly packingRate: DistSpec | null;
  /** Personnel release: head count released to fly per day (sampled once per replication); null = all at start. */
  readonly personnelReleaseRate: DistSpec | null;
  /** Dispatch priority: lower is served first under the 'priority' policy. */
  readonly priority: number;
  /** Destination shares for sorties leaving this site: indexes into `destinations`, shares sum to 1. */
  readonly destinationShares: readonly { readonly destination: number; readonly share: number }[];
  readonly weather: ResolvedWeather | null;
  readonly incidents: ResolvedIncidents | null;
}

/** Weather closures of an airfield, by calendar month (local). */
export interface ResolvedWeather {
  /** Index 0..11 = Jan..Dec; null = no weather closures that month. */
  readonly byMonth: readonly (ResolvedWeatherMonth | null)[];
}
export interface ResolvedWeatherMonth {
  /** Probability that a closure episode starts on a given local day. */
  readonly dailyProbability: number;
  /** Local time-of-day window in which the episode starts, [from, to) hours. */
  readonly windowStart: number;
  readonly windowEnd: number;
  /** Closure duration (hours). */
  readonly duration: DistSpec;
}

/** Random runway incidents: Poisson arrivals, each closing the airfield for a duration. */
export interface ResolvedIncidents {
  readonly ratePerDay: number;
  readonly duration: DistSpec;
}

export interface ResolvedDestination {
  readonly id: string;
  readonly name: string;
  readonly lat: number | null;
  readonly lon: number | null;
  /** Time on the ground at the destination (offload, servicing) before the aircraft flies back (hours). */
  readonly turnaround: DistSpec;
  /** True when this node is a staging base aircraft return to / start from (not a cargo destination). */
  readonly staging: boolean;
}

export interface ResolvedAircraftType {
  readonly id: string;
  readonly name: string;
  /** Planning payload, short tons. */
  readonly planningPayload: number;
  /** 463L pallet positions. */
  readonly pallets: number;
  /** Passenger seats. */
  readonly seats: number;
  /** fits[c] for c of CARGO_CATEGORIES order. */
  readonly fits: readonly boolean[];
  /** Block speed in knots, used for legs with no explicit block time; null = legs must be explicit. */
  readonly blockSpeedKt: number | null;
  /** Fraction of planning payload actually usable per sortie (sampled per sortie), in (0, 1]. */
  readonly loadFactor: DistSpec;
  /** Probability an aircraft breaks before departure from a site. */
  readonly breakProbability: number;
  /** Repair time when broken (hours); the aircraft keeps its parking spot meanwhile. */
  readonly repairTime: DistSpec;
  /** Crew duty limit (hours) of a duty period; null = no crew limit. */
  readonly crewDutyHours: number | null;
  /** Crew rest when the duty limit would be exceeded (hours). */
  readonly crewRest: DistSpec | null;
  /** Daily probability that a tasked aircraft is mission capable (available that day). */
  readonly missionCapableRate: number;
  /** Number of aircraft tasked to the operation over time (step function, first step at 0). */
  readonly tasked: readonly Step<number>[];
  /** Loss of tasked aircraft to competing missions: per aircraft per day rate, and how long it is gone. null = off. */
  readonly competingLoss: { readonly ratePerDay: number; readonly duration: DistSpec } | null;
  /** Node index (site or destination) where this type's aircraft start and return to between sorties. */
  readonly homeNode: number;
  /**
   * Intra-theatre shuttle: aircraft of this type do not fly strategic sorties but move cargo
   * and people from site `from` to site `to`, where it joins `to`'s backlog. null = strategic.
   */
  readonly shuttle: { readonly from: number; readonly to: number } | null;
  /** Per-type override of the airlift start delay; null = use fleetStart. */
  readonly startDelay: DistSpec | null;
}

export interface ResolvedFleetStart {
  /** Hours after the scenario start at which strategic airlift may begin (sampled once per replication). */
  readonly delay: DistSpec;
}

export interface ResolvedCargoLot {
  readonly id: string;
  /** Site index. */
  readonly site: number;
  readonly category: CargoCategory;
  /** Weight in short tons of ONE item; `count` identical items. */
  readonly shortTons: number;
  /** 463L positions of one item. */
  readonly pallets: number;
  readonly count: number;
  /** Lower is loaded first. */
  readonly priority: number;
  /** Hours from start at which the lot may fly (release date); 0 = from the start. */
  readonly releaseHours: number;
  /** Too large to fly or not worth flying: never loaded, reported as left behind. */
  readonly leaveBehind: boolean;
}

export interface ResolvedClearanceRegime {
  /** Hours from start from which this regime applies. */
  readonly fromHours: number;
  /** Lead time from request to grant (hours). */
  readonly leadTime: DistSpec;
  /** Probability a request is denied (or unanswered). */
  readonly denialProbability: number;
  /** Delay before a denied request is made again (hours). */
  readonly reRequestDelay: DistSpec;
}
/** Diplomatic clearance per sortie: regimes sorted by fromHours, the first at 0. */
export interface ResolvedClearance {
  readonly regimes: readonly ResolvedClearanceRegime[];
}

export type ResolvedDisruption =
  | {
      readonly kind: 'suspension';
      readonly id: string;
      /** Probability the disruption happens at all in a replication. */
      readonly probability: number;
      /** The start is uniform in [windowStartHours, windowEndHours]. */
      readonly windowStartHours: number;
      readonly windowEndHours: number;
      readonly duration: DistSpec;
      /** Site indexes affected; all sites when it covers the whole operation. */
      readonly sites: readonly number[];
    }
  | {
      readonly kind: 'mog-loss';
      readonly id: string;
      readonly probability: number;
      readonly windowStartHours: number;
      readonly windowEndHours: number;
      readonly duration: DistSpec;
      readonly site: number;
      /** MOG while the disruption lasts. */
      readonly mog: number;
    };

export interface ResolvedDispatch {
  readonly policy: DispatchPolicy;
  /**
   * Minimum worthwhile load of a strategic sortie, as a fraction in [0, 1] of one sortie in
   * any one dimension: weight against the type's planning payload x plan load factor
   * (passengers counted at 0.15 st each), or pallet positions, or seats. An aircraft
   * waits at home ('cargo-not-ready') until that much unclaimed work is ready at a site;
   * waived when less than that is left there. 0 = fly with whatever is ready. resolve()
   * always fills it; optional so that hand-built scenarios in tests need not give it.
   */
  readonly minimumLoad?: number;
}

export interface ResolvedMilestone {
  readonly id: string;
  readonly name: string;
  /** Hours from start (end of the local day written). */
  readonly atHours: number;
  readonly date: string;
  /** Fraction of personnel (all sites) that must be out by then, in [0, 1]. */
  readonly personnelFraction: number;
  /** Fraction of flyable short tons (all sites) that must be out by then, in [0, 1]. */
  readonly cargoFraction: number;
}

export interface ResolvedSensitivityParam {
  /** A `--set` style path into the scenario file, e.g. 'aircraft.C-17.tasked[0].count'. */
  readonly path: string;
  readonly label: string;
  readonly low: unknown;
  readonly high: unknown;
}
