/**
 * `airlift goal <scenario> --target 0.9 --vary <path> [--min a --max b]`: the least value of
 * the parameter (e.g. C-17s tasked) at which P(cleared) reaches the target, by bisection.
 * Two answers, from two bisections sharing every run:
 *   - estimate:     the least value whose estimate of P(cleared) is >= target;
 *   - lower bound:  the least value whose 95% Wilson lower bound is >= target (the value to
 *                   plan on if "reaches the target" must hold with 95% confidence).
 * The direction is read from the ends: when P falls as the value grows (e.g. a denial
 * probability), the answer is the GREATEST value that still reaches the target.
 * Every run uses the same seed and replications (common random numbers), so P(value) is a
 * deterministic function of the value and, for a parameter with a monotone effect on each
 * replication, monotone too; bisection assumes it. Counts are searched over whole numbers;
 * other values to within `tolerance`.
 *
 * Out of reach, the message says what would be worth trying, from what the runs showed:
 *   - P differs between the ends: the target could only lie beyond the good end, so it says
 *     which flag to move (raise --max, or lower --min when P falls with the value), unless the
 *     parameter cannot go beyond that end (a probability already at 0 or 1; asked of the
 *     resolver), when it says that varying it alone cannot reach the target;
 *   - P is the same at both ends (0 at both, typically): the range shows no direction, so it
 *     advises no widening (`goal --vary clearance.denialProbability` on a scenario that never
 *     clears advised widening [0, 0.3] "(--min/--max)");
 *   - the lower bound only: more replications where the estimate itself reaches the target.
 * The default range (goalRange) comes from the value as written or the model's default when
 * the file leaves it unset (./field.ts), and both ends are checked before anything runs.
 */
import { performance } from 'node:perf_hooks';
import type { ScenarioDocument } from '../../scenario/index.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { type AnalysisHeader, type AnalysisOptions, withPool, csvText, header, pointCells, POINT_COLUMNS, scenarioRef } from './common.js';
import { fieldValue, isCountList } from './field.js';
import { runPoint, type PointStats } from './point.js';
import { applyOverrides } from './variants.js';

export interface GoalSpec {
  readonly path: string;
  readonly target: number;
  readonly min: number;
  readonly max: number;
  readonly integer: boolean;
  /** Continuous search stops when the bracket is at most this wide. */
  readonly tolerance: number;
}

export type Criterion = 'estimate' | 'lowerBound';

export interface GoalStep {
  readonly step: number;
  readonly value: number;
  readonly stats: PointStats;
  /** Which bisection asked for this value first ('ends' for the two ends of the range). */
  readonly phase: 'ends' | Criterion;
  readonly bracket: readonly [number, number] | null;
}

export interface GoalAnswer {
  readonly reached: boolean;
  readonly value: number | null;
  readonly stats: PointStats | null;
  readonly message: string;
}

export interface GoalResult extends AnalysisHeader {
  readonly scenario: { readonly name: string; readonly file: string; readonly deadline: string };
  readonly spec: GoalSpec;
  readonly direction: 'increasing' | 'decreasing';
  readonly estimate: GoalAnswer;
  readonly lowerBound: GoalAnswer;
  readonly trace: readonly GoalStep[];
}

/** How P moves over the range, for the report's text: from the runs at its two ends. */
export function goalDirectionText(r: GoalResult, path: string): string {
  const ends = r.trace.filter((t) => t.phase === 'ends').map((t) => t.stats.probabilityCleared.estimate);
  if (ends.length === 2 && ends[0] === ends[1]) return 'P(cleared) is the same at both ends of the range';
  return `P ${r.direction === 'increasing' ? 'rises' : 'falls'} with ${path}`;
}

export class GoalInputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'GoalInputError';
  }
}

const fmt = (x: number): string => String(Number(x.toPrecision(6)));

export async function seekGoal(doc: ScenarioDocument, base: ResolvedScenario, spec: GoalSpec, o: AnalysisOptions): Promise<GoalResult> {
  return withPool(o, (po) => seekGoalRun(doc, base, spec, po));
}

async function seekGoalRun(doc: ScenarioDocument, base: ResolvedScenario, spec: GoalSpec, o: AnalysisOptions): Promise<GoalResult> {
  const t0 = performance.now();
  const cache = new Map<number, PointStats>();
  const trace: GoalStep[] = [];
  const maxSteps = spec.integer ? Math.ceil(Math.log2(spec.max - spec.min + 1)) * 2 + 2 : Math.ceil(Math.log2((spec.max - spec.min) / spec.tolerance + 1)) * 2 + 2;
  const evaluate = async (value: number, phase: GoalStep['phase'], bracket: GoalStep['bracket']): Promise<PointStats> => {
    const hit = cache.get(value);
    if (hit) return hit;
    const v: ResolvedScenario | { problems: readonly string[] } = (() => {
      const r = applyOverrides(doc, [{ path: spec.path, value }], '--vary');
      return r.ok ? r.scenario : { problems: r.problems };
    })();
    if ('problems' in v) throw new GoalInputError(v.problems);
    const done = trace.length * o.replications;
    const total = Math.max(maxSteps, trace.length + 1) * o.replications;
    const p = await runPoint(v, { ...o, onProgress: (d) => o.onProgress?.(done + d, total) });
    cache.set(value, p.stats);
    trace.push({ step: trace.length + 1, value, stats: p.stats, phase, bracket });
    return p.stats;
  };
  const lo = await evaluate(spec.min, 'ends', null);
  const hi = await evaluate(spec.max, 'ends', null);
  const direction = hi.probabilityCleared.estimate >= lo.probabilityCleared.estimate ? 'increasing' : 'decreasing';
  const flat = hi.probabilityCleared.estimate === lo.probabilityCleared.estimate;
  // search from the "bad" end towards the "good" end
  const [bad, good] = direction === 'increasing' ? [spec.min, spec.max] : [spec.max, spec.min];
  const word = direction === 'increasing' ? 'least' : 'greatest';
  // whether the parameter can go past the good end at all (a step beyond it resolves)
  const beyond = good + (direction === 'increasing' ? 1 : -1) * (spec.integer ? 1 : spec.tolerance);
  const canWiden = applyOverrides(doc, [{ path: spec.path, value: beyond }], '--vary').ok;

  const solve = async (criterion: Criterion): Promise<GoalAnswer> => {
    const meets = (s: PointStats): boolean => (criterion === 'estimate' ? s.probabilityCleared.estimate : s.probabilityCleared.ci95[0]) >= spec.target;
    const what = criterion === 'estimate' ? 'P(cleared)' : 'the 95% lower bound of P(cleared)';
    const atGood = cache.get(good)!;
    if (!meets(atGood)) {
      const shown = criterion === 'estimate' ? fmt(atGood.probabilityCleared.estimate) : fmt(atGood.probabilityCleared.ci95[0]);
      const where = flat ? `at both ends (${spec.path} = ${fmt(spec.min)} and ${fmt(spec.max)})` : `at ${spec.path} = ${fmt(good)}`;
      const advice: string[] = [];
      const estimateMeets = atGood.probabilityCleared.estimate >= spec.target;
      if (estimateMeets) advice.push('the estimate reaches it there: more replications (-n) narrow the interval');
      if (flat) {
        if (!estimateMeets) advice.push(`P(cleared) is the same at both ends, so the range shows no direction in which ${spec.path} would help`);
      } else if (atGood.probabilityCleared.estimate < 1) {
        advice.push(canWiden
          ? `${direction === 'increasing' ? 'raise --max' : 'lower --min'} to search further`
          : `${spec.path} cannot be ${direction === 'increasing' ? 'greater' : 'less'} than ${fmt(good)}${estimateMeets ? '' : ', so varying it alone cannot reach the target'}`);
      }
      return {
        reached: false, value: null, stats: null,
        message: `target not reachable in [${fmt(spec.min)}, ${fmt(spec.max)}]: ${what} is ${shown} ${where}, below ${spec.target}${advice.map((a) => `; ${a}`).join('')}`,
      };
    }
    if (meets(cache.get(bad)!)) {
      return { reached: true, value: bad, stats: cache.get(bad)!, message: `already reached at the ${direction === 'increasing' ? 'minimum' : 'maximum'} of the range, ${spec.path} = ${fmt(bad)}` };
    }
    let b = bad; // fails
    let g = good; // meets
    while (spec.integer ? Math.abs(g - b) > 1 : Math.abs(g - b) > spec.tolerance) {
      const mid = spec.integer ? Math.floor((b + g) / 2) : Number(((b + g) / 2).toPrecision(12));
      const s = await evaluate(mid, criterion, direction === 'increasing' ? [b, g] : [g, b]);
      if (meets(s)) g = mid;
      else b = mid;
    }
    return { reached: true, value: g, stats: cache.get(g)!, message: `${word} ${spec.path} with ${what} >= ${spec.target}: ${fmt(g)}` };
  };
  const estimate = await solve('estimate');
  const lowerBound = await solve('lowerBound');
  return {
    ...header('goal', o, (performance.now() - t0) / 1000),
    scenario: scenarioRef(base), spec, direction, estimate, lowerBound, trace,
  };
}

/**
 * One line per answer, labelled by what it says: '<who> reaches the target: <path> = v (P(cleared) = …)'
 * when it does, '<who>: <message>' when it does not. `p` formats P(cleared) with its interval.
 */
export function goalLines(r: GoalResult, p: (s: PointStats) => string): string[] {
  const line = (who: string, a: GoalAnswer): string => (a.reached && a.stats
    ? `${who} reaches the target: ${r.spec.path} = ${a.value} (P(cleared) = ${p(a.stats)})`
    : `${who}: ${a.message}`);
  return [line('Estimate', r.estimate), line('95% lower bound', r.lowerBound)];
}

export type GoalRange =
  | { readonly ok: true; readonly min: number; readonly max: number; readonly integer: boolean; readonly notes: readonly string[] }
  | { readonly ok: false; readonly problems: readonly string[] };

/**
 * The search range and whether it is over whole numbers: --min/--max/--integer where given,
 * else 1 (counts) or 0 up to twice the value as written, or the model's default when the file
 * leaves the field unset (./field.ts). Both ends are resolved here, so a bad one fails before
 * anything runs.
 */
export function goalRange(doc: ScenarioDocument, path: string, flags: { readonly min?: number | undefined; readonly max?: number | undefined; readonly integer?: boolean | undefined }): GoalRange {
  const f = fieldValue(doc, path);
  const integer = flags.integer ?? f.integer;
  const lo = flags.min ?? (integer ? 1 : 0);
  const unset = f.written === undefined;
  const cur = typeof f.written === 'number' ? f.written : isCountList(f.written) ? Math.max(...f.written.map((s) => s.count)) : unset ? f.defaultValue : null;
  const hi = flags.max ?? (cur !== null && cur > 0 ? (integer ? Math.max(2 * cur, lo + 1) : 2 * cur) : undefined);
  const notes = unset && f.defaultValue !== null ? [`${path} is not set in the scenario: the model's default, ${fmt(f.defaultValue)}, applies`] : [];
  if (hi === undefined) {
    const why = !unset
      ? `the scenario's ${path} is ${JSON.stringify(f.written)} (not a positive number to double)`
      : f.defaultValue !== null
        ? `${path} is not set in the scenario, so the model's default, ${fmt(f.defaultValue)}, applies, and twice ${fmt(f.defaultValue)} is no range`
        : `${path} is not set in the scenario, and its default is not a single number to double`;
    return { ok: false, problems: [`--max: needed: ${why}`] };
  }
  if (!(hi > lo)) return { ok: false, problems: [`--min/--max: expected min < max, found [${lo}, ${hi}]`] };
  if (integer && (!Number.isInteger(lo) || !Number.isInteger(hi))) return { ok: false, problems: [`--min/--max: ${path} is searched over whole numbers; expected whole numbers, found [${lo}, ${hi}]`] };
  const problems = [[lo, flags.min], [hi, flags.max]].flatMap(([v, given]) => {
    const r = applyOverrides(doc, [{ path, value: v }], '--vary');
    return r.ok ? [] : r.problems.map((p) => (given === undefined ? `${p} (the default ${v === lo ? 'lowest' : 'highest'} value to try: set ${v === lo ? '--min' : '--max'})` : p));
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, min: lo, max: hi, integer, notes };
}

export function goalCsv(r: GoalResult): string {
  return csvText(['step', 'phase', r.spec.path, ...POINT_COLUMNS, 'meets_target_estimate', 'meets_target_lower_bound'], r.trace.map((t) => [
    t.step, t.phase, t.value, ...pointCells(t.stats),
    t.stats.probabilityCleared.estimate >= r.spec.target, t.stats.probabilityCleared.ci95[0] >= r.spec.target,
  ]));
}
