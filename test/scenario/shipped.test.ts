/** The committed JSON Schema is current, and every shipped scenario validates against it and loads. */
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { loadScenario, scenarioSchemaText } from '../../src/scenario/index.js';

const SCHEMA = 'scenarios/scenario.schema.json';

/** The committed schema, compiled once (it is large: a whole scenario's schema and a variant's). */
let compiled: ValidateFunction | undefined;
function committedSchema(): ValidateFunction {
  compiled ??= new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')) as object);
  return compiled;
}

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
    // Variants (`extends`) too: the schema line is at the top of every file, so an editor
    // checks each one against the schema and must not underline a valid variant.
    test(`${file} loads, starts with the yaml-language-server line, and passes the JSON Schema`, async () => {
      const text = readFileSync(file, 'utf8');
      expect(text.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=(\.\/|(\.\.\/)+)scenario\.schema\.json$/);
      const r = await loadScenario(file);
      expect(r.ok ? [] : r.problems).toEqual([]);
      const doc = parse(text) as unknown;
      const validate = committedSchema();
      expect(validate(doc) ? [] : validate.errors).toEqual([]);
    });
  }
});
