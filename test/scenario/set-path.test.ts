import { describe, expect, test } from 'vitest';
import { setPath, resolveDocument, loadScenarioDocument, type ScenarioDocument } from '../../src/scenario/index.js';
import { msg } from '../../src/scenario/messages.js';
import { BASE, writeFiles } from './helpers.js';
import { join } from 'node:path';

async function baseDoc(): Promise<ScenarioDocument> {
  const dir = writeFiles({ 's.yaml': BASE });
  const r = await loadScenarioDocument(join(dir, 's.yaml'));
  if (!r.ok) throw new Error(r.problems.join('\n'));
  return r.doc;
}

function set(doc: ScenarioDocument, path: string, value: unknown): ScenarioDocument {
  const r = setPath(doc, path, value);
  if (!r.ok) throw new Error(r.error);
  return r.doc;
}

describe('setPath', () => {
  test('list items by id, object keys, and the resolved effect', async () => {
    const doc = set(set(await baseDoc(), 'aircraft.C-17.tasked', 6), 'sites.AB101.mog', 3);
    const r = resolveDocument(doc);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.scenario.aircraftTypes[0]?.tasked).toEqual([{ atHours: 0, value: 6 }]);
    expect(r.scenario.sites[0]?.mog).toEqual([{ atHours: 0, value: 3 }]);
  });

  test('the original document is not changed', async () => {
    const doc = await baseDoc();
    set(doc, 'sites.AB101.mog', 9);
    expect((doc.value as { sites: { mog: number }[] }).sites[0]?.mog).toBe(2);
  });

  test('a key the file does not have yet, when the schema allows it; nested objects are created', async () => {
    const doc = set(set(await baseDoc(), 'clearance.denialProbability', 0.3), 'clearance.leadTime', '24h');
    const r = resolveDocument(doc);
    if (!r.ok) throw new Error(r.problems.join('\n'));
    expect(r.scenario.clearance?.regimes[0]).toMatchObject({ denialProbability: 0.3, leadTime: { dist: 'constant', value: 24 } });
  });

  test('list items by index', async () => {
    const doc = set(await baseDoc(), 'aircraft.C-17.fits[1]', 'rolling');
    expect((doc.value as { aircraft: { fits: string[] }[] }).aircraft[0]?.fits).toEqual(['palletized', 'rolling']);
  });

  test('null deletes', async () => {
    const doc = set(await baseDoc(), 'sites.AB101.personnel', null);
    expect((doc.value as { sites: Record<string, unknown>[] }).sites[0]).not.toHaveProperty('personnel');
  });

  test('an unknown key names the path and the nearest valid paths', async () => {
    const r = setPath(await baseDoc(), 'sites.AB101.mogg', 3);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toBe(msg.setPathUnknown('sites.AB101.mogg', ['sites.AB101.mog', 'sites.AB101.icao', 'sites.AB101.id']));
  });

  test('an unknown list item names the items', async () => {
    const r = setPath(await baseDoc(), 'sites.AB102.mog', 3);
    if (r.ok) throw new Error('expected an error');
    expect(r.error).toBe(msg.setPathNotInList('sites.AB102.mog', 'AB102', ['AB101']));
    expect(r.error).toContain('(did you mean "AB101"?)');
  });

  test('a problem in a set value is reported against the --set', async () => {
    const doc = set(await baseDoc(), 'sites.AB101.mog', -1);
    const r = resolveDocument(doc);
    if (r.ok) throw new Error('expected problems');
    expect(r.problems).toEqual(['(--set sites.AB101.mog):1:1: sites.AB101.mog: expected a whole number >= 0, found -1']);
  });
});
