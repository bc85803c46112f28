/**
 * Scenario variants for the analyses: the scenario document with `--set`-style overrides
 * applied (scenario/setPath), then resolved like any scenario file. A bad path or a value the
 * scenario rejects comes back as problems (the CLI turns them into exit 2).
 */
import { checkSetPath, resolveDocument, setPath, type ScenarioDocument } from '../../scenario/index.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { showValue } from './values.js';

export interface Override {
  readonly path: string;
  readonly value: unknown;
}

export type VariantResult =
  | { readonly ok: true; readonly scenario: ResolvedScenario; readonly document: ScenarioDocument; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Check the paths only (before any value is tried): `--set <path>: unknown path ...; nearest valid paths: ...`. */
export function checkPaths(doc: ScenarioDocument, paths: readonly string[], flag = '--set'): string[] {
  const problems: string[] = [];
  for (const p of paths) {
    const error = checkSetPath(doc.value, p);
    if (error !== null) problems.push(`${flag} ${p}: ${error}`);
  }
  return problems;
}

export function applyOverrides(doc: ScenarioDocument, overrides: readonly Override[], flag = '--set'): VariantResult {
  let d = doc;
  for (const o of overrides) {
    const r = setPath(d, o.path, o.value);
    if (!r.ok) return { ok: false, problems: [`${flag} ${o.path}: ${r.error}`] };
    d = r.doc;
  }
  const res = resolveDocument(d);
  if (!res.ok) {
    const what = overrides.map((o) => `${o.path}=${showValue(o.value)}`).join(', ');
    return { ok: false, problems: res.problems.map((p) => (what === '' ? p : `${p} (with ${what})`)) };
  }
  return { ok: true, scenario: res.scenario, document: d, warnings: res.warnings };
}

/** The value at a written path of the plain document, or undefined (ids address list items). */
export function valueAt(root: unknown, written: string): unknown {
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let cur: unknown = root;
  for (let m = re.exec(written); m !== null; m = re.exec(written)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (m[2] !== undefined) {
      cur = Array.isArray(cur) ? cur[Number(m[2])] : undefined;
    } else if (Array.isArray(cur)) {
      const key = m[1];
      cur = cur.find((x) => x !== null && typeof x === 'object' && String((x as Record<string, unknown>)['id']) === key);
    } else {
      cur = (cur as Record<string, unknown>)[m[1]!];
    }
  }
  return cur;
}
