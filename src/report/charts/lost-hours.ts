/**
 * Chart 4. Aircraft-hours lost by cause (mean per replication) and how often each cause was
 * the largest wait on the last sortie (the binding cause: the sortie whose take-off cleared
 * the last site; worded once in ../terms.ts, and never said to set the finish).
 */
import type { ChartContext } from '../context.js';
import { formatAmount, formatPercent } from '../format.js';
import { causeScale } from '../theme.js';
import { LAST_SORTIE_NOTE, LAST_SORTIE_WAIT } from '../terms.js';
import { topLevel, type ChartSpec } from './common.js';

const sentence = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

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
  const title = topLost === undefined || topLost.hours === 0
    ? 'No time lost'
    : `Most hours lost to ${topLost.cause} (${formatAmount(topLost.hours)} aircraft-h per replication)`;
  // The binding cause goes in the subtitle, where there is room to say which sortie it is.
  const subtitle = [
    `Left: aircraft-hours lost per replication (mean). Right: how often each cause was ${LAST_SORTIE_WAIT}`,
    '(the sortie whose take-off cleared the last site)' + (topBinding === undefined || topBinding.binding === 0
      ? ''
      : `: most often ${topBinding.cause}, ${formatPercent(topBinding.binding)} of replications`),
  ];
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
    caption: `Left: aircraft-hours lost per replication by cause (mean). Right: share of replications in which each cause was ${LAST_SORTIE_WAIT}. ${LAST_SORTIE_NOTE}`,
    spec: topLevel(title, subtitle, {
      data: { values },
      hconcat: [
        bar('hours', 'Aircraft-hours lost per replication (mean)', ',.0f', 'Aircraft-hours lost (mean)'),
        bar('binding', `Share of replications: ${LAST_SORTIE_WAIT}`, '.0%', `${sentence(LAST_SORTIE_WAIT)} in`),
      ],
    }),
  };
}
