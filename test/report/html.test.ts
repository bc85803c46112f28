/**
 * buildHtml: the page's words. A reviewer found that it never said what "cleared" means,
 * described the plan only as "every distribution at its central value", worded the binding
 * cause three ways (one of them claiming it "sets the finish"), named the tool twice
 * ("airlift airlift 0.1.0") and gave the horizon no zone.
 */
import { describe, expect, it } from 'vitest';
import { makeFixture } from './fixture.js';
import { chartContext } from '../../src/report/context.js';
import { buildCharts } from '../../src/report/charts/index.js';
import { buildHtml, headlineDefinition, toolName } from '../../src/report/html.js';
import { LAST_SORTIE_WAIT } from '../../src/report/terms.js';

const fixture = makeFixture({ replications: 500 });
const ctx = chartContext(fixture);
const page = buildHtml({
  ctx, charts: buildCharts(ctx), sections: [], assumptions: { siteNames: {}, rows: [], note: null },
  builds: [], versions: { vega: '6.0.0' },
});
/** The page's visible text between two markers (tags dropped, entities of the fixture kept). */
const between = (from: string, to: string): string => {
  const i = page.indexOf(from);
  const j = page.indexOf(to, i);
  expect(i, from).toBeGreaterThanOrEqual(0);
  expect(j, to).toBeGreaterThan(i);
  return page.slice(i, j).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};

describe('buildHtml', () => {
  it('says what P(cleared) counts, between the headline and the summary', () => {
    const top = between('id="headline"', 'id="summary"');
    expect(top).toContain('Cleared means the last aircraft is airborne from the last site before the end of 15 Sep 2024, local time (Africa/Niamey)');
    expect(top).toContain('cargo left behind by decision does not count');
    expect(headlineDefinition(ctx)).toMatch(/^Cleared means .* 95% confidence interval\.$/);
  });

  it('says how the deterministic plan is run and that it is often optimistic', () => {
    const plan = between('<h3>Plan</h3>', '<h3>Milestones</h3>');
    expect(plan).toContain('every distribution at its planning value');
    expect(plan).toContain('random events off (breaks, clearance denials, weather, incidents, competing missions, uncertain disruptions)');
    expect(plan).toContain('mission-capable rate applied as an expected fleet');
    expect(plan).toContain('what a deterministic spreadsheet would give, and is often optimistic');
    expect(page).not.toContain('central value');
  });

  it('words the binding cause one way, page and charts alike, and never says it sets the finish', () => {
    const lost = between('<h3>Lost time</h3>', '<h3>Fleet and parking</h3>');
    expect(lost).toContain(`Share of replications: ${LAST_SORTIE_WAIT}`);
    expect(lost).toContain('the one whose take-off cleared the last site');
    // the whole page, chart specs included
    expect(page).not.toMatch(/sets the finish|delayed the (last departure|finish)/i);
  });

  it('names the tool once, whichever way the version was written', () => {
    expect(between('id="provenance"', '</table>')).toContain(' Tool airlift 0.1.0 ');
    expect(page).not.toContain('airlift airlift');
    expect(toolName('airlift 0.1.0')).toBe('airlift 0.1.0');
    expect(toolName('0.1.0')).toBe('airlift 0.1.0');
  });

  it('gives the horizon in local time, as the deadline', () => {
    const rows = between('id="assumptions"', '</table>');
    expect(rows).toContain('Deadline end of 15 Sep 2024 (local)');
    expect(rows).toContain('Horizon 16 Oct 2024 00:00 (local)');
  });
});
