/**
 * Local times on stdout (readableLocal) and in `airlift trace` (localStamp). Month names come
 * from a fixed table: Node's ICU writes 'Sept' for en-GB, while the report and README write
 * 'Sep'. Both truncate to the minute: trace used to round (16:15:52Z showed as 17:16 at
 * +01:00 while `run` showed 03:35 for 02:35:58Z).
 */
import { describe, expect, it } from 'vitest';
import { localStamp } from '../../src/cli/commands/trace.js';
import { MONTHS, readableLocal } from '../../src/runner/dates.js';

const START_MS = Date.parse('2024-05-18T23:00:00.000Z'); // 19 May 2024 00:00 in Lagos (UTC+1)
const hoursAt = (iso: string): number => (Date.parse(iso) - START_MS) / 3_600_000;

describe('readableLocal', () => {
  it("writes 'Sep', and the same short names for every month", () => {
    expect(readableLocal('Africa/Lagos', '2024-09-09T17:52:10.000Z')).toBe('Mon 9 Sep 2024 18:52');
    for (let m = 0; m < 12; m++) {
      const iso = new Date(Date.UTC(2024, m, 10, 12)).toISOString();
      expect(readableLocal('Africa/Lagos', iso)).toMatch(new RegExp(` 10 ${MONTHS[m]!} 2024 13:00$`));
    }
    expect(MONTHS).toEqual(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']);
  });

  it('gives the local weekday and date, past midnight and in zones west of UTC', () => {
    expect(readableLocal('Africa/Lagos', '2024-08-31T23:30:00.000Z')).toBe('Sun 1 Sep 2024 00:30');
    expect(readableLocal('America/New_York', '2024-09-01T02:05:00.000Z')).toBe('Sat 31 Aug 2024 22:05');
    expect(readableLocal('Africa/Lagos', null)).toBe('not within the horizon');
  });

  it('truncates to the minute', () => {
    expect(readableLocal('Africa/Lagos', '2024-06-03T02:35:58.000Z')).toBe('Mon 3 Jun 2024 03:35');
    expect(readableLocal(1, '2024-06-03T02:35:58.000Z')).toBe('Mon 3 Jun 2024 03:35');
  });

  it("with an offset, keeps the scenario's fixed clock past a daylight-saving change, as the report and trace do", () => {
    // Europe/Berlin: +02:00 in summer, +01:00 from 27 Oct 2024 03:00 local
    expect(readableLocal(2, '2024-11-04T10:00:00.000Z')).toBe('Mon 4 Nov 2024 12:00');
    expect(readableLocal('Europe/Berlin', '2024-11-04T10:00:00.000Z')).toBe('Mon 4 Nov 2024 11:00'); // the zone's own rules
    expect(readableLocal(-4.5, '2024-06-03T02:05:00.000Z')).toBe('Sun 2 Jun 2024 21:35');
    expect(readableLocal(5.75, '2024-12-31T18:15:00.000Z')).toBe('Wed 1 Jan 2025 00:00');
  });
});

describe('localStamp', () => {
  it('truncates to the minute, as the utc column and `airlift run` do', () => {
    expect(localStamp(START_MS, 1, hoursAt('2024-06-03T16:15:52Z'))).toBe('2024-06-03 17:15 +01:00');
    expect(localStamp(START_MS, 1, hoursAt('2024-06-03T22:59:45Z'))).toBe('2024-06-03 23:59 +01:00'); // not the next day
    expect(localStamp(START_MS, -4.5, hoursAt('2024-06-03T16:15:52Z'))).toBe('2024-06-03 11:45 -04:30');
  });

  it('shows the minute readableLocal shows for the same instant', () => {
    for (let i = 0; i < 500; i++) {
      const t = i * 7.123456789;
      const iso = new Date(START_MS + t * 3600e3).toISOString();
      expect(localStamp(START_MS, 1, t).slice(11, 16)).toBe(readableLocal('Africa/Lagos', iso).slice(-5));
    }
  });
});
