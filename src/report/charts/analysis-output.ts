/**
 * Writing an analysis (phases as in ../index.ts, for one analysis):
 *   1. data     <out>/<analysis>/<analysis>.csv and summary.json (the analysis summary)
 *   2. charts   <out>/<analysis>/charts/<id>.vl.json and <id>.svg (rendered headless, UTC)
 *   3. section  <out>/analyses/<analysis>/section.json: the report hook (../sections.ts), specs
 *               inline, so every later writeReport(<out>) / `airlift report <out>` shows it
 *   4. stale    the analysis's own files that this writing did not write are removed
 * Every file is written atomically, the SVGs rendered before anything is written.
 *
 * An analysis's files are one set, like a run's (../files.ts): files left from an earlier
 * analysis of the same kind contradict the new ones. A one-parameter sweep followed by a
 * two-parameter sweep left sweep/charts/probability.* and p50.* of the first beside the new
 * heatmaps and sweep.csv, and `compare A B --no-charts` left the charts and the report section
 * of an earlier `compare A B C`. So:
 *   - chart files in <analysis>/charts/ not written this time are removed (staleChartFiles);
 *   - without charts (`--no-charts`: data files only) the analysis has no report section
 *     either: an earlier section.json is removed, and `removedSection` tells the caller, which
 *     rebuilds an existing report.html without it (cli/analysis-shared.ts updateReport). The
 *     report is rebuilt rather than removed as `airlift run --no-charts` removes its own: the
 *     page belongs to the run and to the other analyses, which are still true.
 * The data files (<analysis>.csv, summary.json) are rewritten every time. Only these names are
 * touched: anything else in the folders (a user's notes, a renamed copy of a chart) stays.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
import { staleChartFiles } from '../files.js';
import { renderSvg } from '../render.js';
import type { SectionDescriptor } from '../sections.js';
import type { AnalysisChart } from './analysis-common.js';

export interface AnalysisOutput {
  /** The scenario's output folder (out/<name>). */
  readonly baseDir: string;
  readonly analysis: 'compare' | 'sweep' | 'sensitivity' | 'goal';
  readonly csv: string;
  readonly summary: unknown;
  readonly charts: readonly AnalysisChart[];
  readonly title: string;
  readonly paragraphs: readonly string[];
  readonly table?: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[] };
  /** false: data files only, no chart files and no report section (an earlier one is removed). */
  readonly writeCharts: boolean;
}

export interface AnalysisFiles {
  /** <out>/<analysis>. */
  readonly dir: string;
  readonly files: readonly string[];
  /** Files of an earlier analysis of this kind that were removed. */
  readonly removed: readonly string[];
  /** An earlier report section was removed: a report.html already written may still show it. */
  readonly removedSection: boolean;
}

const ORDER = { compare: 10, sweep: 20, sensitivity: 30, goal: 40 } as const;

/** <out>/analyses/<analysis>/section.json. */
export function sectionFile(baseDir: string, analysis: AnalysisOutput['analysis']): string {
  return join(baseDir, 'analyses', analysis, 'section.json');
}

export async function writeAnalysis(o: AnalysisOutput): Promise<AnalysisFiles> {
  const dir = join(o.baseDir, o.analysis);
  const sectionPath = sectionFile(o.baseDir, o.analysis);
  // 1. data
  const files: { path: string; data: string }[] = [
    { path: join(dir, `${o.analysis}.csv`), data: o.csv },
    { path: join(dir, 'summary.json'), data: `${JSON.stringify(o.summary, null, 2)}\n` },
  ];
  if (o.writeCharts) {
    // 2. charts
    for (const c of o.charts) {
      files.push({ path: join(dir, 'charts', `${c.id}.vl.json`), data: `${JSON.stringify(c.spec)}\n` });
      files.push({ path: join(dir, 'charts', `${c.id}.svg`), data: await renderSvg(c.spec) });
    }
    // 3. section
    const section: SectionDescriptor = {
      title: o.title,
      order: ORDER[o.analysis],
      paragraphs: [...o.paragraphs],
      ...(o.table ? { table: { columns: [...o.table.columns], rows: o.table.rows.map((r) => [...r]) } } : {}),
      charts: o.charts.map((c) => ({ id: c.id, caption: c.caption, spec: c.spec as unknown as Record<string, unknown> })),
    };
    files.push({ path: sectionPath, data: `${JSON.stringify(section)}\n` });
  }
  for (const f of files) writeFileAtomic(f.path, f.data);
  // 4. stale: after the new set is in place, so a failure above leaves the earlier set whole
  const removed = staleChartFiles(dir, new Set(files.map((f) => f.path)));
  const removedSection = !o.writeCharts && existsSync(sectionPath);
  if (removedSection) removed.push(sectionPath);
  for (const p of removed) rmSync(p, { force: true });
  return { dir, files: files.map((f) => f.path), removed, removedSection };
}
