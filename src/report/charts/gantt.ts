/**
 * Chart 7. Gantt timeline of one replication (chartdata.gantt; the runner keeps the median
 * one, whose finish is the P50 completion): each aircraft's time coloured by phase. Returns
 * null when the run kept no Gantt data.
 *
 * What the phases record (model/replication.ts, setPhase): 'unavailable' is time not tasked,
 * not mission capable or on a competing mission; 'ground' includes waits for a loading team
 * and departure delays; 'weather-hold' is any airfield closure or disruption. An aircraft idle
 * at home with no work ready for it (cargo not packed, people not released, or all ready work
 * claimed by other aircraft; 'cargo-not-ready' or surplus time), or not yet started, has no
 * phase: those are the blank gaps, named in the legend as IDLE.
 *
 * The time axis runs from the first phase to a little after the replication's end; it reaches
 * on to the deadline only when that is near, so a replication that ends well before the
 * deadline is not squeezed into the left of the chart.
 */
import type { ChartContext } from '../context.js';
import { formatCount } from '../format.js';
import { phaseScale } from '../theme.js';
import { DAY_MS, ceilDay, floorDay, formatDate, formatDateTime, formatDeadlineDate, iso } from '../time.js';
import { deadlineLayers, timeX, topLevel, type ChartSpec } from './common.js';

/** Natural order: 'C-17#2' before 'C-17#10'. */
const natural = new Intl.Collator('en', { numeric: true }).compare;

/** The legend entry for the blank gaps (no phase recorded). */
export const IDLE = 'idle at home (blank)';
const IDLE_COLOUR = '#ffffff';
/** The axis reaches on to the deadline when that adds at most this share of the replication's span. */
const DEADLINE_REACH = 0.15;
/** The Gantt's end within a minute of the P50 completion: it is the median replication. */
const SAME_END_MS = 60_000;

export function buildGantt(ctx: ChartContext): ChartSpec | null {
  const gantt = ctx.chartData.gantt;
  if (gantt === null || gantt.phases.length === 0) return null;
  const values = gantt.phases.map((p) => {
    const s = ctx.clock.instant(p.start);
    const e = ctx.clock.instant(p.end);
    return {
      aircraft: p.aircraft, phase: p.phase, site: p.site, start: iso(s), end: iso(e),
      from: formatDateTime(s), to: formatDateTime(e), hours: (e - s) / 3_600_000,
    };
  });
  const aircraft = [...new Set(values.map((v) => v.aircraft))].sort(natural);
  const phases = [...new Set(values.map((v) => v.phase))];
  const times = values.flatMap((v) => [Date.parse(v.start), Date.parse(v.end)]);
  const first = Math.min(...times);
  const last = Math.max(...times);

  const x0 = floorDay(first);
  const end = ceilDay(last + DAY_MS / 2);
  const withDeadline = ctx.deadlineMs <= end + DEADLINE_REACH * (end - x0);
  const x1 = withDeadline ? Math.max(end, ctx.deadlineMs) : end;

  const p50 = ctx.summary.completion.p50;
  const median = p50 !== null && Math.abs(ctx.clock.instant(p50) - last) < SAME_END_MS;
  const name = median ? `Median replication (no. ${formatCount(gantt.replication)})` : `Replication ${formatCount(gantt.replication)}`;
  const title = `${name}: ${aircraft.length} aircraft, ${formatDate(first)} – ${formatDate(last)}` +
    (median ? ', ending at the P50 completion' : '');
  const subtitle = [
    'Each aircraft\'s time by phase (hover for the interval); blank: idle at home, no work ready for it',
    ...(withDeadline ? [] : [`The axis ends at the replication's end; the deadline, ${formatDeadlineDate(ctx.deadlineMs)}, is ${Math.round((ctx.deadlineMs - last) / DAY_MS)} days later`]),
  ];
  const scale = phaseScale(phases);
  return {
    id: 'gantt',
    heading: median ? 'The median replication, aircraft by aircraft' : 'One replication, aircraft by aircraft',
    caption: (median
      ? `The median replication (no. ${formatCount(gantt.replication)}), which finishes at the P50 completion, ${formatDate(last)}: `
      : `Replication ${formatCount(gantt.replication)}, which finishes ${formatDate(last)}: `) +
      'each aircraft\'s time, coloured by phase. Blank gaps: the aircraft is idle at home with no work ready for it ' +
      '(cargo not yet packed, people not yet released, or all ready work taken by other aircraft), or has not yet started. ' +
      '"unavailable": not tasked, not mission capable or on a competing mission; "ground" includes waits for a loading ' +
      'team and departure delays; "weather-hold" is any airfield closure or disruption.',
    spec: topLevel(title, subtitle, {
      width: 760,
      height: { step: 18 },
      layer: [
        {
          data: { values },
          mark: { type: 'bar', cornerRadius: 0 },
          encoding: {
            y: { field: 'aircraft', type: 'nominal', title: 'Aircraft', sort: aircraft },
            x: timeX(ctx, 'start', [x0, x1]),
            x2: { field: 'end' },
            color: {
              field: 'phase', type: 'nominal', title: 'Phase',
              // IDLE has no data: a legend entry only, an outlined white square like the gaps.
              scale: { domain: [...scale.domain, IDLE], range: [...scale.range, IDLE_COLOUR] },
              legend: { orient: 'bottom', columns: 4, labelLimit: 240, symbolStrokeColor: '#888888', symbolStrokeWidth: 1 },
            },
            tooltip: [
              { field: 'aircraft', type: 'nominal', title: 'Aircraft' },
              { field: 'phase', type: 'nominal', title: 'Phase' },
              { field: 'site', type: 'nominal', title: 'Site' },
              { field: 'from', type: 'nominal', title: 'From' },
              { field: 'to', type: 'nominal', title: 'To' },
              { field: 'hours', type: 'quantitative', title: 'Hours', format: '.1f' },
            ],
          },
        },
        ...(withDeadline ? deadlineLayers(ctx) : []),
      ],
    }),
  };
}
