/**
 * Chart 4. Aircraft-hours lost by cause (mean per replication) and how often each cause was
 * the one that delayed the last departure the most.
 */
import type { ChartContext } from '../context.js';
import { formatAmount, formatPercent } from '../format.js';
import { causeScale } from '../theme.js';
import { topLevel, type ChartSpec } from './common.js';

export function buildLostHours(ctx: ChartContext): ChartSpec {
  const { summary, chartData } = ctx;
  const causes = [...chartData.causeIds, ...Object.keys(summary.lostHoursByCause).filter((c) => !chartData.causeIds.includes(c))];
  const values = causes.map((cause) => ({
    cause,
    hours: summary.lostHoursByCause[cause] ?? 0,
    binding: summary.bindingCause[cause] ?? 0,
  }));
  const colour = { field: 'cause', type: 'nominal', scale: causeScale(causes), legend: null };
  const topLost = [...values].sort((a, b) => b.hours - a.hours)[0];
  const topBinding = [...values].sort((a, b) => b.binding - a.binding)[0];
  const title = topLost === undefined || topBinding === undefined || (topLost.hours === 0 && topBinding.binding === 0)
    ? 'No time lost'
    : `Most hours lost to ${topLost.cause} (${formatAmount(topLost.hours)} aircraft-h per replication); ` +
      `${topBinding.cause} most often sets the finish (${formatPercent(topBinding.binding)})`;
  const bar = (field: 'hours' | 'binding', axisTitle: string, format: string, tipTitle: string) => ({
    width: 330,
    height: { step: 22 },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'cause', type: 'nominal', title: null, sort: { field, order: 'descending' } },
      x: { field, type: 'quantitative', title: axisTitle, axis: { format } },
      color: colour,
      tooltip: [
        { field: 'cause', type: 'nominal', title: 'Cause' },
        { field, type: 'quantitative', title: tipTitle, format: field === 'hours' ? ',.1f' : '.1%' },
      ],
    },
  });
  return {
    id: 'lost-hours',
    heading: 'Where the time goes',
    caption: 'Left: aircraft-hours lost per replication by cause (mean). Right: share of replications in which each cause delayed the last departure the most.',
    spec: topLevel(title, 'Mean aircraft-hours lost per replication, and the cause that delayed the last departure the most', {
      data: { values },
      hconcat: [
        bar('hours', 'Aircraft-hours lost per replication (mean)', ',.0f', 'Aircraft-hours lost (mean)'),
        bar('binding', 'Share of replications where it delayed the finish most', '.0%', 'Delayed the finish most in'),
      ],
    }),
  };
}
