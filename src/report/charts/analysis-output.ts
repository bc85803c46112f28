/**
 * Writing an analysis (phases as in ../index.ts, for one analysis):
 *   1. data     <out>/<analysis>/<analysis>.csv and summary.json (the analysis summary)
 *   2. charts   <out>/<analysis>/charts/<id>.vl.json and <id>.svg (rendered headless, UTC)
 *   3. section  <out>/analyses/<analysis>/section.json: the report hook (../sections.ts), specs
 *               inline, so every later writeReport(<out>) / `airlift report <out>` shows it
 * Every file is written atomically, the SVGs rendered before anything is written.
 */
import { join } from 'node:path';
import { writeFileAtomic } from '../../io/atomic.js';
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
  /** false: no chart files (the section still carries the specs). */
  readonly writeCharts: boolean;
}

const ORDER = { compare: 10, sweep: 20, sensitivity: 30, goal: 40 } as const;

export async function writeAnalysis(o: AnalysisOutput): Promise<{ dir: string; files: string[] }> {
  const dir = join(o.baseDir, o.analysis);
  const files: { path: string; data: string }[] = [
    { path: join(dir, `${o.analysis}.csv`), data: o.csv },
    { path: join(dir, 'summary.json'), data: `${JSON.stringify(o.summary, null, 2)}\n` },
  ];
  if (o.writeCharts) {
    for (const c of o.charts) {
      files.push({ path: join(dir, 'charts', `${c.id}.vl.json`), data: `${JSON.stringify(c.spec)}\n` });
      files.push({ path: join(dir, 'charts', `${c.id}.svg`), data: await renderSvg(c.spec) });
    }
  }
  const section: SectionDescriptor = {
    title: o.title,
    order: ORDER[o.analysis],
    paragraphs: [...o.paragraphs],
    ...(o.table ? { table: { columns: [...o.table.columns], rows: o.table.rows.map((r) => [...r]) } } : {}),
    charts: o.charts.map((c) => ({ id: c.id, caption: c.caption, spec: c.spec as unknown as Record<string, unknown> })),
  };
  files.push({ path: join(o.baseDir, 'analyses', o.analysis, 'section.json'), data: `${JSON.stringify(section)}\n` });
  for (const f of files) writeFileAtomic(f.path, f.data);
  return { dir, files: files.map((f) => f.path) };
}
