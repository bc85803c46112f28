/**
 * The hook for later analyses (sensitivity, sweeps, comparisons, goal seeking): extra
 * sections of report.html after the built-in charts. Two ways in:
 *  - pass `sections` to writeReport(outDir, { sections }) directly; or
 *  - an analysis writes outDir/analyses/<name>/section.json (a SectionDescriptor), and every
 *    later `writeReport` / `airlift report` picks it up. Sections sort by `order`, then folder name.
 * A section's text is escaped (never raw HTML); its charts are Vega-Lite specs, inline or a
 * path relative to the section's folder, rendered like the built-in ones (SVG under
 * charts/<section>-<chart>.svg, interactive in the page).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TopLevelSpec } from 'vega-lite';
import * as z from 'zod';
import { ReportInputError } from './errors.js';
import { msg } from './messages.js';

export interface ReportSection {
  /** Used in element ids and file names: letters, digits, '-' and '_'. */
  readonly id: string;
  readonly title: string;
  readonly order?: number;
  readonly paragraphs?: readonly string[];
  readonly table?: { readonly columns: readonly string[]; readonly rows: readonly (readonly (string | number | null)[])[] };
  readonly charts?: readonly { readonly id: string; readonly caption?: string; readonly spec: TopLevelSpec }[];
}

const ID = /^[A-Za-z0-9_-]+$/;
const descriptorSchema = z.object({
  title: z.string().min(1),
  order: z.number().optional(),
  paragraphs: z.array(z.string()).optional(),
  table: z.object({ columns: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number(), z.null()]))) }).optional(),
  charts: z.array(z.object({
    id: z.string().regex(ID, 'expected letters, digits, - or _'),
    caption: z.string().optional(),
    spec: z.union([z.string(), z.record(z.string(), z.unknown())]),
  })).optional(),
});
export type SectionDescriptor = z.infer<typeof descriptorSchema>;

/** Reads outDir/analyses/<name>/section.json for every analysis folder that has one. */
export function readAnalysisSections(outDir: string): ReportSection[] {
  const root = join(outDir, 'analyses');
  if (!existsSync(root)) return [];
  const sections: ReportSection[] = [];
  const problems: string[] = [];
  for (const name of readdirSync(root).sort()) {
    const file = join(root, name, 'section.json');
    if (!statSync(join(root, name)).isDirectory() || !existsSync(file)) continue;
    if (!ID.test(name)) {
      problems.push(msg.sectionBad(file, `the folder name must be letters, digits, - or _ (found ${JSON.stringify(name)})`));
      continue;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      problems.push(msg.badJson(file, (err as Error).message));
      continue;
    }
    const r = descriptorSchema.safeParse(raw);
    if (!r.success) {
      for (const i of r.error.issues) problems.push(msg.badField(file, i.path.map(String).join('.'), i.message));
      continue;
    }
    const d = r.data;
    const charts: { id: string; caption?: string; spec: TopLevelSpec }[] = [];
    for (const c of d.charts ?? []) {
      let spec: unknown = c.spec;
      if (typeof c.spec === 'string') {
        const path = resolve(dirname(file), c.spec);
        try {
          spec = JSON.parse(readFileSync(path, 'utf8'));
        } catch (err) {
          problems.push(msg.sectionBad(file, `charts.${c.id}.spec: cannot read ${path}: ${(err as Error).message}`));
          continue;
        }
      }
      charts.push({ id: c.id, ...(c.caption !== undefined ? { caption: c.caption } : {}), spec: spec as TopLevelSpec });
    }
    sections.push({
      id: name,
      title: d.title,
      ...(d.order !== undefined ? { order: d.order } : {}),
      ...(d.paragraphs !== undefined ? { paragraphs: d.paragraphs } : {}),
      ...(d.table !== undefined ? { table: d.table } : {}),
      charts,
    });
  }
  if (problems.length > 0) throw new ReportInputError(problems);
  return sections;
}

export function sortSections(sections: readonly ReportSection[]): ReportSection[] {
  return [...sections].sort((a, b) => (a.order ?? 0) - (b.order ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
