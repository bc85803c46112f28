/**
 * The catalogue of every message the scenario layer gives a planner. Each message is a
 * function of the bad value and says what was expected and what was found. Positions and
 * field paths are added by the caller (`file:line:column: path: message`); tests compare
 * against these functions, so wording changes in one place.
 */
import { suggest } from './suggest.js';

/** A short, unambiguous rendering of a value found in a file. */
export function found(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v.length > 60 ? `${v.slice(0, 57)}...` : v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length === 0 ? 'an empty list' : `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  if (typeof v === 'object') {
    const keys = Object.keys(v);
    return keys.length === 0 ? 'an empty object' : `an object with keys ${keys.slice(0, 5).join(', ')}${keys.length > 5 ? ', ...' : ''}`;
  }
  return String(v);
}

function didYouMean(word: string, candidates: readonly string[]): string {
  const s = suggest(word, candidates);
  return s === null ? '' : ` (did you mean "${s}"?)`;
}

function listOf(candidates: readonly string[]): string {
  const shown = candidates.slice(0, 12).join(', ');
  return candidates.length > 12 ? `${shown}, ...` : shown;
}

function unknownKey(key: string, allowed: readonly string[]): string {
  const s = suggest(key, allowed);
  return s !== null ? `unknown key "${key}" (did you mean "${s}"?)` : `unknown key "${key}"; expected one of: ${listOf(allowed)}`;
}

export const msg = {
  // --- syntax and files -------------------------------------------------------------------
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail}`,
  fileNotFound: (path: string) => `cannot read file "${path}": it does not exist`,
  fileUnreadable: (path: string, reason: string) => `cannot read file "${path}": ${reason}`,
  notAnObject: (v: unknown) => `expected a scenario (an object of fields), found ${found(v)}`,
  extendsMissing: (path: string) => `expected a scenario file to build on, found "${path}", which does not exist`,
  extendsCycle: (chain: readonly string[]) => `expected a chain of files without a cycle, found ${chain.join(' -> ')}`,
  extendsNotString: (v: unknown) => `expected the path of a scenario file (a string), found ${found(v)}`,
  inBase: (base: string) => `(in ${base}, reached through extends)`,
  nonScalarKey: () => 'expected a plain key (a name), found a complex key',

  // --- types and ranges -------------------------------------------------------------------
  expected: (what: string, v: unknown) => `expected ${what}, found ${found(v)}`,
  missing: (what: string) => `missing: expected ${what}`,
  unknownKey,
  /** An unknown key with no value: usually a comma inside an unquoted value in `{ }`. */
  strayKey: (key: string, allowed: readonly string[]) =>
    `${unknownKey(key, allowed)}; it has no value: a comma inside an unquoted value in { } starts a new key, so quote the value (e.g. name: "Ramstein AB, Germany")`,
  unknownChoice: (v: unknown, allowed: readonly string[]) =>
    `expected one of ${listOf(allowed)}, found ${found(v)}${typeof v === 'string' ? didYouMean(v, allowed) : ''}`,
  unknownDist: (v: unknown, allowed: readonly string[]) =>
    `expected a distribution name (one of ${listOf(allowed)}), found ${found(v)}${typeof v === 'string' ? didYouMean(v, allowed) : ''}`,
  tooSmall: (limit: number | bigint, inclusive: boolean, v: unknown) => `expected a value ${inclusive ? '>=' : '>'} ${String(limit)}, found ${found(v)}`,
  tooBig: (limit: number | bigint, inclusive: boolean, v: unknown) => `expected a value ${inclusive ? '<=' : '<'} ${String(limit)}, found ${found(v)}`,
  tooFew: (min: number | bigint, v: unknown) => `expected at least ${String(min)} item${Number(min) === 1 ? '' : 's'}, found ${found(v)}`,
  notInteger: (v: unknown) => `expected a whole number, found ${found(v)}`,
  duplicateId: (id: string, firstLine: string) => `expected ids to be unique in this list, found "${id}" again (first at ${firstLine})`,
  badDate: (v: unknown) => `expected a real calendar date (YYYY-MM-DD) or date-time, found ${found(v)}`,
  badTimeZone: (v: unknown) => `expected an IANA time zone such as "Africa/Lagos" or "UTC", found ${found(v)}`,
  lognormalParams: (v: unknown) => `expected a lognormal with either median and p90, or mu and sigma, found ${found(v)}`,
  idWithDot: (v: unknown) => `expected an id without dots or spaces (letters, digits, "-", "_"), found ${found(v)}`,

  // --- cross-field ------------------------------------------------------------------------
  badReference: (kind: string, id: unknown, known: readonly string[]) =>
    `expected the id of ${/^[aeiou]/i.test(kind) ? 'an' : 'a'} ${kind} (one of ${listOf(known)}), found ${found(id)}${typeof id === 'string' ? didYouMean(id, known) : ''}`,
  deadlineNotAfterStart: (deadline: string, start: string) => `expected a deadline after the start (${start}), found ${deadline}`,
  horizonBeforeDeadline: (horizon: string, deadline: string) => `expected a horizon at or after the end of the deadline day (${deadline}), found ${horizon}`,
  sharesSum: (sum: number) => `expected destination shares that sum to 1, found a sum of ${sum}`,
  sharesRequired: (destinations: readonly string[]) =>
    `missing: expected destination shares (e.g. { ${destinations.slice(0, 2).map((d) => `${d}: 0.5`).join(', ')} }) because the scenario has several destinations`,
  cargoNoAircraft: (category: string, st: number, pallets: number, why: string) =>
    `expected cargo that some aircraft type able to use its site can carry (or leaveBehind: true), found a ${category} item of ${fmt(st)} st and ${pallets} pallet positions: ${why}`,
  siteNoAircraft: (site: string) => `expected at least one aircraft type able to use site "${site}", found none (check the site's aircraft list and the fleet)`,
  groundTimeMissing: (site: string, type: string) =>
    `missing: expected a ground time for aircraft type "${type}" at site "${site}" (site groundTime, or the type's groundTime)`,
  closureTeamTooBig: (team: number, personnel: number) => `expected a closure team no larger than the site's personnel (${personnel}), found ${team}`,
  monthTwice: (month: string) => `expected each month in at most one weather entry, found "${month}" again`,
  legNoTime: (from: string, to: string, type: string, why: string) =>
    `expected a block time for ${type} from ${from} to ${to}: list the leg under legs, or ${why}`,
  /** Both directions missing (an aircraft whose home is the destination flies out and back on one leg): one problem, one leg to list. */
  legNoTimeBothWays: (from: string, to: string, type: string, why: string) =>
    `expected a block time for ${type} from ${from} to ${to} and back: list the leg under legs, or ${why}`,
  repairTimeNeeded: () => 'missing: expected a repairTime because breakProbability is above 0',
  shuttleSameSite: (site: string) => `expected a shuttle between two different sites, found "${site}" at both ends`,
  windowOrder: (from: string, to: string) => `expected a window whose "to" (${to}) is not before its "from" (${from})`,
  distProblem: (field: string, expected: string, v: unknown) => `${field}: expected ${expected}, found ${found(v)}`,
  outOfSupport: (what: string, v: unknown) => `expected ${what}, found a distribution reaching ${found(v)}`,
  setPathUnknown: (path: string, nearestPaths: readonly string[]) =>
    `unknown path "${path}"${nearestPaths.length ? `; nearest valid paths: ${nearestPaths.join(', ')}` : ''}`,
  setPathNotInList: (path: string, id: string, ids: readonly string[]) =>
    `unknown path "${path}": no item "${id}" in the list${ids.length ? ` (items: ${listOf(ids)})${didYouMean(id, ids)}` : ''}`,

  // --- warnings ---------------------------------------------------------------------------
  warnMogZero: (site: string) => `site "${site}" has a MOG of 0 during the whole operation: nothing can land there`,
  warnOffsetChange: (zone: string, at: string, fixed: number, real: number) =>
    `time zone ${zone} changes its UTC offset on ${at} (from ${fmtOffset(fixed)} to ${fmtOffset(real)}); the scenario keeps ${fmtOffset(fixed)} throughout`,
  warnNoCargoNoPeople: (site: string) => `site "${site}" has no personnel and no cargo to move`,
  warnTaskedZero: (type: string) => `aircraft type "${type}" has no aircraft tasked during the whole operation`,
  warnReleaseAfterHorizon: (lot: string, release: string, horizon: string) =>
    `cargo lot "${lot}" is released at ${release}, after the horizon (${horizon}): it never flies, so no replication clears the operation`,
  warnReleaseAfterDeadline: (lot: string, release: string, deadline: string) =>
    `cargo lot "${lot}" is released at ${release}, after the deadline (${deadline}): it cannot be cleared by the deadline`,
  warnUnreachableDestination: (dest: string) => `destination "${dest}" gets no share from any site and is no aircraft's home`,
} as const;

export function fmt(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(6)));
}

function fmtOffset(h: number): string {
  const sign = h < 0 ? '-' : '+';
  const a = Math.abs(h);
  const hh = Math.floor(a);
  const mm = Math.round((a - hh) * 60);
  return `UTC${sign}${String(hh).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}
