/** Pieces shared by the chart builders: spec shell, the time axis, deadline/plan/milestone rules. */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartContext } from '../context.js';
import { DEADLINE_COLOUR, DEADLINE_DASH, MILESTONE_COLOUR, PLAN_COLOUR, PLAN_DASH, SCHEMA_URL, VL_CONFIG } from '../theme.js';
import { formatDeadlineDate, formatDate, iso } from '../time.js';
import { formatP } from '../format.js';

/** A JSON object of a Vega-Lite spec (checked against the Vega-Lite schema by the tests). */
export type Json = Record<string, unknown>;

/** One chart of the report: its id (file name), a heading for the HTML, and its spec (null = skipped). */
export interface ChartSpec {
  readonly id: string;
  readonly heading: string;
  /** One sentence under the chart in the HTML page. */
  readonly caption: string;
  readonly spec: TopLevelSpec;
}

/**
 * A top-level spec. Data used by several layers goes in `datasets` once (layers refer to it
 * with `{ name }`), so the inlined data is not repeated per layer.
 */
export function topLevel(
  title: string, subtitle: string | readonly string[], body: Json, datasets?: Readonly<Record<string, readonly unknown[]>>,
): TopLevelSpec {
  return {
    $schema: SCHEMA_URL,
    title: { text: title, subtitle: typeof subtitle === 'string' ? subtitle : [...subtitle] },
    config: VL_CONFIG,
    ...(datasets !== undefined ? { datasets } : {}),
    ...body,
  } as unknown as TopLevelSpec;
}

/** x encoding for a local date axis (UTC scale over wall-clock instants: see ../time.ts). */
export function timeX(ctx: ChartContext, field = 't', domain?: readonly [number, number]): Json {
  return {
    field,
    type: 'temporal',
    title: `Date (local time, ${ctx.summary.scenario.timeZone})`,
    // The ends as domainMin/domainMax epoch numbers: a `domain` here (as ISO strings or as
    // numbers) makes vega-lite warn about conflicting domains when the mark also has x2.
    scale: { type: 'utc', ...(domain ? { domainMin: domain[0], domainMax: domain[1] } : {}) },
    axis: { format: '%d %b', labelAngle: 0, tickCount: 8 },
  };
}

export function deadlineLabel(ctx: ChartContext): string {
  return `Deadline ${formatDeadlineDate(ctx.deadlineMs)}`;
}

/** The deadline as a vertical rule with a label at the top. */
export function deadlineLayers(ctx: ChartContext, withProbability = false): Json[] {
  const p = ctx.summary.probabilityCleared;
  const label = withProbability ? `${deadlineLabel(ctx)}: P = ${formatP(p.estimate, p.ci95)}` : deadlineLabel(ctx);
  const data = { values: [{ t: iso(ctx.deadlineMs), label }] };
  return [
    {
      data,
      mark: { type: 'rule', color: DEADLINE_COLOUR, strokeDash: [...DEADLINE_DASH], strokeWidth: 2 },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, tooltip: [{ field: 'label', type: 'nominal', title: 'Deadline' }] },
    },
    {
      data,
      mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, fontWeight: 'bold', color: DEADLINE_COLOUR },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { value: 2 }, text: { field: 'label' } },
    },
  ];
}

/** The x extent of a plot: its domain (wall-clock ms) and its width in pixels. */
export interface Frame {
  readonly domain: readonly [number, number];
  readonly width: number;
}

/** A generous estimate of a label's width in pixels at the text mark's default 11 px font (for placement only). */
export function labelWidth(text: string): number {
  return Math.ceil(6 * text.length);
}

/**
 * Which side of a vertical rule at `ms` its label goes: 'left' (the label ends at the rule)
 * when it fits between the y axis and the rule, else 'right' (inside the plot, starting at
 * the rule), so a rule near the left edge does not push its label over the axis labels.
 */
export function labelSide(frame: Frame, ms: number, text: string): 'left' | 'right' {
  const [x0, x1] = frame.domain;
  const px = x1 > x0 ? ((ms - x0) / (x1 - x0)) * frame.width : 0;
  return px >= labelWidth(text) + 8 ? 'left' : 'right';
}

/** The deterministic plan's label: 'Plan 29 Jun 2024 (P34)'; null when the plan never cleared. */
export function planLabel(ctx: ChartContext): string | null {
  if (ctx.planMs === null) return null;
  const pct = ctx.summary.plan.percentile;
  return `Plan ${formatDate(ctx.planMs)}${pct === null ? '' : ` (P${Math.round(pct)})`}`;
}

/**
 * The deterministic plan's completion as a dotted rule (nothing when the plan never cleared),
 * labelled at `labelY` px from the top on the side of the rule that `labelSide` picks in `frame`.
 */
export function planLayers(ctx: ChartContext, frame: Frame, labelY = 18): Json[] {
  const label = planLabel(ctx);
  if (ctx.planMs === null || label === null) return [];
  const left = labelSide(frame, ctx.planMs, label) === 'left';
  const data = { values: [{ t: iso(ctx.planMs), label }] };
  return [
    {
      data,
      mark: { type: 'rule', color: PLAN_COLOUR, strokeDash: [...PLAN_DASH], strokeWidth: 2 },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, tooltip: [{ field: 'label', type: 'nominal', title: 'Plan' }] },
    },
    {
      data,
      mark: { type: 'text', align: left ? 'right' : 'left', baseline: 'top', dx: left ? -4 : 4, color: PLAN_COLOUR },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, y: { value: labelY }, text: { field: 'label' } },
    },
  ];
}

/** Milestones as thin grey rules with their name and probability. */
export function milestoneLayers(ctx: ChartContext): Json[] {
  const values = Object.entries(ctx.summary.milestones).map(([id, m]) => {
    const t = ctx.clock.endOfDayOrInstant(m.date);
    return { t: iso(t), label: `${m.name} (${formatDeadlineDate(t)}): P = ${formatP(m.probability.estimate, m.probability.ci95)}`, id };
  });
  if (values.length === 0) return [];
  return [
    {
      data: { values },
      mark: { type: 'rule', color: MILESTONE_COLOUR, strokeDash: [2, 2] },
      encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, tooltip: [{ field: 'label', type: 'nominal', title: 'Milestone' }] },
    },
  ];
}
