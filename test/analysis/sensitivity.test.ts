import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { sensitivityCommand } from '../../src/cli/commands/sensitivity.js';
import { buildTornadoCharts } from '../../src/report/charts/analysis-tornado.js';
import { defaultSensitivity, prepareSensitivity, runSensitivity, sensitivityCsv } from '../../src/runner/analysis/index.js';
import { tempDir } from '../tmp.js';
import { CLOSED_FORM, load } from './helpers.js';

// one C-17 tasked: x0.5 rounds back to 1 (no fewer than 1 is tried), x1.5 rounds to 2
const ONE_SITE_SLOW = fileURLToPath(new URL('../../scenarios/examples/one-site-slow.yaml', import.meta.url));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('defaultSensitivity: texts say the values run, not the nominal factors', () => {
  it('counts: the counts used and the factor they come to', async () => {
    const texts = async (tasked: number): Promise<[string, string, unknown, unknown]> => {
      const { doc } = await load(CLOSED_FORM, { 'aircraft.C-17.tasked': tasked });
      const p = defaultSensitivity(doc.value).find((x) => x.label === 'C-17s tasked')!;
      return [p.lowText, p.highText, p.low[0]!.value, p.high[0]!.value];
    };
    expect(await texts(1)).toEqual(['1 (x1)', '2 (x2)', 1, 2]);
    expect(await texts(2)).toEqual(['1 (x0.5)', '3 (x1.5)', 1, 3]);
    expect(await texts(3)).toEqual(['2 (x0.67)', '5 (x1.67)', 2, 5]);
    expect(await texts(4)).toEqual(['2 (x0.5)', '6 (x1.5)', 2, 6]);
  });

  it('a cap that changes a value is named', async () => {
    const high = async (loadFactor: number): Promise<string> => {
      const { doc } = await load(CLOSED_FORM, { 'aircraft.C-17.loadFactor': loadFactor });
      return defaultSensitivity(doc.value).find((x) => x.label === 'Load factor')!.highText;
    };
    expect(await high(0.7)).toBe('x1.2');
    expect(await high(0.9)).toBe('x1.2, at most 1');
  });
});

describe('sensitivity: an end that is the scenario as written is flagged, not nudged', () => {
  it('one C-17: low "1 (x1) = as written" with a note, in the rows, the CSV and the tornado', async () => {
    const { doc, scenario } = await load(ONE_SITE_SLOW);
    const prep = prepareSensitivity(doc, scenario);
    if (!prep.ok) throw new Error(prep.problems.join('\n'));
    const tasked = prep.params.find((p) => p.param.label === 'C-17s tasked')!;
    expect(tasked.param.low).toEqual([{ path: 'aircraft.C-17.tasked', value: 1 }]);
    expect(tasked.param.high).toEqual([{ path: 'aircraft.C-17.tasked', value: 2 }]);
    expect([tasked.param.lowText, tasked.param.highText]).toEqual(['1 (x1) = as written', '2 (x2)']);
    expect(tasked.note).toMatch(/^C-17s tasked: the low end is the scenario as written \(no fewer than 1 C-17 is tried.*so the swing is the high end's alone$/);
    // no airliftStart written: its low end, 0 days, is the scenario as written too (found by resolving)
    expect(prep.params.find((p) => p.param.label === 'Airlift start delay')!.param.lowText).toBe('0 days = as written');
    expect(prep.params.find((p) => p.param.label === 'Ground time')!.note).toBeNull();

    const r = await runSensitivity(scenario, prep.params, prep.source, { replications: 8, seed: 3, workers: 1 });
    const row = r.parameters.find((p) => p.label === 'C-17s tasked')!;
    // common random numbers: the low run is the base run, replication by replication
    expect(row.low).toEqual(r.base);
    expect(row.note).toBe(tasked.note);
    const csv = sensitivityCsv(r).split('\n');
    expect(csv[0]!.endsWith(',note')).toBe(true);
    expect(csv.find((l) => l.includes(',C-17s tasked,'))).toContain(',aircraft.C-17.tasked,1 (x1) = as written,2 (x2),');
    const labels = buildTornadoCharts(r).map((c) => JSON.stringify(c.spec));
    for (const spec of labels) {
      expect(spec).toContain('C-17s tasked: 1 (x1) = as written / 2 (x2)');
      expect(spec).not.toContain('x0.5 / x1.5');
      expect(spec).not.toContain('low (x0.5)');
    }
  });

  it('the command prints the values run and the note', async () => {
    const out = tempDir('airlift-sensitivity-');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    await sensitivityCommand.handler({ scenario: ONE_SITE_SLOW, reps: '4', workers: '1', out, json: false, quiet: false, charts: false, _: [], $0: 'airlift' } as never);
    vi.restoreAllMocks();
    const text = written.join('');
    expect(text).toMatch(/C-17s tasked +1 \(x1\) = as written +2 \(x2\) /);
    expect(text).toContain('Note: C-17s tasked: the low end is the scenario as written');
  });
});
