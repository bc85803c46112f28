/**
 * Distribution problems, through the random module's pure `checkSpec` (the one place that
 * knows each distribution's parameter rules). Each problem is reported at the offending
 * parameter in the file, showing the value as written where there is one.
 */
import { checkSpec } from '../random/index.js';
import type { DistSpec } from '../random/spec.js';
import type { FieldPath } from './document.js';
import { valueAt, type Diagnostics } from './diagnostics.js';
import { found } from './messages.js';

/** 'weights[2]' -> ['weights', 2]. */
function fieldPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

/** Report every problem of `spec` (written at `path`); true if there was none. */
export function checkDistribution(spec: DistSpec, path: FieldPath, root: unknown, diag: Diagnostics): boolean {
  const problems = checkSpec(spec);
  for (const p of problems) {
    const at = [...path, ...fieldPath(p.field)];
    const written = valueAt(root, at);
    const shown = written === undefined || typeof written === 'object' ? p.found : found(written);
    diag.error(at, `expected ${p.expected}, found ${shown}`);
  }
  return problems.length === 0;
}

/** Lowest and highest value a spec can take (open ends as +-Infinity). */
export function supportOf(spec: DistSpec): readonly [number, number] {
  switch (spec.dist) {
    case 'constant':
      return [spec.value, spec.value];
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [spec.min, spec.max];
    case 'normal':
      return [spec.min ?? -Infinity, spec.max ?? Infinity];
    case 'lognormal':
    case 'exponential':
    case 'gamma':
    case 'weibull':
      return [0, Infinity];
    case 'bernoulli':
      return [0, 1];
    case 'empirical':
      return [Math.min(...spec.values), Math.max(...spec.values)];
  }
}
