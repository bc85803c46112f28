/**
 * `--set`-style overrides: `setPath(doc, 'aircraft.C-17.tasked', 6)`. A path is a chain of
 * object keys and list items; list items are addressed by their `id` (`sites.AB201.mog`) or by
 * index (`tasked[1].count`). A key the file does not have yet may be set when the schema allows
 * it there. `null` deletes. An unknown path is an error naming it and the nearest valid paths.
 */
import { pathKey, type FieldPath, type Origin, type ScenarioDocument } from './document.js';
import { displayPath } from './diagnostics.js';
import { msg } from './messages.js';
import { nearest } from './suggest.js';
import { objectKeysAt, shapeKindAt } from './schema-walk.js';

type Token = { readonly key: string } | { readonly index: number };

function tokenize(path: string): Token[] | null {
  const out: Token[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]|(\.)/gy;
  let m: RegExpExecArray | null;
  let last = 0;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) out.push({ key: m[1] });
    else if (m[2] !== undefined) out.push({ index: Number(m[2]) });
    last = re.lastIndex;
  }
  return last === path.length && out.length > 0 ? out : null;
}

/** Every addressable path in `root` (display form), for suggestions. */
function allPaths(root: unknown): string[] {
  const out: string[] = [];
  const walk = (v: unknown, p: (string | number)[]): void => {
    if (p.length > 0) out.push(displayPath(root, p));
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...p, i]));
    else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(root, []);
  return out;
}

type Located = { readonly ok: true; readonly path: FieldPath } | { readonly ok: false; readonly error: string };

/** Turn a written path into concrete segments of `root` (the last key may be new if the schema allows it). */
export function locatePath(root: unknown, written: string): Located {
  const unknown = (extra: readonly string[] = []): Located => {
    const candidates = [...new Set([...allPaths(root), ...extra])];
    return { ok: false, error: msg.setPathUnknown(written, nearest(written, candidates, 3)) };
  };
  const tokens = tokenize(written);
  if (tokens === null) return unknown();
  const path: (string | number)[] = [];
  let cur: unknown = root;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t] as Token;
    if (Array.isArray(cur)) {
      let i: number;
      if ('index' in tok) i = tok.index < cur.length ? tok.index : -1;
      else i = cur.findIndex((x) => x !== null && typeof x === 'object' && String((x as Record<string, unknown>)['id']) === tok.key);
      if (i < 0) {
        const ids = cur.map((x, j) => (x !== null && typeof x === 'object' && 'id' in x ? String((x as Record<string, unknown>)['id']) : `[${j}]`));
        return { ok: false, error: msg.setPathNotInList(written, 'index' in tok ? `[${tok.index}]` : tok.key, ids) };
      }
      path.push(i);
      cur = cur[i];
      continue;
    }
    if (cur !== null && typeof cur === 'object' && 'key' in tok) {
      const here = cur as Record<string, unknown>;
      const kind = shapeKindAt(root, path);
      const allowed = kind === 'record' || objectKeysAt(root, path).includes(tok.key);
      if (tok.key in here || allowed) {
        path.push(tok.key);
        cur = here[tok.key];
        if (cur === undefined && t < tokens.length - 1) {
          // Creating a nested object that does not exist yet is allowed when the schema has one there.
          const k = shapeKindAt(root, path);
          if (k !== 'object' && k !== 'record') return unknown();
          cur = {};
        }
        continue;
      }
      const prefix = displayPath(root, path);
      return unknown(objectKeysAt(root, path).map((k) => (prefix === '' ? k : `${prefix}.${k}`)));
    }
    return unknown();
  }
  return { ok: true, path };
}

/** Null if `written` is a valid path for setPath, else the problem. */
export function checkSetPath(root: unknown, written: string): string | null {
  const r = locatePath(root, written);
  return r.ok ? null : r.error;
}

export type SetPathResult = { readonly ok: true; readonly doc: ScenarioDocument } | { readonly ok: false; readonly error: string };

function setIn(v: unknown, path: FieldPath, value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  if (Array.isArray(v)) {
    const copy = [...v];
    copy[head as number] = setIn(copy[head as number], rest, value);
    return copy;
  }
  const obj = v !== null && typeof v === 'object' ? { ...(v as Record<string, unknown>) } : {};
  const next = setIn(obj[head as string], rest, value);
  if (next === null && rest.length === 0) delete obj[head as string];
  else obj[head as string] = next;
  return obj;
}

/**
 * A new document with the value at `written` replaced by `value` (`null` deletes). The value's
 * origin becomes `(--set <path>)`, so problems in it say where it came from.
 */
export function setPath(doc: ScenarioDocument, written: string, value: unknown): SetPathResult {
  const r = locatePath(doc.value, written);
  if (!r.ok) return r;
  const newValue = setIn(doc.value, r.path, value);
  const prefix = pathKey(r.path).slice(0, -1);
  const origin: Origin = { file: `(--set ${written})`, line: 1, col: 1 };
  const valueOrigins = new Map([...doc.valueOrigins].filter(([k]) => !(k.startsWith(prefix) && k.length > prefix.length + 1 && k[prefix.length] === ',') && k !== pathKey(r.path)));
  valueOrigins.set(pathKey(r.path), origin);
  const keyOrigins = new Map(doc.keyOrigins);
  if (!keyOrigins.has(pathKey(r.path))) keyOrigins.set(pathKey(r.path), origin);
  return { ok: true, doc: { ...doc, value: newValue, valueOrigins, keyOrigins } };
}
