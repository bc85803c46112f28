/** What every chart builder gets: the two result files, derived once into a shared context. */
import type { ChartData, Summary } from '../runner/summary-types.js';
import { makeClock, type Clock } from './time.js';

export interface ChartInput {
  readonly summary: Summary;
  readonly chartData: ChartData;
  /** Display names by site id (e.g. from scenario.resolved.json); ids are shown when absent. */
  readonly siteNames?: Readonly<Record<string, string>>;
}

export interface ChartContext extends ChartInput {
  readonly clock: Clock;
  /** Wall-clock ms of the deadline (the END of the deadline's local day). */
  readonly deadlineMs: number;
  readonly deadlineHours: number;
  readonly planMs: number | null;
  siteLabel(id: string): string;
}

export function chartContext(input: ChartInput): ChartContext {
  const { summary, chartData } = input;
  const clock = makeClock(chartData.startUtc, summary.scenario.timeZone);
  const deadlineMs = clock.instant(chartData.deadlineUtc);
  const plan = chartData.planCompletionUtc ?? summary.plan.completion;
  return {
    ...input,
    clock,
    deadlineMs,
    deadlineHours: (Date.parse(chartData.deadlineUtc) - Date.parse(chartData.startUtc)) / 3_600_000,
    planMs: plan === null ? null : clock.instant(plan),
    siteLabel: (id) => {
      const name = input.siteNames?.[id];
      return name !== undefined && name !== id ? `${id} ${name}` : id;
    },
  };
}
