/**
 * zod issues -> planner problems. Every leaf schema already words its message through the
 * catalogue (./messages.ts); here unions are unwrapped to the branch the planner meant, unknown
 * keys become one problem each (at the key, with "did you mean …?"), and every problem gets
 * its position and field path.
 */
import type * as z from 'zod';
import type { FieldPath } from './document.js';
import { msg } from './messages.js';
import { valueAt, type Diagnostics } from './diagnostics.js';
import { objectKeysAt } from './schema-walk.js';

type Issue = z.core.$ZodIssue;
/** A union issue as zod raises it (discriminated unions add note, discriminator and options). */
type UnionIssue = z.core.$ZodIssueInvalidUnion & { readonly note?: string; readonly discriminator?: PropertyKey; readonly options?: readonly unknown[] };
const segs = (p: readonly PropertyKey[]): (string | number)[] => p.map((x) => (typeof x === 'number' ? x : String(x)));

/** The per-parse error map: generic catalogue wording for issues no leaf schema worded. */
export function fallbackError(iss: z.core.$ZodRawIssue): string {
  const input = iss.input;
  switch (iss.code) {
    case 'invalid_type':
      return input === undefined ? msg.missing(`a value of type ${String(iss.expected)}`) : msg.expected(`a value of type ${String(iss.expected)}`, input);
    case 'too_small':
      return iss.origin === 'array' ? msg.tooFew(iss.minimum as number, input) : msg.tooSmall(iss.minimum as number, iss.inclusive ?? true, input);
    case 'too_big':
      return msg.tooBig(iss.maximum as number, iss.inclusive ?? true, input);
    case 'invalid_value':
      return msg.unknownChoice(input, (iss.values as unknown[]).map(String));
    default:
      return msg.expected('a valid value', input);
  }
}

function isDoor(iss: Issue, root: unknown, base: FieldPath): boolean {
  if (iss.path.length === 0 && iss.code === 'invalid_type') return true;
  if (iss.code === 'invalid_key') return true;
  if (iss.code === 'invalid_union') {
    const u = iss as UnionIssue;
    if (u.note === 'No matching discriminator') {
      const obj = valueAt(root, [...base, ...segs(iss.path.slice(0, -1))]);
      return obj === null || typeof obj !== 'object' || !(String(u.discriminator) in obj);
    }
    if (iss.path.length === 0) return u.errors.every((b) => b.length > 0 && b.every((x) => isDoor(x, root, base)));
  }
  return false;
}

/** Report every zod issue through `diag`. */
export function reportIssues(issues: readonly Issue[], root: unknown, diag: Diagnostics, base: FieldPath = []): void {
  for (const iss of issues) {
    const path: FieldPath = [...base, ...segs(iss.path)];
    if (iss.code === 'unrecognized_keys') {
      const allowed = objectKeysAt(root, path);
      for (const key of iss.keys) {
        const stray = valueAt(root, [...path, key]) === null;
        diag.error([...path, key], stray ? msg.strayKey(key, allowed) : msg.unknownKey(key, allowed), true);
      }
      continue;
    }
    if (iss.code === 'invalid_union') {
      const u = iss as UnionIssue;
      if (u.note === 'No matching discriminator') {
        const v = valueAt(root, path);
        const options = (u.options ?? []).map(String);
        diag.error(path, u.discriminator === 'dist' ? msg.unknownDist(v, options) : msg.unknownChoice(v, options));
        continue;
      }
      const branch = u.errors.find((b) => b.length > 0 && !b.every((x) => isDoor(x, root, path)));
      if (branch !== undefined) {
        reportIssues(branch, root, diag, path);
        continue;
      }
    }
    diag.error(path, iss.message);
  }
}
