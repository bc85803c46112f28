/**
 * The scenario's assumptions for the page. summary.scenario gives name, description, file and
 * time zone; when the runner also left scenario.resolved.json (a ResolvedScenario) in the
 * output folder, key parameters are read from it. It is optional and read leniently: a
 * field that is missing or of another shape is simply not shown.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
    const mog = arr(site['mog'])[0];
    const parts = [
      num(site['personnel']) !== null ? `${fmt(num(site['personnel']) as number)} people` : null,
      cargo.length > 0 ? `${fmt(tons)} short tons to fly` : null,
      leftBehind > 0 ? `${fmt(leftBehind)} short tons left behind by decision` : null,
      mog !== undefined && num(mog['value']) !== null ? `MOG ${fmt(num(mog['value']) as number)}` : null,
      num(site['loadingTeams']) !== null ? `${fmt(num(site['loadingTeams']) as number)} loading teams` : null,
    ].filter((p): p is string => p !== null);
    rows.push([`Site ${id}${name !== null ? ` (${name})` : ''}`, parts.join('; ') || '—']);
  });
  for (const t of arr(s['aircraftTypes'])) {
    const tasked = arr(t['tasked'])[0];
    const parts = [
      tasked !== undefined && num(tasked['value']) !== null ? `${fmt(num(tasked['value']) as number)} tasked` : null,
      num(t['planningPayload']) !== null ? `payload ${fmt(num(t['planningPayload']) as number)} short tons` : null,
      num(t['seats']) !== null ? `${fmt(num(t['seats']) as number)} seats` : null,
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
