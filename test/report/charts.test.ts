import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';
import { makeFixture, SITES, START_UTC } from './fixture.js';
import { chartContext } from '../../src/report/context.js';
import { buildCharts } from '../../src/report/charts/index.js';
import type { ChartSpec } from '../../src/report/charts/common.js';
import { ALL_SITES, MAX_CURVE_POINTS, buildCompletionCurve } from '../../src/report/charts/completion-curve.js';
import { buildCompletionHistogram, BEFORE_DEADLINE } from '../../src/report/charts/completion-histogram.js';
import { buildRemainingFan } from '../../src/report/charts/remaining-fan.js';
import { buildLostHours } from '../../src/report/charts/lost-hours.js';
import { buildConvergence } from '../../src/report/charts/convergence.js';
import { IDLE, buildGantt } from '../../src/report/charts/gantt.js';
import { labelSide, planLabel } from '../../src/report/charts/common.js';
import { LAST_SORTIE_WAIT } from '../../src/report/terms.js';
import { DAY_MS, ceilDay, formatDate } from '../../src/report/time.js';
import { compileSpec, renderSvg } from '../../src/report/render.js';

const fixture = makeFixture();
const ctx = chartContext(fixture);
const charts = buildCharts(ctx);
type Row = Record<string, unknown>;
const dataset = (c: ChartSpec, name: string): Row[] => ((c.spec as unknown as { datasets: Record<string, Row[]> }).datasets[name] ?? []);
const titleOf = (c: ChartSpec): string => (c.spec as unknown as { title: { text: string } }).title.text;
const subtitleOf = (c: ChartSpec): string[] => (c.spec as unknown as { title: { subtitle: string[] } }).title.subtitle;
type Layer = { data?: { name?: string; values?: Row[] }; transform?: { filter: Row }[]; mark: Row; encoding: Record<string, Row> };
const layersOf = (c: ChartSpec): Layer[] => (c.spec as unknown as { layer: Layer[] }).layer;
/** The text layer that labels the plan's rule. */
const planText = (c: ChartSpec): Layer | undefined =>
  layersOf(c).find((l) => l.mark['type'] === 'text' && String(l.data?.values?.[0]?.['label'] ?? '').startsWith('Plan '));
const wall = (hours: number): number => Date.parse(START_UTC) + 3_600_000 + hours * 3_600_000; // Niamey = UTC+1
/** The fixture with the plan finishing at `hours` (as the pessimistic scenario's, far before every replication). */
const withPlanAt = (hours: number) => {
  const utc = new Date(Date.parse(START_UTC) + hours * 3_600_000).toISOString();
  return chartContext({
    summary: { ...fixture.summary, plan: { ...fixture.summary.plan, completion: utc, percentile: 0 } },
    chartData: { ...fixture.chartData, planCompletionUtc: utc },
  });
};

let validate: ValidateFunction;
beforeAll(() => {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('vega-lite/vega-lite-schema.json'), 'utf8')) as object;
  validate = new Ajv({ strict: false, allErrors: true }).compile(schema);
});

/** The mark classes each chart must draw. */
const EXPECTED_MARKS: Record<string, string[]> = {
  'completion-curve': ['mark-line', 'mark-rule', 'mark-symbol', 'mark-text'],
  'completion-histogram': ['mark-rect', 'mark-rule'],
  'remaining-fan': ['mark-area', 'mark-line', 'mark-rule'],
  'lost-hours': ['mark-rect'],
  utilisation: ['mark-area', 'mark-line'],
  convergence: ['mark-area', 'mark-line', 'mark-rule'],
  gantt: ['mark-rect', 'mark-rule'],
};

describe('every chart', () => {
  it('builds all seven charts from the fixture', () => {
    expect(charts.map((c) => c.id)).toEqual(Object.keys(EXPECTED_MARKS));
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s is valid Vega-Lite v6 against its JSON schema', (_id, c) => {
    const ok = validate(c.spec);
    expect(validate.errors?.slice(0, 3) ?? [], JSON.stringify(validate.errors?.slice(0, 3))).toEqual([]);
    expect(ok).toBe(true);
    expect((c.spec as { $schema?: string }).$schema).toMatch(/vega-lite\/v6/);
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s compiles with no warning', (_id, c) => {
    const out = compileSpec(c.spec);
    expect(out.warnings).toEqual([]);
    expect(out.spec.marks?.length ?? 0).toBeGreaterThan(0);
  });

  it.each(charts.map((c) => [c.id, c] as const))('%s renders to an SVG with its marks and title', async (id, c) => {
    const svg = await renderSvg(c.spec);
    expect(svg.startsWith('<svg')).toBe(true);
    for (const mark of EXPECTED_MARKS[id] ?? []) expect(svg, mark).toContain(`class="mark-${mark.slice(5)}`);
    // Some drawn geometry, not just empty groups.
    expect((svg.match(/<path|<rect|<line/g) ?? []).length).toBeGreaterThan(5);
    const title = titleOf(c).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    expect(svg).toContain(title);
  });
});

describe('buildCompletionCurve', () => {
  const c = buildCompletionCurve(ctx);
  const rows = dataset(c, 'curve');
  const s = fixture.summary;

  it("states P at the deadline in its title, as in the summary", () => {
    expect(titleOf(c)).toBe(`P(cleared by 15 Sep 2024) = ${s.probabilityCleared.estimate.toFixed(2)}`);
  });

  it("has the summary's probability at the deadline, overall and per site", () => {
    const at = (series: string) => rows.find((r) => r['series'] === series && r['kind'] === 'deadline');
    expect(at(ALL_SITES)?.['p']).toBe(s.probabilityCleared.estimate);
    expect(at(ALL_SITES)?.['t']).toBe('2024-09-16T00:00:00.000Z'); // end of 15 Sep, local wall clock
    for (const site of SITES) expect(at(site)?.['p']).toBe(s.sites[site]?.probabilityCleared.estimate);
  });

  it('keeps uncleared replications in the denominator and is non-decreasing', () => {
    for (const series of [ALL_SITES, ...SITES]) {
      const ps = rows.filter((r) => r['series'] === series).map((r) => r['p'] as number);
      for (let i = 1; i < ps.length; i++) expect(ps[i]).toBeGreaterThanOrEqual(ps[i - 1] as number);
      const cleared = series === ALL_SITES ? fixture.chartData.completionEcdf.overall.length : fixture.chartData.completionEcdf.bySite[series]!.length;
      expect(ps[ps.length - 1]).toBe(cleared / s.replications);
    }
    expect(rows.filter((r) => r['series'] === ALL_SITES).at(-1)?.['p']).toBeLessThan(1);
  });

  it('is downsampled to at most MAX_CURVE_POINTS steps per curve', () => {
    expect(fixture.chartData.completionEcdf.overall.length).toBeGreaterThan(MAX_CURVE_POINTS);
    for (const series of [ALL_SITES, ...SITES]) {
      expect(rows.filter((r) => r['series'] === series && r['kind'] === 'step').length).toBeLessThanOrEqual(MAX_CURVE_POINTS);
    }
  });

  it('draws the thick All sites curve beneath the site curves, so a site that coincides with it shows', () => {
    const series = layersOf(c).flatMap((l, i) => {
      const f = l.transform?.[0]?.filter;
      return f === undefined ? [] : [[i, f['equal'] === ALL_SITES ? 'all' : 'sites'] as const];
    });
    expect(series.map(([, kind]) => kind)).toEqual(['all', 'sites']);
    expect(layersOf(c)[series[0]![0]]!.mark['strokeWidth']).toBeGreaterThan(layersOf(c)[series[1]![0]]!.mark['strokeWidth'] as number);
  });

  it("marks P50/P80/P90 at the summary's dates", () => {
    const marks = dataset(c, 'percentiles');
    const wall = (iso: string | null) => new Date(Date.parse(iso!) + 3_600_000).toISOString(); // Niamey = UTC+1
    expect(marks.map((m) => [m['name'], m['t'], m['p']])).toEqual([
      ['P50', wall(s.completion.p50), 0.5], ['P80', wall(s.completion.p80), 0.8], ['P90', wall(s.completion.p90), 0.9],
    ]);
  });
});

describe('buildCompletionHistogram', () => {
  const c = buildCompletionHistogram(ctx);
  const bins = (c.spec as unknown as { layer: { data: { values?: Row[] } }[] }).layer[0]!.data.values!;
  it('names the median (P50) finish in its title, not a "most likely" one', () => {
    expect(titleOf(c)).toMatch(new RegExp(`^Median finish ${formatDate(Date.parse(fixture.summary.completion.p50!) + 3_600_000)}; \\d+% finish by 15 Sep 2024$`));
  });

  it('counts every cleared replication once, and the bars before the deadline add up to P', () => {
    const total = bins.reduce((a, b) => a + (b['count'] as number), 0);
    expect(total).toBe(fixture.chartData.completionEcdf.overall.length);
    const before = bins.filter((b) => b['when'] === BEFORE_DEADLINE).reduce((a, b) => a + (b['count'] as number), 0);
    expect(before / fixture.summary.replications).toBeCloseTo(fixture.summary.probabilityCleared.estimate, 12);
  });
});

describe('buildRemainingFan', () => {
  const c = buildRemainingFan(ctx);
  it('plots each day at the end of the local day with the chartdata percentiles', () => {
    const rows = dataset(c, 'AB101-shortTons');
    const src = fixture.chartData.daily.filter((r) => r.site === 'AB101' && r.measure === 'shortTons');
    expect(rows[0]?.['t']).toBe('2024-05-20T00:00:00.000Z'); // end of 19 May
    expect(rows[0]?.['p50']).toBe(src[0]?.p50);
    expect(rows[10]?.['p10']).toBe(src[10]?.p10);
    expect(rows[10]?.['p90']).toBe(src[10]?.p90);
  });
  it('has one panel per site and measure', () => {
    const v = (c.spec as unknown as { vconcat: { hconcat: unknown[] }[] }).vconcat;
    expect(v.map((r) => r.hconcat.length)).toEqual([2, 2]);
  });
});

describe('buildLostHours', () => {
  it("shows the summary's hours and binding shares per cause", () => {
    const values = (buildLostHours(ctx).spec as unknown as { data: { values: Row[] } }).data.values;
    for (const v of values) {
      expect(v['hours']).toBe(fixture.summary.lostHoursByCause[v['cause'] as string]);
      expect(v['binding']).toBe(fixture.summary.bindingCause[v['cause'] as string]);
    }
    expect(values.length).toBe(12);
  });

  it('calls the binding cause the largest wait on the last sortie, and never what sets the finish', () => {
    const c = buildLostHours(ctx);
    const spec = c.spec as unknown as { hconcat: { encoding: { x: { title: string }; tooltip: { title: string }[] } }[] };
    const words = [titleOf(c), ...subtitleOf(c), c.caption, spec.hconcat[1]!.encoding.x.title, spec.hconcat[1]!.encoding.tooltip[1]!.title];
    expect(spec.hconcat[1]!.encoding.x.title).toBe(`Share of replications: ${LAST_SORTIE_WAIT}`);
    expect(subtitleOf(c).join(' ')).toContain(`how often each cause was ${LAST_SORTIE_WAIT} (the sortie whose take-off cleared the last site): most often`);
    expect(c.caption).toContain(LAST_SORTIE_WAIT);
    for (const w of words) expect(w).not.toMatch(/sets the finish|delayed the (last departure|finish)/i);
  });
});

describe('planLayers', () => {
  it('labels the plan left of its rule when the label fits before the y axis', () => {
    for (const c of [buildCompletionCurve(ctx), buildCompletionHistogram(ctx)]) {
      expect(planText(c)?.mark).toMatchObject({ align: 'right', dx: -4 });
    }
  });

  it('labels the plan right of its rule, inside the plot, when the rule is near the y axis', () => {
    const early = withPlanAt(1500); // 2 days after the start of the curve's domain
    for (const c of [buildCompletionCurve(early), buildCompletionHistogram(early)]) {
      expect(planText(c)?.data?.values?.[0]?.['label']).toBe(`Plan ${formatDate(wall(1500))} (P0)`);
      expect(planText(c)?.mark).toMatchObject({ align: 'left', dx: 4 });
    }
  });

  it('labelSide: left when the label fits between the axis and the rule', () => {
    const frame = { domain: [0, 1000] as const, width: 500 };
    const label = planLabel(withPlanAt(1500))!;
    expect(labelSide(frame, 10, label)).toBe('right');
    expect(labelSide(frame, 900, label)).toBe('left');
  });
});

describe('buildConvergence', () => {
  it('ends at the final estimate and interval', () => {
    const rows = dataset(buildConvergence(ctx), 'running');
    const last = rows.at(-1)!;
    expect(last['n']).toBe(fixture.summary.replications);
    expect(last['estimate']).toBe(fixture.summary.probabilityCleared.estimate);
    expect([last['lo'], last['hi']]).toEqual([...fixture.summary.probabilityCleared.ci95]);
  });
});

describe('buildGantt', () => {
  it('draws every phase interval', () => {
    const g = buildGantt(ctx)!;
    const values = (g.spec as unknown as { layer: { data: { values: Row[] } }[] }).layer[0]!.data.values;
    expect(values.length).toBe(fixture.chartData.gantt!.phases.length);
  });
  it('says it is the median replication, ending at the P50 completion, and names the blank gaps', () => {
    const g = buildGantt(ctx)!;
    const p50 = formatDate(Date.parse(fixture.summary.completion.p50!) + 3_600_000);
    expect(titleOf(g)).toMatch(new RegExp(`^Median replication \\(no\\. 1,234\\): 7 aircraft, .* – ${p50}, ending at the P50 completion$`));
    expect(g.heading).toBe('The median replication, aircraft by aircraft');
    expect(g.caption).toContain(`The median replication (no. 1,234), which finishes at the P50 completion, ${p50}`);
    expect(g.caption).toContain('Blank gaps: the aircraft is idle at home with no work ready for it');
    const colour = layersOf(g)[0]!.encoding['color']!['scale'] as { domain: string[]; range: string[] };
    expect(colour.domain.at(-1)).toBe(IDLE);
    expect(colour.range.at(-1)).toBe('#ffffff');
  });

  it('ends its time axis soon after a replication that ends well before the deadline, without the deadline', () => {
    const cut = 1200; // hours; the deadline is at 2,880
    const phases = fixture.chartData.gantt!.phases
      .filter((p) => Date.parse(p.start) < Date.parse(START_UTC) + cut * 3_600_000)
      .map((p) => ({ ...p, end: new Date(Math.min(Date.parse(p.end), Date.parse(START_UTC) + cut * 3_600_000)).toISOString() }));
    const early = chartContext({ ...fixture, chartData: { ...fixture.chartData, gantt: { replication: 7, phases } } });
    const g = buildGantt(early)!;
    const x = layersOf(g)[0]!.encoding['x']!['scale'] as { domainMin: number; domainMax: number };
    expect(x.domainMax).toBe(ceilDay(wall(cut) + DAY_MS / 2));
    expect(x.domainMax).toBeLessThan(early.deadlineMs - 30 * DAY_MS);
    expect(layersOf(g).some((l) => l.mark['type'] === 'rule')).toBe(false);
    expect(subtitleOf(g).join(' ')).toMatch(/the deadline, 15 Sep 2024, is \d+ days later/);
    // its end is not the P50: not called the median
    expect(titleOf(g)).toMatch(/^Replication 7: /);
  });

  it("reaches on to the deadline when the replication ends near it", () => {
    const g = buildGantt(ctx)!; // the fixture's median ends ~10 days before the deadline
    const x = layersOf(g)[0]!.encoding['x']!['scale'] as { domainMax: number };
    expect(x.domainMax).toBe(ctx.deadlineMs);
    expect(layersOf(g).some((l) => l.mark['type'] === 'rule')).toBe(true);
  });

  it('is skipped when the run kept no Gantt data', () => {
    const noGantt = chartContext(makeFixture({ gantt: false, replications: 500 }));
    expect(buildGantt(noGantt)).toBeNull();
    expect(buildCharts(noGantt).map((c) => c.id)).not.toContain('gantt');
  });
});

describe('time zones', () => {
  it("renders the same SVG whatever the machine's time zone", async () => {
    const spec = buildCompletionCurve(ctx).spec;
    const saved = process.env['TZ'];
    try {
      process.env['TZ'] = 'UTC';
      const utcHour = new Date(0).getHours();
      const a = await renderSvg(spec);
      process.env['TZ'] = 'Pacific/Kiritimati'; // UTC+14
      expect(new Date(0).getHours()).not.toBe(utcHour); // the switch took effect
      const b = await renderSvg(spec);
      process.env['TZ'] = 'America/Los_Angeles';
      const c = await renderSvg(buildCompletionCurve(chartContext(fixture)).spec);
      expect(b).toBe(a);
      expect(c).toBe(a);
    } finally {
      if (saved === undefined) delete process.env['TZ'];
      else process.env['TZ'] = saved;
    }
  });
});
