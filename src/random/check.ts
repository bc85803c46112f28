/**
 * Pure validation of a DistSpec: every problem found, never a throw. The scenario
 * layer turns each SpecProblem into a positioned message (file:line:column); the
 * distribution factories reuse it at construction and throw on the first problem.
 *
 * A degenerate but valid spec (min == max, p = 0 or 1, a single empirical value,
 * truncation bounds min == max) is not a problem: it samples as a constant.
 */
import type { DistSpec } from './spec.js';
import { DIST_NAMES } from './spec.js';
import { normalTruncation } from './math.js';

export interface SpecProblem {
  /** The offending field, e.g. 'min', 'mode', 'weights[2]', 'dist'. */
  readonly field: string;
  /** What a valid value looks like, e.g. 'a number >= min (4)'. */
  readonly expected: string;
  /** What was found, printed so NaN, Infinity and non-numbers stay visible. */
  readonly found: string;
}

/** Print a value for a message: numbers via String (keeps NaN, -Infinity), others as JSON. */
export function show(value: unknown): string {
  if (typeof value === 'number') return Object.is(value, -0) ? '0' : String(value);
  if (value === undefined) return 'nothing';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

const FINITE = 'a finite number';

/** Collects problems; each check returns whether the value passed so later checks can skip. */
class Checker {
  readonly problems: SpecProblem[] = [];

  add(field: string, expected: string, found: unknown): false {
    return this.addText(field, expected, show(found));
  }

  /** Like add, with `found` already worded (e.g. '2 weights'). */
  addText(field: string, expected: string, found: string): false {
    this.problems.push({ field, expected, found });
    return false;
  }

  finite(field: string, value: unknown): value is number {
    return typeof value === 'number' && Number.isFinite(value) ? true : this.add(field, FINITE, value);
  }

  positive(field: string, value: unknown): value is number {
    if (!this.finite(field, value)) return false;
    return value > 0 ? true : this.add(field, 'a number > 0', value);
  }

  /** Optional finite number: absent is fine. */
  optionalFinite(field: string, value: unknown): boolean {
    return value === undefined || this.finite(field, value);
  }

  /** min <= max, reported against max. */
  ordered(min: number, max: number): boolean {
    return min <= max ? true : this.add('max', `a number >= min (${show(min)})`, max);
  }

  /** min/mode/max with min <= mode <= max; the problem is reported on max or on mode. */
  minModeMax(min: unknown, mode: unknown, max: unknown): void {
    const okMin = this.finite('min', min);
    const okMode = this.finite('mode', mode);
    const okMax = this.finite('max', max);
    if (!okMin || !okMax || !this.ordered(min, max) || !okMode) return;
    if (mode < min || mode > max) {
      this.add('mode', `a number in [min, max] = [${show(min)}, ${show(max)}]`, mode);
    }
  }
}

/**
 * Every problem with `spec`, in field order; an empty list means the spec is valid.
 * Accepts specs from untyped input too (an unknown `dist` is reported, not thrown).
 */
export function checkSpec(spec: DistSpec): readonly SpecProblem[] {
  const c = new Checker();
  // Read fields loosely: specs may come from parsed YAML before full typing.
  const s = spec as unknown as Record<string, unknown>;
  switch (spec.dist) {
    case 'constant':
      c.finite('value', s.value);
      break;
    case 'uniform': {
      const okMin = c.finite('min', s.min);
      const okMax = c.finite('max', s.max);
      if (okMin && okMax) c.ordered(s.min as number, s.max as number);
      break;
    }
    case 'triangular':
      c.minModeMax(s.min, s.mode, s.max);
      break;
    case 'pert':
      c.minModeMax(s.min, s.mode, s.max);
      if (s.lambda !== undefined) c.positive('lambda', s.lambda);
      break;
    case 'normal': {
      const okMean = c.finite('mean', s.mean);
      const okSd = c.positive('sd', s.sd);
      const okMin = c.optionalFinite('min', s.min);
      const okMax = c.optionalFinite('max', s.max);
      const min = s.min as number | undefined;
      const max = s.max as number | undefined;
      if (okMin && okMax && min !== undefined && max !== undefined && !c.ordered(min, max)) break;
      if (!okMean || !okSd || !okMin || !okMax || (min === undefined && max === undefined) || min === max) break;
      // Bounds so far out (about 38 sd) that the interval's probability underflows to 0 cannot be sampled.
      const mean = s.mean as number;
      if (!(normalTruncation(mean, s.sd as number, min, max).width > 0)) {
        const field = min !== undefined && min > mean ? 'min' : 'max';
        c.add(field, `a bound with some probability under the normal (within about 37 sd of mean ${show(mean)})`, s[field]);
      }
      break;
    }
    case 'lognormal':
      if ('median' in s || 'p90' in s) {
        const okMedian = c.positive('median', s.median);
        const okP90 = c.finite('p90', s.p90);
        if (okMedian && okP90 && (s.p90 as number) <= (s.median as number)) {
          c.add('p90', `a number > median (${show(s.median)})`, s.p90);
        }
      } else {
        c.finite('mu', s.mu);
        c.positive('sigma', s.sigma);
      }
      break;
    case 'exponential':
      c.positive('mean', s.mean);
      break;
    case 'gamma':
    case 'weibull':
      c.positive('shape', s.shape);
      c.positive('scale', s.scale);
      break;
    case 'bernoulli':
      if (c.finite('p', s.p) && ((s.p as number) < 0 || (s.p as number) > 1)) {
        c.add('p', 'a probability in [0, 1]', s.p);
      }
      break;
    case 'empirical':
      checkEmpirical(c, s.values, s.weights);
      break;
    default: {
      const never: never = spec;
      c.add('dist', `one of ${DIST_NAMES.join(', ')}`, (never as { dist?: unknown }).dist);
    }
  }
  return c.problems;
}

function checkEmpirical(c: Checker, values: unknown, weights: unknown): void {
  if (!Array.isArray(values) || values.length === 0) {
    c.add('values', 'a non-empty list of numbers', values);
    return;
  }
  values.forEach((v, i) => c.finite(`values[${i}]`, v));
  if (weights === undefined) return;
  if (!Array.isArray(weights)) {
    c.add('weights', 'a list of numbers', weights);
    return;
  }
  if (weights.length !== values.length) {
    c.addText('weights', `a list of ${values.length} weights, one per value`, `${weights.length} weights`);
    return;
  }
  let allOk = true;
  let total = 0;
  weights.forEach((w, i) => {
    if (!c.finite(`weights[${i}]`, w)) allOk = false;
    else if (w < 0) allOk = c.add(`weights[${i}]`, 'a weight >= 0', w);
    else total += w;
  });
  if (allOk && !(total > 0)) c.add('weights', 'at least one weight > 0', weights);
}
