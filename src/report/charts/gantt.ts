/**
 * Chart 7. Gantt timeline of one replication (chartdata.gantt): each aircraft's time
 * coloured by phase. Returns null when the run kept no Gantt data.
 */
import type { ChartContext } from '../context.js';
import { formatCount } from '../format.js';
import { phaseScale } from '../theme.js';
import { formatDate, formatDateTime, iso } from '../time.js';
import { deadlineLayers, timeX, topLevel, type ChartSpec } from './common.js';

/** Natural order: 'C-17#2' before 'C-17#10'. */
const natural = new Intl.Collator('en', { numeric: true }).compare;

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
  const title = `Replication ${formatCount(gantt.replication)}: ${aircraft.length} aircraft, ${formatDate(first)} – ${formatDate(last)}`;
  return {
    id: 'gantt',
    heading: 'One replication, aircraft by aircraft',
    caption: 'Each aircraft\'s time in one replication, coloured by phase: flying, on the ground, and the holds that cost time.',
    spec: topLevel(title, 'Each aircraft\'s time by phase (hover for the interval)', {
      width: 760,
      height: { step: 18 },
      layer: [
        {
          data: { values },
          mark: { type: 'bar', cornerRadius: 0 },
          encoding: {
            y: { field: 'aircraft', type: 'nominal', title: 'Aircraft', sort: aircraft },
            x: timeX(ctx, 'start'), // the deadline layer widens the domain to include the deadline
            x2: { field: 'end' },
            color: { field: 'phase', type: 'nominal', title: 'Phase', scale: phaseScale(phases), legend: { orient: 'bottom', columns: 4 } },
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
        ...deadlineLayers(ctx),
      ],
    }),
  };
}
