/**
 * The report's own files in an output folder: report.html and charts/<id>.vl.json|.svg. Kept
 * apart from index.ts so that a command writing data files only (`--no-charts`) can clear an
 * earlier report without loading vega.
 *
 * A report left from an earlier run would contradict the files beside it: after
 * `airlift run -n 300` then `airlift run -n 100 --no-charts` into the same folder, report.html
 * still said n = 300 over a summary.json of 100. So a run that writes no report removes the
 * old one, and a report removes the chart files it did not write this time. Only these names
 * are touched; anything else in the folder (a user's notes, analyses/) stays.
 */
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

export const REPORT_HTML = 'report.html';
export const CHARTS_DIR = 'charts';

const isChartFile = (name: string): boolean => name.endsWith('.vl.json') || name.endsWith('.svg');

/** Chart files in outDir/charts other than `keep` (absolute paths). */
export function staleChartFiles(outDir: string, keep: ReadonlySet<string>): string[] {
  let names: string[];
  try {
    names = readdirSync(join(outDir, CHARTS_DIR));
  } catch {
    return [];
  }
  return names.filter(isChartFile).map((n) => join(outDir, CHARTS_DIR, n)).filter((p) => !keep.has(p));
}

/** Remove an earlier report from outDir: report.html and the chart files. */
export function removeReport(outDir: string): void {
  for (const p of staleChartFiles(outDir, new Set())) rmSync(p, { force: true });
  rmSync(join(outDir, REPORT_HTML), { force: true });
}
