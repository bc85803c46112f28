/**
 * Phase 5 (HTML): one self-contained page. Everything it needs is inline: the vega,
 * vega-lite and vega-embed builds, the chart specs (as escaped JSON), the styles. A CSP meta
 * tag forbids every network fetch, so the page works (and is known to work) offline.
 */
import type { ChartContext } from './context.js';
import type { ChartSpec } from './charts/common.js';
import type { Assumptions } from './assumptions.js';
import type { ReportSection } from './sections.js';
import type { BrowserBuild } from './assets.js';
import type { CompletionQuantiles, Interval } from '../runner/summary-types.js';
import { escapeHtml as h, jsonForScript, scriptForInline } from './escape.js';
import { formatAmount, formatCount, formatEstimate, formatPercent } from './format.js';
import { formatDate, formatDateTime, formatDeadlineDate } from './time.js';
import { LAST_SORTIE_NOTE, LAST_SORTIE_WAIT, PLAN_DEFINITION, clearedDefinition } from './terms.js';

export interface PageInput {
  readonly ctx: ChartContext;
  readonly charts: readonly ChartSpec[];
  readonly sections: readonly ReportSection[];
  readonly assumptions: Assumptions;
  readonly builds: readonly BrowserBuild[];
  /** Library versions for the provenance table. */
  readonly versions: Readonly<Record<string, string>>;
}

/** "P(cleared by 15 Sep 2024) = 0.93 [0.92, 0.94], n = 10,000" */
export function headline(ctx: ChartContext): string {
  const p = ctx.summary.probabilityCleared;
  return `P(cleared by ${formatDeadlineDate(ctx.deadlineMs)}) = ${formatEstimate(p)}, n = ${formatCount(ctx.summary.replications)}`;
}

/** What the headline's P(cleared) counts (terms.ts), in plain words under it. */
export function headlineDefinition(ctx: ChartContext): string {
  return clearedDefinition(formatDeadlineDate(ctx.deadlineMs), ctx.summary.scenario.timeZone);
}

const CSP = "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:; font-src data:";

const STYLE = `
:root { color-scheme: light; }
body { font-family: Helvetica, Arial, sans-serif; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 1120px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 8px; border-bottom: 1px solid #ddd; padding-bottom: 4px; }
h3 { font-size: 15px; margin: 20px 0 6px; }
.lede { color: #444; margin: 0 0 16px; }
.headline { font-size: 22px; font-weight: bold; margin: 16px 0 6px; }
.definition { color: #444; font-size: 13px; margin: 0 0 10px; max-width: 900px; }
.finding { font-size: 15px; margin: 4px 0; }
table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
th, td { border-bottom: 1px solid #e3e3e3; padding: 4px 10px; text-align: left; vertical-align: top; }
th { background: #f5f5f5; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 24px 0; }
figcaption { color: #444; font-size: 13px; margin-top: 4px; max-width: 900px; }
.chart { overflow-x: auto; }
.note { color: #666; font-size: 13px; }
.chart-error { color: #a00; font-weight: bold; }
nav a { margin-right: 12px; font-size: 13px; }
`;

function table(headers: readonly string[], rows: readonly (readonly (string | { num: string })[])[]): string {
  const cell = (c: string | { num: string }) => (typeof c === 'string' ? `<td>${h(c)}</td>` : `<td class="num">${h(c.num)}</td>`);
  const head = headers.some((x) => x !== '') ? `<thead><tr>${headers.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead>` : '';
  return `<table>${head}<tbody>` +
    rows.map((r) => `<tr>${r.map(cell).join('')}</tr>`).join('') + '</tbody></table>';
}

const n = (s: string) => ({ num: s });

function summaryTables(ctx: ChartContext): string {
  const { summary: s, chartData } = ctx;
  const date = (v: string | null) => (v === null ? 'beyond horizon' : formatDate(ctx.clock.instant(v)));
  const pRow = (label: string, p: Interval, q: CompletionQuantiles) =>
    [label, n(formatEstimate(p)), n(date(q.p10)), n(date(q.p50)), n(date(q.p80)), n(date(q.p90))];
  const completion = table(
    ['', `P(cleared by ${formatDeadlineDate(ctx.deadlineMs)}) [95% CI]`, 'P10', 'P50 (median)', 'P80', 'P90'],
    [pRow('All sites', s.probabilityCleared, s.completion),
      ...chartData.siteIds.flatMap((id) => {
        const site = s.sites[id];
        return site === undefined ? [] : [pRow(ctx.siteLabel(id), site.probabilityCleared, site.completion)];
      })],
  );
  const plan = table(['Deterministic plan', ''], [
    ['Plan completion (a deterministic run, described below)', n(date(s.plan.completion))],
    ['Percentile of the plan among simulated outcomes', n(s.plan.percentile === null ? '—' : `P${Math.round(s.plan.percentile)}`)],
    ['Contingency to add to the plan for 80% confidence', n(s.plan.p80ContingencyDays === null ? '—' : `${s.plan.p80ContingencyDays.toFixed(1)} days`)],
  ]) + `<p class="note">${h(PLAN_DEFINITION)}</p>`;
  const milestoneRows = Object.values(s.milestones).map((m) => [
    m.name, n(formatDeadlineDate(ctx.clock.endOfDayOrInstant(m.date))), n(formatEstimate(m.probability)),
  ]);
  const milestones = milestoneRows.length === 0 ? '' : `<h3>Milestones</h3>${table(['Milestone', 'By', 'P(met) [95% CI]'], milestoneRows)}`;
  const r = s.remainingAtDeadline;
  const remaining = table(['At the deadline (mean over replications)', 'Short tons on the ground', 'Personnel on the ground', 'Left behind by decision (short tons)'], [
    ['All sites', n(formatAmount(r.meanShortTons)), n(formatAmount(r.meanPersonnel)),
      n(formatAmount(Object.values(s.leftBehindShortTons).reduce((a, b) => a + b, 0)))],
    ...chartData.siteIds.map((id) => [ctx.siteLabel(id), n(formatAmount(r.bySite[id]?.meanShortTons ?? 0)),
      n(formatAmount(r.bySite[id]?.meanPersonnel ?? 0)), n(formatAmount(s.leftBehindShortTons[id] ?? 0))]),
  ]);
  const causes = Object.keys(s.lostHoursByCause).sort((a, b) => (s.lostHoursByCause[b] ?? 0) - (s.lostHoursByCause[a] ?? 0));
  const lost = table(['Cause', 'Aircraft-hours lost per replication (mean)', `Share of replications: ${LAST_SORTIE_WAIT}`],
    causes.map((c) => [c, n(formatAmount(s.lostHoursByCause[c] ?? 0)), n(formatPercent(s.bindingCause[c] ?? 0, 1))])) +
    `<p class="note">${h(LAST_SORTIE_NOTE)}</p>`;
  const use = table(['Fleet and parking', ''], [
    ...Object.entries(s.sortiesByType).map(([t, x]) => [`Sorties per replication, ${t} (mean)`, n(formatAmount(x))]),
    ['Aircraft utilisation (busy / available hours)', n(formatPercent(s.utilisation.aircraft, 1))],
    ...Object.entries(s.utilisation.parking).map(([id, u]) => [`Parking utilisation, ${ctx.siteLabel(id)}`, n(formatPercent(u, 1))]),
  ]);
  return `<h3>Completion</h3>${completion}<h3>Plan</h3>${plan}${milestones}<h3>What remains</h3>${remaining}` +
    `<h3>Lost time</h3>${lost}<h3>Fleet and parking</h3>${use}`;
}

function findings(ctx: ChartContext): string {
  const { summary: s } = ctx;
  const lines: string[] = [];
  const q = s.completion;
  if (q.p50 !== null) {
    lines.push(`Median finish ${formatDate(ctx.clock.instant(q.p50))}` +
      (q.p80 !== null ? `; 80% of replications finish by ${formatDate(ctx.clock.instant(q.p80))}` : '') +
      (q.p90 !== null ? `, 90% by ${formatDate(ctx.clock.instant(q.p90))}` : '') + '.');
  } else {
    lines.push('Fewer than half of the replications clear everything before the horizon.');
  }
  if (s.plan.completion !== null) {
    lines.push(`The deterministic plan finishes ${formatDate(ctx.clock.instant(s.plan.completion))}` +
      (s.plan.percentile !== null ? `, at P${Math.round(s.plan.percentile)} of the simulated outcomes` : '') +
      (s.plan.p80ContingencyDays !== null ? `; allow ${s.plan.p80ContingencyDays.toFixed(1)} more days for 80% confidence.` : '.'));
  }
  return lines.map((l) => `<p class="finding">${h(l)}</p>`).join('');
}

function assumptionsHtml(ctx: ChartContext, a: Assumptions): string {
  const s = ctx.summary;
  const rows: [string, string][] = [
    ['Scenario', s.scenario.name],
    ['File', s.scenario.file],
    ['Start', `${formatDateTime(ctx.clock.startMs)} (${s.scenario.timeZone})`],
    ['Deadline', `end of ${formatDeadlineDate(ctx.deadlineMs)} (local)`],
    ['Horizon', `${formatDateTime(ctx.clock.instant(s.horizon))} (local)`],
    ...a.rows.map(([k, v]) => [k, v] as [string, string]),
  ];
  return `<p>${h(s.scenario.description)}</p>${table(['Assumption', 'Value'], rows)}` +
    (a.note !== null ? `<p class="note">${h(a.note)}</p>` : '');
}

/** The runner writes 'airlift 0.1.0' (runner/version.ts); a bare '0.1.0' gets the name. */
export function toolName(toolVersion: string): string {
  return /^airlift\b/.test(toolVersion) ? toolVersion : `airlift ${toolVersion}`;
}

function provenance(ctx: ChartContext, versions: Readonly<Record<string, string>>): string {
  const s = ctx.summary;
  const rows: [string, string | { num: string }][] = [
    ['Tool', toolName(s.toolVersion)],
    ['Seed', n(String(s.seed))],
    ['Replications', n(formatCount(s.replications))],
    ['Workers', n(String(s.workers))],
    ['Run time', n(`${s.elapsedSeconds.toFixed(1)} s (${formatCount(s.replicationsPerSecond)} replications/s)`)],
    ...(s.precision !== undefined ? [['Precision target', `half-width ${s.precision.target}: ${s.precision.reached ? 'reached' : 'not reached'} (${s.precision.halfWidth.toFixed(4)}, cap ${formatCount(s.precision.cap)})`] as [string, string]] : []),
    ['Charts', Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')],
    ['Inputs', 'summary.json and chartdata.json in this folder; charts/*.svg and charts/*.vl.json beside this page'],
  ];
  return table(['', ''], rows);
}

function sectionHtml(section: ReportSection): string {
  const parts = [`<section id="analysis-${h(section.id)}"><h2>${h(section.title)}</h2>`];
  for (const p of section.paragraphs ?? []) parts.push(`<p>${h(p)}</p>`);
  if (section.table !== undefined) {
    parts.push(table(section.table.columns, section.table.rows.map((r) => r.map((c) => (typeof c === 'number' ? n(String(c)) : c ?? '—')))));
  }
  for (const c of section.charts ?? []) {
    const id = `${section.id}-${c.id}`;
    parts.push(`<figure><div class="chart" id="chart-${h(id)}" data-chart="${h(id)}"></div>` +
      (c.caption !== undefined ? `<figcaption>${h(c.caption)}</figcaption>` : '') + '</figure>');
  }
  parts.push('</section>');
  return parts.join('\n');
}

/** The embedding script: draws every chart, reports failures on the console and in place. */
const EMBED = `
(function () {
  var charts = JSON.parse(document.getElementById('airlift-charts').textContent);
  var opts = { actions: false, renderer: 'svg', mode: 'vega-lite' };
  Promise.all(charts.map(function (c) {
    var el = document.getElementById('chart-' + c.id);
    return vegaEmbed(el, c.spec, opts).then(function () {
      el.setAttribute('data-rendered', 'true');
    }, function (err) {
      console.error('chart ' + c.id + ' could not be drawn: ' + (err && err.message ? err.message : err));
      el.innerHTML = '';
      var p = document.createElement('p');
      p.className = 'chart-error';
      p.textContent = 'This chart could not be drawn: ' + (err && err.message ? err.message : err);
      el.appendChild(p);
    });
  })).then(function () { document.body.setAttribute('data-charts-done', String(charts.length)); });
})();
`;

export function buildHtml(page: PageInput): string {
  const { ctx } = page;
  const s = ctx.summary;
  const allCharts = [
    ...page.charts.map((c) => ({ id: c.id, spec: c.spec })),
    ...page.sections.flatMap((sec) => (sec.charts ?? []).map((c) => ({ id: `${sec.id}-${c.id}`, spec: c.spec }))),
  ];
  const figures = page.charts.map((c) =>
    `<figure><h3>${h(c.heading)}</h3><div class="chart" id="chart-${h(c.id)}" data-chart="${h(c.id)}"></div>` +
    `<figcaption>${h(c.caption)}</figcaption></figure>`).join('\n');
  const nav = ['summary', 'charts', ...page.sections.map((x) => `analysis-${x.id}`), 'assumptions', 'provenance']
    .map((id) => `<a href="#${h(id)}">${h(id.replace(/^analysis-/, ''))}</a>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`airlift: ${s.scenario.name}: ${headline(ctx)}`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>${h(s.scenario.name)}</h1>
<p class="lede">${h(s.scenario.description)}</p>
<nav>${nav}</nav>
<p class="headline" id="headline">${h(headline(ctx))}</p>
<p class="definition" id="headline-definition">${h(headlineDefinition(ctx))}</p>
${findings(ctx)}
<section id="summary"><h2>Summary</h2>
${summaryTables(ctx)}
</section>
<section id="charts"><h2>Charts</h2>
${figures}
</section>
${page.sections.map(sectionHtml).join('\n')}
<section id="assumptions"><h2>Assumptions</h2>
${assumptionsHtml(ctx, page.assumptions)}
</section>
<section id="provenance"><h2>Provenance</h2>
${provenance(ctx, page.versions)}
</section>
</main>
<script type="application/json" id="airlift-charts">${jsonForScript(allCharts)}</script>
${page.builds.map((b) => `<script data-lib="${h(b.name)}">${scriptForInline(b.source)}</script>`).join('\n')}
<script>${EMBED}</script>
</body>
</html>
`;
}
