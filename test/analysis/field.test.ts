import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fieldValue } from '../../src/runner/analysis/index.js';
import { load } from './helpers.js';

const ONE_SITE_SLOW = fileURLToPath(new URL('../../scenarios/examples/one-site-slow.yaml', import.meta.url));

describe('fieldValue', () => {
  it('an unset field: the model\'s default (the value that resolves to the same scenario)', async () => {
    const { doc } = await load(ONE_SITE_SLOW);
    expect(fieldValue(doc, 'clearance.denialProbability')).toEqual({ path: 'clearance.denialProbability', written: undefined, defaultValue: 0, integer: false });
    expect(fieldValue(doc, 'aircraft.C-17.missionCapableRate')).toMatchObject({ written: undefined, defaultValue: 1, integer: false });
    // a named default of resolve.ts (DEFAULTS.reRequestDelayHours)
    expect(fieldValue(doc, 'clearance.reRequestDelay')).toMatchObject({ written: undefined, defaultValue: 24, integer: false });
    // rejects 0.5 for another reason (a break needs a repair time), and 1 too: not a count
    expect(fieldValue(doc, 'aircraft.C-17.breakProbability')).toMatchObject({ written: undefined, defaultValue: 0, integer: false });
    // unlimited when unset: no number
    expect(fieldValue(doc, 'sites.ALPHA.loadingTeams')).toMatchObject({ written: undefined, defaultValue: null, integer: true });
  });

  it('a written field: as written, a count only where the model takes whole numbers alone', async () => {
    const { doc } = await load(ONE_SITE_SLOW, { 'clearance.denialProbability': 0, 'aircraft.C-17.missionCapableRate': 1 });
    expect(fieldValue(doc, 'clearance.denialProbability')).toEqual({ path: 'clearance.denialProbability', written: 0, defaultValue: null, integer: false });
    expect(fieldValue(doc, 'aircraft.C-17.missionCapableRate')).toMatchObject({ written: 1, integer: false });
    expect(fieldValue(doc, 'aircraft.C-17.tasked')).toMatchObject({ written: 1, integer: true });
    expect(fieldValue(doc, 'sites.ALPHA.mog')).toMatchObject({ written: 1, integer: true });
    const steps = await load(ONE_SITE_SLOW, { 'aircraft.C-17.tasked': [{ from: '0h', count: 1 }, { from: '2d', count: 3 }] });
    expect(fieldValue(steps.doc, 'aircraft.C-17.tasked')).toMatchObject({ integer: true });
  });
});
