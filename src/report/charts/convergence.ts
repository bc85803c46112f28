/** Chart 6. Convergence: the running estimate of P(cleared) with its 95% band against replications. */
import type { ChartContext } from '../context.js';
import { probabilityDecimals } from '../../runner/format.js';
import { formatCount, formatP } from '../format.js';
import { formatDeadlineDate } from '../time.js';
import { topLevel, type ChartSpec } from './common.js';

export function buildConvergence(ctx: ChartContext): ChartSpec {
  const { summary } = ctx;
  const values = summary.convergence.map((c) => ({
    n: c.n, estimate: c.estimate, lo: c.ci95[0], hi: c.ci95[1], half: (c.ci95[1] - c.ci95[0]) / 2,
  }));
  const final = summary.probabilityCleared;
  const half = (final.ci95[1] - final.ci95[0]) / 2;
  // the half-width at 3 decimals, or at the estimate's decimals when it needs more (formatP)
  const halfDecimals = Math.max(3, probabilityDecimals(final.estimate, final.ci95, 2));
  const title = `P(cleared) settles at ${formatP(final.estimate, final.ci95)} ± ${half.toFixed(halfDecimals)} after ${formatCount(summary.replications)} replications`;
  const precision = summary.precision;
  const subtitle = precision === undefined
    ? `Running estimate of P(cleared by ${formatDeadlineDate(ctx.deadlineMs)}) with its 95% Wilson interval`
    : `Target half-width ${precision.target} ${precision.reached ? 'reached' : `not reached within the cap of ${formatCount(precision.cap)}`} (half-width ${precision.halfWidth.toFixed(4)})`;
  return {
    id: 'convergence',
    heading: 'Is the estimate settled?',
    caption: 'Running estimate of P(cleared by the deadline) as replications accumulate, with its 95% Wilson interval; the dashed line is the final estimate.',
    spec: topLevel(title, subtitle, {
      width: 760,
      height: 260,
      layer: [
        {
          data: { name: 'running' },
          mark: { type: 'area', color: '#0072B2', opacity: 0.2 },
          encoding: {
            x: { field: 'n', type: 'quantitative', title: 'Replications', scale: { type: 'log', domain: [values[0]?.n ?? 1, values.at(-1)?.n ?? 1], nice: false }, axis: { format: ',d', tickCount: 6 } },
            y: { field: 'lo', type: 'quantitative', title: 'P(cleared by deadline)', scale: { zero: false } },
            y2: { field: 'hi' },
          },
        },
        {
          data: { name: 'running' },
          mark: { type: 'line', color: '#0072B2', strokeWidth: 2, point: { filled: true, size: 24 } },
          encoding: {
            x: { field: 'n', type: 'quantitative' },
            y: { field: 'estimate', type: 'quantitative' },
            tooltip: [
              { field: 'n', type: 'quantitative', title: 'Replications', format: ',d' },
              { field: 'estimate', type: 'quantitative', title: 'Estimate', format: '.4f' },
              { field: 'lo', type: 'quantitative', title: '95% CI low', format: '.4f' },
              { field: 'hi', type: 'quantitative', title: '95% CI high', format: '.4f' },
            ],
          },
        },
        {
          data: { values: [{ estimate: final.estimate, label: `Final ${formatP(final.estimate, final.ci95)}` }] },
          mark: { type: 'rule', color: '#000000', strokeDash: [4, 4] },
          encoding: { y: { field: 'estimate', type: 'quantitative' }, tooltip: [{ field: 'label', type: 'nominal', title: 'Estimate' }] },
        },
      ],
    }, { running: values }),
  };
}
