/**
 * The JSON Schema of a variant (a file with `extends`), derived from the strict JSON Schema of
 * a whole scenario by following the merge rules of ./document.ts, so the zod schema stays the
 * one source. A variant holds only what changes; the merged document is checked in full by the
 * loader, so this schema accepts whatever could be valid once merged over some base:
 *
 *   - objects merge key by key: every field is optional at every depth, and `null` (which
 *     deletes the base's key) is allowed for fields the strict schema has optional; a required
 *     field deleted would only be missing. Within a union of objects (a distribution, a
 *     disruption kind) `null` is also allowed for the keys of the other options, so a variant
 *     can switch `{ dist: triangular, min, mode, max }` to `{ dist: lognormal, median, p90,
 *     min: null, mode: null, max: null }`.
 *   - records (per-type ground times, destination shares) merge key by key too: any entry may
 *     be `null`.
 *   - lists of items with an `id` merge by id: each item needs its `id`, the rest is optional
 *     (a new id is appended and must then be complete, which only the merge can tell).
 *   - other lists (legs, weather, tasked and MOG steps, regimes, months) replace the base's
 *     list, so their items are checked as strictly as in a whole scenario.
 *   - scalars replace: checked as in a whole scenario.
 *
 * `oneOf` becomes `anyOf`: partial options overlap (`{ max: 5h }` fits several distributions).
 * A `$defs` entry that changes gets a `…InVariant` twin; one that does not (Duration, Weight)
 * is shared.
 */

type Schema = { readonly [key: string]: unknown };

const VARIANT_SUFFIX = 'InVariant';
const NULL: Schema = { type: 'null' };
const SWITCHED = 'A key of another option: null deletes the value the base file gave it (when the variant switches option).';

const isSchema = (v: unknown): v is Schema => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: Schema, b: Schema): boolean => JSON.stringify(a) === JSON.stringify(b);
const refName = (ref: unknown): string | null => (typeof ref === 'string' && ref.startsWith('#/$defs/') ? ref.slice('#/$defs/'.length) : null);

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `s` or null; the description moves to the wrapper, where editors look for it. */
function nullable(s: Schema): Schema {
  const { description, ...rest } = s;
  return description === undefined ? { anyOf: [rest, NULL] } : { description, anyOf: [rest, NULL] };
}

export interface VariantSchema {
  /** The schema of a variant's top level (object keywords only). */
  readonly root: Schema;
  /** `$defs` entries the variant refers to that the strict schema does not have. */
  readonly defs: Readonly<Record<string, Schema>>;
}

/**
 * The variant form of `root`, a strict object schema whose `$ref`s point into `defs`; `keep`
 * are top-level keys the variant must write (`extends`).
 */
export function variantJsonSchema(root: Schema, defs: Readonly<Record<string, Schema>>, keep: readonly string[] = []): VariantSchema {
  const added: Record<string, Schema> = {};
  const doneDefs = new Map<string, string>(); // strict def name -> name to refer to in a variant

  const deref = (s: Schema): Schema => {
    const name = refName(s['$ref']);
    const target = name === null ? undefined : defs[name];
    return target === undefined ? s : deref(target);
  };

  /** A list whose items all carry a required `id` merges by id. */
  const idItems = (items: unknown): boolean => {
    if (!isSchema(items)) return false;
    const s = deref(items);
    const options = s['anyOf'] ?? s['oneOf'];
    if (Array.isArray(options)) return options.length > 0 && options.every(idItems);
    const required = s['required'];
    return isSchema(s['properties']) && 'id' in s['properties'] && Array.isArray(required) && required.includes('id');
  };

  const refTo = (s: Schema, name: string): Schema => {
    let to = doneDefs.get(name);
    if (to === undefined) {
      const def = defs[name];
      if (def === undefined) return s;
      doneDefs.set(name, name); // the strict schema's defs are not recursive; a cycle would refer to itself unchanged
      const v = variant(def, []);
      to = same(v, def) ? name : `${name}${VARIANT_SUFFIX}`;
      if (to !== name) added[to] = v;
      doneDefs.set(name, to);
    }
    return to === name ? s : { ...s, $ref: `#/$defs/${to}` };
  };

  /** `keep`: the fields a variant must still write, never null (an `id` in a list merged by id; `extends` at the top). */
  const variant = (s: Schema, keep: readonly string[]): Schema => {
    const name = refName(s['$ref']);
    if (name !== null) return keep.length === 0 ? refTo(s, name) : variant(deref(s), keep);

    const options = s['anyOf'] ?? s['oneOf'];
    if (Array.isArray(options)) {
      const opts = options.filter(isSchema);
      const siblingKeys = new Set(opts.flatMap((o) => (isSchema(o['properties']) ? Object.keys(o['properties']) : [])));
      const out = opts.map((o) => {
        const v = variant(o, keep);
        const props = v['properties'];
        if (!isSchema(props) || v === o) return v;
        const others = [...siblingKeys].filter((k) => !(k in props));
        if (others.length === 0) return v;
        // A pattern, not properties: one entry per option, and editors do not offer these keys.
        return { ...v, patternProperties: { [`^(${others.map(escapeRegExp).join('|')})$`]: { ...NULL, description: SWITCHED } } };
      });
      if (out.every((v, i) => v === opts[i])) return s;
      const { anyOf: _a, oneOf: _o, ...rest } = s;
      return { ...rest, anyOf: out };
    }

    if (s['type'] === 'object' && isSchema(s['properties'])) {
      const required = Array.isArray(s['required']) ? (s['required'] as unknown[]) : [];
      const props = s['properties'];
      const properties = Object.fromEntries(
        Object.entries(props).map(([k, p]) => {
          if (!isSchema(p)) return [k, p];
          const v = variant(p, []);
          return [k, required.includes(k) || keep.includes(k) ? v : nullable(v)];
        }),
      );
      const still = keep.filter((k) => k in props);
      // Same key order as the strict schema, so the two read side by side.
      return Object.fromEntries(
        Object.entries(s).flatMap(([k, x]): [string, unknown][] => {
          if (k === 'properties') return [[k, properties], ...(!('required' in s) && still.length > 0 ? [['required', still] as [string, unknown]] : [])];
          if (k === 'required') return still.length > 0 ? [[k, still]] : [];
          return [[k, x]];
        }),
      );
    }

    if (s['type'] === 'object' && isSchema(s['additionalProperties'])) {
      return { ...s, additionalProperties: nullable(variant(s['additionalProperties'], [])) };
    }

    if (s['type'] === 'array' && isSchema(s['items']) && idItems(s['items'])) {
      return { ...s, items: variant(s['items'], ['id']) };
    }

    return s; // scalars, and lists that replace the base's list
  };

  return { root: variant(root, keep), defs: added };
}
