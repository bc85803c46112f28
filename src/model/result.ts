/**
 * What one replication returns: plain data (structured-clone friendly, no classes, no
 * functions), so a worker can post it to the runner, which reduces records in replication
 * order. Arrays indexed "by site" follow `scenario.sites`, "by type" follow
 * `scenario.aircraftTypes`, "by cause" follow `CAUSES`.
 */

/** Why time was lost. The order is fixed: it indexes `lostHours` and `bindingCause`. */
export const CAUSES = [
  'clearance',        // waiting for diplomatic clearance (incl. denials and re-requests)
  'weather',          // airfield closed by weather
  'incident',         // airfield closed by a runway incident
  'disruption',       // scenario disruption (flight suspension, MOG loss)
  'parking',          // waiting for a parking spot (MOG full)
  'loading',          // waiting for a loading team
  'operating-hours',  // airfield outside its operating hours
  'break',            // broken before departure, under repair
  'crew-rest',        // crew duty limit reached, crew rest
  'departure-delay',  // the per-sortie departure delay
  'cargo-not-ready',  // aircraft available but nothing packed/released to carry
  'availability',     // aircraft not mission capable or lost to competing missions
] as const;
export type Cause = (typeof CAUSES)[number];
export const CAUSE_INDEX: Readonly<Record<Cause, number>> = Object.fromEntries(
  CAUSES.map((c, i) => [c, i]),
) as Record<Cause, number>;

export interface ReplicationResult {
  /** Replication index (0-based). */
  readonly index: number;
  /** Hours from start of the last departure that cleared everything flyable and every person; null = not cleared by the horizon. */
  readonly completionHours: number | null;
  /** Per site: hours of its last departure (site closed); null = not cleared by the horizon. */
  readonly siteCompletionHours: readonly (number | null)[];
  /** Strategic + shuttle sorties flown, by aircraft type. */
  readonly sortiesByType: readonly number[];
  /** Sorties by (origin site, destination) as 'AB101>ETAR' keys (ids, not indexes). */
  readonly sortiesByRoute: Readonly<Record<string, number>>;
  /** Aircraft-hours lost, by cause (CAUSES order). */
  readonly lostHours: readonly number[];
  /** Index into CAUSES of the cause that delayed the last departure the most; -1 when nothing delayed it or not cleared. */
  readonly bindingCause: number;
  /** Short tons still on the ground (flyable, not left behind) at the deadline, by site. */
  readonly remainingShortTonsAtDeadline: readonly number[];
  /** Personnel still on the ground at the deadline, by site. */
  readonly remainingPersonnelAtDeadline: readonly number[];
  /** Short tons left behind by decision (leaveBehind lots), by site. */
  readonly leftBehindShortTons: readonly number[];
  /** Short tons moved, by site (shuttled cargo counts at the site it finally leaves from). */
  readonly movedShortTons: readonly number[];
  /** Personnel moved, by site. */
  readonly movedPersonnel: readonly number[];
  /**
   * Daily series, one entry per day d = 0..days-1 (the state at the END of local day d,
   * i.e. at hours (d+1)*24 from start): flattened [d * sites + s].
   */
  readonly days: number;
  readonly dailyRemainingShortTons: Float64Array;
  readonly dailyRemainingPersonnel: Float64Array;
  /** Per day: mean number of aircraft on task (tasked, available, not lost) and busy (flying or on the ground on a sortie). */
  readonly dailyAircraftBusy: Float64Array;
  readonly dailyAircraftAvailable: Float64Array;
  /** Per day and site: time-average number of occupied parking spots [d * sites + s]. */
  readonly dailyParkingOccupied: Float64Array;
  /**
   * From this day on every daily series is constant: the remaining series hold their final
   * value, the means are 0 (the run ended). Lets a consumer skip the tail without reading it
   * (the worker's DailyBinner). Absent: not known (`days`).
   */
  readonly dailySettledFrom?: number;
  /** Over the whole run: busy aircraft-hours / available aircraft-hours, in [0, 1]. */
  readonly aircraftUtilisation: number;
  /** Per site: time-average occupied spots / time-average MOG, until the site closed. */
  readonly parkingUtilisation: readonly number[];
  /** Milestone outcomes (scenario.milestones order): true = met. */
  readonly milestones: readonly boolean[];
  /** Events processed by the kernel (for benchmarks). */
  readonly events: number;
}

/** One row of a replication's trace (airlift trace, the Gantt chart). Times in hours from start. */
export interface TraceRecord {
  readonly t: number;
  /** Aircraft label, e.g. 'C-17#3'; '' for site or scenario-level events. */
  readonly aircraft: string;
  readonly site: string;
  readonly event: string;
  readonly detail: string;
  /** Cause id when the event ends a loss of time. */
  readonly cause: string;
}

/** A phase interval of one aircraft, for the Gantt chart. */
export type Phase = 'flying' | 'ground' | 'parking-wait' | 'broken' | 'clearance-hold' | 'weather-hold' | 'crew-rest' | 'unavailable';
export interface PhaseInterval {
  readonly aircraft: string;
  readonly phase: Phase;
  readonly start: number;
  readonly end: number;
  readonly site: string;
}
