/**
 * The JSON Schema editors use: a whole scenario is checked strictly; a variant (`extends`) is
 * checked by the merge rules, so it accepts what the loader accepts once merged, and still
 * rejects what no base could make valid. Each variant case is loaded over a base too, so the
 * schema's verdict is compared with the loader's.
 */
import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadScenario, scenarioJsonSchema } from '../../src/scenario/index.js';
import { BASE, withLine, writeFiles } from './helpers.js';

// strict: the schema compiles without ajv's strict-mode complaints (unknown keywords, required keys not named).
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(scenarioJsonSchema());
const errorsOf = (text: string): string[] => (validate(parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`));

/** BASE with a distribution for the site's ground time, so a variant can switch it. */
const BASE_DIST = withLine(8, '    groundTime: { dist: triangular, min: 2h, mode: 3h, max: 5h }');

async function loadsOver(variant: string): Promise<boolean> {
  const dir = writeFiles({ 'base.yaml': BASE_DIST, 'v.yaml': variant });
  return (await loadScenario(join(dir, 'v.yaml'))).ok;
}

const variant = (body: string): string => `extends: base.yaml\nname: v\n${body}\n`;

describe('scenarioJsonSchema', () => {
  test('a whole scenario keeps the strict schema: missing start fails, BASE passes', () => {
    expect(errorsOf(BASE)).toEqual([]);
    expect(errorsOf(withLine(2, ''))).toContain(" must have required property 'start'");
    expect(errorsOf(withLine(7, '    mog: two')).length).toBeGreaterThan(0);
  });

  test('the same file with extends needs none of the required fields', () => {
    expect(errorsOf(`extends: base.yaml\n${withLine(2, '')}`)).toEqual([]);
    expect(errorsOf('extends: base.yaml\n')).toEqual([]);
  });

  const accepted: [string, string][] = [
    ['an item of a list merged by id with only its id and one field', 'aircraft:\n  - { id: C-17, tasked: 1 }'],
    ['nested objects written in part', 'sites:\n  - id: AB101\n    groundTime: { max: 8h }'],
    ['null deleting an optional field', 'sites:\n  - { id: AB101, personnel: null }\ncargo: null\nclearance: null'],
    ['null for an entry of a record', 'sites:\n  - { id: AB101, destinations: { ETAR: 1, LERT: null } }'],
    [
      'a distribution switched to another, the old keys deleted',
      'sites:\n  - id: AB101\n    groundTime: { dist: lognormal, median: 3h, p90: 6h, min: null, mode: null, max: null }',
    ],
    ['a new item appended to a list merged by id', 'disruptions:\n  - { id: strike, kind: suspension, window: { from: 2024-06-01, to: 2024-06-02 }, duration: 2d }'],
    ['a list that replaces the base\'s, complete', 'legs:\n  - { from: AB101, to: ETAR, blockTime: 7h }'],
  ];
  for (const [what, body] of accepted) {
    test(`a variant with ${what} passes, and loads`, async () => {
      expect(errorsOf(variant(body))).toEqual([]);
      expect(await loadsOver(variant(body))).toBe(true);
    });
  }

  const rejected: [string, string][] = [
    ['null for a required field', 'sites:\n  - { id: AB101, mog: null }'],
    ['an item of a list merged by id without its id', 'aircraft:\n  - { tasked: 1 }'],
    ['an incomplete item of a list that replaces the base\'s (legs)', 'legs:\n  - { from: AB101, to: ETAR }'],
    ['an incomplete step of a list that replaces the base\'s (mog steps)', 'sites:\n  - { id: AB101, mog: [{ from: 2024-06-01 }] }'],
    ['a null that deletes no field of any option', 'sites:\n  - id: AB101\n    groundTime: { dist: lognormal, median: 3h, p90: 6h, bogus: null }'],
    ['a wrong value', 'aircraft:\n  - { id: C-17, tasked: -1 }'],
    ['an empty list where one item is needed', 'sites: []'],
  ];
  for (const [what, body] of rejected) {
    test(`a variant with ${what} fails, as it fails to load`, async () => {
      expect(errorsOf(variant(body)).length).toBeGreaterThan(0);
      expect(await loadsOver(variant(body))).toBe(false);
    });
  }

  test('extends itself must be a file name, and name may not be deleted', () => {
    expect(errorsOf('extends: 42\n').length).toBeGreaterThan(0);
    expect(errorsOf('extends: base.yaml\nname: null\n').length).toBeGreaterThan(0);
  });
});
