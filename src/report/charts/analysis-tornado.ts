/**
 * Sensitivity tornado: for each parameter, a bar from P(cleared) at its low value to P at its
 * high value (and the same for the P50 date, in days from the base median), sorted by swing,
 * the base scenario as the vertical line. Each row is labelled with the values its ends ran
 * with ('C-17s tasked: 1 (x1) = as written / 2 (x2)'), not the nominal factors, which rounding
 * and caps change (see runner/analysis/defaults.ts).
 */
import type { SensitivityResult } from '../../runner/analysis/index.js';
import { formatP } from '../format.js';
import { shiftIso, topLevel, UTC_TIME, type AnalysisChart, type ChartTime } from './analysis-common.js';

const LOW = '#56B4E9';
const HIGH = '#D55E00';
/** Row labels carry the values run, so they are longer than vega's default 180 px allows. */
const Y_AXIS = { labelLimit: 400 } as const;

/** 'C-17s tasked: 1 (x1) = as written / 2 (x2)'. */
const rowLabel = (p: SensitivityResult['parameters'][number]): string => `${p.label}: ${p.lowText} / ${p.highText}`;

/** `time`: the clock of the dates shown (the scenario's local time from the CLI); the shifts in days do not depend on it. */
export function buildTornadoCharts(r: SensitivityResult, time: ChartTime = UTC_TIME): AnalysisChart[] {
  const shown = (iso: string | null): string => (iso === null ? 'beyond the horizon' : shiftIso(iso, time).slice(0, 16).replace('T', ' '));
  const order = r.parameters.map(rowLabel);
  const base = r.base.probabilityCleared.estimate;
  const ends = r.parameters.flatMap((p) => [
    { label: rowLabel(p), end: `low: ${p.lowText}`, which: 'low', p: p.low.probabilityCleared.estimate, lo: p.low.probabilityCleared.ci95[0], hi: p.low.probabilityCleared.ci95[1], base },
    { label: rowLabel(p), end: `high: ${p.highText}`, which: 'high', p: p.high.probabilityCleared.estimate, lo: p.high.probabilityCleared.ci95[0], hi: p.high.probabilityCleared.ci95[1], base },
  ]);
  const colour = { field: 'which', type: 'nominal', title: 'Parameter at', scale: { domain: ['low', 'high'], range: [LOW, HIGH] } };
  const top = r.parameters[0];
  const probability: AnalysisChart = {
    id: 'tornado',
    caption: 'Swing in P(cleared by the deadline) when each parameter goes from its low to its high value, one at a time, all other parameters as written; common random numbers throughout.',
    spec: topLevel(top ? `${top.label} matters most: P(cleared) swings by ${formatP(top.swingP)}` : 'No parameters', `P(cleared) at each parameter's low and high value; base ${formatP(base)} (line), n = ${r.replications} per run`, {
      data: { values: ends },
      width: 560, height: { step: 26 },
      encoding: { y: { field: 'label', type: 'nominal', sort: order, title: null, axis: Y_AXIS } },
      layer: [
        { mark: { type: 'bar', height: 16 }, encoding: { x: { field: 'base', type: 'quantitative', title: 'P(cleared by deadline)', scale: { domain: [0, 1] }, axis: { format: '.0%' } }, x2: { field: 'p' }, color: colour, tooltip: [{ field: 'label', title: 'Parameter' }, { field: 'end', title: 'Value' }, { field: 'p', type: 'quantitative', title: 'P(cleared)', format: '.4f' }, { field: 'lo', type: 'quantitative', title: '95% low', format: '.4f' }, { field: 'hi', type: 'quantitative', title: '95% high', format: '.4f' }] } },
        { data: { values: [{ base }] }, mark: { type: 'rule', color: '#000000', strokeWidth: 2 }, encoding: { x: { field: 'base', type: 'quantitative' } } },
      ],
    }),
  };
  const b50 = r.base.p50 === null ? null : Date.parse(r.base.p50);
  const dayOf = (iso: string | null): number | null => (iso === null || b50 === null ? null : (Date.parse(iso) - b50) / 86400e3);
  const sorted = [...r.parameters].sort((x, y) => y.swingP50Days - x.swingP50Days);
  const dates = sorted.flatMap((p) => [
    { label: rowLabel(p), which: 'low', end: `low: ${p.lowText}`, d: dayOf(p.low.p50), date: shown(p.low.p50), zero: 0 },
    { label: rowLabel(p), which: 'high', end: `high: ${p.highText}`, d: dayOf(p.high.p50), date: shown(p.high.p50), zero: 0 },
  ]).filter((x) => x.d !== null);
  const p50: AnalysisChart = {
    id: 'tornado-p50',
    caption: 'Shift of the median (P50) completion date from the base when each parameter goes to its low and its high value, sorted by swing (medians beyond the horizon left out).',
    spec: topLevel(sorted[0] ? `${sorted[0].label} moves the P50 date most: ${sorted[0].swingP50Days.toFixed(1)} days` : 'No parameters', `Days from the base P50 date (${r.base.p50 === null ? 'beyond the horizon' : `${shown(r.base.p50).slice(0, 10)}, ${time.label}`}); negative is earlier`, {
      data: { values: dates },
      width: 560, height: { step: 26 },
      encoding: { y: { field: 'label', type: 'nominal', sort: sorted.map(rowLabel), title: null, axis: Y_AXIS } },
      layer: [
        { mark: { type: 'bar', height: 16 }, encoding: { x: { field: 'zero', type: 'quantitative', title: 'Shift of the P50 completion date (days)' }, x2: { field: 'd' }, color: colour, tooltip: [{ field: 'label', title: 'Parameter' }, { field: 'end', title: 'Value' }, { field: 'd', type: 'quantitative', title: 'Days from base', format: '+.1f' }, { field: 'date', title: `P50 (${time.label})` }] } },
        { data: { values: [{ zero: 0 }] }, mark: { type: 'rule', color: '#000000', strokeWidth: 2 }, encoding: { x: { field: 'zero', type: 'quantitative' } } },
      ],
    }),
  };
  return [probability, p50];
}
