/** Hours from the scenario start -> calendar strings. */
import type { ResolvedScenario } from '../scenario/resolved.js';

type Clock = Pick<ResolvedScenario, 'startEpochMs' | 'utcOffsetHours'>;

/** ISO date-time (UTC) of sim time h; null for null / non-finite (never, within the horizon). */
export function isoAt(s: Clock, h: number | null): string | null {
  if (h === null || !Number.isFinite(h)) return null;
  return new Date(s.startEpochMs + h * 3600e3).toISOString();
}

export function isoAtFinite(s: Clock, h: number): string {
  return new Date(s.startEpochMs + h * 3600e3).toISOString();
}

/** Local date 'YYYY-MM-DD' of day d (the local day containing sim hour 24 d + 12). */
export function localDateOfDay(s: Clock, d: number): string {
  return new Date(s.startEpochMs + (24 * d + 12 + s.utcOffsetHours) * 3600e3).toISOString().slice(0, 10);
}

/** A readable local date-time in the scenario's zone, e.g. 'Sat 10 Aug 2024 14:05'. */
export function readableLocal(timeZone: string, iso: string | null): string {
  if (iso === null) return 'not within the horizon';
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  return f.format(new Date(iso)).replace(/,/g, '');
}
