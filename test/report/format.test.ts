/**
 * Probabilities on the page: the estimate and its interval share the decimals of the rule in
 * runner/format.ts (probabilityDecimals), as stdout does. The pessimistic scenario's
 * milestone, 0.0085 [0.0053, 0.0136], used to read '0.01 [0.01, 0.01]'.
 */
import { describe, expect, it } from 'vitest';
import { formatEstimate, formatInterval, formatP } from '../../src/report/format.js';
import { buildConvergence } from '../../src/report/charts/convergence.js';
import { chartContext } from '../../src/report/context.js';
import { headline } from '../../src/report/html.js';
import { wilson } from '../../src/stats/intervals.js';
import { makeFixture } from './fixture.js';

const interval = (k: number, n: number) => {
  const w = wilson(k, n);
  return { estimate: w.estimate, ci95: [w.lo, w.hi] as const };
};

describe('formatEstimate', () => {
  it('keeps two decimals for usual values', () => {
    expect(formatEstimate(interval(3720, 4000))).toBe('0.93 [0.92, 0.94]');
  });

  it('shows more decimals near 0 and 1 rather than a bound rounded onto the estimate', () => {
    expect(formatEstimate(interval(17, 2000))).toBe('0.0085 [0.0053, 0.0136]');
    expect(formatEstimate(interval(10_000, 10_000))).toBe('1.0000 [0.9996, 1.0000]');
    expect(formatEstimate(interval(0, 10_000))).toBe('0.0000 [0.0000, 0.0004]');
    expect(formatEstimate(interval(9312, 10_000))).toBe('0.931 [0.926, 0.936]');
  });

  it('formatP and formatInterval given each other agree with it', () => {
    const p = interval(17, 2000);
    expect(`${formatP(p.estimate, p.ci95)} ${formatInterval(p.ci95, p.estimate)}`).toBe(formatEstimate(p));
    expect(formatP(0.9312)).toBe('0.93');
    expect(formatP(0.0085)).toBe('0.0085');
  });
});

describe('headline and the convergence title', () => {
  it('read P(cleared) for n = 10,000 all cleared with its lower bound', () => {
    const { summary, chartData } = makeFixture({ replications: 300 });
    const ctx = chartContext({ summary: { ...summary, replications: 10_000, probabilityCleared: interval(10_000, 10_000) }, chartData });
    expect(headline(ctx)).toBe('P(cleared by 15 Sep 2024) = 1.0000 [0.9996, 1.0000], n = 10,000');
    const title = (buildConvergence(ctx).spec as { title: { text: string } }).title.text;
    expect(title).toBe('P(cleared) settles at 1.0000 ± 0.0002 after 10,000 replications'); // was 1.00 ± 0.000
  });
});
