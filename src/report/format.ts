/** Number formatting for titles, tables and the headline (locale-independent, deterministic). */

/** 10000 -> '10,000'; 1234.5 with digits 1 -> '1,234.5'. */
export function formatCount(x: number, digits = 0): string {
  const fixed = Math.abs(x).toFixed(digits);
  const [int = '0', frac] = fixed.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${x < 0 ? '-' : ''}${grouped}${frac !== undefined ? `.${frac}` : ''}`;
}

/** A probability with 2 decimals: 0.9312 -> '0.93'. */
export function formatP(p: number): string {
  return p.toFixed(2);
}

/** 0.4123 -> '41%'; digits for more. */
export function formatPercent(p: number, digits = 0): string {
  return `${(p * 100).toFixed(digits)}%`;
}

/** '[0.92, 0.94]' */
export function formatInterval(ci: readonly [number, number]): string {
  return `[${formatP(ci[0])}, ${formatP(ci[1])}]`;
}

/** Short, readable magnitude: 1234.5 -> '1,235', 12.34 -> '12.3', 0.123 -> '0.12'. */
export function formatAmount(x: number): string {
  const a = Math.abs(x);
  if (a >= 100) return formatCount(x, 0);
  if (a >= 10) return formatCount(x, 1);
  return formatCount(x, 2);
}
