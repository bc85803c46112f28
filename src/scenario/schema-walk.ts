/**
 * Walking the zod schema along a field path: which keys an object at that path allows (for
 * "did you mean …?" on unknown keys and for setPath). Unions are resolved against the document:
 * a discriminated union by its discriminator's value, others by the first object-shaped option.
 * Also walking schema and document together to find every distribution object written.
 */
import type * as z from 'zod';
import { pathKey, type FieldPath } from './document.js';
import { valueAt } from './diagnostics.js';
import { distribution, scenarioSchema, type QuantityKind } from './schema.js';

interface Def {
  readonly type: string;
  readonly shape?: Record<string, z.ZodType>;
  readonly element?: z.ZodType;
  readonly innerType?: z.ZodType;
  readonly options?: readonly z.ZodType[];
  readonly discriminator?: string;
  readonly valueType?: z.ZodType;
  readonly in?: z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Strip optional/default/nullable/pipe and pick the union option that fits `value`. */
function unwrap(s: z.ZodType, value: unknown): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'readonly' || d.type === 'prefault') && d.innerType) s = d.innerType;
    else if (d.type === 'pipe' && d.in) s = d.in;
    else if (d.type === 'union' && d.options) {
      const opts = d.options;
      let pick: z.ZodType | undefined;
      if (d.discriminator !== undefined && value !== null && typeof value === 'object') {
        const want = (value as Record<string, unknown>)[d.discriminator];
        pick = opts.find((o) => {
          const sh = defOf(unwrap(o, undefined)).shape?.[d.discriminator as string];
          const lit = sh ? (sh as unknown as { _zod: { def: { values?: unknown[] } } })._zod.def.values : undefined;
          return lit?.includes(want) ?? false;
        });
      }
      if (pick === undefined) {
        const wantKind = Array.isArray(value) ? 'array' : value !== null && typeof value === 'object' ? 'object' : null;
        pick = opts.find((o) => {
          const t = defOf(unwrap(o, value)).type;
          return wantKind === 'object' ? t === 'object' || t === 'record' : wantKind === 'array' ? t === 'array' : false;
        });
        // A constant-or-distribution union with no value yet: prefer the distribution (object) form.
        pick ??= opts.find((o) => ['object', 'record', 'array', 'union'].includes(defOf(o).type) && defOf(o) !== d) ?? opts[0];
      }
      if (pick === undefined) return s;
      s = pick;
    } else return s;
  }
}

/** The schema of the value at `path` (null if the path leaves the schema). */
export function schemaAt(root: unknown, path: FieldPath, schema: z.ZodType = scenarioSchema): z.ZodType | null {
  let s: z.ZodType = unwrap(schema, root);
  for (let i = 0; i < path.length; i++) {
    const seg = path[i] as string | number;
    const d = defOf(s);
    let next: z.ZodType | undefined;
    if (d.type === 'object' && typeof seg === 'string') next = d.shape?.[seg];
    else if (d.type === 'array' && typeof seg === 'number') next = d.element;
    else if (d.type === 'record' && typeof seg === 'string') next = d.valueType;
    if (next === undefined) return null;
    s = unwrap(next, valueAt(root, path.slice(0, i + 1)));
  }
  return s;
}

/** Keys an object at `path` may have (empty if it is not an object with a fixed shape). */
export function objectKeysAt(root: unknown, path: FieldPath): string[] {
  const s = schemaAt(root, path);
  if (s === null) return [];
  const d = defOf(s);
  return d.type === 'object' && d.shape ? Object.keys(d.shape) : [];
}

/** What the schema expects at `path`: 'object' | 'array' | 'record' | 'leaf' | null. */
export function shapeKindAt(root: unknown, path: FieldPath): 'object' | 'array' | 'record' | 'leaf' | null {
  const s = schemaAt(root, path);
  if (s === null) return null;
  const t = defOf(s).type;
  return t === 'object' ? 'object' : t === 'array' ? 'array' : t === 'record' ? 'record' : 'leaf';
}

const KINDS: readonly QuantityKind[] = ['duration', 'weight', 'number'];

/**
 * Every object with a `dist` key written where the schema allows a distribution, with the kind
 * of its parameters. Only keys the schema knows are followed (an unknown key is its own problem);
 * every option of a union is tried, and a path found twice is listed once.
 */
export function distributionsIn(root: unknown): { readonly path: FieldPath; readonly kind: QuantityKind }[] {
  const found = new Map<string, { readonly path: FieldPath; readonly kind: QuantityKind }>();
  const visit = (s: z.ZodType, v: unknown, path: FieldPath): void => {
    if (v === null || typeof v !== 'object') return;
    const kind = KINDS.find((k) => distribution(k) === s);
    if (kind !== undefined) {
      if (!Array.isArray(v) && 'dist' in v && !found.has(pathKey(path))) found.set(pathKey(path), { path, kind });
      return;
    }
    const d = defOf(s);
    if (d.innerType) visit(d.innerType, v, path);
    else if (d.type === 'pipe' && d.in) visit(d.in, v, path);
    else if (d.type === 'union' && d.options) for (const o of d.options) visit(o, v, path);
    else if (d.type === 'array' && d.element && Array.isArray(v)) v.forEach((x, i) => visit(d.element as z.ZodType, x, [...path, i]));
    else if ((d.type === 'object' || d.type === 'record') && !Array.isArray(v)) {
      for (const [k, x] of Object.entries(v)) {
        const next = d.type === 'object' ? d.shape?.[k] : d.valueType;
        if (next !== undefined) visit(next, x, [...path, k]);
      }
    }
  };
  visit(scenarioSchema, root, []);
  return [...found.values()];
}
