/**
 * Dates and time zones. A scenario names an IANA zone; dates and date-times written without
 * an offset are local to it. Resolution uses ONE fixed offset, the zone's offset at the
 * scenario start (the model's clock is hours from start and local time of day is derived
 * from that offset); `offsetChanges` finds where the real zone differs so the loader can warn.
 */
import { isDate, isDateTime } from './units.js';

const MS_PER_HOUR = 3_600_000;

/** True if `zone` is an IANA time zone this Node knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * One offset formatter per zone: building an Intl.DateTimeFormat costs ~0.3 ms, and the
 * loader asks for a zone's offset once per day of the horizon (firstOffsetChange).
 */
const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Offset of `zone` from UTC, in hours, at the instant `epochMs`. */
export function zoneOffsetHours(zone: string, epochMs: number): number {
  let fmt = offsetFormats.get(zone);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, fmt);
  }
  const part = fmt
    .formatToParts(new Date(epochMs))
    .find((p) => p.type === 'timeZoneName');
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(part?.value ?? '');
  if (!m) return 0; // 'GMT' alone means +00:00
  const sign = m[1] === '-' ? -1 : 1;
  return sign * (Number(m[2]) + Number(m[3] ?? 0) / 60);
}

interface Parts {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  /** Explicit offset in hours, or null (local time). */
  readonly offset: number | null;
}

function parts(text: string): Parts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?(Z|([+-])(\d{2}):?(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const p: Parts = {
    y: Number(m[1]),
    mo: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4] ?? 0),
    mi: Number(m[5] ?? 0),
    s: Number(m[6] ?? 0),
    offset: m[7] === undefined ? null : m[7] === 'Z' ? 0 : (m[8] === '-' ? -1 : 1) * (Number(m[9]) + Number(m[10]) / 60),
  };
  // Reject impossible calendar dates such as 2024-02-30.
  const check = new Date(Date.UTC(p.y, p.mo - 1, p.d));
  if (check.getUTCFullYear() !== p.y || check.getUTCMonth() !== p.mo - 1 || check.getUTCDate() !== p.d) return null;
  if (p.h > 24 || p.mi > 59 || p.s >= 60 || (p.h === 24 && (p.mi > 0 || p.s > 0))) return null;
  return p;
}

/** True for a real calendar date or date-time (format and calendar). */
export function isValidDateText(text: string): boolean {
  return (isDate(text) || isDateTime(text)) && parts(text) !== null;
}

/**
 * Epoch ms of a date or date-time. Local (no offset) values use `offsetHours`.
 * `endOfDay`: a bare date means the END of that local day (the next local midnight).
 */
export function toEpochMs(text: string, offsetHours: number, endOfDay = false): number | null {
  const p = parts(text);
  if (!p) return null;
  const bareDate = isDate(text);
  const local = Date.UTC(p.y, p.mo - 1, p.d + (bareDate && endOfDay ? 1 : 0), p.h, p.mi, 0) + p.s * 1000;
  return local - (p.offset ?? offsetHours) * MS_PER_HOUR;
}

/** The zone's offset at the local midnight starting `text`'s day (or at its instant for date-times). */
export function offsetAtLocal(text: string, zone: string): number {
  const p = parts(text);
  if (!p) return 0;
  if (p.offset !== null) return zoneOffsetHours(zone, toEpochMs(text, p.offset) as number);
  const naive = Date.UTC(p.y, p.mo - 1, p.d, p.h, p.mi, 0) + p.s * 1000;
  let off = zoneOffsetHours(zone, naive);
  off = zoneOffsetHours(zone, naive - off * MS_PER_HOUR);
  return off;
}

/** Local calendar date 'YYYY-MM-DD' of an instant under a fixed offset. */
export function localDate(epochMs: number, offsetHours: number): string {
  return new Date(epochMs + offsetHours * MS_PER_HOUR).toISOString().slice(0, 10);
}

/** Local hour of day (0..24) of an instant under a fixed offset. */
export function localHourOfDay(epochMs: number, offsetHours: number): number {
  const ms = (epochMs + offsetHours * MS_PER_HOUR) % (24 * MS_PER_HOUR);
  return (ms < 0 ? ms + 24 * MS_PER_HOUR : ms) / MS_PER_HOUR;
}

/** First instant in [fromMs, toMs] (checked daily) where the zone's offset differs from `offsetHours`, or null. */
export function firstOffsetChange(zone: string, offsetHours: number, fromMs: number, toMs: number): number | null {
  const differs = (t: number): boolean => zoneOffsetHours(zone, t) !== offsetHours;
  let hit: number | null = null;
  for (let t = fromMs; t <= toMs; t += 24 * MS_PER_HOUR) {
    if (differs(t)) {
      hit = t;
      break;
    }
  }
  if (hit === null) hit = differs(toMs) ? toMs : null;
  if (hit === null) return null;
  // Narrow down to the minute within the last day.
  let lo = Math.max(fromMs, hit - 24 * MS_PER_HOUR);
  let hi = hit;
  while (hi - lo > 60_000) {
    const mid = Math.floor((lo + hi) / 2);
    if (differs(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}

export { MS_PER_HOUR };
