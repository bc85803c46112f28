/**
 * Compare charts: P(cleared) per scenario with its 95% interval; the paired difference
 * against the first scenario with its paired (common random numbers) and independent
 * interval side by side; the completion S-curves overlaid.
 */
import type { CompareResult } from '../../runner/analysis/index.js';
import { formatP } from '../format.js';
import { DEADLINE_COLOUR, DEADLINE_DASH } from '../theme.js';
import { DATE_AXIS, INDEPENDENT_COLOUR, PAIRED_COLOUR, probabilityY, scenarioColour, shiftIso, topLevel, UTC_TIME, type AnalysisChart, type ChartTime } from './analysis-common.js';

export interface Curve {
  readonly name: string;
  readonly startEpochMs: number;
  /** Completion hours by replication (Infinity = not cleared). */
  readonly completion: ArrayLike<number>;
  readonly deadlineIso: string;
}

/** ECDF points (date, P) with at most `max` steps: every k-th order statistic plus the last. */
export function ecdfPoints(c: Curve, max = 400, time: ChartTime = UTC_TIME): { t: string; date: string; p: number }[] {
  const finite = Array.from(c.completion).filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  const n = c.completion.length;
  const step = Math.max(1, Math.ceil(finite.length / max));
  const out: { t: string; date: string; p: number }[] = [];
  const at = (h: number): { t: string; date: string } => {
    const t = new Date(c.startEpochMs + h * 3600e3 + time.offsetMs).toISOString();
    return { t, date: `${t.slice(0, 16).replace('T', ' ')} ${time.label === 'UTC' ? 'UTC' : 'local'}` };
  };
  for (let i = 0; i < finite.length; i += step) out.push({ ...at(finite[i]!), p: (i + 1) / n });
  if (finite.length > 0 && (finite.length - 1) % step !== 0) {
    out.push({ ...at(finite.at(-1)!), p: finite.length / n });
  }
  return out;
}

/** `time`: the clock of the dates (the baseline scenario's local time from the CLI). */
export function buildCompareCharts(r: CompareResult, curves: readonly Curve[], time: ChartTime = UTC_TIME): AnalysisChart[] {
  const names = r.scenarios.map((s) => s.scenario.name);
  const colour = { domain: names, range: names.map((_, k) => scenarioColour(k)) };
  const probs = r.scenarios.map((s) => ({
    scenario: s.scenario.name, p: s.stats.probabilityCleared.estimate, lo: s.stats.probabilityCleared.ci95[0], hi: s.stats.probabilityCleared.ci95[1],
  }));
  const best = [...probs].sort((a, b) => b.p - a.p)[0]!;
  const probability: AnalysisChart = {
    id: 'probability',
    caption: 'P(cleared by the deadline) per scenario with its 95% Wilson interval; every scenario ran on the same seed and replications.',
    spec: topLevel(`${best.scenario} clears most often: P = ${formatP(best.p)}`, `P(cleared by the deadline) per scenario, 95% Wilson intervals, n = ${r.replications} each`, {
      data: { values: probs },
      width: 560, height: { step: 36 },
      layer: [
        { mark: { type: 'rule', strokeWidth: 2 }, encoding: { y: { field: 'scenario', type: 'nominal', sort: names, title: null }, x: { field: 'lo', type: 'quantitative', title: 'P(cleared by deadline)', scale: { domain: [0, 1] }, axis: { format: '.0%' } }, x2: { field: 'hi' }, color: { field: 'scenario', type: 'nominal', scale: colour, legend: null } } },
        {
          mark: { type: 'point', filled: true, size: 90 },
          encoding: {
            y: { field: 'scenario', type: 'nominal', sort: names }, x: { field: 'p', type: 'quantitative' }, color: { field: 'scenario', type: 'nominal', scale: colour, legend: null },
            tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'p', type: 'quantitative', title: 'P(cleared)', format: '.4f' }, { field: 'lo', type: 'quantitative', title: '95% low', format: '.4f' }, { field: 'hi', type: 'quantitative', title: '95% high', format: '.4f' }],
          },
        },
      ],
    }),
  };

  const diffs = r.scenarios.slice(1).flatMap((s) => {
    const d = s.difference!;
    return [
      { scenario: s.scenario.name, method: 'paired (common random numbers)', d: d.paired.estimate, lo: d.paired.ci95[0], hi: d.paired.ci95[1], width: d.pairedWidth },
      { scenario: s.scenario.name, method: 'independent runs (for comparison)', d: d.independent.estimate, lo: d.independent.ci95[0], hi: d.independent.ci95[1], width: d.independentWidth },
    ];
  });
  const first = r.scenarios[1]!.difference!;
  const methodScale = { domain: ['paired (common random numbers)', 'independent runs (for comparison)'], range: [PAIRED_COLOUR, INDEPENDENT_COLOUR] };
  const difference: AnalysisChart = {
    id: 'difference',
    caption: `Difference in P(cleared) against ${r.baseline}: the paired 95% interval (Newcombe, common random numbers) beside the independent one (Newcombe hybrid score) it replaces.`,
    spec: topLevel(
      `Pairing makes the interval ${Math.round((1 - first.widthRatio) * 100)}% narrower for ${r.scenarios[1]!.scenario.name}`,
      `P(scenario) - P(${r.baseline}) with 95% intervals; paired width ${first.pairedWidth.toFixed(3)} vs independent ${first.independentWidth.toFixed(3)}`,
      {
        data: { values: diffs },
        width: 560, height: { step: 28 },
        encoding: { y: { field: 'scenario', type: 'nominal', title: null }, yOffset: { field: 'method', type: 'nominal', sort: methodScale.domain } },
        layer: [
          { mark: { type: 'rule', strokeWidth: 3 }, encoding: { x: { field: 'lo', type: 'quantitative', title: `Difference in P(cleared) vs ${r.baseline}`, axis: { format: '+.0%' } }, x2: { field: 'hi' }, color: { field: 'method', type: 'nominal', scale: methodScale, title: 'Interval' } } },
          {
            mark: { type: 'point', filled: true, size: 70 },
            encoding: {
              x: { field: 'd', type: 'quantitative' }, color: { field: 'method', type: 'nominal', scale: methodScale },
              tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'method', type: 'nominal' }, { field: 'd', type: 'quantitative', title: 'Difference', format: '+.4f' }, { field: 'lo', type: 'quantitative', title: '95% low', format: '+.4f' }, { field: 'hi', type: 'quantitative', title: '95% high', format: '+.4f' }, { field: 'width', type: 'quantitative', title: 'Width', format: '.4f' }],
            },
          },
          { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#000000', strokeDash: [3, 3] }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
        ],
      },
    ),
  };

  const ecdf = curves.flatMap((c) => ecdfPoints(c, 400, time).map((p) => ({ ...p, scenario: c.name })));
  const deadlines = curves.map((c) => ({ t: shiftIso(c.deadlineIso, time), scenario: c.name, label: `Deadline (${c.name})` }));
  const curvesChart: AnalysisChart = {
    id: 's-curves',
    caption: 'Probability of having cleared everything by each date, one curve per scenario (replications that never cleared count in the denominator); dashed rules mark the deadlines.',
    spec: topLevel('Completion S-curves, same random numbers in every scenario', 'P(everything cleared by the date), per scenario', {
      width: 720, height: 300,
      layer: [
        {
          data: { values: ecdf },
          mark: { type: 'line', interpolate: 'step-after', strokeWidth: 2 },
          encoding: {
            x: { field: 't', type: 'temporal', title: `Date (${time.label})`, scale: { type: 'utc' }, axis: DATE_AXIS },
            y: probabilityY('p', 'P(cleared by date)'),
            color: { field: 'scenario', type: 'nominal', scale: colour, title: 'Scenario' },
            tooltip: [{ field: 'scenario', type: 'nominal' }, { field: 'date', type: 'nominal', title: 'Date' }, { field: 'p', type: 'quantitative', title: 'P', format: '.3f' }],
          },
        },
        {
          data: { values: deadlines },
          mark: { type: 'rule', color: DEADLINE_COLOUR, strokeDash: [...DEADLINE_DASH] },
          encoding: { x: { field: 't', type: 'temporal', scale: { type: 'utc' } }, tooltip: [{ field: 'label', type: 'nominal', title: 'Deadline' }] },
        },
      ],
    }),
  };
  return [probability, difference, curvesChart];
}
