/**
 * Goal seeking: every value the bisection tried, P(cleared) with its 95% interval, the target
 * as a horizontal rule, points labelled by step; the answers (estimate and lower bound) marked.
 */
import type { GoalResult } from '../../runner/analysis/index.js';
import { TARGET_COLOUR, probabilityY, topLevel, type AnalysisChart } from './analysis-common.js';

export function buildGoalCharts(r: GoalResult): AnalysisChart[] {
  const rows = r.trace.map((t) => ({
    step: t.step, value: t.value, p: t.stats.probabilityCleared.estimate, lo: t.stats.probabilityCleared.ci95[0], hi: t.stats.probabilityCleared.ci95[1],
    phase: t.phase === 'ends' ? 'range ends' : t.phase === 'estimate' ? 'bisection on the estimate' : 'bisection on the lower bound',
  }));
  const answers = [
    ...(r.estimate.value !== null ? [{ value: r.estimate.value, label: `estimate reaches ${r.spec.target}: ${r.estimate.value}` }] : []),
    ...(r.lowerBound.value !== null ? [{ value: r.lowerBound.value, label: `lower bound reaches ${r.spec.target}: ${r.lowerBound.value}` }] : []),
  ];
  const title = r.estimate.reached
    ? `${r.spec.path} = ${r.estimate.value} reaches P(cleared) ${r.spec.target}${r.lowerBound.reached ? ` (${r.lowerBound.value} with 95% confidence)` : ''}`
    : `Target ${r.spec.target} not reached for ${r.spec.path} in [${r.spec.min}, ${r.spec.max}]`;
  const x = { field: 'value', type: 'quantitative', title: r.spec.path, scale: { zero: false } };
  return [{
    id: 'bisection',
    caption: `Every value of ${r.spec.path} the bisection tried, with P(cleared) and its 95% Wilson interval; the horizontal rule is the target, vertical rules the answers.`,
    spec: topLevel(title, `Bisection trace, ${rows.length} runs of n = ${r.replications} (label = step)`, {
      width: 620, height: 280,
      layer: [
        { data: { values: rows }, mark: { type: 'rule', color: '#0072B2' }, encoding: { x, y: probabilityY('lo'), y2: { field: 'hi' } } },
        {
          data: { values: rows },
          mark: { type: 'point', filled: true, size: 60 },
          encoding: {
            x: { field: 'value', type: 'quantitative' }, y: { field: 'p', type: 'quantitative' },
            shape: { field: 'phase', type: 'nominal', title: 'Run' }, color: { field: 'phase', type: 'nominal', title: 'Run', scale: { range: ['#000000', '#0072B2', '#D55E00'] } },
            tooltip: [{ field: 'step', type: 'quantitative', title: 'Step' }, { field: 'value', type: 'quantitative', title: r.spec.path }, { field: 'p', type: 'quantitative', title: 'P(cleared)', format: '.4f' }, { field: 'lo', type: 'quantitative', title: '95% low', format: '.4f' }, { field: 'hi', type: 'quantitative', title: '95% high', format: '.4f' }],
          },
        },
        { data: { values: rows }, mark: { type: 'text', dy: -10, fontSize: 10 }, encoding: { x: { field: 'value', type: 'quantitative' }, y: { field: 'p', type: 'quantitative' }, text: { field: 'step' } } },
        { data: { values: [{ target: r.spec.target, label: `target ${r.spec.target}` }] }, mark: { type: 'rule', color: TARGET_COLOUR, strokeDash: [6, 4] }, encoding: { y: { field: 'target', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'Target' }] } },
        ...(answers.length > 0 ? [{ data: { values: answers }, mark: { type: 'rule', color: '#009E73', strokeWidth: 2 }, encoding: { x: { field: 'value', type: 'quantitative' }, tooltip: [{ field: 'label', title: 'Answer' }] } }] : []),
      ],
    }),
  }];
}
