/**
 * Value lists for `--set <path>=<values>` (sweep) and the number forms of `--min/--max` (goal):
 *   `2,4,6,8`         a list (items may be numbers or scenario scalars like `6h`, `2024-06-01`)
 *   `1..3`            whole numbers from 1 to 3 inclusive (`1..9..2`: step 2)
 *   `0:0.3:0.05`      start:stop:step inclusive; values rounded to the step's decimals so that
 *                     0.15 is 0.15, not 0.15000000000000002
 * Parsing never throws: it returns the values or a message saying what was expected.
 */

export type SweepValue = number | string;

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** At most this many values per parameter (a typo like 0:1:0.0001 should not launch 10,000 runs). */
export const MAX_VALUES = 200;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

function scalar(text: string): SweepValue {
  const t = text.trim();
  return NUMBER.test(t) ? Number(t) : t;
}

function decimals(x: number): number {
  const s = String(x);
  if (/e-/i.test(s)) return Number(s.split(/e-/i)[1]) + (s.split(/e/i)[0]!.split('.')[1]?.length ?? 0);
  return s.split('.')[1]?.length ?? 0;
}

function tooMany(text: string, n: number): Parsed<SweepValue[]> {
  return { ok: false, error: `expected at most ${MAX_VALUES} values, found ${n} in '${text}'` };
}

/** Parse one value list (the part after `=`). */
export function parseValues(text: string): Parsed<SweepValue[]> {
  const t = text.trim();
  const expected = "a list '2,4,6', an integer range '1..3' (or '1..9..2'), or start:stop:step '0:0.3:0.05'";
  if (t === '') return { ok: false, error: `expected ${expected}, found nothing` };
  const dots = /^([+-]?\d+)\.\.([+-]?\d+)(?:\.\.(\d+))?$/.exec(t);
  if (dots) {
    const a = Number(dots[1]);
    const b = Number(dots[2]);
    const step = dots[3] === undefined ? 1 : Number(dots[3]);
    if (step <= 0 || b < a) return { ok: false, error: `expected an increasing range with a positive step, found '${t}'` };
    const n = Math.floor((b - a) / step) + 1;
    if (n > MAX_VALUES) return tooMany(t, n);
    return { ok: true, value: Array.from({ length: n }, (_, i) => a + i * step) };
  }
  if (t.includes(':') && !t.includes(',')) {
    const parts = t.split(':');
    const nums = parts.map((p) => (NUMBER.test(p.trim()) ? Number(p.trim()) : NaN));
    if (parts.length !== 3 || nums.some((x) => !Number.isFinite(x))) {
      // a single scalar with colons (e.g. a time of day "06:00") is a one-value list
      if (parts.length === 2) return { ok: true, value: [t] };
      return { ok: false, error: `expected start:stop:step with three numbers, e.g. '0:0.3:0.05', found '${t}'` };
    }
    const [a, b, step] = nums as [number, number, number];
    if (!(step > 0) || b < a) return { ok: false, error: `expected start <= stop and a positive step in start:stop:step, found '${t}'` };
    const n = Math.floor((b - a) / step + 1e-9) + 1;
    if (n > MAX_VALUES) return tooMany(t, n);
    const d = Math.max(decimals(a), decimals(step));
    const round = (x: number): number => Number(x.toFixed(Math.min(d, 15)));
    return { ok: true, value: Array.from({ length: n }, (_, i) => round(a + i * step)) };
  }
  const items = t.split(',').map((x) => x.trim());
  if (items.some((x) => x === '')) return { ok: false, error: `expected ${expected}, found an empty item in '${t}'` };
  if (items.length > MAX_VALUES) return tooMany(t, items.length);
  return { ok: true, value: items.map(scalar) };
}

export interface SetFlag {
  readonly path: string;
  readonly values: readonly SweepValue[];
}

/** Parse `path=values`. */
export function parseSetFlag(text: string): Parsed<SetFlag> {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, error: `--set: expected <path>=<values>, e.g. 'aircraft.C-17.tasked=2,4,6', found '${text}'` };
  const path = text.slice(0, eq).trim();
  const v = parseValues(text.slice(eq + 1));
  if (!v.ok) return { ok: false, error: `--set ${path}: ${v.error}` };
  return { ok: true, value: { path, values: v.value } };
}

/** A value as written on the command line, for labels and CSV cells. */
export function showValue(v: unknown): string {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  return JSON.stringify(v);
}
