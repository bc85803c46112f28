/** The committed JSON Schema is current, and every shipped scenario validates against it and loads. */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadScenario, scenarioSchemaText } from '../../src/scenario/index.js';

const SCHEMA = 'scenarios/scenario.schema.json';

function shipped(): string[] {
  const top = readdirSync('scenarios').filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios', f));
  const ex = existsSync('scenarios/examples') ? readdirSync('scenarios/examples').filter((f) => f.endsWith('.yaml')).map((f) => join('scenarios/examples', f)) : [];
  return [...top, ...ex];
}

describe('shipped scenarios', () => {
  test(`${SCHEMA} is current (run: airlift schema)`, () => {
    expect(readFileSync(SCHEMA, 'utf8')).toBe(scenarioSchemaText());
  });

  test('there are teaching examples', () => {
    expect(shipped().filter((f) => f.includes('examples')).length).toBeGreaterThanOrEqual(2);
  });

  for (const file of shipped()) {
    test(`${file} loads, starts with the yaml-language-server line, and (when standalone) passes the JSON Schema`, async () => {
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\/|(\.\.\/)+)scenario\.schema\.json$/);
      const r = await loadScenario(file);
      expect(r.ok ? [] : r.problems).toEqual([]);
      const doc = parse(text) as Record<string, unknown>;
      if (doc['extends'] === undefined) {
        const ajv = new Ajv2020({ allErrors: true, strict: false });
        const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
        expect(validate(doc) ? [] : validate.errors).toEqual([]);
      }
    });
  }
});
