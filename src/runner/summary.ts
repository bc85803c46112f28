/**
 * From a finished Aggregator to the runner's outputs as data:
 *   aggregator -> Summary (summary.json) -> ChartData (chartdata.json) -> daily.csv text.
 * Pure: the plan run, the Gantt trace and the timings are computed by the caller and passed
 * in, so the same aggregator always gives the same numbers.
 *
 * Quantiles are the inverse ECDF (type 1, see stats/quantile.ts) with "not cleared within
 * the horizon" counted as +Infinity, so a quantile beyond the horizon is null.
 * "Cleared by the deadline" means the last departure happened before deadlineHours.
 */
import { CAUSES, type PhaseInterval } from '../model/result.js';
import { countAtMost } from '../stats/ecdf.js';
import { wilson } from '../stats/intervals.js';
import { quantileSorted } from '../stats/quantile.js';
import type { ChartData, CompletionQuantiles, Interval, Summary } from './summary-types.js';
import type { Aggregator } from './aggregator.js';
import { isoAt, isoAtFinite, localDateOfDay } from './dates.js';

export interface SummaryContext {
  readonly seed: number;
  readonly toolVersion: string;
  readonly elapsedSeconds: number;
  readonly workers: number;
  readonly planCompletionHours: number | null;
  readonly precision?: { readonly target: number; readonly reached: boolean; readonly halfWidth: number; readonly cap: number };
  readonly gantt?: { readonly replication: number; readonly phases: readonly PhaseInterval[] } | null;
}

const DAILY_QUANTILES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;
/** Above this many points an ECDF series is thinned to evenly spaced order statistics (see ChartData.completionEcdf). */
export const MAX_ECDF_POINTS = 20_000;

function interval(successes: number, n: number): Interval {
  const ci = wilson(successes, n);
  return { estimate: n === 0 ? 0 : ci.estimate, ci95: [ci.lo, ci.hi] };
}

function sortedCopy(a: Float64Array): Float64Array {
  const s = Float64Array.from(a);
  s.sort();
  return s;
}

/** Convergence checkpoints: 10, 20, 50, 100, 200, 500, ... below n, then n. */
export function checkpoints(n: number): number[] {
  const out: number[] = [];
  for (let decade = 10; decade < n; decade *= 10) {
    for (const m of [1, 2, 5]) if (decade * m < n) out.push(decade * m);
  }
  if (n > 0) out.push(n);
  return out;
}

export function countBefore(values: Float64Array, limit: number): number {
  let k = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! < limit) k++;
  return k;
}

export function buildSummary(agg: Aggregator, ctx: SummaryContext): Summary {
  const s = agg.scenario;
  const n = agg.n;
  const completion = agg.completion.view();
  const sorted = sortedCopy(completion);
  const quantiles = (xs: Float64Array): CompletionQuantiles => ({
    p10: isoAt(s, quantileSorted(xs, 0.1)),
    p50: isoAt(s, quantileSorted(xs, 0.5)),
    p80: isoAt(s, quantileSorted(xs, 0.8)),
    p90: isoAt(s, quantileSorted(xs, 0.9)),
  });
  const mean = (x: { value: number }): number => (n === 0 ? 0 : x.value / n);

  const plan = ctx.planCompletionHours;
  const p80 = n === 0 ? NaN : quantileSorted(sorted, 0.8);
  const planPercentile = plan === null || n === 0 ? null : (100 * countAtMost(sorted, plan)) / n;
  const p80ContingencyDays = plan === null || !Number.isFinite(p80) ? null : (p80 - plan) / 24;

  const sites: Record<string, { probabilityCleared: Interval; completion: CompletionQuantiles }> = {};
  s.sites.forEach((site, i) => {
    const c = agg.siteCompletion[i]!.view();
    sites[site.id] = { probabilityCleared: interval(countBefore(c, s.deadlineHours), n), completion: quantiles(sortedCopy(c)) };
  });
  const milestones: Record<string, { name: string; date: string; probability: Interval }> = {};
  s.milestones.forEach((m, i) => {
    milestones[m.id] = { name: m.name, date: isoAtFinite(s, m.atHours), probability: interval(agg.milestonesMet[i]!, n) };
  });
  const lostHoursByCause: Record<string, number> = {};
  const bindingCause: Record<string, number> = {};
  CAUSES.forEach((c, i) => {
    lostHoursByCause[c] = mean(agg.lostHours[i]!);
    bindingCause[c] = n === 0 ? 0 : agg.binding[i]! / n;
  });
  const bySite: Record<string, { meanShortTons: number; meanPersonnel: number }> = {};
  const leftBehindShortTons: Record<string, number> = {};
  const parking: Record<string, number> = {};
  let meanShortTons = 0;
  let meanPersonnel = 0;
  s.sites.forEach((site, i) => {
    const st = mean(agg.remainingShortTons[i]!);
    const pp = mean(agg.remainingPersonnel[i]!);
    bySite[site.id] = { meanShortTons: st, meanPersonnel: pp };
    meanShortTons += st;
    meanPersonnel += pp;
    leftBehindShortTons[site.id] = mean(agg.leftBehind[i]!);
    parking[site.id] = mean(agg.parkingUtilisation[i]!);
  });
  const sortiesByType: Record<string, number> = {};
  s.aircraftTypes.forEach((t, i) => (sortiesByType[t.id] = mean(agg.sorties[i]!)));
  const sortiesByRoute: Record<string, number> = {};
  for (const k of [...agg.routes.keys()].sort()) sortiesByRoute[k] = n === 0 ? 0 : agg.routes.get(k)! / n;

  const convergence = checkpoints(n).map((m) => {
    const ci = interval(countBefore(completion.subarray(0, m), s.deadlineHours), m);
    return { n: m, estimate: ci.estimate, ci95: ci.ci95 };
  });

  const summary: Summary = {
    scenario: { name: s.name, description: s.description, file: s.sourceFile, timeZone: s.timeZone },
    replications: n,
    seed: ctx.seed,
    start: s.startUtc,
    deadline: isoAtFinite(s, s.deadlineHours),
    horizon: isoAtFinite(s, s.horizonHours),
    probabilityCleared: interval(countBefore(completion, s.deadlineHours), n),
    completion: quantiles(sorted),
    plan: { completion: isoAt(s, plan), percentile: planPercentile, p80ContingencyDays },
    sites,
    milestones,
    lostHoursByCause,
    bindingCause,
    remainingAtDeadline: { meanShortTons, meanPersonnel, bySite },
    leftBehindShortTons,
    sortiesByType,
    sortiesByRoute,
    utilisation: { aircraft: mean(agg.aircraftUtilisation), parking },
    convergence,
    eventsPerReplication: n === 0 ? 0 : agg.events / n,
    toolVersion: ctx.toolVersion,
    elapsedSeconds: ctx.elapsedSeconds,
    replicationsPerSecond: ctx.elapsedSeconds > 0 ? n / ctx.elapsedSeconds : 0,
    workers: ctx.workers,
    ...(ctx.precision ? { precision: ctx.precision } : {}),
  };
  return summary;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Sorted finite values, thinned to at most MAX_ECDF_POINTS order statistics (with their 1-based ranks). */
function ecdfSeries(values: Float64Array): { values: number[]; ranks: number[] | null } {
  const sorted = sortedCopy(values);
  let m = 0;
  while (m < sorted.length && Number.isFinite(sorted[m]!)) m++;
  if (m <= MAX_ECDF_POINTS) return { values: Array.from(sorted.subarray(0, m), round4), ranks: null };
  const ranks: number[] = [];
  for (let j = 1; j <= MAX_ECDF_POINTS; j++) ranks.push(Math.ceil((j * m) / MAX_ECDF_POINTS));
  return { values: ranks.map((r) => round4(sorted[r - 1]!)), ranks };
}

export function buildChartData(agg: Aggregator, ctx: SummaryContext): ChartData {
  const s = agg.scenario;
  const { sites: S, days: D } = agg.shape;
  const siteIds = s.sites.map((x) => x.id);
  const overall = ecdfSeries(agg.completion.view());
  const bySite: Record<string, number[]> = {};
  const bySiteRanks: Record<string, number[]> = {};
  siteIds.forEach((id, i) => {
    const e = ecdfSeries(agg.siteCompletion[i]!.view());
    bySite[id] = e.values;
    if (e.ranks) bySiteRanks[id] = e.ranks;
  });
  const daily: ChartData['daily'][number][] = [];
  const utilisation: ChartData['utilisation'][number][] = [];
  const mean = (x: { value: number }): number => (agg.n === 0 ? 0 : x.value / agg.n);
  for (let d = 0; d < D; d++) {
    const date = localDateOfDay(s, d);
    for (let i = 0; i < S; i++) {
      for (const [measure, h] of [['shortTons', agg.dailyShortTons[d * S + i]!], ['personnel', agg.dailyPersonnel[d * S + i]!]] as const) {
        const [p5, p10, p25, p50, p75, p90, p95] = DAILY_QUANTILES.map((p) => (h.n === 0 ? 0 : h.quantile(p))) as [number, number, number, number, number, number, number];
        daily.push({ day: d, date, site: siteIds[i]!, measure, p5, p10, p25, p50, p75, p90, p95 });
      }
    }
    const band = (h: { n: number; quantile(p: number): number }): { p10: number; p90: number } =>
      h.n === 0 ? { p10: 0, p90: 0 } : { p10: h.quantile(0.1), p90: h.quantile(0.9) };
    utilisation.push({ day: d, date, series: 'aircraft-busy', mean: mean(agg.dailyBusySum[d]!), ...band(agg.dailyBusy[d]!) });
    utilisation.push({ day: d, date, series: 'aircraft-available', mean: mean(agg.dailyAvailableSum[d]!), ...band(agg.dailyAvailable[d]!) });
    for (let i = 0; i < S; i++) {
      utilisation.push({ day: d, date, series: `parking:${siteIds[i]!}`, mean: mean(agg.dailyParkingSum[d * S + i]!), ...band(agg.dailyParking[d * S + i]!) });
    }
  }
  const g = ctx.gantt ?? null;
  return {
    siteIds,
    causeIds: [...CAUSES],
    completionEcdf: {
      n: agg.n,
      overall: overall.values,
      bySite,
      ...(overall.ranks ? { overallRanks: overall.ranks } : {}),
      ...(Object.keys(bySiteRanks).length > 0 ? { bySiteRanks } : {}),
    },
    daily,
    utilisation,
    gantt: g === null ? null : {
      replication: g.replication,
      phases: g.phases.map((p) => ({ aircraft: p.aircraft, phase: p.phase, start: isoAtFinite(s, p.start), end: isoAtFinite(s, p.end), site: p.site })),
    },
    startUtc: s.startUtc,
    deadlineUtc: isoAtFinite(s, s.deadlineHours),
    planCompletionUtc: isoAt(s, ctx.planCompletionHours),
  };
}

/** The replication whose completion is the (type 1) median, ties to the lowest index; -1 when empty. */
export function medianReplication(agg: Aggregator): number {
  const n = agg.n;
  if (n === 0) return -1;
  const c = agg.completion.view();
  const median = quantileSorted(sortedCopy(c), 0.5);
  for (let i = 0; i < n; i++) if (c[i] === median) return agg.firstIndex + i;
  return agg.firstIndex; // unreachable: the median is one of the values
}

const fmt = (x: number): string => (Number.isInteger(x) ? String(x) : String(round4(x)));

/** daily.csv: per day, site (and 'all'), measure: quantiles of what is still on the ground at the end of the day. */
export function dailyCsv(agg: Aggregator): string {
  const s = agg.scenario;
  const { sites: S, days: D } = agg.shape;
  const lines = ['day,date,site,measure,p5,p10,p25,p50,p75,p90,p95'];
  for (let d = 0; d < D; d++) {
    const date = localDateOfDay(s, d);
    const rows: [string, string, { n: number; quantile(p: number): number }][] = [];
    for (let i = 0; i < S; i++) {
      rows.push([s.sites[i]!.id, 'short_tons', agg.dailyShortTons[d * S + i]!]);
      rows.push([s.sites[i]!.id, 'personnel', agg.dailyPersonnel[d * S + i]!]);
    }
    rows.push(['all', 'short_tons', agg.dailyShortTonsAll[d]!]);
    rows.push(['all', 'personnel', agg.dailyPersonnelAll[d]!]);
    for (const [site, measure, h] of rows) {
      const qs = DAILY_QUANTILES.map((p) => (h.n === 0 ? '' : fmt(h.quantile(p))));
      lines.push(`${d},${date},${site},${measure},${qs.join(',')}`);
    }
  }
  return lines.join('\n') + '\n';
}
