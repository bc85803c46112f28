/** replications.csv: one row per replication, in replication order. */
import { CAUSES } from '../model/result.js';
import type { ScalarRecord } from './batch.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { isoAt } from './dates.js';

const col = (id: string): string => id.replace(/[^A-Za-z0-9]+/g, '_');
const num = (x: number): string => (Number.isInteger(x) ? String(x) : String(Math.round(x * 1e4) / 1e4));
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

export function replicationsCsvRow(s: ResolvedScenario, r: ScalarRecord): string {
  const c = r.completionHours;
  const cells = [String(r.index), isoAt(s, c) ?? '', opt(c), c !== null && c < s.deadlineHours ? '1' : '0'];
  for (const x of r.siteCompletionHours) cells.push(opt(x));
  for (const x of r.sortiesByType) cells.push(num(x));
  for (const x of r.lostHours) cells.push(num(x));
  let tons = 0;
  let people = 0;
  for (let i = 0; i < s.sites.length; i++) {
    tons += r.remainingShortTonsAtDeadline[i]!;
    people += r.remainingPersonnelAtDeadline[i]!;
  }
  cells.push(num(tons), num(people));
  for (let i = 0; i < s.sites.length; i++) cells.push(num(r.remainingShortTonsAtDeadline[i]!), num(r.remainingPersonnelAtDeadline[i]!));
  cells.push(r.bindingCause >= 0 ? (CAUSES[r.bindingCause] ?? '') : '');
  return cells.join(',') + '\n';
}
