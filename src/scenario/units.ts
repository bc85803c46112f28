/**
 * Units of the scenario file: durations (canonical unit: hours), weights (canonical unit:
 * short tons), dates and times of day. Pure parsing; the schema (./schema.ts) uses the same
 * regular expressions, so a string that passes the schema always parses here.
 */

/** A duration string: a non-negative number and a unit, e.g. `90m`, `3.5h`, `2d`. */
export const DURATION_PATTERN = '^\\s*(\\d+(\\.\\d*)?|\\.\\d+)\\s*(m|min|h|d|w)\\s*$';
/** A weight string: a non-negative number and a unit, e.g. `65 st`, `1593 t`, `170900 lb`. */
export const WEIGHT_PATTERN = '^\\s*(\\d+(\\.\\d*)?|\\.\\d+)\\s*(st|t|lb|kg)\\s*$';
/** A calendar date `YYYY-MM-DD` (local to the scenario's time zone). */
export const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
/** A date-time `YYYY-MM-DDTHH:MM[:SS[.fff]][Z|±HH:MM]`; without an offset it is local time. */
export const DATE_TIME_PATTERN = '^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:?\\d{2})?$';
/** A local time of day `HH:MM` (00:00 to 24:00). */
export const TIME_OF_DAY_PATTERN = '^([01]\\d|2[0-3]):[0-5]\\d$|^24:00$';

const DURATION_RE = new RegExp(DURATION_PATTERN);
const WEIGHT_RE = new RegExp(WEIGHT_PATTERN);
const DATE_RE = new RegExp(DATE_PATTERN);
const DATE_TIME_RE = new RegExp(DATE_TIME_PATTERN);
const TIME_OF_DAY_RE = new RegExp(TIME_OF_DAY_PATTERN);

/** Hours per unit of duration. */
export const HOURS_PER: Readonly<Record<string, number>> = { m: 1 / 60, min: 1 / 60, h: 1, d: 24, w: 168 };

/** Pounds per kilogram are defined exactly: 1 lb = 0.45359237 kg. A short ton is 2000 lb. */
export const KG_PER_SHORT_TON = 907.18474;
/** Short tons per metric ton: 1000 / 907.18474 = 1.10231131092438... */
export const SHORT_TONS_PER_METRIC_TON = 1000 / KG_PER_SHORT_TON;

/** A duration (number = hours, or unit string) in hours; null if the string is not a duration. */
export function toHours(v: number | string): number | null {
  if (typeof v === 'number') return v;
  const m = DURATION_RE.exec(v);
  if (!m) return null;
  const unit = m[3] as string;
  const n = Number(m[1]);
  // Exact for h; for d and w an integer multiple; for minutes divide (not multiply by 1/60).
  if (unit === 'm' || unit === 'min') return n / 60;
  return n * (HOURS_PER[unit] as number);
}

/** A weight (number = short tons, or unit string) in short tons; null if the string is not a weight. */
export function toShortTons(v: number | string): number | null {
  if (typeof v === 'number') return v;
  const m = WEIGHT_RE.exec(v);
  if (!m) return null;
  const n = Number(m[1]);
  switch (m[3]) {
    case 'st':
      return n;
    case 't':
      return (n * 1000) / KG_PER_SHORT_TON;
    case 'kg':
      return n / KG_PER_SHORT_TON;
    case 'lb':
      return n / 2000;
    default:
      return null;
  }
}

export function isDuration(v: string): boolean {
  return DURATION_RE.test(v);
}
export function isDate(v: string): boolean {
  return DATE_RE.test(v);
}
export function isDateTime(v: string): boolean {
  return DATE_TIME_RE.test(v);
}

/** `HH:MM` to hours of the day (0..24); null if malformed. */
export function timeOfDayHours(v: string): number | null {
  if (!TIME_OF_DAY_RE.test(v)) return null;
  const [h, m] = v.split(':').map(Number) as [number, number];
  return h + m / 60;
}

export const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'] as const;
export type MonthName = (typeof MONTHS)[number];
