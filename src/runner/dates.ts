/** Hours from the scenario start -> calendar strings. */
import type { ResolvedScenario } from '../scenario/resolved.js';

type Clock = Pick<ResolvedScenario, 'startEpochMs' | 'utcOffsetHours'>;

/** ISO date-time (UTC) of sim time h; null for null / non-finite (never, within the horizon). */
export function isoAt(s: Clock, h: number | null): string | null {
  if (h === null || !Number.isFinite(h)) return null;
  return isoUtc(s.startEpochMs + h * 3600e3);
}

export function isoAtFinite(s: Clock, h: number): string {
  return isoUtc(s.startEpochMs + h * 3600e3);
}

const MS_PER_DAY = 86_400_000;
/** 10000-01-01T00:00:00Z: below it (and from 1970 on) every year has four digits. */
const YEAR_10000_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : String(i)));

/**
 * `new Date(ms).toISOString()`, by arithmetic for 1970-9999 (replications.csv formats one date
 * per replication, and a Date costs ~1.4 us to make and format, this ~0.1 us); other instants,
 * and invalid ones (which throw), go through Date. The civil date is Howard Hinnant's
 * civil_from_days (http://howardhinnant.github.io/date_algorithms.html#civil_from_days).
 * Compared with toISOString on 40,000 random instants of the range and at month ends, leap
 * days and century years: test/runner/dates.test.ts.
 */
export function isoUtc(epochMs: number): string {
  const ms = Math.trunc(epochMs); // Date's TimeClip truncates toward zero
  if (!(ms >= 0 && ms < YEAR_10000_MS)) return new Date(epochMs).toISOString();
  const days = Math.floor(ms / MS_PER_DAY);
  let rem = ms - days * MS_PER_DAY;
  const hh = Math.floor(rem / 3_600_000);
  rem -= hh * 3_600_000;
  const mi = Math.floor(rem / 60_000);
  rem -= mi * 60_000;
  const ss = Math.floor(rem / 1000);
  const milli = rem - ss * 1000;
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  const msText = milli < 10 ? `00${milli}` : milli < 100 ? `0${milli}` : String(milli);
  return `${year}-${TWO_DIGITS[month]!}-${TWO_DIGITS[day]!}T${TWO_DIGITS[hh]!}:${TWO_DIGITS[mi]!}:${TWO_DIGITS[ss]!}.${msText}Z`;
}

/** Local date 'YYYY-MM-DD' of day d (the local day containing sim hour 24 d + 12). */
export function localDateOfDay(s: Clock, d: number): string {
  return new Date(s.startEpochMs + (24 * d + 12 + s.utcOffsetHours) * 3600e3).toISOString().slice(0, 10);
}

/**
 * Month and weekday names for every printed date (stdout here, report.html via report/time.ts).
 * Fixed tables, not Intl's 'short' names: those follow the ICU data of the Node build, and
 * en-GB's September is 'Sept' in current ICU while the report and README write 'Sep'.
 */
export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/**
 * A readable local date-time, e.g. 'Sat 10 Aug 2024 14:05': at the scenario's fixed offset
 * (hours: the clock the model, the report and `airlift trace` keep throughout, see
 * ResolvedScenario.utcOffsetHours; the loader warns when the zone changes its offset within
 * the horizon), or by a zone's own rules (a string: only when no offset is known). The names
 * come from MONTHS and WEEKDAYS. The minute is truncated, not rounded (14:05:58 is 14:05), as
 * in `airlift trace` and the report. (Until session 9 stdout used the zone's rules while the
 * report and trace used the fixed offset: an hour apart after a daylight-saving change.)
 */
export function readableLocal(zone: string | number, iso: string | null): string {
  if (iso === null) return 'not within the horizon';
  if (typeof zone === 'number') {
    const t = new Date(Date.parse(iso) + zone * 3600e3);
    const hh = String(t.getUTCHours()).padStart(2, '0');
    const mm = String(t.getUTCMinutes()).padStart(2, '0');
    return `${WEEKDAYS[t.getUTCDay()]} ${t.getUTCDate()} ${MONTHS[t.getUTCMonth()]} ${t.getUTCFullYear()} ${hh}:${mm}`;
  }
  const timeZone = zone;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone, day: 'numeric', month: 'numeric', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? NaN);
  const [y, mo, d] = [get('year'), get('month'), get('day')];
  const weekday = WEEKDAYS[new Date(Date.UTC(y, mo - 1, d)).getUTCDay()] ?? '?';
  const hh = String(get('hour') % 24).padStart(2, '0');
  const mm = String(get('minute')).padStart(2, '0');
  return `${weekday} ${d} ${MONTHS[mo - 1] ?? '?'} ${y} ${hh}:${mm}`;
}
