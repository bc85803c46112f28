/** Pieces shared by the analysis charts (compare, sweep, sensitivity, goal). */
import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../theme.js';
import { makeClock } from '../time.js';
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

/**
 * The clock the analysis charts show dates on: the scenario's local wall clock, as the run's
 * report does (instants shifted by the zone's offset at the scenario start and read on a UTC
 * scale: see ../time.ts), or UTC when no scenario clock is given.
 */
export interface ChartTime {
  readonly offsetMs: number;
  /** For titles: 'UTC' or 'local time, <zone>'. */
  readonly label: string;
}

export const UTC_TIME: ChartTime = { offsetMs: 0, label: 'UTC' };

export function chartTime(startUtc: string, timeZone: string): ChartTime {
  return { offsetMs: makeClock(startUtc, timeZone).offsetMs, label: `local time, ${timeZone}` };
}

/** An ISO instant as the chart's wall-clock instant (ISO, read by Vega as UTC). */
export function shiftIso(iso: string, time: ChartTime): string {
  return time.offsetMs === 0 ? iso : new Date(Date.parse(iso) + time.offsetMs).toISOString();
}
