/** Chart 2. Histogram of completion dates (one bar per local day) with the deadline and plan. */
import type { ChartContext } from '../context.js';
import { clearedCount, countBetween, fractionBefore, overallEcdf } from '../ecdf.js';
import { formatCount, formatPercent } from '../format.js';
import { DAY_MS, floorDay, formatDate, formatDeadlineDate, iso } from '../time.js';
import { deadlineLayers, planLayers, timeX, topLevel, type ChartSpec } from './common.js';

export const BEFORE_DEADLINE = 'Before the deadline';
export const AFTER_DEADLINE = 'After the deadline';

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
    ? `Most likely finish around ${formatDate(ctx.clock.instant(p50))}; ${formatPercent(pBefore)} finish by ${formatDeadlineDate(ctx.deadlineMs)}`
    : `Fewer than half the replications clear before the horizon; ${formatPercent(pBefore)} by ${formatDeadlineDate(ctx.deadlineMs)}`;
  const subtitle = `Completion date of each replication (n = ${formatCount(n)}); ${formatCount(n - cleared)} never cleared by the horizon and are not drawn`;
  return {
    id: 'completion-histogram',
    heading: 'Distribution of completion dates',
    caption: 'Number of replications finishing on each local day; bars after the deadline are lighter.',
    spec: topLevel(title, subtitle, {
      width: 760,
      height: 300,
      layer: [
        {
          data: { values: bins },
          mark: { type: 'rect' },
          encoding: {
            x: timeX(ctx, 't0'),
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
        ...planLayers(ctx, 20),
        ...deadlineLayers(ctx),
      ],
    }),
  };
}
