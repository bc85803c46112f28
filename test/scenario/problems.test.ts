/**
 * One test per kind of problem: the exact message (from the catalogue) at the exact line and
 * column where the value was written.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { msg } from '../../src/scenario/messages.js';
import { EXPECT } from '../../src/scenario/schema.js';
import { DIST_NAMES } from '../../src/random/spec.js';
import { loadScenario } from '../../src/scenario/index.js';
import { BASE, loadText, problemsOf, withLine, writeFiles } from './helpers.js';

describe('loadScenario problems', () => {
  test('the base scenario loads', async () => {
    const { result } = await loadText(BASE);
    expect(result.ok).toBe(true);
  });

  test('YAML syntax error', async () => {
    const { file, result } = await loadText(withLine(7, '    mog: [2'));
    const problems = problemsOf(result);
    expect(problems[0]).toBe(`${file}:8:5: ${msg.yamlSyntax('Flow sequence in block collection must be sufficiently indented and end with a ]')}`);
  });

  test('one YAML slip is one problem, not one per line after it; an unrelated error further on is still reported', async () => {
    // BASE lines 7-9 are the site's mog, groundTime and personnel (4 spaces)
    const badIndent = await loadText(withLine(7, '   mog: 2'));
    expect(problemsOf(badIndent.result)).toEqual([`${badIndent.file}:7:1: ${msg.yamlSyntax('Sequence item without - indicator')}`]);
    const tab = await loadText(withLine(7, '\tmog: 2'));
    expect(problemsOf(tab.result)).toEqual([`${tab.file}:7:1: ${msg.yamlSyntax('Tabs are not allowed as indentation')}`]);
    const two = await loadText(withLine(1, 'name: t\nname: u', withLine(7, '   mog: 2')));
    expect(problemsOf(two.result)).toEqual([
      `${two.file}:2:1: ${msg.yamlSyntax('Map keys must be unique')}`,
      `${two.file}:8:1: ${msg.yamlSyntax('Sequence item without - indicator')}`,
    ]);
  });

  test('JSON syntax error', async () => {
    const { file, result } = await loadText('{\n  "name": "x"\n  "start": "2024-05-19"\n}\n', 's.json');
    expect(problemsOf(result)[0]).toBe(`${file}:3:3: ${msg.yamlSyntax('Missing , between flow map items')}`);
  });

  test('wrong type', async () => {
    const { file, result } = await loadText(withLine(7, '    mog: two'));
    expect(problemsOf(result)).toEqual([
      `${file}:7:10: sites.AB101.mog: ${msg.expected('a working MOG: a whole number >= 0, or a list of { from, mog }', 'two')}`,
    ]);
  });

  test('wrong type in JSON points into the JSON text', async () => {
    const json = JSON.stringify({ name: 't', start: '2024-05-19', deadline: 42 }, null, 2);
    const { file, result } = await loadText(json, 's.json');
    expect(problemsOf(result)).toContain(`${file}:4:15: deadline: ${msg.expected(EXPECT.date, 42)}`);
  });

  test('value out of range', async () => {
    const { file, result } = await loadText(withLine(9, '    personnel: -5'));
    expect(problemsOf(result)).toEqual([`${file}:9:16: sites.AB101.personnel: ${msg.expected(EXPECT.count, -5)}`]);
  });

  test('probability outside [0, 1]', async () => {
    const { file, result } = await loadText(withLine(20, '    tasked: 2\n    breakProbability: 1.5'));
    expect(problemsOf(result)).toEqual([`${file}:21:23: aircraft.C-17.breakProbability: ${msg.expected(EXPECT.probability, 1.5)}`]);
  });

  test('unknown key with suggestion, at the key', async () => {
    const { file, result } = await loadText(withLine(8, '    groundTime: 3h\n    loadingTeems: 2'));
    expect(problemsOf(result)).toEqual([`${file}:9:5: sites.AB101.loadingTeems: unknown key "loadingTeems" (did you mean "loadingTeams"?)`]);
    expect(msg.unknownKey('loadingTeems', ['loadingTeams', 'mog'])).toBe('unknown key "loadingTeems" (did you mean "loadingTeams"?)');
  });

  test('a comma in an unquoted flow value makes a stray key, which is reported (not silently dropped)', async () => {
    const { file, result } = await loadText(withLine(11, '  - { id: ETAR, name: Ramstein AB, Germany, turnaround: 4h }'));
    expect(problemsOf(result)).toEqual([`${file}:11:36: destinations.ETAR.Germany: ${msg.strayKey('Germany', ['id', 'name', 'icao', 'location', 'turnaround', 'staging'])}`]);
  });

  test('a known key with no value means "not given"', async () => {
    const { result } = await loadText(withLine(9, '    personnel:'));
    expect(result.ok && result.scenario.sites[0]?.personnel).toBe(0);
  });

  test('unknown key inside a distribution', async () => {
    const { file, result } = await loadText(withLine(8, '    groundTime: { dist: triangular, min: 2h, mode: 3h, max: 5h, maxx: 4 }'));
    expect(problemsOf(result)).toEqual([`${file}:8:65: sites.AB101.groundTime.maxx: ${msg.unknownKey('maxx', ['dist', 'min', 'mode', 'max'])}`]);
  });

  test('bad reference', async () => {
    const { file, result } = await loadText(withLine(22, '  - { id: lot, site: AB102, category: palletized, weight: 10 st, pallets: 4 }'));
    expect(problemsOf(result)).toEqual([`${file}:22:22: cargo.lot.site: ${msg.badReference('site', 'AB102', ['AB101'])}`]);
    expect(problemsOf(result)[0]).toContain('(did you mean "AB101"?)');
  });

  test('bad reference in a per-type map points at the key', async () => {
    const { file, result } = await loadText(withLine(8, '    groundTime: { C-17: 3h, C-5: 3h }'));
    expect(problemsOf(result)).toEqual([`${file}:8:29: sites.AB101.groundTime.C-5: ${msg.badReference('aircraft type', 'C-5', ['C-17'])}`]);
  });

  test('impossible cargo', async () => {
    const { file, result } = await loadText(withLine(22, '  - { id: lot, site: AB101, category: rolling, weight: 70 st, pallets: 4 }'));
    expect(problemsOf(result)).toEqual([`${file}:22:5: cargo.lot: ${msg.cargoNoAircraft('rolling', 70, 4, 'C-17 does not take rolling cargo')}`]);
  });

  test('cargo too heavy unless left behind', async () => {
    const heavy = withLine(22, '  - { id: lot, site: AB101, category: outsize, weight: 70 st, pallets: 4 }');
    const { file, result } = await loadText(heavy);
    expect(problemsOf(result)).toEqual([`${file}:22:5: cargo.lot: ${msg.cargoNoAircraft('outsize', 70, 4, 'C-17 carries at most 65 st')}`]);
    const left = await loadText(withLine(22, '  - { id: lot, site: AB101, category: outsize, weight: 70 st, pallets: 4, leaveBehind: true }'));
    expect(left.result.ok).toBe(true);
  });

  test('bad distribution: min > max, mode outside', async () => {
    const { file, result } = await loadText(withLine(8, '    groundTime: { dist: triangular, min: 5h, mode: 3h, max: 4h }'));
    expect(problemsOf(result)).toEqual([`${file}:8:61: sites.AB101.groundTime.max: expected a number >= min (5), found "4h"`]);
    const mode = await loadText(withLine(8, '    groundTime: { dist: triangular, min: 2h, mode: 6h, max: 4h }'));
    expect(problemsOf(mode.result)).toEqual([`${mode.file}:8:52: sites.AB101.groundTime.mode: expected a number in [min, max] = [2, 4], found "6h"`]);
  });

  test('a bad distribution is reported together with problems elsewhere in the file', async () => {
    const tri = withLine(8, '    groundTime: { dist: triangular, min: 5h, mode: 3h, max: 2h }');
    const max = 'sites.AB101.groundTime.max: expected a number >= min (5), found "2h"';
    const seats = await loadText(withLine(18, '    seats: lots', tri));
    expect(problemsOf(seats.result)).toEqual([`${seats.file}:8:61: ${max}`, `${seats.file}:18:12: aircraft.C-17.seats: ${msg.expected(EXPECT.count, 'lots')}`]);
    const key = await loadText(withLine(9, '    closureTeem: 20', tri));
    expect(problemsOf(key.result)).toEqual([`${key.file}:8:61: ${max}`, `${key.file}:9:5: sites.AB101.closureTeem: unknown key "closureTeem" (did you mean "closureTeam"?)`]);
    const logn = await loadText(withLine(18, '    seats: lots', withLine(11, '  - { id: ETAR, turnaround: { dist: lognormal, median: 4h, p90: 2h } }')));
    expect(problemsOf(logn.result)).toEqual([
      `${logn.file}:11:65: destinations.ETAR.turnaround.p90: expected a number > median (4), found "2h"`,
      `${logn.file}:18:12: aircraft.C-17.seats: ${msg.expected(EXPECT.count, 'lots')}`,
    ]);
  });

  test('a distribution that fails the schema is reported once, also with problems elsewhere', async () => {
    const { file, result } = await loadText(withLine(18, '    seats: lots', withLine(8, '    groundTime: { dist: triangular, min: 5h, mode: 6h }')));
    expect(problemsOf(result)).toEqual([
      `${file}:8:17: sites.AB101.groundTime.max: ${msg.missing(EXPECT.duration)}`,
      `${file}:18:12: aircraft.C-17.seats: ${msg.expected(EXPECT.count, 'lots')}`,
    ]);
  });

  test('bad distribution name with suggestion', async () => {
    const { file, result } = await loadText(withLine(8, '    groundTime: { dist: triangle, min: 2h, mode: 3h, max: 4h }'));
    expect(problemsOf(result)).toEqual([`${file}:8:25: sites.AB101.groundTime.dist: ${msg.unknownDist('triangle', DIST_NAMES)}`]);
    expect(problemsOf(result)[0]).toContain('(did you mean "triangular"?)');
  });

  test('distribution parameter missing', async () => {
    const { file, result } = await loadText(withLine(8, '    groundTime: { dist: triangular, min: 2h, mode: 3h }'));
    expect(problemsOf(result)).toEqual([`${file}:8:17: sites.AB101.groundTime.max: ${msg.missing(EXPECT.duration)}`]);
  });

  test('missing required field points at its object', async () => {
    const { file, result } = await loadText(withLine(16, ''));
    expect(problemsOf(result)).toEqual([`${file}:15:5: aircraft.C-17.planningPayload: ${msg.missing(EXPECT.weight)}`]);
  });

  test('deadline not after the start; horizon before the deadline', async () => {
    const d = await loadText(withLine(3, 'deadline: 2024-05-01'));
    expect(problemsOf(d.result)).toEqual([`${d.file}:3:11: deadline: ${msg.deadlineNotAfterStart('2024-05-01', '2024-05-19')}`]);
    const h = await loadText(withLine(3, 'deadline: 2024-09-15\nhorizon: 2024-09-01'));
    expect(problemsOf(h.result)).toEqual([`${h.file}:4:10: horizon: ${msg.horizonBeforeDeadline('2024-09-01', '2024-09-15')}`]);
  });

  test('a deadline not after the start is the only message: no warnings that follow from it', async () => {
    const d = await loadText(withLine(22, '  - { id: lot, site: AB101, category: palletized, weight: 10 st, pallets: 4, release: 2024-06-01 }', withLine(3, 'deadline: 2024-05-01')));
    expect(problemsOf(d.result)).toEqual([`${d.file}:3:11: deadline: ${msg.deadlineNotAfterStart('2024-05-01', '2024-05-19')}`]);
    expect(d.result.warnings).toEqual([]);
  });

  test('a deadline or horizon that is no real date is one problem, not also "not after"', async () => {
    const d = await loadText(withLine(3, 'deadline: 2024-02-30'));
    expect(problemsOf(d.result)).toEqual([`${d.file}:3:11: deadline: ${msg.badDate('2024-02-30')}`]);
    expect(d.result.warnings).toEqual([]);
    const h = await loadText(withLine(3, 'deadline: 2024-09-15\nhorizon: 2024-02-30'));
    expect(problemsOf(h.result)).toEqual([`${h.file}:4:10: horizon: ${msg.badDate('2024-02-30')}`]);
  });

  test('shares that do not sum to 1', async () => {
    const { file, result } = await loadText(withLine(9, '    personnel: 100\n    destinations: { ETAR: 0.5 }'));
    expect(problemsOf(result)).toEqual([`${file}:10:19: sites.AB101.destinations: ${msg.sharesSum(0.5)}`]);
  });

  test('a site no aircraft type can use', async () => {
    const { file, result } = await loadText(withLine(9, '    personnel: 100\n    aircraft: []'));
    expect(problemsOf(result)[0]).toBe(`${file}:10:15: sites.AB101.aircraft: ${msg.siteNoAircraft('AB101')}`);
  });

  test('a missing leg an aircraft flies out and back (home is the destination) is one problem, not one per direction', async () => {
    const why = 'give C-17 a blockSpeed and both ends a location';
    const both = await loadText(withLine(12, 'legs: []', withLine(13, '')));
    expect(problemsOf(both.result)).toEqual([`${both.file}:15:5: aircraft.C-17: ${msg.legNoTimeBothWays('ETAR', 'AB101', 'C-17', why)}`]);
    // One way listed: only the other direction is missing, and said so.
    const oneWay = await loadText(withLine(13, '  - { from: AB101, to: ETAR, blockTime: 6h, bothWays: false }'));
    expect(problemsOf(oneWay.result)).toEqual([`${oneWay.file}:15:5: aircraft.C-17: ${msg.legNoTime('ETAR', 'AB101', 'C-17', why)}`]);
  });

  test('impossible calendar date and unknown time zone', async () => {
    const d = await loadText(withLine(2, 'start: 2024-02-30'));
    expect(problemsOf(d.result)).toEqual([`${d.file}:2:8: start: ${msg.badDate('2024-02-30')}`]);
    const z = await loadText(withLine(4, 'timeZone: Africa/Lagoss'));
    expect(problemsOf(z.result)).toEqual([`${z.file}:4:11: timeZone: ${msg.badTimeZone('Africa/Lagoss')}`]);
  });

  test('duplicate ids', async () => {
    const { file, result } = await loadText(withLine(11, '  - id: ETAR\n  - id: ETAR'));
    expect(problemsOf(result)).toEqual([`${file}:12:9: destinations.ETAR.id: ${msg.duplicateId('ETAR', `${file}:11:9`)}`]);
  });

  test('every problem at once, in file order', async () => {
    let text = withLine(7, '    mog: two');
    text = withLine(9, '    personnel: -5', text);
    text = withLine(17, '    pallets: lots', text);
    const { result } = await loadText(text);
    const lines = problemsOf(result).map((p) => Number(p.split(':')[1]));
    expect(lines).toEqual([7, 9, 17]);
  });

  test('warnings do not fail: MOG 0 during the whole operation', async () => {
    const { file, result } = await loadText(withLine(7, '    mog: 0'));
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([`${file}:7:10: sites.AB101.mog: ${msg.warnMogZero('AB101')}`]);
  });

  test('warnings do not fail: cargo released after the horizon, or after the deadline', async () => {
    const lot = (release: string, more = ''): string => `  - { id: lot, site: AB101, category: palletized, weight: 10 st, pallets: 4, release: ${release}${more} }`;
    const late = withLine(3, 'deadline: 2024-09-15\nhorizon: 2024-10-31', withLine(22, lot('2025-07-05')));
    const h = await loadText(late);
    expect(h.result.ok).toBe(true);
    expect(h.result.warnings).toEqual([`${h.file}:23:87: cargo.lot.release: ${msg.warnReleaseAfterHorizon('lot', '2025-07-05', '2024-10-31')}`]);
    const byDefault = await loadText(withLine(22, lot('2025-07-05')));
    expect(byDefault.result.warnings).toEqual([`${byDefault.file}:22:87: cargo.lot.release: ${msg.warnReleaseAfterHorizon('lot', '2025-07-05', 'deadline + 90 days')}`]);
    const d = await loadText(withLine(22, lot('2024-10-01')));
    expect(d.result.ok).toBe(true);
    expect(d.result.warnings).toEqual([`${d.file}:22:87: cargo.lot.release: ${msg.warnReleaseAfterDeadline('lot', '2024-10-01', '2024-09-15')}`]);
    expect(msg.warnReleaseAfterHorizon('lot', '2025-07-05', '2024-10-31')).toBe(
      'cargo lot "lot" is released at 2025-07-05, after the horizon (2024-10-31): it never flies, so no replication clears the operation',
    );
  });

  test('no warning for a release on the deadline day, or for a lot left behind', async () => {
    const onTime = await loadText(withLine(22, '  - { id: lot, site: AB101, category: palletized, weight: 10 st, pallets: 4, release: 2024-09-15 }'));
    expect(onTime.result.warnings).toEqual([]);
    const left = await loadText(withLine(22, '  - { id: lot, site: AB101, category: palletized, weight: 10 st, pallets: 4, release: 2025-07-05, leaveBehind: true }'));
    expect(left.result.warnings).toEqual([]);
  });

  test('missing file', async () => {
    const r = await loadScenario('/nonexistent/airlift/none.yaml');
    expect(problemsOf(r)).toEqual([`/nonexistent/airlift/none.yaml: ${msg.fileNotFound('/nonexistent/airlift/none.yaml')}`]);
  });
});

describe('extends problems', () => {
  test('extends cycle', async () => {
    const dir = writeFiles({ 'a.yaml': 'extends: b.yaml\nname: a\n', 'b.yaml': '# b\nextends: a.yaml\n' });
    const r = await loadScenario(join(dir, 'a.yaml'));
    expect(problemsOf(r)).toEqual([`${join(dir, 'b.yaml')}:2:10: extends: ${msg.extendsCycle([join(dir, 'a.yaml'), join(dir, 'b.yaml'), join(dir, 'a.yaml')])}`]);
  });

  test('extends a missing file', async () => {
    const dir = writeFiles({ 'v.yaml': 'name: v\nextends: nope.yaml\n' });
    const r = await loadScenario(join(dir, 'v.yaml'));
    expect(problemsOf(r)).toEqual([`${join(dir, 'v.yaml')}:2:10: extends: ${msg.extendsMissing('nope.yaml')}`]);
  });

  test('extends problems name the field once', async () => {
    const dir = writeFiles({ 'v2.yaml': 'extends: nope.yaml\nname: v\n', 'a.yaml': 'extends: a.yaml\n' });
    const missing = problemsOf(await loadScenario(join(dir, 'v2.yaml')));
    expect(missing).toEqual([`${join(dir, 'v2.yaml')}:1:10: extends: expected a scenario file to build on, found "nope.yaml", which does not exist`]);
    const cycle = problemsOf(await loadScenario(join(dir, 'a.yaml')));
    expect(cycle).toEqual([`${join(dir, 'a.yaml')}:1:10: extends: expected a chain of files without a cycle, found ${join(dir, 'a.yaml')} -> ${join(dir, 'a.yaml')}`]);
  });

  test('an error inside a base file reached through extends points into the base', async () => {
    const dir = writeFiles({ 'base.yaml': withLine(9, '    personnel: -5'), 'variant.yaml': 'extends: base.yaml\nname: pessimistic\n' });
    const r = await loadScenario(join(dir, 'variant.yaml'));
    expect(problemsOf(r)).toEqual([`${join(dir, 'base.yaml')}:9:16: sites.AB101.personnel: ${msg.expected(EXPECT.count, -5)}`]);
  });

  test('a syntax error inside a base file', async () => {
    const dir = writeFiles({ 'base.yaml': withLine(7, '    mog: [2'), 'variant.yaml': 'extends: base.yaml\n' });
    const r = await loadScenario(join(dir, 'variant.yaml'));
    expect(problemsOf(r)[0]).toMatch(new RegExp(`^${join(dir, 'base.yaml')}:8:5: YAML syntax error`));
  });

  test('an error in the variant points into the variant', async () => {
    const dir = writeFiles({ 'base.yaml': BASE, 'variant.yaml': 'extends: base.yaml\nsites:\n  - id: AB101\n    mog: -1\n' });
    const r = await loadScenario(join(dir, 'variant.yaml'));
    expect(problemsOf(r)).toEqual([`${join(dir, 'variant.yaml')}:4:10: sites.AB101.mog: ${msg.expected(EXPECT.count, -1)}`]);
  });
});
