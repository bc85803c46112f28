/** Number formatting for titles, tables and the headline (locale-independent, deterministic). */
import { probabilityDecimals } from '../runner/format.js';

/** 10000 -> '10,000'; 1234.5 with digits 1 -> '1,234.5'. */
export function formatCount(x: number, digits = 0): string {
  const fixed = Math.abs(x).toFixed(digits);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/**
 * A probability with 2 decimals, more where they are needed (the rule is probabilityDecimals
 * in runner/format.ts, shared with stdout): 0.9312 -> '0.93', 0.0085 -> '0.0085'. Given its
 * interval, the estimate takes the decimals of the whole '0.0085 [0.0053, 0.0136]'.
 */
export function formatP(p: number, ci: readonly [number, number] = [p, p]): string {
  return p.toFixed(probabilityDecimals(p, ci, 2));
}

/** 0.4123 -> '41%'; digits for more. */
export function formatPercent(p: number, digits = 0): string {
  return `${(p * 100).toFixed(digits)}%`;
}

/** '[0.92, 0.94]': the interval of `estimate`, with the decimals formatP(estimate, ci) uses. */
export function formatInterval(ci: readonly [number, number], estimate: number): string {
  const d = probabilityDecimals(estimate, ci, 2);
  return `[${ci[0].toFixed(d)}, ${ci[1].toFixed(d)}]`;
}

/** An estimate and its interval: '0.93 [0.92, 0.94]', '0.0085 [0.0053, 0.0136]', '1.0000 [0.9996, 1.0000]'. */
export function formatEstimate(p: { readonly estimate: number; readonly ci95: readonly [number, number] }): string {
  return `${formatP(p.estimate, p.ci95)} ${formatInterval(p.ci95, p.estimate)}`;
}

/** Short, readable magnitude: 1234.5 -> '1,235', 12.34 -> '12.3', 0.123 -> '0.12'. */
export function formatAmount(x: number): string {
  const a = Math.abs(x);
  if (a >= 100) return formatCount(x, 0);
  if (a >= 10) return formatCount(x, 1);
  return formatCount(x, 2);
}
