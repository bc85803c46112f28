/**
 * Chart 3. Fan chart of what is still on the ground at the end of each local day: median
 * with P25–P75 and P10–P90 bands, one panel per site and measure (short tons, personnel),
 * with the deadline and milestones.
 */
import type { ChartContext } from '../context.js';
import { formatAmount } from '../format.js';
import { siteColour } from '../theme.js';
import { DAY_MS, formatDate, iso } from '../time.js';
import { deadlineLayers, milestoneLayers, timeX, topLevel, type ChartSpec, type Json } from './common.js';

const MEASURES = [
  { id: 'shortTons', title: 'Short tons on the ground', unit: 'short tons' },
  { id: 'personnel', title: 'Personnel on the ground', unit: 'people' },
] as const;

export function buildRemainingFan(ctx: ChartContext): ChartSpec {
  const { chartData, summary } = ctx;
  const rowsFor = (site: string, measure: string) =>
    chartData.daily
      .filter((r) => r.site === site && r.measure === measure)
      .map((r) => {
        const t = ctx.clock.localDate(r.date) + DAY_MS; // end of local day d
        return {
          t: iso(t), p10: r.p10, p25: r.p25, p50: r.p50, p75: r.p75, p90: r.p90,
          label: `end of ${formatDate(t - 1)}`,
          iqr: `${formatAmount(r.p25)} – ${formatAmount(r.p75)}`,
          band: `${formatAmount(r.p10)} – ${formatAmount(r.p90)}`,
        };
      });
  // Trim the long zero tail: stop a few days after every panel's P90 reaches zero (but show the deadline).
  let lastMs = ctx.deadlineMs + 2 * DAY_MS;
  for (const r of chartData.daily) if (r.p90 > 0) lastMs = Math.max(lastMs, ctx.clock.localDate(r.date) + 4 * DAY_MS);
  const firstMs = Math.min(...chartData.daily.map((r) => ctx.clock.localDate(r.date)), ctx.deadlineMs);
  const domain: [number, number] = [firstMs, lastMs];
  const width = Math.max(280, Math.floor(760 / Math.max(1, chartData.siteIds.length)) - 30);

  const datasets: Record<string, unknown[]> = {};
  const panel = (site: string, m: (typeof MEASURES)[number]): Json => {
    const colour = siteColour(chartData.siteIds, site);
    const name = `${site}-${m.id}`;
    datasets[name] = rowsFor(site, m.id).filter((r) => Date.parse(r.t) <= lastMs);
    return {
      title: { text: `${ctx.siteLabel(site)}: ${m.unit}`, fontSize: 13, subtitle: '' },
      width,
      height: 200,
      layer: [
        {
          data: { name },
          mark: { type: 'area', color: colour, opacity: 0.18 },
          encoding: {
            x: timeX(ctx, 't', domain),
            y: { field: 'p10', type: 'quantitative', title: m.title, scale: { zero: true } },
            y2: { field: 'p90' },
          },
        },
        {
          data: { name },
          mark: { type: 'area', color: colour, opacity: 0.38 },
          encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
        },
        {
          data: { name },
          mark: { type: 'line', color: colour, strokeWidth: 2 },
          encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { field: 'p50', type: 'quantitative' } },
        },
        {
          // Invisible points on the median carry the tooltip for each day.
          data: { name },
          mark: { type: 'point', filled: true, size: 50, opacity: 0 },
          encoding: {
            x: { field: 't', type: 'temporal', scale: { type: 'utc' } },
            y: { field: 'p50', type: 'quantitative' },
            tooltip: [
              { field: 'label', type: 'nominal', title: 'Date' },
              { field: 'p50', type: 'quantitative', title: `Median ${m.unit}`, format: ',.1f' },
              { field: 'iqr', type: 'nominal', title: 'P25 – P75' },
              { field: 'band', type: 'nominal', title: 'P10 – P90' },
            ],
          },
        },
        ...milestoneLayers(ctx),
        ...deadlineLayers(ctx),
      ],
    };
  };

  const r = summary.remainingAtDeadline;
  const title = r.meanShortTons <= 0.05 && r.meanPersonnel <= 0.05
    ? 'Nothing is expected on the ground at the deadline'
    : `At the deadline, on average ${formatAmount(r.meanShortTons)} short tons and ${formatAmount(r.meanPersonnel)} people remain`;
  return {
    id: 'remaining-fan',
    heading: 'What is still on the ground',
    caption: 'Cargo and people still to move at the end of each local day: median line, darker band P25–P75, lighter band P10–P90; grey rules are milestones.',
    spec: topLevel(title, 'Median with P25–P75 and P10–P90 bands over replications, per site', {
      vconcat: MEASURES.map((m) => ({ hconcat: chartData.siteIds.map((s) => panel(s, m)) })),
    }, datasets),
  };
}
