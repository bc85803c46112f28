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
 *
 * The texts say what was run, not what was meant. Counts are rounded, so the factor applied is
 * rarely the nominal one (3 C-17s -> 2 / 5 is x0.67 / x1.67, and 1 -> 1 / 2 is x1 / x2): their
 * texts are the counts used with the factor they come to ('2 (x0.67)'), as the table, the CSV
 * and the chart show them. A cap that changes a value is named ('x2, at most 1').
 * An end that comes out as the scenario as written (1 aircraft x0.5 is still 1; a probability
 * of 1 x2 is still 1; no airliftStart and '0 days') is flagged, not nudged: ./sensitivity.ts
 * finds it by resolving (so it also finds it in a scenario's own sensitivity: list), marks its
 * text 'as written' and notes that the swing is the other end's alone. The only nudge for 1
 * aircraft would be 0, which does not vary how many fly but takes the type out of the lift (for
 * a one-type fleet nothing flies, and P = 0 would rank the row first for a reason that says
 * nothing about the assumption); a nudged probability would no longer be "x2".
 */
import type { Override } from './variants.js';

export interface SensitivityParam {
  readonly label: string;
  /** Path(s) changed, for the table. */
  readonly paths: readonly string[];
  readonly low: readonly Override[];
  readonly high: readonly Override[];
  /** What low and high are, as run, for the table ('2 (x0.5)' / '6 (x1.5)', 'x0.5' / 'x2', '1 (as written)'). */
  readonly lowText: string;
  readonly highText: string;
  /** Why an end may come out as the scenario as written, for the note when it does (./sensitivity.ts). */
  readonly asWrittenWhy?: string;
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

/** The counts of a tasked value: the number, or the count of each { from, count } step. */
const countsOf = (v: unknown): number[] =>
  typeof v === 'number' ? [v] : Array.isArray(v) ? v.flatMap((s) => (isObj(s) && typeof s['count'] === 'number' ? [s['count']] : [])) : [];

/** A count as run: the counts and the factor they come to, '2 (x0.67)', '1, 3 (x0.5)', '1 (x1)'. */
export function countText(written: unknown, used: unknown): string {
  const w = countsOf(written);
  const u = countsOf(used);
  const factors = new Set(u.flatMap((x, i) => (w[i]! > 0 ? [`x${Number((x / w[i]!).toFixed(2))}`] : [])));
  return factors.size === 0 ? u.join(', ') : `${u.join(', ')} (${[...factors].join(', ')})`;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

interface Target { readonly path: string; readonly value: unknown }

/** One end of a parameter: the variant of a written value (null: not this target), and its text. */
interface End {
  readonly of: (v: unknown) => unknown;
  readonly text: string;
  /** The variant without its cap, to tell when the cap changed a value (the text then says so). */
  readonly uncapped?: (v: unknown) => unknown;
  readonly capText?: string;
  /** The text for a single target from the value used (counts), instead of `text`. */
  readonly textOf?: (written: unknown, used: unknown) => string;
}

function build(label: string, targets: readonly Target[], lo: End, hi: End, asWrittenWhy?: string): SensitivityParam | null {
  const kept: Target[] = [];
  const low: Override[] = [];
  const high: Override[] = [];
  for (const t of targets) {
    const a = lo.of(t.value);
    const b = hi.of(t.value);
    if (a === null || b === null) continue;
    kept.push(t);
    low.push({ path: t.path, value: a });
    high.push({ path: t.path, value: b });
  }
  if (low.length === 0) return null;
  const text = (end: End, side: readonly Override[]): string => {
    if (end.textOf && side.length === 1) return end.textOf(kept[0]!.value, side[0]!.value);
    const capped = end.uncapped !== undefined && kept.some((t, k) => !same(end.uncapped!(t.value), side[k]!.value));
    return capped ? `${end.text}, ${end.capText}` : end.text;
  };
  return {
    label, paths: low.map((o) => o.path), low, high, lowText: text(lo, low), highText: text(hi, high),
    ...(asWrittenWhy !== undefined ? { asWrittenWhy } : {}),
  };
}

/** x f of every written value (capped), with the text 'x f'. */
const times = (f: number, cap = Infinity): End => ({
  of: (v) => scaleWritten(v, f, cap), text: `x${f}`,
  ...(cap < Infinity ? { uncapped: (v: unknown) => scaleWritten(v, f), capText: `at most ${cap}` } : {}),
});

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
      { of: (v) => scaleCounts(v, 0.5, 'low'), text: 'x0.5', textOf: countText },
      { of: (v) => scaleCounts(v, 1.5, 'high'), text: 'x1.5', textOf: countText },
      `no fewer than 1 ${idOf(a, i)} is tried: 0 would take the type out of the lift rather than vary how many fly`));
  });
  const clearance = doc['clearance'];
  if (isObj(clearance)) {
    const targets: Target[] = [];
    if (clearance['leadTime'] !== undefined) targets.push({ path: 'clearance.leadTime', value: clearance['leadTime'] });
    listOf(clearance, 'regimes').forEach((r, j) => {
      if (isObj(r) && r['leadTime'] !== undefined) targets.push({ path: `clearance.regimes[${j}].leadTime`, value: r['leadTime'] });
    });
    out.push(build('Clearance lead time', targets, times(0.5), times(2)));
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
  out.push(build('Weather closure rate', weather, times(0.5, 1), times(2, 1)));
  out.push(build('Ground time', ground, times(0.75), times(1.25)));
  out.push(build('Load factor', load, times(0.8, 1), times(1.2, 1)));
  out.push(build('Break rate', breaks, times(0.5, 1), times(2, 1)));
  const start = doc['airliftStart'];
  out.push(start === undefined
    ? build('Airlift start delay', [{ path: 'airliftStart', value: null }], { of: () => '0h', text: '0 days' }, { of: () => '7d', text: '7 days' })
    : build('Airlift start delay', [{ path: 'airliftStart', value: start }], times(0.5), times(2)));
  return out.filter((p): p is SensitivityParam => p !== null);
}
