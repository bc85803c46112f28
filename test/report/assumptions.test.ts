/**
 * readAssumptions: the Assumptions table shows each step schedule (aircraft tasked, site MOG)
 * whole, in the scenario's local dates. It used to show only the first step, so niger-2024's
 * C-130Js read "0 tasked" though 2 fly from 1 Jun.
 */
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readAssumptions } from '../../src/report/assumptions.js';
import { loadScenario } from '../../src/scenario/index.js';
import { tempDir } from '../tmp.js';

const START_MS = Date.parse('2024-05-18T23:00:00.000Z'); // 19 May 2024 00:00 at UTC+1

function assumptionsOf(resolved: unknown): Map<string, string> {
  const dir = tempDir('airlift-assumptions-');
  writeFileSync(join(dir, 'scenario.resolved.json'), JSON.stringify(resolved));
  return new Map(readAssumptions(dir).rows.map(([k, v]) => [k, v]));
}

describe('readAssumptions', () => {
  it('shows every step of niger-2024 tasking schedules, in local dates', async () => {
    const r = await loadScenario(fileURLToPath(new URL('../../scenarios/niger-2024.yaml', import.meta.url)));
    if (!r.ok) throw new Error(r.problems.join('\n'));
    const rows = assumptionsOf(r.scenario); // what the runner writes: the ResolvedScenario as JSON
    expect(rows.get('Aircraft C-17 (C-17A Globemaster III)')).toMatch(/^2 tasked from 19 May, 4 from 1 Jun, 3 from 1 Aug; payload/);
    expect(rows.get('Aircraft C-130J (C-130J-30 Super Hercules)')).toMatch(/^0 tasked from 19 May, 2 from 1 Jun; payload/);
    expect(rows.get('Site AB101 (Air Base 101, Niamey)')).toContain('; MOG 2;'); // one step: just the value
  });

  it('shows every step of a MOG schedule; the year off the start year, the time off midnight', () => {
    const rows = assumptionsOf({
      startEpochMs: START_MS, utcOffsetHours: 1,
      sites: [{ id: 'AB201', mog: [{ atHours: 0, value: 0 }, { atHours: 43 * 24, value: 1 }, { atHours: 57 * 24 + 6.5, value: 2 }] }],
      aircraftTypes: [
        { id: 'C-17', tasked: [{ atHours: 0, value: 6 }] },
        { id: 'C-130J', tasked: [{ atHours: 0, value: 2 }, { atHours: 227 * 24, value: 0 }] },
      ],
    });
    expect(rows.get('Site AB201')).toBe('MOG 0 from 19 May, 1 from 1 Jul, 2 from 15 Jul 06:30');
    expect(rows.get('Aircraft C-17')).toBe('6 tasked');
    expect(rows.get('Aircraft C-130J')).toBe('2 tasked from 19 May, 0 from 1 Jan 2025');
  });

  it('puts a count of one in the singular: 1 loading team, 1 person, 1 seat', () => {
    const rows = assumptionsOf({
      sites: [{ id: 'AB201', personnel: 1, loadingTeams: 1 }, { id: 'AB101', personnel: 550, loadingTeams: 2 }],
      aircraftTypes: [{ id: 'UH-60', seats: 1 }],
    });
    expect(rows.get('Site AB201')).toBe('1 person; 1 loading team');
    expect(rows.get('Site AB101')).toBe('550 people; 2 loading teams');
    expect(rows.get('Aircraft UH-60')).toBe('1 seat');
  });

  it('falls back to hours from the start when the file has no start', () => {
    const rows = assumptionsOf({ aircraftTypes: [{ id: 'C-17', tasked: [{ atHours: 0, value: 2 }, { atHours: 312, value: 4 }] }] });
    expect(rows.get('Aircraft C-17')).toBe('2 tasked from hour 0, 4 from hour 312');
  });
});
