/**
 * What a `--vary` path holds, for goal's default range: the value as written or, where the file
 * leaves it unset, the model's default; and whether it is a whole number (a count).
 *
 * Both are asked of the resolver, not read from the schema's prose: the default is the value
 * that, written at the path, leaves the resolved scenario exactly as it is without it (the
 * model cannot tell the two apart), tried among 0, 1 and the numbers in the model's DEFAULTS
 * (scenario/resolve.ts: most defaults are an inline `?? 0` or `?? 1` there, e.g.
 * `c.denialProbability ?? 0`; the rest are named constants such as the 24 h re-request delay).
 * None fits when the default depends on other fields (a regime's lead time is the previous
 * one's) or the field cannot be set alone (a clearance.denialProbability with no clearance
 * section needs a lead time too): then there is no default value to give.
 * A field is a count when two whole numbers in a row are accepted there and the half between
 * them is not (at the value, or one above it). So a written 0 or 1 is not taken for a count (a
 * denial probability written as 0 was searched over whole numbers from 1), nor is a field that
 * rejects 0.5 for another reason (a break probability above 0 needs a repair time).
 */
import { DEFAULTS, resolveDocument, type ScenarioDocument } from '../../scenario/index.js';
import { applyOverrides, valueAt } from './variants.js';

export interface FieldValue {
  readonly path: string;
  /** As written in the scenario; undefined when the file does not set it. */
  readonly written: unknown;
  /** Unset only: the model's default, when it is a number (see above); else null. */
  readonly defaultValue: number | null;
  /** Whole numbers only (a count, or a list of { from, count } steps). */
  readonly integer: boolean;
}

const CANDIDATES: readonly number[] = [...new Set([0, 1, ...Object.values(DEFAULTS as Record<string, unknown>).filter((v): v is number => typeof v === 'number')])];

/** A list of { from, count } steps (aircraft tasked over time). */
export const isCountList = (v: unknown): v is readonly { readonly count: number }[] =>
  Array.isArray(v) && v.length > 0 && v.every((s) => s !== null && typeof s === 'object' && typeof (s as Record<string, unknown>)['count'] === 'number');

export function fieldValue(doc: ScenarioDocument, path: string): FieldValue {
  const written = valueAt(doc.value, path);
  const accepts = (value: number): string | null => {
    const r = applyOverrides(doc, [{ path, value }]);
    return r.ok ? JSON.stringify(r.scenario) : null;
  };
  let defaultValue: number | null = null;
  if (written === undefined) {
    const base = resolveDocument(doc);
    const asIs = base.ok ? JSON.stringify(base.scenario) : null;
    defaultValue = asIs === null ? null : CANDIDATES.find((c) => accepts(c) === asIs) ?? null;
  }
  // a count: two whole numbers in a row are accepted, the half between them is not (tried at
  // the value and one above, so a bound at the value, e.g. a count's minimum, is no obstacle)
  const whole = typeof written === 'number' ? (Number.isInteger(written) ? written : null) : written === undefined ? (defaultValue ?? 0) : null;
  const countAt = (k: number): boolean => accepts(k) !== null && accepts(k + 1) !== null && accepts(k + 0.5) === null;
  const integer = isCountList(written) || (whole !== null && (countAt(whole) || countAt(whole + 1)));
  return { path, written, defaultValue, integer };
}
