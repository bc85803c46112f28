/**
 * Chart 1. Completion S-curve: P(cleared everything by date), overall and per site, with the
 * deadline (and the probability there), P50/P80/P90 and the deterministic plan. The thick
 * "All sites" curve is drawn beneath the thin site curves: the last site to clear coincides
 * with it, and would otherwise be hidden.
 */
import type { ChartContext } from '../context.js';
import { clearedCount, downsampleEcdf, fractionBefore, overallEcdf, siteEcdf, type Ecdf } from '../ecdf.js';
import { formatCount, formatInterval, formatP, formatPercent } from '../format.js';
import { OVERALL_COLOUR, siteScale } from '../theme.js';
import { DAY_MS, ceilDay, floorDay, formatDate, formatDateTime, formatDeadlineDate, iso } from '../time.js';
import { deadlineLayers, planLayers, timeX, topLevel, type ChartSpec, type Json } from './common.js';

export const ALL_SITES = 'All sites';
/** Per-curve cap on plotted points (the ECDF is downsampled to this). */
export const MAX_CURVE_POINTS = 500;
const WIDTH = 760;

interface CurveRow { series: string; t: string; p: number; label: string; kind: 'step' | 'deadline' | 'edge' }

export function buildCompletionCurve(ctx: ChartContext): ChartSpec {
  const { summary, chartData } = ctx;
  const overall = overallEcdf(chartData);
  const n = overall.n;
  const series: { name: string; e: Ecdf; xs: readonly number[] }[] = [
    { name: ALL_SITES, e: overall, xs: overall.xs },
    ...chartData.siteIds.map((s) => {
      const e = siteEcdf(chartData, s);
      return { name: s, e, xs: e.xs };
    }),
  ];

  // Domain: from a little before the first finish (or plan/deadline) to a little after the last.
  const firsts = series.flatMap((s) => (s.xs.length > 0 ? [ctx.clock.hours(s.xs[0] as number)] : []));
  const lasts = series.flatMap((s) => (s.xs.length > 0 ? [ctx.clock.hours(s.xs[s.xs.length - 1] as number)] : []));
  const anchors = [ctx.deadlineMs, ...(ctx.planMs === null ? [] : [ctx.planMs])];
  const horizonMs = ctx.clock.instant(summary.horizon);
  const x0 = Math.max(ctx.clock.startMs, floorDay(Math.min(...firsts, ...anchors) - 2 * DAY_MS));
  const x1 = Math.min(Math.max(horizonMs, ctx.deadlineMs + DAY_MS), ceilDay(Math.max(...lasts, ...anchors) + 2 * DAY_MS));

  const rows: CurveRow[] = [];
  for (const s of series) {
    rows.push({ series: s.name, t: iso(x0), p: fractionBefore(s.e, (x0 - ctx.clock.startMs) / 3_600_000), label: formatDate(x0), kind: 'edge' });
    const points = downsampleEcdf(s.e, MAX_CURVE_POINTS);
    // The exact value at the deadline ("cleared by" = strictly before it), merged in time order.
    const atDeadline = fractionBefore(s.e, ctx.deadlineHours);
    let deadlineDone = false;
    for (const pt of points) {
      if (!deadlineDone && pt.hours >= ctx.deadlineHours) {
        rows.push({ series: s.name, t: iso(ctx.deadlineMs), p: atDeadline, label: formatDateTime(ctx.deadlineMs), kind: 'deadline' });
        deadlineDone = true;
      }
      const ms = ctx.clock.hours(pt.hours);
      if (ms < x0 || ms > x1) continue;
      rows.push({ series: s.name, t: iso(ms), p: pt.p, label: formatDateTime(ms), kind: 'step' });
    }
    if (!deadlineDone) rows.push({ series: s.name, t: iso(ctx.deadlineMs), p: atDeadline, label: formatDateTime(ctx.deadlineMs), kind: 'deadline' });
    const final = clearedCount(s.e) / n;
    rows.push({ series: s.name, t: iso(x1), p: final, label: formatDate(x1), kind: 'edge' });
  }

  const q = summary.completion;
  const marks = (['p50', 'p80', 'p90'] as const).flatMap((k) => {
    const v = q[k];
    if (v === null) return [];
    const ms = ctx.clock.instant(v);
    const level = Number(k.slice(1)) / 100;
    return [{ t: iso(ms), p: level, name: k.toUpperCase(), label: `${k.toUpperCase()} ${formatDate(ms)}` }];
  });

  const pDeadline = summary.probabilityCleared;
  const colour = { field: 'series', type: 'nominal', title: null, scale: siteScale(chartData.siteIds, { label: ALL_SITES, colour: OVERALL_COLOUR }), legend: { orient: 'bottom-right', direction: 'vertical' } };
  const x = timeX(ctx, 't', [x0, x1]);
  const y = { field: 'p', type: 'quantitative', title: 'P(cleared everything by date)', scale: { domain: [0, 1] }, axis: { format: '.0%' } };
  const tooltip = [
    { field: 'series', type: 'nominal', title: 'Curve' },
    { field: 'label', type: 'nominal', title: 'Date' },
    { field: 'p', type: 'quantitative', title: 'P(cleared)', format: '.1%' },
  ];

  const layers: Json[] = [
    {
      data: { name: 'percentiles' },
      mark: { type: 'rule', color: '#9a9a9a', strokeDash: [1, 2] },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p', type: 'quantitative' }, y2: { datum: 0 } },
    },
    {
      data: { name: 'curve' },
      transform: [{ filter: { field: 'series', equal: ALL_SITES } }],
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 3 },
      encoding: { x, y, color: colour, tooltip },
    },
    {
      data: { name: 'curve' },
      transform: [{ filter: { field: 'series', oneOf: chartData.siteIds.length > 0 ? [...chartData.siteIds] : ['-'] } }],
      mark: { type: 'line', interpolate: 'step-after', strokeWidth: 1.5 },
      encoding: { x, y, color: colour, tooltip },
    },
    {
      data: { name: 'percentiles' },
      mark: { type: 'point', filled: true, size: 60, color: OVERALL_COLOUR },
      encoding: {
        x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p', type: 'quantitative' },
        tooltip: [{ field: 'label', type: 'nominal', title: 'Percentile' }],
      },
    },
    {
      data: { name: 'percentiles' },
      mark: { type: 'text', align: 'right', baseline: 'bottom', dx: -6, dy: -4, color: OVERALL_COLOUR },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p', type: 'quantitative' }, text: { field: 'label' } },
    },
    ...planLayers(ctx, { domain: [x0, x1], width: WIDTH }, 20),
    ...deadlineLayers(ctx),
    {
      data: { values: [{ t: iso(ctx.deadlineMs), p: pDeadline.estimate, label: `P = ${formatP(pDeadline.estimate, pDeadline.ci95)}` }] },
      mark: { type: 'point', shape: 'diamond', filled: true, size: 120, color: '#000000' },
      encoding: {
        x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p', type: 'quantitative' },
        tooltip: [{ field: 'label', type: 'nominal', title: `P(cleared by ${formatDeadlineDate(ctx.deadlineMs)})` }],
      },
    },
    {
      data: { values: [{ t: iso(ctx.deadlineMs), p: pDeadline.estimate, label: `P = ${formatP(pDeadline.estimate, pDeadline.ci95)}` }] },
      mark: { type: 'text', align: 'left', dx: 8, dy: 14, fontWeight: 'bold', fontSize: 13, color: '#000000' },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p', type: 'quantitative' }, text: { field: 'label' } },
    },
  ];

  const title = `P(cleared by ${formatDeadlineDate(ctx.deadlineMs)}) = ${formatP(pDeadline.estimate, pDeadline.ci95)}`;
  const uncleared = n - clearedCount(overall);
  const subtitle = [
    `95% CI ${formatInterval(pDeadline.ci95, pDeadline.estimate)}, n = ${formatCount(n)} replications` +
      (q.p50 !== null ? `; median finish ${formatDate(ctx.clock.instant(q.p50))}` : '') +
      (q.p80 !== null ? `, P80 ${formatDate(ctx.clock.instant(q.p80))}` : ''),
    uncleared > 0
      ? `${formatCount(uncleared)} replications (${formatPercent(uncleared / n, 1)}) never cleared by the horizon: the curve tops out at ${formatPercent(clearedCount(overall) / n, 1)}`
      : 'Every replication cleared before the horizon',
  ];
  return {
    id: 'completion-curve',
    heading: 'When will everything be out?',
    caption: 'Share of replications that had cleared everything (overall, thick) and each site (thin, drawn over the thick line where they coincide) by each date; replications never cleared count in the denominator.',
    spec: topLevel(title, subtitle, { width: WIDTH, height: 380, layer: layers }, { curve: rows, percentiles: marks }),
  };
}
