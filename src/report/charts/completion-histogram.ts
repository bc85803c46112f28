/**
 * Chart 2. Histogram of completion dates (one bar per local day) with the deadline and plan.
 * The title names the median (P50) finish, not the mode. The x domain is fixed (a day either
 * side of the bars, the plan and the deadline) so the plan's label can be placed off the axis.
 */
import type { ChartContext } from '../context.js';
import { clearedCount, countBetween, fractionBefore, overallEcdf } from '../ecdf.js';
import { formatCount, formatPercent } from '../format.js';
import { DAY_MS, ceilDay, floorDay, formatDate, formatDeadlineDate, iso } from '../time.js';
import { deadlineLayers, planLayers, timeX, topLevel, type ChartSpec, type Frame } from './common.js';

export const BEFORE_DEADLINE = 'Before the deadline';
export const AFTER_DEADLINE = 'After the deadline';
const WIDTH = 760;

export interface HistogramBin { t0: string; t1: string; count: number; share: number; when: string; label: string }

/** Completion times binned by local day; counts sum to the number of cleared replications. */
export function completionBins(ctx: ChartContext): HistogramBin[] {
  const e = overallEcdf(ctx.chartData);
  const days = [...new Set(e.xs.map((h) => floorDay(ctx.clock.hours(h))))].sort((a, b) => a - b);
  const toHours = (ms: number) => (ms - ctx.clock.startMs) / 3_600_000;
  const counts = days.map((day) => [day, countBetween(e, toHours(day), toHours(day + DAY_MS))] as const);
  return counts.map(([day, count]) => ({
    t0: iso(day),
    t1: iso(day + DAY_MS),
    count,
    share: count / e.n,
    // A day's bar is "before" when the day ends by the deadline.
    when: day + DAY_MS <= ctx.deadlineMs ? BEFORE_DEADLINE : AFTER_DEADLINE,
    label: formatDate(day),
  }));
}

export function buildCompletionHistogram(ctx: ChartContext): ChartSpec {
  const { summary, chartData } = ctx;
  const bins = completionBins(ctx);
  const e = overallEcdf(chartData);
  const n = e.n;
  const cleared = clearedCount(e);
  const pBefore = fractionBefore(e, ctx.deadlineHours);
  const p50 = summary.completion.p50;
  const title = p50 !== null
    ? `Median finish ${formatDate(ctx.clock.instant(p50))}; ${formatPercent(pBefore)} finish by ${formatDeadlineDate(ctx.deadlineMs)}`
    : `Fewer than half the replications clear before the horizon; ${formatPercent(pBefore)} by ${formatDeadlineDate(ctx.deadlineMs)}`;
  const edges = [...bins.flatMap((b) => [Date.parse(b.t0), Date.parse(b.t1)]), ctx.deadlineMs, ...(ctx.planMs === null ? [] : [ctx.planMs])];
  const frame: Frame = { domain: [floorDay(Math.min(...edges)) - DAY_MS, ceilDay(Math.max(...edges)) + DAY_MS], width: WIDTH };
  const subtitle = `Completion date of each replication (n = ${formatCount(n)}); ${formatCount(n - cleared)} never cleared by the horizon and are not drawn`;
  return {
    id: 'completion-histogram',
    heading: 'Distribution of completion dates',
    caption: 'Number of replications finishing on each local day; bars after the deadline are lighter.',
    spec: topLevel(title, subtitle, {
      width: WIDTH,
      height: 300,
      layer: [
        {
          data: { values: bins },
          mark: { type: 'rect' },
          encoding: {
            x: timeX(ctx, 't0', frame.domain),
            x2: { field: 't1' },
            // Headroom above the tallest bar for the deadline and plan labels.
            y: { field: 'count', type: 'quantitative', title: 'Replications finishing that day', scale: { domainMax: Math.ceil(Math.max(1, ...bins.map((b) => b.count)) * 1.2) } },
            color: {
              field: 'when', type: 'nominal', title: null,
              scale: { domain: [BEFORE_DEADLINE, AFTER_DEADLINE], range: ['#4d4d4d', '#b3b3b3'] },
              legend: { orient: 'top', direction: 'horizontal', labelLimit: 300 },
            },
            tooltip: [
              { field: 'label', type: 'nominal', title: 'Finished on' },
              { field: 'count', type: 'quantitative', title: 'Replications' },
              { field: 'share', type: 'quantitative', title: 'Share of all', format: '.2%' },
            ],
          },
        },
        ...planLayers(ctx, frame, 20),
        ...deadlineLayers(ctx),
      ],
    }),
  };
}
