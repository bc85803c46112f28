/** The report's charts, in page order. Each builder takes the shared context; null = skipped. */
import type { ChartContext } from '../context.js';
import type { ChartSpec } from './common.js';
import { buildCompletionCurve } from './completion-curve.js';
import { buildCompletionHistogram } from './completion-histogram.js';
import { buildRemainingFan } from './remaining-fan.js';
import { buildLostHours } from './lost-hours.js';
import { buildUtilisation } from './utilisation.js';
import { buildConvergence } from './convergence.js';
import { buildGantt } from './gantt.js';

export type ChartBuilder = (ctx: ChartContext) => ChartSpec | null;

export const CHART_BUILDERS: readonly ChartBuilder[] = [
  buildCompletionCurve,
  buildCompletionHistogram,
  buildRemainingFan,
  buildLostHours,
  buildUtilisation,
  buildConvergence,
  buildGantt,
];

export function buildCharts(ctx: ChartContext): ChartSpec[] {
  return CHART_BUILDERS.map((b) => b(ctx)).filter((c): c is ChartSpec => c !== null);
}
