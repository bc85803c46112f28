/**
 * `airlift sweep <scenario> --set <path>=<values> [--set ...]`: the scenario at every value
 * (every pair of values with two parameters), each on the same seed and replications (common
 * random numbers, so neighbouring points differ by the parameter, not by the luck of the draw).
 * Every variant is resolved before anything runs: a bad path or value fails fast.
 */
import { performance } from 'node:perf_hooks';
import type { ScenarioDocument } from '../../scenario/index.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { type AnalysisHeader, type AnalysisOptions, withPool, csvText, header, pointCells, POINT_COLUMNS, scenarioRef } from './common.js';
import { runPoint, type PointStats } from './point.js';
import type { SetFlag, SweepValue } from './values.js';
import { applyOverrides, checkPaths, valueAt } from './variants.js';

export interface SweepPoint {
  /** The value of each swept parameter, in --set order. */
  readonly values: readonly SweepValue[];
  readonly stats: PointStats;
}

export interface SweepResult extends AnalysisHeader {
  readonly scenario: { readonly name: string; readonly file: string; readonly deadline: string };
  readonly parameters: readonly { readonly path: string; readonly values: readonly SweepValue[]; readonly asWritten: unknown }[];
  readonly points: readonly SweepPoint[];
}

export type Prepared =
  | { readonly ok: true; readonly variants: readonly { readonly values: readonly SweepValue[]; readonly scenario: ResolvedScenario }[]; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Resolve every combination of values (first parameter outermost). */
export function prepareSweep(doc: ScenarioDocument, sets: readonly SetFlag[]): Prepared {
  const pathProblems = checkPaths(doc, sets.map((s) => s.path));
  if (pathProblems.length > 0) return { ok: false, problems: pathProblems };
  let combos: SweepValue[][] = [[]];
  for (const s of sets) combos = combos.flatMap((c) => s.values.map((v) => [...c, v]));
  const problems: string[] = [];
  const warnings = new Set<string>();
  const variants: { values: SweepValue[]; scenario: ResolvedScenario }[] = [];
  for (const values of combos) {
    const r = applyOverrides(doc, sets.map((s, i) => ({ path: s.path, value: values[i] })));
    if (!r.ok) problems.push(...r.problems);
    else {
      r.warnings.forEach((w) => warnings.add(w));
      variants.push({ values, scenario: r.scenario });
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, variants, warnings: [...warnings] };
}

export async function runSweep(doc: ScenarioDocument, base: ResolvedScenario, sets: readonly SetFlag[], variants: Extract<Prepared, { ok: true }>['variants'], o: AnalysisOptions): Promise<SweepResult> {
  return withPool(o, (po) => runSweepRun(doc, base, sets, variants, po));
}

async function runSweepRun(doc: ScenarioDocument, base: ResolvedScenario, sets: readonly SetFlag[], variants: Extract<Prepared, { ok: true }>['variants'], o: AnalysisOptions): Promise<SweepResult> {
  const t0 = performance.now();
  const total = variants.length * o.replications;
  const points: SweepPoint[] = [];
  for (const [k, v] of variants.entries()) {
    const p = await runPoint(v.scenario, { ...o, onProgress: (d) => o.onProgress?.(k * o.replications + d, total) });
    points.push({ values: v.values, stats: p.stats });
  }
  return {
    ...header('sweep', o, (performance.now() - t0) / 1000),
    scenario: scenarioRef(base),
    parameters: sets.map((s) => ({ path: s.path, values: s.values, asWritten: valueAt(doc.value, s.path) ?? null })),
    points,
  };
}

export function sweepCsv(r: SweepResult): string {
  return csvText([...r.parameters.map((p) => p.path), ...POINT_COLUMNS], r.points.map((p) => [...p.values, ...pointCells(p.stats)]));
}
