/**
 * The runner's outputs as data: `summary.json` (Summary) and `chartdata.json` (ChartData).
 * The report layer reads these (and only these) to draw charts and the HTML page, so
 * `airlift report <outdir>` can rebuild everything without re-simulating.
 * All dates are ISO date-times in UTC; the scenario's time zone is given for display.
 */

export interface Interval {
  readonly estimate: number;
  readonly ci95: readonly [number, number];
}

export interface CompletionQuantiles {
  /** ISO date-times (UTC); null when the quantile lies beyond the horizon (not cleared). */
  readonly p10: string | null;
  readonly p50: string | null;
  readonly p80: string | null;
  readonly p90: string | null;
}

export interface Summary {
  readonly scenario: { readonly name: string; readonly description: string; readonly file: string; readonly timeZone: string };
  readonly replications: number;
  readonly seed: number;
  readonly start: string;
  readonly deadline: string;
  readonly horizon: string;
  readonly probabilityCleared: Interval;
  readonly completion: CompletionQuantiles;
  /** Deterministic plan run (every distribution at its mode/mean) and its percentile (0..100) in the simulated distribution. */
  readonly plan: { readonly completion: string | null; readonly percentile: number | null; readonly p80ContingencyDays: number | null };
  readonly sites: Readonly<Record<string, { readonly probabilityCleared: Interval; readonly completion: CompletionQuantiles }>>;
  readonly milestones: Readonly<Record<string, { readonly name: string; readonly date: string; readonly probability: Interval }>>;
  /** Mean aircraft-hours lost per replication, by cause id. */
  readonly lostHoursByCause: Readonly<Record<string, number>>;
  /** Fraction of replications in which each cause delayed the last departure the most. */
  readonly bindingCause: Readonly<Record<string, number>>;
  readonly remainingAtDeadline: {
    readonly meanShortTons: number;
    readonly meanPersonnel: number;
    readonly bySite: Readonly<Record<string, { readonly meanShortTons: number; readonly meanPersonnel: number }>>;
  };
  readonly leftBehindShortTons: Readonly<Record<string, number>>;
  /** Mean sorties per replication by aircraft type id. */
  readonly sortiesByType: Readonly<Record<string, number>>;
  /** Mean sorties per replication by route 'ORIGIN>DEST' (keys sorted). */
  readonly sortiesByRoute?: Readonly<Record<string, number>>;
  /** Mean kernel events per replication. */
  readonly eventsPerReplication?: number;
  readonly utilisation: { readonly aircraft: number; readonly parking: Readonly<Record<string, number>> };
  /** Running estimate of P(cleared) with its Wilson interval at checkpoints (n = replications so far). */
  readonly convergence: readonly { readonly n: number; readonly estimate: number; readonly ci95: readonly [number, number] }[];
  readonly toolVersion: string;
  readonly elapsedSeconds: number;
  readonly replicationsPerSecond: number;
  readonly workers: number;
  /** Set when --precision was asked for. */
  readonly precision?: { readonly target: number; readonly reached: boolean; readonly halfWidth: number; readonly cap: number };
}

/** Aggregated data for the charts, written as chartdata.json beside summary.json. */
export interface ChartData {
  readonly siteIds: readonly string[];
  readonly causeIds: readonly string[];
  /**
   * Sorted completion times in hours (cleared replications only); n = replications (uncleared count in the denominator).
   * The ECDF at overall[i] is (i + 1) / n, EXCEPT when a series has more than 20,000 points: it is then thinned to
   * 20,000 evenly spaced order statistics and `overallRanks` / `bySiteRanks[site]` give the 1-based rank r of each
   * kept value, so the ECDF there is r / n. Absent ranks = every value kept (rank i + 1).
   */
  readonly completionEcdf: {
    readonly n: number;
    readonly overall: readonly number[];
    readonly bySite: Readonly<Record<string, readonly number[]>>;
    readonly overallRanks?: readonly number[];
    readonly bySiteRanks?: Readonly<Record<string, readonly number[]>>;
  };
  /** Day d's numbers describe the end of local day d; date is that day's local date 'YYYY-MM-DD'. */
  readonly daily: readonly {
    readonly day: number;
    readonly date: string;
    readonly site: string;
    readonly measure: 'shortTons' | 'personnel';
    readonly p5: number; readonly p10: number; readonly p25: number; readonly p50: number;
    readonly p75: number; readonly p90: number; readonly p95: number;
  }[];
  /** Aircraft busy / available and parking occupancy per day: mean with P10-P90 band. */
  readonly utilisation: readonly {
    readonly day: number;
    readonly date: string;
    readonly series: string; // 'aircraft-busy' | 'aircraft-available' | 'parking:<siteId>'
    readonly mean: number;
    readonly p10: number;
    readonly p90: number;
  }[];
  /** Gantt of one replication (the median one by default). */
  readonly gantt: {
    readonly replication: number;
    readonly phases: readonly { readonly aircraft: string; readonly phase: string; readonly start: string; readonly end: string; readonly site: string }[];
  } | null;
  /** Start instant (ISO, UTC) and deadline, for converting hours to dates. */
  readonly startUtc: string;
  readonly deadlineUtc: string;
  readonly planCompletionUtc: string | null;
}
