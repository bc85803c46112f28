/**
 * Chart 5. Aircraft and parking use over time: daily mean over replications with a
 * P10–P90 band. Top: aircraft available vs busy. Bottom: parking spots occupied per site.
 */
import type { ChartContext } from '../context.js';
import { formatPercent } from '../format.js';
import { siteColour } from '../theme.js';
import { HOUR_MS, formatDate, iso } from '../time.js';
import { deadlineLayers, timeX, topLevel, type ChartSpec, type Json } from './common.js';

export const AIRCRAFT_SERIES: Readonly<Record<string, { label: string; colour: string }>> = {
  'aircraft-available': { label: 'Aircraft available', colour: '#9a9a9a' },
  'aircraft-busy': { label: 'Aircraft busy on a sortie', colour: '#222222' },
};

export function buildUtilisation(ctx: ChartContext): ChartSpec {
  const { chartData, summary } = ctx;
  const rows = chartData.utilisation.map((r) => {
    const t = ctx.clock.localDate(r.date) + 12 * HOUR_MS; // a day's mean, drawn at local noon
    const site = r.series.startsWith('parking:') ? r.series.slice('parking:'.length) : null;
    return {
      t: iso(t), series: r.series, mean: r.mean, p10: r.p10, p90: r.p90, label: formatDate(t),
      name: site !== null ? ctx.siteLabel(site) : (AIRCRAFT_SERIES[r.series]?.label ?? r.series),
    };
  });
  // Trim the idle tail: stop a few days after the last day with anything in use (but show the deadline).
  const active = rows.filter((r) => r.series !== 'aircraft-available' && r.p90 > 1e-3).map((r) => Date.parse(r.t));
  const end = Math.max(ctx.deadlineMs, ...active) + 3 * 24 * HOUR_MS;
  const kept = rows.filter((r) => Date.parse(r.t) <= end);
  rows.length = 0;
  rows.push(...kept);
  const times = rows.map((r) => Date.parse(r.t));
  const domain: [number, number] = [Math.min(...times, ctx.deadlineMs), Math.max(...times, ctx.deadlineMs)];
  const aircraft = rows.filter((r) => !r.series.startsWith('parking:'));
  const parking = rows.filter((r) => r.series.startsWith('parking:'));
  const aircraftNames = [...new Set(aircraft.map((r) => r.name))];
  const aircraftScale = {
    domain: aircraftNames,
    range: aircraftNames.map((n) => Object.values(AIRCRAFT_SERIES).find((s) => s.label === n)?.colour ?? '#56B4E9'),
  };
  const parkingSites = chartData.siteIds.filter((s) => parking.some((r) => r.series === `parking:${s}`));
  const parkingScale = { domain: parkingSites.map((s) => ctx.siteLabel(s)), range: parkingSites.map((s) => siteColour(chartData.siteIds, s)) };

  // vconcat shares x: the explicit domain goes on the first panel only.
  const bandPanel = (name: string, yTitle: string, scale: { domain: string[]; range: string[] }, first: boolean): Json => {
    const color = {
      field: 'name', type: 'nominal', title: null, scale,
      legend: { orient: 'top', direction: 'horizontal', labelLimit: 300, symbolType: 'stroke', symbolOpacity: 1, symbolStrokeWidth: 3 },
    };
    return {
      width: 760,
      height: 200,
      layer: [
        {
          data: { name },
          mark: { type: 'area', opacity: 0.2 },
          encoding: {
            x: timeX(ctx, 't', first ? domain : undefined),
            y: { field: 'p10', type: 'quantitative', title: yTitle },
            y2: { field: 'p90' },
            color,
          },
        },
        {
          data: { name },
          mark: { type: 'line', strokeWidth: 2, point: { filled: true, size: 30, opacity: 0 } },
          encoding: {
            x: { field: 't', type: 'temporal', scale: { type: 'utc' } },
            y: { field: 'mean', type: 'quantitative' },
            color,
            tooltip: [
              { field: 'name', type: 'nominal', title: 'Series' },
              { field: 'label', type: 'nominal', title: 'Day' },
              { field: 'mean', type: 'quantitative', title: 'Mean', format: '.2f' },
              { field: 'p10', type: 'quantitative', title: 'P10', format: '.2f' },
              { field: 'p90', type: 'quantitative', title: 'P90', format: '.2f' },
            ],
          },
        },
        ...deadlineLayers(ctx),
      ],
    };
  };

  const parkingText = Object.entries(summary.utilisation.parking)
    .map(([s, u]) => `${s} ${formatPercent(u)}`).join(', ');
  const title = `Aircraft busy ${formatPercent(summary.utilisation.aircraft)} of available hours` +
    (parkingText === '' ? '' : `; parking use ${parkingText}`);
  const panels = [
    ...(aircraft.length > 0 ? [bandPanel('aircraft', 'Aircraft (daily mean)', aircraftScale, true)] : []),
    ...(parking.length > 0 ? [bandPanel('parking', 'Parking spots occupied (daily mean)', parkingScale, aircraft.length === 0)] : []),
  ];
  return {
    id: 'utilisation',
    heading: 'Aircraft and parking use',
    caption: 'Daily means over replications (line) with the P10–P90 band: aircraft on task and busy, and parking spots occupied at each site.',
    spec: topLevel(title, 'Daily mean over replications with the P10–P90 band', {
      vconcat: panels.length > 0 ? panels : [bandPanel('aircraft', 'No data', { domain: [], range: [] }, true)],
      resolve: { scale: { color: 'independent' } },
    }, { aircraft, parking }),
  };
}
