import { describe, expect, test } from 'vitest';
import { loadText, withLine } from './helpers.js';
import { toEpochMs, zoneOffsetHours, offsetAtLocal } from '../../src/scenario/time.js';
import type { ResolvedScenario } from '../../src/scenario/index.js';

async function scenarioOf(text: string): Promise<ResolvedScenario> {
  const { result } = await loadText(text);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return result.scenario;
}
const utc = (s: ResolvedScenario, hours: number): string => new Date(s.startEpochMs + hours * 3_600_000).toISOString();

describe('dates and the time zone', () => {
  test('a local start date is local midnight: 2024-05-19 in Africa/Lagos (UTC+1) is 2024-05-18T23:00Z', async () => {
    const s = await scenarioOf(withLine(1, 'name: t'));
    expect(s.startUtc).toBe('2024-05-18T23:00:00.000Z');
    expect(s.utcOffsetHours).toBe(1);
    expect(s.startLocalHourOfDay).toBe(0);
  });

  test('deadline boundary: cleared by 2024-09-15 in Africa/Lagos means before 2024-09-15T23:00Z', async () => {
    const s = await scenarioOf(withLine(1, 'name: t'));
    expect(utc(s, s.deadlineHours)).toBe('2024-09-15T23:00:00.000Z');
    expect(s.deadlineDate).toBe('2024-09-15');
    // 120 whole local days: 13 in May (19-31), 30 + 31 + 31, 15 in September.
    expect(s.deadlineHours).toBe(120 * 24);
  });

  test('a deadline written as a date-time with an offset is that instant', async () => {
    const s = await scenarioOf(withLine(3, 'deadline: 2024-09-15T12:00Z'));
    expect(utc(s, s.deadlineHours)).toBe('2024-09-15T12:00:00.000Z');
    expect(s.deadlineDate).toBe('2024-09-15');
  });

  test('horizon: a date is the end of that local day; a duration counts from the start; default deadline + 90 d', async () => {
    const a = await scenarioOf(withLine(3, 'deadline: 2024-09-15\nhorizon: 2024-12-31'));
    expect(utc(a, a.horizonHours)).toBe('2024-12-31T23:00:00.000Z');
    const b = await scenarioOf(withLine(3, 'deadline: 2024-09-15\nhorizon: 200d'));
    expect(b.horizonHours).toBe(4800);
    const c = await scenarioOf(withLine(1, 'name: t'));
    expect(c.horizonHours).toBe(c.deadlineHours + 90 * 24);
  });

  test('steps: a date is the start of that local day; 0 before the first step', async () => {
    const s = await scenarioOf(withLine(20, '    tasked: [{ from: 2024-05-21, count: 2 }, { from: 2024-06-01T06:00, count: 4 }, { from: 3d, count: 3 }]'));
    expect(s.aircraftTypes[0]?.tasked).toEqual([
      { atHours: 0, value: 0 },
      { atHours: 48, value: 2 },
      { atHours: 72, value: 3 },
      { atHours: 13 * 24 + 6, value: 4 },
    ]);
  });

  test('a zone whose offset changes before the horizon gives a warning and keeps the start offset', async () => {
    const { result } = await loadText(withLine(4, 'timeZone: Europe/Berlin').replace('deadline: 2024-09-15', 'deadline: 2024-11-15'));
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.utcOffsetHours).toBe(2);
    expect(result.warnings.map((w) => w.replace(/^.*?:\d+:\d+: /, ''))).toEqual(['timeZone: time zone Europe/Berlin changes its UTC offset on 2024-10-27 (from UTC+02:00 to UTC+01:00); the scenario keeps UTC+02:00 throughout']);
  });

  test('a disruption window with the same date at both ends is that whole local day; the same date-time fixes the start (as scenarios/README.md says)', async () => {
    const s = await scenarioOf(
      `${withLine(1, 'name: t')}disruptions:\n` +
        '  - { id: day, kind: suspension, window: { from: 2024-06-10, to: 2024-06-10 }, duration: 2d }\n' +
        '  - { id: fixed, kind: suspension, window: { from: 2024-06-10T06:00, to: 2024-06-10T06:00 }, duration: 2d }\n',
    );
    const [day, fixed] = s.disruptions;
    expect([utc(s, day?.windowStartHours ?? NaN), utc(s, day?.windowEndHours ?? NaN), day?.probability]).toEqual(['2024-06-09T23:00:00.000Z', '2024-06-10T23:00:00.000Z', 1]);
    expect([utc(s, fixed?.windowStartHours ?? NaN), utc(s, fixed?.windowEndHours ?? NaN)]).toEqual(['2024-06-10T05:00:00.000Z', '2024-06-10T05:00:00.000Z']);
  });

  test('helpers: offsets from the zone database', () => {
    expect(zoneOffsetHours('Africa/Lagos', Date.UTC(2024, 0, 1))).toBe(1);
    expect(zoneOffsetHours('UTC', Date.UTC(2024, 0, 1))).toBe(0);
    expect(offsetAtLocal('2024-07-01', 'America/New_York')).toBe(-4);
    expect(toEpochMs('2024-09-15', 1, true)).toBe(Date.UTC(2024, 8, 15, 23));
    expect(toEpochMs('2024-09-15T10:00+02:00', 1)).toBe(Date.UTC(2024, 8, 15, 8));
  });
});
