/**
 * The scenario's assumptions for the page. summary.scenario gives name, description, file and
 * time zone; when the runner also left scenario.resolved.json (a ResolvedScenario) in the
 * output folder, key parameters are read from it. It is optional and read leniently: a
 * field that is missing or of another shape is simply not shown.
 *
 * Step schedules (aircraft tasked, site MOG) are shown whole, every step with the local date
 * it starts, as `airlift validate` prints them ('2 from 2024-05-19, 4 from 2024-06-01') but in
 * the page's dates: '2 tasked from 19 May, 4 from 1 Jun, 3 from 1 Aug'. A single step is
 * just its value ('2 tasked').
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DAY_MS, HOUR_MS, formatDate, formatDateTime, formatShortDate } from './time.js';

export interface Assumptions {
  /** Display names by site id. */
  readonly siteNames: Record<string, string>;
  /** Key parameters as label/value rows. */
  readonly rows: readonly (readonly [string, string])[];
  /** Why the resolved scenario was not used, if it was not. */
  readonly note: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const fmt = (x: number, d = 1): string => (Number.isInteger(x) ? String(x) : x.toFixed(d));
/** A count and its noun: '1 loading team', '2 loading teams', '1 person'. */
const count = (x: number, one: string, many: string): string => `${fmt(x)} ${x === 1 ? one : many}`;

/**
 * A step schedule ([{ atHours, value }], value from atHours until the next step) as text:
 * 'N<unit>' for one step at the start, else 'N<unit> from 19 May, M from 1 Jun' in local
 * dates (the model's fixed offset at the start, as the report's clock), with the year where
 * it is not the start's and the time where a step does not start at local midnight; 'from
 * hour H' when the file has no start. null when no step has a value.
 */
function schedule(steps: readonly Obj[], unit: string, startEpochMs: number | null, utcOffsetHours: number | null): string | null {
  const valid = steps.flatMap((st) => {
    const v = num(st['value']);
    return v === null ? [] : [{ at: num(st['atHours']) ?? 0, v }];
  });
  if (valid.length === 0) return null;
  if (valid.length === 1 && valid[0]?.at === 0) return `${fmt(valid[0].v)}${unit}`;
  const startYear = startEpochMs === null || utcOffsetHours === null ? null : new Date(startEpochMs + utcOffsetHours * HOUR_MS).getUTCFullYear();
  const when = (at: number): string => {
    if (startEpochMs === null || utcOffsetHours === null) return `hour ${fmt(at)}`;
    const wall = startEpochMs + (at + utcOffsetHours) * HOUR_MS;
    const date = new Date(wall).getUTCFullYear() === startYear ? formatShortDate(wall) : formatDate(wall);
    return wall % DAY_MS === 0 ? date : `${date} ${formatDateTime(wall).slice(-5)}`;
  };
  return valid.map((st, i) => `${fmt(st.v)}${i === 0 ? unit : ''} from ${when(st.at)}`).join(', ');
}

export function readAssumptions(outDir: string): Assumptions {
  const file = join(outDir, 'scenario.resolved.json');
  if (!existsSync(file)) return { siteNames: {}, rows: [], note: 'scenario.resolved.json was not in the output folder; only the summary is shown.' };
  let s: unknown;
  try {
    s = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return { siteNames: {}, rows: [], note: `scenario.resolved.json could not be read (${(err as Error).message}).` };
  }
  if (!isObj(s)) return { siteNames: {}, rows: [], note: 'scenario.resolved.json is not an object.' };
  const rows: [string, string][] = [];
  const siteNames: Record<string, string> = {};
  const startEpochMs = num(s['startEpochMs']);
  const utcOffsetHours = num(s['utcOffsetHours']);
  const sites = arr(s['sites']);
  const cargo = arr(s['cargo']);
  sites.forEach((site, i) => {
    const id = str(site['id']) ?? `site ${i}`;
    const name = str(site['name']);
    if (name !== null) siteNames[id] = name;
    let tons = 0;
    let leftBehind = 0;
    for (const lot of cargo) {
      if (num(lot['site']) !== i) continue;
      const t = (num(lot['shortTons']) ?? 0) * (num(lot['count']) ?? 1);
      if (lot['leaveBehind'] === true) leftBehind += t;
      else tons += t;
    }
    const mog = schedule(arr(site['mog']), '', startEpochMs, utcOffsetHours);
    const parts = [
      num(site['personnel']) !== null ? count(num(site['personnel']) as number, 'person', 'people') : null,
      cargo.length > 0 ? `${fmt(tons)} short tons to fly` : null,
      leftBehind > 0 ? `${fmt(leftBehind)} short tons left behind by decision` : null,
      mog !== null ? `MOG ${mog}` : null,
      num(site['loadingTeams']) !== null ? count(num(site['loadingTeams']) as number, 'loading team', 'loading teams') : null,
    ].filter((p): p is string => p !== null);
    rows.push([`Site ${id}${name !== null ? ` (${name})` : ''}`, parts.join('; ') || '—']);
  });
  for (const t of arr(s['aircraftTypes'])) {
    const tasked = schedule(arr(t['tasked']), ' tasked', startEpochMs, utcOffsetHours);
    const parts = [
      tasked,
      num(t['planningPayload']) !== null ? `payload ${fmt(num(t['planningPayload']) as number)} short tons` : null,
      num(t['seats']) !== null ? count(num(t['seats']) as number, 'seat', 'seats') : null,
      num(t['missionCapableRate']) !== null ? `mission capable ${Math.round((num(t['missionCapableRate']) as number) * 100)}%` : null,
      t['shuttle'] !== null && t['shuttle'] !== undefined ? 'intra-theatre shuttle' : null,
    ].filter((p): p is string => p !== null);
    rows.push([`Aircraft ${str(t['id']) ?? '?'}${str(t['name']) !== null ? ` (${str(t['name'])})` : ''}`, parts.join('; ') || '—']);
  }
  const dispatch = isObj(s['dispatch']) ? str(s['dispatch']['policy']) : null;
  if (dispatch !== null) rows.push(['Dispatch policy', dispatch]);
  const clearance = isObj(s['clearance']) ? arr(s['clearance']['regimes']) : null;
  rows.push(['Diplomatic clearance', clearance === null ? 'not modelled' : `${clearance.length} regime${clearance.length === 1 ? '' : 's'}`]);
  const disruptions = arr(s['disruptions']);
  rows.push(['Disruptions', disruptions.length === 0 ? 'none' : disruptions
    .map((d) => `${str(d['id']) ?? '?'} (${str(d['kind']) ?? '?'}, p = ${fmt(num(d['probability']) ?? NaN, 2)})`).join('; ')]);
  return { siteNames, rows, note: null };
}
