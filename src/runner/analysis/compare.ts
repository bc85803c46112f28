/**
 * `airlift compare a.yaml b.yaml [...]`: every scenario on the same seed and replication
 * indexes (common random numbers); P(cleared) per scenario with its Wilson interval, and the
 * paired difference against the first with its Newcombe paired interval beside the width of
 * the independent (unpaired) Newcombe interval. See ./paired.ts for the methods.
 */
import { performance } from 'node:perf_hooks';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { type AnalysisHeader, type AnalysisOptions, withPool, csvText, header, pointCells, POINT_COLUMNS, scenarioRef } from './common.js';
import { comparePaired, pairedTable, width, type PairedComparison } from './paired.js';
import { runPoint, type PointResult, type PointStats } from './point.js';

export interface CompareEntry {
  readonly scenario: { readonly name: string; readonly file: string; readonly deadline: string };
  readonly stats: PointStats;
  /** Against the first scenario (null for the first itself). */
  readonly difference: (PairedComparison & { readonly pairedWidth: number; readonly independentWidth: number; readonly widthRatio: number }) | null;
  /** Paired difference of median completion in hours (this minus the first); null when either is beyond the horizon. */
  readonly p50DifferenceHours: number | null;
}

export interface CompareResult extends AnalysisHeader {
  readonly baseline: string;
  readonly methods: { readonly probability: string; readonly paired: string; readonly independent: string; readonly median: string };
  readonly scenarios: readonly CompareEntry[];
}

export const COMPARE_METHODS = {
  probability: 'Wilson score 95% interval',
  paired: 'Newcombe (1998) method 10 paired score interval (Wilson limits with the continuity-corrected phi correlation of the paired table)',
  independent: 'Newcombe (1998) method 10 hybrid score interval for two independent samples of the same size (what the width would be without common random numbers)',
  median: 'type-1 (inverse ECDF) median with a distribution-free order-statistic 95% interval',
} as const;

export interface CompareRun {
  readonly result: CompareResult;
  readonly points: readonly PointResult[];
}

export async function compareScenarios(scenarios: readonly ResolvedScenario[], o: AnalysisOptions): Promise<CompareRun> {
  return withPool(o, (po) => compareScenariosRun(scenarios, po));
}

async function compareScenariosRun(scenarios: readonly ResolvedScenario[], o: AnalysisOptions): Promise<CompareRun> {
  if (scenarios.length < 2) throw new Error('compare: need at least two scenarios');
  const t0 = performance.now();
  const total = scenarios.length * o.replications;
  const points: PointResult[] = [];
  for (const [k, s] of scenarios.entries()) {
    points.push(await runPoint(s, { ...o, onProgress: (d) => o.onProgress?.(k * o.replications + d, total) }));
  }
  const base = points[0]!;
  const entries = points.map((p, k): CompareEntry => {
    let difference: CompareEntry['difference'] = null;
    if (k > 0) {
      const c = comparePaired(pairedTable(p.completion, base.completion, p.scenario.deadlineHours, base.scenario.deadlineHours));
      const pw = width(c.paired);
      const iw = width(c.independent);
      difference = { ...c, pairedWidth: pw, independentWidth: iw, widthRatio: iw > 0 ? pw / iw : 1 };
    }
    const a = p.stats.p50Hours;
    const b = base.stats.p50Hours;
    // hours from each scenario's own start: compare instants, not offsets
    const shift = (p.scenario.startEpochMs - base.scenario.startEpochMs) / 3600e3;
    return {
      scenario: scenarioRef(p.scenario),
      stats: p.stats,
      difference,
      p50DifferenceHours: k === 0 ? 0 : a !== null && b !== null ? a + shift - b : null,
    };
  });
  const result: CompareResult = {
    ...header('compare', o, (performance.now() - t0) / 1000),
    baseline: base.scenario.name,
    methods: COMPARE_METHODS,
    scenarios: entries,
  };
  return { result, points };
}

export function compareCsv(r: CompareResult): string {
  const cols = ['scenario', 'file', ...POINT_COLUMNS, 'diff_vs_first', 'diff_lo_paired', 'diff_hi_paired', 'width_paired', 'diff_lo_independent', 'diff_hi_independent', 'width_independent', 'phi', 'both_cleared', 'only_this_cleared', 'only_first_cleared', 'neither', 'p50_diff_hours'];
  const rows = r.scenarios.map((e) => {
    const d = e.difference;
    return [
      e.scenario.name, e.scenario.file, ...pointCells(e.stats),
      d?.paired.estimate ?? 0, d?.paired.ci95[0], d?.paired.ci95[1], d?.pairedWidth, d?.independent.ci95[0], d?.independent.ci95[1], d?.independentWidth,
      d?.phi, d?.table.a, d?.table.b, d?.table.c, d?.table.d, e.p50DifferenceHours,
    ];
  });
  return csvText(cols, rows);
}
