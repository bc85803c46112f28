/**
 * Time on the charts. Every instant in summary.json / chartdata.json is UTC; the planner
 * reads the scenario's LOCAL calendar. We shift each instant by the scenario's UTC offset
 * (fixed for the whole scenario, taken at the start instant, as the model does) and encode
 * the result as a UTC "wall-clock" instant. Charts then use UTC scales and UTC time formats,
 * so they show local dates and times and never depend on the machine's time zone.
 */
import { MONTHS } from '../runner/dates.js';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 24 * HOUR_MS;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** Offset of the zone's local time from UTC at `atMs`, in milliseconds. Throws RangeError for an unknown zone. */
export function zoneOffsetMs(timeZone: string, atMs: number): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(atMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour') % 24, get('minute'), get('second'));
  return wall - (atMs - (((atMs % 1000) + 1000) % 1000));
}

/** Converts instants and hours-from-start into local wall-clock milliseconds (encoded as UTC). */
export interface Clock {
  readonly offsetMs: number;
  readonly startMs: number;
  /** ISO UTC instant -> wall-clock ms. */
  instant(iso: string): number;
  /** Hours from the scenario start -> wall-clock ms. */
  hours(h: number): number;
  /** A local date 'YYYY-MM-DD' -> wall-clock ms of its START (local midnight). */
  localDate(date: string): number;
  /** A milestone/deadline date: a local date means the END of that day; an ISO instant is taken as is. */
  endOfDayOrInstant(value: string): number;
}

export function makeClock(startUtc: string, timeZone: string): Clock {
  const startInstant = Date.parse(startUtc);
  const offsetMs = zoneOffsetMs(timeZone, startInstant);
  const clock: Clock = {
    offsetMs,
    startMs: startInstant + offsetMs,
    instant: (iso) => Date.parse(iso) + offsetMs,
    hours: (h) => startInstant + offsetMs + h * HOUR_MS,
    localDate: (date) => Date.parse(`${date}T00:00:00Z`),
    endOfDayOrInstant: (value) => (DATE_ONLY.test(value) ? clock.localDate(value) + DAY_MS : clock.instant(value)),
  };
  return clock;
}

/** Wall-clock ms -> ISO string for chart data (read by Vega as UTC). */
export function iso(ms: number): string {
  return new Date(ms).toISOString();
}

/** '15 Sep 2024' */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/** '15 Sep' */
export function formatShortDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** '15 Sep 2024 14:05' */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  return `${formatDate(ms)} ${hh}:${mm}`;
}

/**
 * The calendar day a deadline-like instant names: a deadline is the END of its local day,
 * i.e. the next local midnight, so the day it names is the one just before.
 */
export function formatDeadlineDate(wallMs: number): string {
  return formatDate(wallMs - 1);
}

/** Start of the wall-clock day containing ms. */
export function floorDay(ms: number): number {
  return Math.floor(ms / DAY_MS) * DAY_MS;
}
export function ceilDay(ms: number): number {
  return Math.ceil(ms / DAY_MS) * DAY_MS;
}
