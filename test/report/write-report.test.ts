import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeFixture, writeFixture } from './fixture.js';
import { buildReport, removeReport, ReportInputError, writeReport } from '../../src/report/index.js';
import { reportCommand } from '../../src/cli/commands/report.js';
import { InputError } from '../../src/cli/exit.js';
import { tempDir } from '../tmp.js';

const fresh = () => tempDir('airlift-report-');
const CHART_IDS = ['completion-curve', 'completion-histogram', 'remaining-fan', 'lost-hours', 'utilisation', 'convergence', 'gantt'];

describe('writeReport', () => {
  it('writes every chart as .vl.json and .svg, and report.html, with no temp files left', async () => {
    const dir = fresh();
    const f = writeFixture(dir);
    await writeReport(dir);
    const files = readdirSync(join(dir, 'charts')).sort();
    expect(files).toEqual(CHART_IDS.flatMap((id) => [`${id}.svg`, `${id}.vl.json`]).sort());
    expect(readdirSync(dir).filter((x) => x.endsWith('.tmp'))).toEqual([]);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    const p = f.summary.probabilityCleared;
    expect(html).toContain(`P(cleared by 15 Sep 2024) = ${p.estimate.toFixed(2)} [${p.ci95[0].toFixed(2)}, ${p.ci95[1].toFixed(2)}], n = 4,000`);
    for (const id of CHART_IDS) expect(html).toContain(`id="chart-${id}"`);
    // The scenario description is escaped (the fixture's has '<', '&' and quotes).
    expect(html).toContain('&lt;by 15 Sep&gt; &amp; &quot;quoted&quot;');
    expect(html).not.toContain('<by 15 Sep>');
    // Offline: no URL that the browser would fetch.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/i);
    const spec = JSON.parse(readFileSync(join(dir, 'charts', 'completion-curve.vl.json'), 'utf8')) as { $schema: string };
    expect(spec.$schema).toMatch(/vega-lite\/v6/);
  });

  it('writes report.html only with charts: false', async () => {
    const dir = fresh();
    writeFixture(dir);
    const r = await buildReport(dir, { charts: false });
    expect(r.charts).toEqual([]);
    expect(existsSync(join(dir, 'charts'))).toBe(false);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
  });

  it('removes the chart files of an earlier report that it does not rewrite, and nothing else', async () => {
    const dir = fresh();
    writeFixture(dir, makeFixture({ replications: 400, gantt: true }));
    await writeReport(dir);
    expect(existsSync(join(dir, 'charts', 'gantt.svg'))).toBe(true);
    writeFileSync(join(dir, 'charts', 'notes.txt'), 'mine\n');
    // the same folder's next results have no Gantt chart: the old one would contradict them
    writeFixture(dir, makeFixture({ replications: 400, gantt: false }));
    await writeReport(dir);
    const files = readdirSync(join(dir, 'charts')).sort();
    expect(files).toEqual([...CHART_IDS.filter((id) => id !== 'gantt').flatMap((id) => [`${id}.svg`, `${id}.vl.json`]), 'notes.txt'].sort());
    // charts: false writes no chart file, so none of the earlier ones stays either
    await buildReport(dir, { charts: false });
    expect(readdirSync(join(dir, 'charts'))).toEqual(['notes.txt']);
  });

  it('removeReport takes report.html and the chart files away, nothing else', async () => {
    const dir = fresh();
    writeFixture(dir);
    await writeReport(dir);
    writeFileSync(join(dir, 'charts', 'notes.txt'), 'mine\n');
    const before = readdirSync(dir).sort();
    removeReport(dir);
    expect(readdirSync(dir).sort()).toEqual(before.filter((f) => f !== 'report.html'));
    expect(readdirSync(join(dir, 'charts'))).toEqual(['notes.txt']);
  });

  it('adds analysis sections from analyses/<name>/section.json, text escaped', async () => {
    const dir = fresh();
    writeFixture(dir, makeFixture({ replications: 400, gantt: false }));
    mkdirSync(join(dir, 'analyses', 'sensitivity'), { recursive: true });
    writeFileSync(join(dir, 'analyses', 'sensitivity', 'section.json'), JSON.stringify({
      title: 'Sensitivity <what matters>',
      paragraphs: ['MOG at AB101 matters most.'],
      table: { columns: ['Parameter', 'ΔP'], rows: [['mog', 0.12]] },
      charts: [{ id: 'tornado', spec: { data: { values: [{ a: 'x', b: 1 }] }, mark: 'bar', encoding: { x: { field: 'b', type: 'quantitative' }, y: { field: 'a', type: 'nominal' } } } }],
    }));
    await writeReport(dir);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<h2>Sensitivity &lt;what matters&gt;</h2>');
    expect(html).toContain('id="chart-sensitivity-tornado"');
    expect(existsSync(join(dir, 'charts', 'sensitivity-tornado.svg'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'gantt.svg'))).toBe(false); // no Gantt data: skipped
  });

  it('reads site names and key parameters from scenario.resolved.json when present', async () => {
    const dir = fresh();
    writeFixture(dir, makeFixture({ replications: 300 }));
    writeFileSync(join(dir, 'scenario.resolved.json'), JSON.stringify({
      sites: [{ id: 'AB101', name: 'Niamey', personnel: 700, mog: [{ atHours: 0, value: 4 }] }, { id: 'AB201', name: 'Agadez', personnel: 300 }],
      cargo: [{ site: 0, shortTons: 10, count: 5, leaveBehind: false }],
      aircraftTypes: [{ id: 'C-17', name: 'C-17A Globemaster III', tasked: [{ atHours: 0, value: 6 }], planningPayload: 45, seats: 102, missionCapableRate: 0.8 }],
      dispatch: { policy: 'priority' }, clearance: null, disruptions: [],
    }));
    await writeReport(dir, { charts: false });
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Site AB101 (Niamey)');
    expect(html).toContain('700 people; 50 short tons to fly; MOG 4');
    expect(html).toContain('6 tasked; payload 45 short tons; 102 seats; mission capable 80%');
  });
});

describe('bad input', () => {
  it('names the missing files', async () => {
    const dir = fresh();
    const err = await writeReport(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportInputError);
    expect((err as ReportInputError).problems).toEqual([
      expect.stringMatching(/summary\.json: file not found/),
      expect.stringMatching(/chartdata\.json: file not found/),
    ]);
  });

  it('names the file, the field, what was expected and what was found', async () => {
    const dir = fresh();
    const f = makeFixture({ replications: 200 });
    writeFixture(dir, f);
    const bad = { ...f.summary, probabilityCleared: { estimate: 'high', ci95: [0, 1] }, scenario: { ...f.summary.scenario, timeZone: 'Mars/Olympus' } };
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(bad));
    writeFileSync(join(dir, 'chartdata.json'), '{"siteIds": [');
    const err = (await writeReport(dir).catch((e: unknown) => e)) as ReportInputError;
    expect(err.problems).toHaveLength(2);
    expect(err.problems[0]).toMatch(/summary\.json: probabilityCleared\.estimate: .*expected number, received string/);
    expect(err.problems[1]).toMatch(/chartdata\.json: not valid JSON/);
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
  });

  it('rejects an unsorted ECDF and an unknown time zone', async () => {
    const dir = fresh();
    const f = makeFixture({ replications: 200 });
    writeFixture(dir, f);
    writeFileSync(join(dir, 'summary.json'), JSON.stringify({ ...f.summary, scenario: { ...f.summary.scenario, timeZone: 'Mars/Olympus' } }));
    const cd = JSON.parse(readFileSync(join(dir, 'chartdata.json'), 'utf8')) as { completionEcdf: { overall: number[] } };
    cd.completionEcdf.overall.reverse();
    writeFileSync(join(dir, 'chartdata.json'), JSON.stringify(cd));
    const err = (await writeReport(dir).catch((e: unknown) => e)) as ReportInputError;
    expect(err.problems).toEqual([
      expect.stringMatching(/summary\.json: scenario\.timeZone: expected an IANA time zone .* found "Mars\/Olympus"/),
      expect.stringMatching(/chartdata\.json: completionEcdf\.overall\[1\]: expected completion hours sorted ascending/),
    ]);
  });
});

describe('airlift report <outdir>', () => {
  const run = (outdir: string) => (reportCommand.handler as (a: Record<string, unknown>) => Promise<void>)({ outdir, charts: true, _: [], $0: 'airlift' });

  it('rebuilds the report from saved results', async () => {
    const dir = fresh();
    writeFixture(dir, makeFixture({ replications: 300 }));
    await run(dir);
    expect(existsSync(join(dir, 'report.html'))).toBe(true);
    expect(existsSync(join(dir, 'charts', 'completion-curve.svg'))).toBe(true);
  });

  it('turns missing or invalid results into InputError (exit 2)', async () => {
    const dir = fresh();
    await expect(run(dir)).rejects.toBeInstanceOf(InputError);
    await expect(run(join(dir, 'nope'))).rejects.toThrow(/not a folder/);
  });
});
