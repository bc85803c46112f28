import { describe, expect, test } from 'vitest';
import { join } from 'node:path';
import { loadScenarioDocument } from '../../src/scenario/index.js';
import { writeFiles } from './helpers.js';

async function merged(base: string, variant: string): Promise<unknown> {
  const dir = writeFiles({ 'base.yaml': base, 'sub/variant.yaml': variant });
  const r = await loadScenarioDocument(join(dir, 'sub/variant.yaml'));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.doc.value;
}

describe('extends: deep merge', () => {
  test('objects merge key by key; the path is relative to the variant file', async () => {
    const v = await merged('a: 1\nb: { x: 1, y: 2 }\n', 'extends: ../base.yaml\nb: { y: 3, z: 4 }\n');
    expect(v).toEqual({ a: 1, b: { x: 1, y: 3, z: 4 } });
  });

  test('null deletes a key', async () => {
    const v = await merged('a: 1\nb: { x: 1, y: 2 }\nc: 3\n', 'extends: ../base.yaml\nb: { x: null }\nc: null\n');
    expect(v).toEqual({ a: 1, b: { y: 2 } });
  });

  test('lists of items with an id merge by id: order kept, new ids appended', async () => {
    const base = 'sites:\n  - { id: A, mog: 1, personnel: 10 }\n  - { id: B, mog: 2 }\n';
    const v = await merged(base, 'extends: ../base.yaml\nsites:\n  - { id: B, mog: 0 }\n  - { id: C, mog: 5 }\n  - { id: A, personnel: null }\n');
    expect(v).toEqual({ sites: [{ id: 'A', mog: 1 }, { id: 'B', mog: 0 }, { id: 'C', mog: 5 }] });
  });

  test('other lists are replaced', async () => {
    const v = await merged('fits: [a, b, c]\nsteps: [{ from: 1, n: 2 }]\n', 'extends: ../base.yaml\nfits: [d]\nsteps: [{ from: 5, n: 1 }]\n');
    expect(v).toEqual({ fits: ['d'], steps: [{ from: 5, n: 1 }] });
  });

  test('a scalar replaces an object and vice versa', async () => {
    const v = await merged('mog: [{ from: 1, mog: 2 }]\ng: 3h\n', 'extends: ../base.yaml\nmog: 2\ng: { dist: uniform, min: 1, max: 2 }\n');
    expect(v).toEqual({ mog: 2, g: { dist: 'uniform', min: 1, max: 2 } });
  });

  test('chains of extends apply in order and record every file', async () => {
    const dir = writeFiles({ 'a.yaml': 'x: 1\ny: 1\nz: 1\n', 'b.yaml': 'extends: a.yaml\ny: 2\nz: 2\n', 'c.yaml': 'extends: b.yaml\nz: 3\n' });
    const r = await loadScenarioDocument(join(dir, 'c.yaml'));
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.doc.value).toEqual({ x: 1, y: 2, z: 3 });
    expect(r.doc.files).toEqual([join(dir, 'c.yaml'), join(dir, 'b.yaml'), join(dir, 'a.yaml')]);
  });

  test('merged values keep the origin of the file that wrote them', async () => {
    const dir = writeFiles({ 'a.yaml': 'x: 1\ny: 1\n', 'b.yaml': 'extends: a.yaml\ny: 2\n' });
    const r = await loadScenarioDocument(join(dir, 'b.yaml'));
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.doc.valueOrigins.get('["x"]')).toEqual({ file: join(dir, 'a.yaml'), line: 1, col: 4 });
    expect(r.doc.valueOrigins.get('["y"]')).toEqual({ file: join(dir, 'b.yaml'), line: 2, col: 4 });
  });
});
