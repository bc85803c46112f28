/**
 * The report: charts and one self-contained HTML page from a run's saved results.
 *
 *   1. results      load.ts        read outDir/summary.json + chartdata.json (checked; ReportInputError),
 *                                  optional scenario.resolved.json (assumptions.ts) and analyses/
 *                                  sections (sections.ts)
 *   2. summary      context.ts     derive the shared chart context: local clock, deadline, plan
 *   3. chart specs  charts/*.ts    one Vega-Lite v6 spec per chart, data inlined, UTC scales
 *   4. SVG          render.ts      compile with vega-lite, render headless with vega (no canvas)
 *   5. HTML         html.ts        one page: headline, tables, charts (vega-embed), assumptions,
 *                                  provenance; vega/vega-lite/vega-embed inlined (assets.ts)
 *   6. atomic write io/atomic.ts   charts/<id>.vl.json, charts/<id>.svg, then report.html; chart
 *                                  files of an earlier report not rewritten are removed (files.ts)
 *
 * `writeReport(outDir)` runs all six; `airlift run` calls it after writing its results and
 * `airlift report <outdir>` calls it alone (no re-simulation).
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { version as vegaVersion } from 'vega';
import { version as vegaLiteVersion } from 'vega-lite';
import { writeFileAtomic } from '../io/atomic.js';
import { readAssumptions } from './assumptions.js';
import { browserBuilds } from './assets.js';
import { buildCharts } from './charts/index.js';
import { chartContext } from './context.js';
import { buildHtml } from './html.js';
import { loadResults } from './load.js';
import { renderSvg } from './render.js';
import { CHARTS_DIR, REPORT_HTML, staleChartFiles } from './files.js';
import { readAnalysisSections, sortSections, type ReportSection } from './sections.js';

export interface ReportOptions {
  /** false: skip writing charts/*.vl.json and *.svg (report.html still draws every chart). Default true. */
  readonly charts?: boolean;
  /** Extra sections after the built-in charts, merged with outDir/analyses/<name>/section.json. */
  readonly sections?: readonly ReportSection[];
}

export interface ReportFiles {
  readonly html: string;
  readonly charts: readonly string[];
}

export async function writeReport(outDir: string, options: ReportOptions = {}): Promise<void> {
  await buildReport(outDir, options);
}

/** writeReport, returning the paths written. */
export async function buildReport(outDir: string, options: ReportOptions = {}): Promise<ReportFiles> {
  // 1. results
  const { summary, chartData } = loadResults(outDir);
  const assumptions = readAssumptions(outDir);
  const sections = sortSections([...(options.sections ?? []), ...readAnalysisSections(outDir)]);
  // 2. summary
  const ctx = chartContext({ summary, chartData, siteNames: assumptions.siteNames });
  // 3. chart specs
  const charts = buildCharts(ctx);
  const sectionCharts = sections.flatMap((s) => (s.charts ?? []).map((c) => ({ id: `${s.id}-${c.id}`, spec: c.spec })));
  // 4. SVG (rendered before anything is written, so a failure leaves the folder as it was)
  const files: { path: string; data: string }[] = [];
  if (options.charts !== false) {
    for (const c of [...charts, ...sectionCharts]) {
      files.push({ path: join(outDir, CHARTS_DIR, `${c.id}.vl.json`), data: `${JSON.stringify(c.spec)}\n` });
      files.push({ path: join(outDir, CHARTS_DIR, `${c.id}.svg`), data: await renderSvg(c.spec) });
    }
  }
  // 5. HTML
  const html = buildHtml({
    ctx, charts, sections, assumptions, builds: browserBuilds(),
    versions: { vega: vegaVersion, 'vega-lite': vegaLiteVersion },
  });
  // 6. atomic write (the page last), then chart files of an earlier report that this one did
  //    not write (see files.ts)
  for (const f of files) writeFileAtomic(f.path, f.data);
  const htmlPath = join(outDir, REPORT_HTML);
  writeFileAtomic(htmlPath, html);
  for (const p of staleChartFiles(outDir, new Set(files.map((f) => f.path)))) rmSync(p, { force: true });
  return { html: htmlPath, charts: files.map((f) => f.path) };
}

export { ReportInputError } from './errors.js';
export { removeReport } from './files.js';
export { loadResults, loadSummary, loadChartData } from './load.js';
export { chartContext, type ChartContext, type ChartInput } from './context.js';
export { buildCharts, CHART_BUILDERS, type ChartBuilder } from './charts/index.js';
export type { ChartSpec } from './charts/common.js';
export { buildCompletionCurve } from './charts/completion-curve.js';
export { buildCompletionHistogram } from './charts/completion-histogram.js';
export { buildRemainingFan } from './charts/remaining-fan.js';
export { buildLostHours } from './charts/lost-hours.js';
export { buildUtilisation } from './charts/utilisation.js';
export { buildConvergence } from './charts/convergence.js';
export { buildGantt } from './charts/gantt.js';
export { compileSpec, renderSvg } from './render.js';
export { buildHtml, headline } from './html.js';
export { readAnalysisSections, type ReportSection, type SectionDescriptor } from './sections.js';
export { OKABE_ITO, CAUSE_COLOURS, PHASE_COLOURS, siteColour, causeColour, VL_CONFIG } from './theme.js';
