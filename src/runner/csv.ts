/** replications.csv: one row per replication, in replication order. */
import { CAUSES } from '../model/result.js';
import type { ScalarRecord } from './batch.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { isoAt } from './dates.js';

const col = (id: string): string => id.replace(/[^A-Za-z0-9]+/g, '_');
/**
 * A number rounded to 4 decimals, written as `String(Math.round(x * 1e4) / 1e4)` writes it
 * (the shortest form that reads back as the same double). For |k| < 1e15, k = round(x * 1e4),
 * that is k's digits with the point 4 places from the right and trailing zeros dropped: two
 * different 4-decimal numbers below 1e11 are more than one double apart, so no shorter form
 * reads back as the same double. Done with integers, ~3x faster than formatting the double
 * (a replications.csv row has ~15 such cells); equality checked by test/runner/csv.test.ts.
 */
export function num(x: number): string {
  if (Number.isInteger(x)) return String(x);
  const k = Math.round(x * 1e4);
  if (!(Math.abs(k) < 1e15)) return String(k / 1e4); // NaN, infinities, huge values
  if (k === 0) return '0'; // also -0, as String(-0) does
  const a = k < 0 ? -k : k;
  const whole = Math.floor(a / 1e4);
  let frac = a - whole * 1e4;
  let text = String(whole);
  if (frac !== 0) {
    let places = 4;
    while (frac % 10 === 0) {
      frac /= 10;
      places--;
    }
    const digits = String(frac);
    text += FRACTION_POINT[places - digits.length]! + digits;
  }
  return k < 0 ? `-${text}` : text;
}
/** The point and the zeros before a fraction's first digit, by how many zeros. */
const FRACTION_POINT = ['.', '.0', '.00', '.000'];
const opt = (x: number | null): string => (x === null ? '' : num(x));

export function replicationsCsvHeader(s: ResolvedScenario): string {
  const cols = ['replication', 'completion_utc', 'completion_hours', 'cleared_by_deadline'];
  for (const site of s.sites) cols.push(`${col(site.id)}_completion_hours`);
  for (const t of s.aircraftTypes) cols.push(`sorties_${col(t.id)}`);
  for (const c of CAUSES) cols.push(`lost_hours_${col(c)}`);
  cols.push('remaining_short_tons', 'remaining_personnel');
  for (const site of s.sites) cols.push(`${col(site.id)}_remaining_short_tons`, `${col(site.id)}_remaining_personnel`);
  cols.push('binding_cause');
  return cols.join(',') + '\n';
}

/** One row, built by concatenation (the workers format one per replication). */
export function replicationsCsvRow(s: ResolvedScenario, r: ScalarRecord): string {
  const c = r.completionHours;
  let row = `${r.index},${isoAt(s, c) ?? ''},${opt(c)},${c !== null && c < s.deadlineHours ? '1' : '0'}`;
  for (const x of r.siteCompletionHours) row += `,${opt(x)}`;
  for (const x of r.sortiesByType) row += `,${num(x)}`;
  for (const x of r.lostHours) row += `,${num(x)}`;
  let tons = 0;
  let people = 0;
  for (let i = 0; i < s.sites.length; i++) {
    tons += r.remainingShortTonsAtDeadline[i]!;
    people += r.remainingPersonnelAtDeadline[i]!;
  }
  row += `,${num(tons)},${num(people)}`;
  for (let i = 0; i < s.sites.length; i++) row += `,${num(r.remainingShortTonsAtDeadline[i]!)},${num(r.remainingPersonnelAtDeadline[i]!)}`;
  return `${row},${r.bindingCause >= 0 ? (CAUSES[r.bindingCause] ?? '') : ''}\n`;
}
