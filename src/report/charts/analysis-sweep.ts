/**
 * Sweep charts. One parameter: P(cleared) against the value with 95% Wilson error bars, and
 * the P50 completion date against the value with its distribution-free 95% error bars.
 * Two parameters: heatmaps of P(cleared) and of the P50 date over the grid, values written in.
 */
import type { SweepResult } from '../../runner/analysis/index.js';
import { formatP } from '../format.js';
import { DATE_AXIS, probabilityY, shiftIso, topLevel, UTC_TIME, type AnalysisChart, type ChartTime, type Json } from './analysis-common.js';

const LINE = '#0072B2';

function xEnc(field: string, title: string, numeric: boolean): Json {
  return numeric ? { field, type: 'quantitative', title, scale: { zero: false } } : { field, type: 'ordinal', title, sort: null };
}

const dateLabel = (iso: string | null): string => (iso === null ? 'beyond the horizon' : `${iso.slice(0, 10)}`);

/** `time`: the clock of the dates (the scenario's local time from the CLI). */
export function buildSweepCharts(r: SweepResult, time: ChartTime = UTC_TIME): AnalysisChart[] {
  if (r.parameters.length === 2) return heatmaps(r, time);
  const at = (iso: string | null): string | null => (iso === null ? null : shiftIso(iso, time));
  const par = r.parameters[0]!;
  const numeric = par.values.every((v) => typeof v === 'number');
  const rows = r.points.map((p) => ({
    x: p.values[0], p: p.stats.probabilityCleared.estimate, lo: p.stats.probabilityCleared.ci95[0], hi: p.stats.probabilityCleared.ci95[1],
    p50: at(p.stats.p50), p50lo: at(p.stats.p50Ci95[0]), p50hi: at(p.stats.p50Ci95[1]), p50label: dateLabel(at(p.stats.p50)),
  }));
  const best = [...rows].sort((a, b) => b.p - a.p)[0]!;
  const x = xEnc('x', par.path, numeric);
  const probability: AnalysisChart = {
    id: 'probability',
    caption: `P(cleared by the deadline) against ${par.path}, with 95% Wilson error bars; every point ran on the same seed and replications.`,
    spec: topLevel(`P(cleared) reaches ${formatP(best.p)} at ${par.path} = ${String(best.x)}`, `P(cleared by the deadline) against ${par.path}, 95% intervals, n = ${r.replications} per point`, {
      data: { values: rows },
      width: 620, height: 280,
      layer: [
        { mark: { type: 'rule', color: LINE }, encoding: { x, y: probabilityY('lo'), y2: { field: 'hi' } } },
        {
          mark: { type: 'line', color: LINE, point: { filled: true, size: 50 } },
          encoding: {
            x, y: { field: 'p', type: 'quantitative' },
            tooltip: [{ field: 'x', title: par.path }, { field: 'p', type: 'quantitative', title: 'P(cleared)', format: '.4f' }, { field: 'lo', type: 'quantitative', title: '95% low', format: '.4f' }, { field: 'hi', type: 'quantitative', title: '95% high', format: '.4f' }],
          },
        },
      ],
    }),
  };
  const dated = rows.filter((d) => d.p50 !== null);
  const completion: AnalysisChart = {
    id: 'p50',
    caption: `Median (P50) completion date against ${par.path}, with distribution-free 95% error bars (points whose median lies beyond the horizon are left out).`,
    spec: topLevel(`Median completion against ${par.path}`, `P50 completion date (${time.label}) with 95% intervals; ${rows.length - dated.length} of ${rows.length} points have a median beyond the horizon`, {
      data: { values: dated.map((d) => ({ ...d, p50lo: d.p50lo ?? d.p50, p50hi: d.p50hi ?? d.p50 })) },
      width: 620, height: 280,
      layer: [
        { mark: { type: 'rule', color: LINE }, encoding: { x, y: { field: 'p50lo', type: 'temporal', title: `P50 completion (${time.label})`, scale: { type: 'utc' }, axis: DATE_AXIS }, y2: { field: 'p50hi' } } },
        {
          mark: { type: 'line', color: LINE, point: { filled: true, size: 50 } },
          encoding: { x, y: { field: 'p50', type: 'temporal', scale: { type: 'utc' } }, tooltip: [{ field: 'x', title: par.path }, { field: 'p50label', type: 'nominal', title: 'P50 date' }] },
        },
      ],
    }),
  };
  return [probability, completion];
}

function heatmaps(r: SweepResult, time: ChartTime): AnalysisChart[] {
  const at = (iso: string | null): string | null => (iso === null ? null : shiftIso(iso, time));
  const [a, b] = r.parameters as [SweepResult['parameters'][0], SweepResult['parameters'][0]];
  const rows = r.points.map((p) => ({
    a: String(p.values[0]), b: String(p.values[1]), p: p.stats.probabilityCleared.estimate,
    lo: p.stats.probabilityCleared.ci95[0], hi: p.stats.probabilityCleared.ci95[1],
    text: formatP(p.stats.probabilityCleared.estimate),
    p50day: p.stats.p50 === null ? null : Date.parse(at(p.stats.p50)!) / 86400e3, p50label: dateLabel(at(p.stats.p50)),
  }));
  const x = { field: 'a', type: 'ordinal', title: a.path, sort: a.values.map(String) };
  const y = { field: 'b', type: 'ordinal', title: b.path, sort: b.values.map(String) };
  const tooltip = [{ field: 'a', title: a.path }, { field: 'b', title: b.path }, { field: 'p', type: 'quantitative', title: 'P(cleared)', format: '.4f' }, { field: 'lo', type: 'quantitative', title: '95% low', format: '.4f' }, { field: 'hi', type: 'quantitative', title: '95% high', format: '.4f' }, { field: 'p50label', type: 'nominal', title: 'P50 date' }];
  const probability: AnalysisChart = {
    id: 'heatmap',
    caption: `P(cleared by the deadline) over ${a.path} x ${b.path}; each cell ran on the same seed and replications (hover for the 95% interval and the P50 date).`,
    spec: topLevel(`P(cleared) over ${a.path} and ${b.path}`, `n = ${r.replications} per cell; darker is more likely to clear`, {
      data: { values: rows },
      width: { step: 56 }, height: { step: 36 },
      encoding: { x, y },
      layer: [
        { mark: { type: 'rect' }, encoding: { color: { field: 'p', type: 'quantitative', title: 'P(cleared)', scale: { scheme: 'blues', domain: [0, 1] }, legend: { format: '.0%' } }, tooltip } },
        { mark: { type: 'text', fontSize: 11 }, encoding: { text: { field: 'text' }, color: { condition: { test: 'datum.p > 0.6', value: '#ffffff' }, value: '#000000' } } },
      ],
    }),
  };
  const p50: AnalysisChart = {
    id: 'heatmap-p50',
    caption: `Median (P50) completion date over ${a.path} x ${b.path} (blank where the median lies beyond the horizon).`,
    spec: topLevel(`P50 completion over ${a.path} and ${b.path}`, `Median completion date (${time.label}); lighter is earlier`, {
      data: { values: rows.map((d) => ({ ...d, short: d.p50day === null ? '—' : d.p50label.slice(5) })) },
      width: { step: 56 }, height: { step: 36 },
      encoding: { x, y },
      layer: [
        { mark: { type: 'rect' }, encoding: { color: { field: 'p50day', type: 'quantitative', title: 'P50 (days since 1970)', scale: { scheme: 'oranges' }, legend: null }, tooltip } },
        { mark: { type: 'text', fontSize: 10 }, encoding: { text: { field: 'short' } } },
      ],
    }),
  };
  return [probability, p50];
}
