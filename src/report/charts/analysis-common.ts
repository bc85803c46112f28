/** Pieces shared by the analysis charts (compare, sweep, sensitivity, goal). */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../theme.js';
import { topLevel, type Json } from './common.js';

export type { Json };
export { topLevel };

/** A chart of an analysis: id (file name), caption for the report, spec. */
export interface AnalysisChart {
  readonly id: string;
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/** Colour of scenario k in a comparison (the first is the baseline). */
export function scenarioColour(k: number): string {
  return OKABE_ITO[k % OKABE_ITO.length] ?? OKABE_ITO[0];
}

export const TARGET_COLOUR = '#000000';
export const PAIRED_COLOUR = '#0072B2';
export const INDEPENDENT_COLOUR = '#999999';

/** y axis for a probability. */
export function probabilityY(field: string, title = 'P(cleared by deadline)', domain: readonly [number, number] = [0, 1]): Json {
  return { field, type: 'quantitative', title, scale: { domain: [...domain] }, axis: { format: '.0%' } };
}

export const DATE_AXIS = { format: '%d %b %Y', labelAngle: 0, tickCount: 6 } as const;
