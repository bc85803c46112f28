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
 */
import { performance } from 'node:perf_hooks';
import type { ScenarioDocument } from '../../scenario/index.js';
import type { ResolvedScenario } from '../../scenario/resolved.js';
import { type AnalysisHeader, type AnalysisOptions, withPool, csvText, header, pointCells, POINT_COLUMNS, scenarioRef } from './common.js';
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
  // search from the "bad" end towards the "good" end
  const [bad, good] = direction === 'increasing' ? [spec.min, spec.max] : [spec.max, spec.min];
  const word = direction === 'increasing' ? 'least' : 'greatest';

  const solve = async (criterion: Criterion): Promise<GoalAnswer> => {
    const meets = (s: PointStats): boolean => (criterion === 'estimate' ? s.probabilityCleared.estimate : s.probabilityCleared.ci95[0]) >= spec.target;
    const what = criterion === 'estimate' ? 'P(cleared)' : 'the 95% lower bound of P(cleared)';
    const atGood = cache.get(good)!;
    if (!meets(atGood)) {
      const shown = criterion === 'estimate' ? fmt(atGood.probabilityCleared.estimate) : fmt(atGood.probabilityCleared.ci95[0]);
      return {
        reached: false, value: null, stats: null,
        message: `target not reachable in [${fmt(spec.min)}, ${fmt(spec.max)}]: ${what} is ${shown} at ${spec.path} = ${fmt(good)}, below ${spec.target}; widen the range (--min/--max)${criterion === 'lowerBound' ? ' or run more replications' : ''}`,
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

export function goalCsv(r: GoalResult): string {
  return csvText(['step', 'phase', r.spec.path, ...POINT_COLUMNS, 'meets_target_estimate', 'meets_target_lower_bound'], r.trace.map((t) => [
    t.step, t.phase, t.value, ...pointCells(t.stats),
    t.stats.probabilityCleared.estimate >= r.spec.target, t.stats.probabilityCleared.ci95[0] >= r.spec.target,
  ]));
}
