/**
 * The default sensitivity set, used when a scenario has no `sensitivity:` section: for each
 * assumption, a low and a high variant of what the file says, as overrides on the document.
 *   aircraft tasked          x0.5 / x1.5 per type (rounded, at least 1 and at least one more)
 *   clearance lead time      x0.5 / x2 (every regime too)
 *   weather closure rate     x0.5 / x2 of every site's daily probability (capped at 1)
 *   ground time              x0.75 / x1.25 (sites and aircraft types)
 *   load factor              x0.8 / x1.2 (capped at 1)
 *   break rate               x0.5 / x2 (capped at 1)
 *   airlift start delay      x0.5 / x2 of airliftStart (0 / 7 days when the file has none)
 * Durations keep their unit (`3h` x2 -> `6h`); a distribution is scaled by scaling its
 * location and scale parameters (min, mode, max, mean, sd, median, p90, value, values, scale;
 * lognormal mu shifts by ln f), which scales the random quantity itself by f.
 */
import type { Override } from './variants.js';

export interface SensitivityParam {
  readonly label: string;
  /** Path(s) changed, for the table. */
  readonly paths: readonly string[];
  readonly low: readonly Override[];
  readonly high: readonly Override[];
  /** What low and high are, for the table ('2' / '6', 'x0.5' / 'x2'). */
  readonly lowText: string;
  readonly highText: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const round = (x: number): number => Number(x.toPrecision(12));
const SCALED_KEYS = new Set(['value', 'min', 'mode', 'max', 'mean', 'sd', 'median', 'p90', 'scale', 'values']);
const QUANTITY = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(\s*)([A-Za-z]+)$/;

/** The written value scaled by f (null when it is not something that scales). */
export function scaleWritten(v: unknown, f: number, cap = Infinity): unknown {
  if (typeof v === 'number') return Math.min(cap, round(v * f));
  if (typeof v === 'string') {
    const m = QUANTITY.exec(v.trim());
    return m ? `${round(Number(m[1]) * f)}${m[2]}${m[3]}` : null;
  }
  if (Array.isArray(v)) {
    const xs = v.map((x) => scaleWritten(x, f, cap));
    return xs.some((x) => x === null) ? null : xs;
  }
  if (isObj(v)) {
    if ('dist' in v) {
      const out: Obj = { ...v };
      for (const [k, x] of Object.entries(v)) {
        if (SCALED_KEYS.has(k)) {
          const y = scaleWritten(x, f, cap);
          if (y === null) return null;
          out[k] = y;
        } else if (k === 'mu' && typeof x === 'number') out[k] = round(x + Math.log(f));
      }
      return out;
    }
    // a map of values (e.g. groundTime per aircraft type)
    const out: Obj = {};
    for (const [k, x] of Object.entries(v)) {
      const y = scaleWritten(x, f, cap);
      if (y === null) return null;
      out[k] = y;
    }
    return out;
  }
  return null;
}

function scaleCounts(v: unknown, f: number, atLeast: 'low' | 'high'): unknown {
  const one = (n: number): number => (atLeast === 'low' ? Math.max(1, Math.min(n - 1, Math.round(n * f))) : Math.max(n + 1, Math.round(n * f)));
  if (typeof v === 'number') return v <= 0 ? null : one(v);
  if (Array.isArray(v)) {
    return v.map((s) => (isObj(s) && typeof s['count'] === 'number' ? { ...s, count: s['count'] > 0 ? one(s['count']) : 0 } : s));
  }
  return null;
}

interface Target { readonly path: string; readonly value: unknown }

function build(label: string, targets: readonly Target[], lo: (v: unknown) => unknown, hi: (v: unknown) => unknown, lowText: string, highText: string): SensitivityParam | null {
  const low: Override[] = [];
  const high: Override[] = [];
  for (const t of targets) {
    const a = lo(t.value);
    const b = hi(t.value);
    if (a === null || b === null) continue;
    low.push({ path: t.path, value: a });
    high.push({ path: t.path, value: b });
  }
  return low.length === 0 ? null : { label, paths: low.map((o) => o.path), low, high, lowText, highText };
}

const idOf = (x: unknown, i: number): string => (isObj(x) && typeof x['id'] === 'string' ? x['id'] : `[${i}]`);
const listOf = (root: Obj, key: string): unknown[] => (Array.isArray(root[key]) ? (root[key] as unknown[]) : []);

export function defaultSensitivity(doc: unknown): SensitivityParam[] {
  if (!isObj(doc)) return [];
  const out: (SensitivityParam | null)[] = [];
  const aircraft = listOf(doc, 'aircraft');
  const sites = listOf(doc, 'sites');
  aircraft.forEach((a, i) => {
    if (!isObj(a) || a['tasked'] === undefined) return;
    out.push(build(`${idOf(a, i)}s tasked`, [{ path: `aircraft.${idOf(a, i)}.tasked`, value: a['tasked'] }],
      (v) => scaleCounts(v, 0.5, 'low'), (v) => scaleCounts(v, 1.5, 'high'), 'x0.5', 'x1.5'));
  });
  const clearance = doc['clearance'];
  if (isObj(clearance)) {
    const targets: Target[] = [];
    if (clearance['leadTime'] !== undefined) targets.push({ path: 'clearance.leadTime', value: clearance['leadTime'] });
    listOf(clearance, 'regimes').forEach((r, j) => {
      if (isObj(r) && r['leadTime'] !== undefined) targets.push({ path: `clearance.regimes[${j}].leadTime`, value: r['leadTime'] });
    });
    out.push(build('Clearance lead time', targets, (v) => scaleWritten(v, 0.5), (v) => scaleWritten(v, 2), 'x0.5', 'x2'));
  }
  const weather: Target[] = [];
  const ground: Target[] = [];
  sites.forEach((s, i) => {
    if (!isObj(s)) return;
    listOf(s, 'weather').forEach((w, j) => {
      if (isObj(w) && w['dailyProbability'] !== undefined) weather.push({ path: `sites.${idOf(s, i)}.weather[${j}].dailyProbability`, value: w['dailyProbability'] });
    });
    if (s['groundTime'] !== undefined) ground.push({ path: `sites.${idOf(s, i)}.groundTime`, value: s['groundTime'] });
  });
  const load: Target[] = [];
  const breaks: Target[] = [];
  aircraft.forEach((a, i) => {
    if (!isObj(a)) return;
    if (a['groundTime'] !== undefined) ground.push({ path: `aircraft.${idOf(a, i)}.groundTime`, value: a['groundTime'] });
    if (a['loadFactor'] !== undefined) load.push({ path: `aircraft.${idOf(a, i)}.loadFactor`, value: a['loadFactor'] });
    if (a['breakProbability'] !== undefined) breaks.push({ path: `aircraft.${idOf(a, i)}.breakProbability`, value: a['breakProbability'] });
  });
  out.push(build('Weather closure rate', weather, (v) => scaleWritten(v, 0.5, 1), (v) => scaleWritten(v, 2, 1), 'x0.5', 'x2'));
  out.push(build('Ground time', ground, (v) => scaleWritten(v, 0.75), (v) => scaleWritten(v, 1.25), 'x0.75', 'x1.25'));
  out.push(build('Load factor', load, (v) => scaleWritten(v, 0.8, 1), (v) => scaleWritten(v, 1.2, 1), 'x0.8', 'x1.2 (at most 1)'));
  out.push(build('Break rate', breaks, (v) => scaleWritten(v, 0.5, 1), (v) => scaleWritten(v, 2, 1), 'x0.5', 'x2'));
  const start = doc['airliftStart'];
  out.push(start === undefined
    ? build('Airlift start delay', [{ path: 'airliftStart', value: null }], () => '0h', () => '7d', '0 days', '7 days')
    : build('Airlift start delay', [{ path: 'airliftStart', value: start }], (v) => scaleWritten(v, 0.5), (v) => scaleWritten(v, 2), 'x0.5', 'x2'));
  return out.filter((p): p is SensitivityParam => p !== null);
}
