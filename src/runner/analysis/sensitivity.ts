/**
 * `airlift sensitivity <scenario>`: one-at-a-time. The scenario as written (the base) and, for
 * each parameter, its low and its high variant, every run on the same seed and replications
 * (common random numbers: the swing between low and high is the parameter's effect, not
 * sampling noise between two independent runs). Parameters come from the scenario's
 * `sensitivity:` section, else from the default set (./defaults.ts). Swings: |P(high) - P(low)|
 * with the paired Newcombe interval of P(high) - P(low), and |P50(high) - P50(low)| in days
 * (a median beyond the horizon counts as the horizon, flagged).
 * An end that resolves to the scenario as written (1 aircraft x0.5 rounds back to 1; see
 * ./defaults.ts for why it is flagged, not nudged) has 'as written' in its text and a note on
 * its row: its bar has no length, and the swing is the other end's alone. Found by comparing the
 * resolved scenarios, so it covers every way of getting there (rounding, a cap, a default).
 */
import { performance } from 'node:perf_hooks';
import type { ScenarioDocument } from '../../scenario/index.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { type AnalysisHeader, type AnalysisOptions, withPool, csvText, header, scenarioRef } from './common.js';
import { defaultSensitivity, type SensitivityParam } from './defaults.js';
import { comparePaired, pairedTable, type DiffInterval } from './paired.js';
import { runPoint, type PointStats } from './point.js';
import { showValue } from './values.js';
import { applyOverrides } from './variants.js';

export interface SensitivityRow {
  readonly label: string;
  readonly paths: readonly string[];
  readonly lowText: string;
  readonly highText: string;
  readonly low: PointStats;
  readonly high: PointStats;
  /** P(high) - P(low) with its paired interval. */
  readonly probabilityDifference: DiffInterval;
  readonly swingP: number;
  /** |P50(high) - P50(low)| in days; a median beyond the horizon is taken at the horizon (censored: true). */
  readonly swingP50Days: number;
  readonly p50Censored: boolean;
  /** Set when an end is the scenario as written: the swing is the other end's alone. */
  readonly note: string | null;
}

export interface SensitivityResult extends AnalysisHeader {
  readonly scenario: { readonly name: string; readonly file: string; readonly deadline: string };
  readonly source: 'scenario' | 'default';
  readonly base: PointStats;
  /** Sorted by swing in P(cleared), then by swing in the P50 date, largest first. */
  readonly parameters: readonly SensitivityRow[];
}

export interface PreparedParam {
  /** Its texts marked where an end is the scenario as written. */
  readonly param: SensitivityParam;
  readonly low: ResolvedScenario;
  readonly high: ResolvedScenario;
  readonly note: string | null;
}

const AS_WRITTEN = 'as written';

/** The parameter with its texts marked where an end resolves to the scenario itself, and the note saying so. */
function markAsWritten(p: SensitivityParam, base: ResolvedScenario, low: ResolvedScenario, high: ResolvedScenario): { param: SensitivityParam; note: string | null } {
  const b = JSON.stringify(base);
  const lowSame = JSON.stringify(low) === b;
  const highSame = JSON.stringify(high) === b;
  const mark = (text: string, same: boolean): string => (same ? `${text} = ${AS_WRITTEN}` : text);
  const why = p.asWrittenWhy === undefined ? '' : ` (${p.asWrittenWhy})`;
  const note = lowSame && highSame
    ? `${p.label}: neither end differs from the scenario as written, so this row varies nothing`
    : lowSame || highSame
      ? `${p.label}: the ${lowSame ? 'low' : 'high'} end is the scenario as written${lowSame ? why : ''}, so the swing is the ${lowSame ? 'high' : 'low'} end's alone`
      : null;
  return { param: { ...p, lowText: mark(p.lowText, lowSame), highText: mark(p.highText, highSame) }, note };
}

export type PreparedSensitivity =
  | { readonly ok: true; readonly source: 'scenario' | 'default'; readonly params: readonly PreparedParam[]; readonly skipped: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/** The parameters with their low and high variants resolved. A default parameter whose variant does not resolve is skipped (reported); a listed one is an error. */
export function prepareSensitivity(doc: ScenarioDocument, scenario: ResolvedScenario): PreparedSensitivity {
  const listed = scenario.sensitivity.length > 0;
  const params: SensitivityParam[] = listed
    ? scenario.sensitivity.map((s) => ({
      label: s.label, paths: [s.path], low: [{ path: s.path, value: s.low }], high: [{ path: s.path, value: s.high }],
      lowText: showValue(s.low), highText: showValue(s.high),
    }))
    : defaultSensitivity(doc.value);
  const problems: string[] = [];
  const skipped: string[] = [];
  const out: PreparedParam[] = [];
  for (const p of params) {
    const flag = listed ? `sensitivity "${p.label}"` : `default sensitivity "${p.label}"`;
    const lo = applyOverrides(doc, p.low, `${flag} (low)`);
    const hi = applyOverrides(doc, p.high, `${flag} (high)`);
    if (lo.ok && hi.ok) out.push({ ...markAsWritten(p, scenario, lo.scenario, hi.scenario), low: lo.scenario, high: hi.scenario });
    else {
      const why = [...(lo.ok ? [] : lo.problems), ...(hi.ok ? [] : hi.problems)];
      if (listed) problems.push(...why);
      else skipped.push(`${flag} skipped: ${why.join('; ')}`);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, source: listed ? 'scenario' : 'default', params: out, skipped };
}

export async function runSensitivity(base: ResolvedScenario, prepared: readonly PreparedParam[], source: 'scenario' | 'default', o: AnalysisOptions): Promise<SensitivityResult> {
  return withPool(o, (po) => runSensitivityRun(base, prepared, source, po));
}

async function runSensitivityRun(base: ResolvedScenario, prepared: readonly PreparedParam[], source: 'scenario' | 'default', o: AnalysisOptions): Promise<SensitivityResult> {
  const t0 = performance.now();
  const total = (1 + 2 * prepared.length) * o.replications;
  let k = 0;
  const progress = (): ((d: number) => void) => {
    const offset = k++ * o.replications;
    return (d) => o.onProgress?.(offset + d, total);
  };
  const b = await runPoint(base, { ...o, onProgress: progress() });
  const rows: SensitivityRow[] = [];
  for (const p of prepared) {
    const lo = await runPoint(p.low, { ...o, onProgress: progress() });
    const hi = await runPoint(p.high, { ...o, onProgress: progress() });
    const diff = comparePaired(pairedTable(hi.completion, lo.completion, hi.scenario.deadlineHours, lo.scenario.deadlineHours)).paired;
    const censored = lo.stats.p50Hours === null || hi.stats.p50Hours === null;
    const at = (r: typeof lo): number => (r.stats.p50Hours ?? r.scenario.horizonHours) + r.scenario.startEpochMs / 3600e3;
    rows.push({
      label: p.param.label, paths: p.param.paths, lowText: p.param.lowText, highText: p.param.highText,
      low: lo.stats, high: hi.stats, probabilityDifference: diff,
      swingP: Math.abs(diff.estimate),
      swingP50Days: Math.abs(at(hi) - at(lo)) / 24,
      p50Censored: censored,
      note: p.note,
    });
  }
  rows.sort((x, y) => y.swingP - x.swingP || y.swingP50Days - x.swingP50Days || (x.label < y.label ? -1 : x.label > y.label ? 1 : 0));
  return {
    ...header('sensitivity', o, (performance.now() - t0) / 1000),
    scenario: scenarioRef(base), source, base: b.stats, parameters: rows,
  };
}

export function sensitivityCsv(r: SensitivityResult): string {
  const cols = ['rank', 'parameter', 'paths', 'low', 'high', 'p_low', 'p_low_lo', 'p_low_hi', 'p_high', 'p_high_lo', 'p_high_hi', 'p_diff_high_minus_low', 'p_diff_lo', 'p_diff_hi', 'swing_p', 'p50_low', 'p50_high', 'swing_p50_days', 'p50_censored', 'note'];
  return csvText(cols, r.parameters.map((p, i) => [
    i + 1, p.label, p.paths.join(' '), p.lowText, p.highText,
    p.low.probabilityCleared.estimate, p.low.probabilityCleared.ci95[0], p.low.probabilityCleared.ci95[1],
    p.high.probabilityCleared.estimate, p.high.probabilityCleared.ci95[0], p.high.probabilityCleared.ci95[1],
    p.probabilityDifference.estimate, p.probabilityDifference.ci95[0], p.probabilityDifference.ci95[1], p.swingP,
    p.low.p50, p.high.p50, p.swingP50Days, p.p50Censored, p.note,
  ]));
}
