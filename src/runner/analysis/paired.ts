/**
 * Comparing two scenarios run on the same replications (common random numbers).
 *
 * The cleared indicators X_i (scenario B) and Y_i (baseline A) of replication i form a paired
 * 2x2 table: a = both cleared, b = only B, c = only A, d = neither; the difference
 * P(B) - P(A) = (b - c) / n.
 *
 * Paired interval: Newcombe (1998, Stat. Med. 17:2635-2650), method 10: Wilson score limits
 * for each proportion combined with the correlation between the pairs,
 *   L = D - sqrt((pB - lB)^2 - 2 phi (pB - lB)(uA - pA) + (uA - pA)^2)
 *   U = D + sqrt((uB - pB)^2 - 2 phi (uB - pB)(pA - lA) + (pA - lA)^2)
 * with phi the phi coefficient of the table, continuity-corrected as in the paper
 * (ad - bc - n/2 when ad - bc > n/2, 0 between 0 and n/2, ad - bc when negative).
 * Independent interval: the same formula with phi = 0, which is Newcombe's (1998, Stat. Med.
 * 17:873-890) method 10 hybrid score interval for two independent samples of n each: the
 * width an independent comparison (different random numbers per scenario) would have had.
 * Both stay inside [-1, 1] and behave at P = 0 or 1, where a Wald interval collapses to a point.
 * The paired t interval (Wald on the differences d_i = X_i - Y_i) is reported too.
 */
import { tInterval, wilson } from '../../stats/intervals.js';

export interface PairedTable {
  readonly n: number;
  /** Both cleared. */
  readonly a: number;
  /** Only the scenario (not the baseline) cleared. */
  readonly b: number;
  /** Only the baseline cleared. */
  readonly c: number;
  /** Neither. */
  readonly d: number;
}

export interface DiffInterval {
  readonly estimate: number;
  readonly ci95: readonly [number, number];
}

export interface PairedComparison {
  readonly table: PairedTable;
  /** phi coefficient of the paired table (uncorrected), the correlation the pairing exploits. */
  readonly phi: number;
  readonly paired: DiffInterval;
  readonly independent: DiffInterval;
  readonly pairedT: DiffInterval;
}

/** The paired table of "cleared" (value < limit) between scenario and baseline, replication by replication. */
export function pairedTable(scenario: ArrayLike<number>, baseline: ArrayLike<number>, limitScenario: number, limitBaseline: number): PairedTable {
  if (scenario.length !== baseline.length) throw new Error(`pairedTable: ${scenario.length} vs ${baseline.length} replications`);
  let a = 0, b = 0, c = 0, d = 0;
  for (let i = 0; i < scenario.length; i++) {
    const x = scenario[i]! < limitScenario;
    const y = baseline[i]! < limitBaseline;
    if (x && y) a++;
    else if (x) b++;
    else if (y) c++;
    else d++;
  }
  return { n: scenario.length, a, b, c, d };
}

function clamp(x: number): number {
  return Math.max(-1, Math.min(1, x));
}

function newcombe(t: PairedTable, phi: number): DiffInterval {
  const { n, a, b, c } = t;
  const xB = a + b;
  const xA = a + c;
  const pB = xB / n;
  const pA = xA / n;
  const wB = wilson(xB, n);
  const wA = wilson(xA, n);
  const D = pB - pA;
  const lo = D - Math.sqrt(Math.max(0, (pB - wB.lo) ** 2 - 2 * phi * (pB - wB.lo) * (wA.hi - pA) + (wA.hi - pA) ** 2));
  const hi = D + Math.sqrt(Math.max(0, (wB.hi - pB) ** 2 - 2 * phi * (wB.hi - pB) * (pA - wA.lo) + (pA - wA.lo) ** 2));
  return { estimate: D, ci95: [clamp(lo), clamp(hi)] };
}

/** Phi coefficient; `corrected` applies Newcombe's continuity correction. 0 when a margin is empty. */
export function phiOf(t: PairedTable, corrected: boolean): number {
  const { n, a, b, c, d } = t;
  const m = (a + b) * (c + d) * (a + c) * (b + d);
  if (m === 0) return 0;
  const B = a * d - b * c;
  const num = !corrected ? B : B > n / 2 ? B - n / 2 : B < 0 ? B : 0;
  return num / Math.sqrt(m);
}

export function comparePaired(t: PairedTable): PairedComparison {
  if (t.n === 0) throw new Error('comparePaired: no replications');
  const D = (t.b - t.c) / t.n;
  // d_i in {-1, 0, 1}: mean D, variance (b + c - n D^2) / (n - 1)
  const variance = t.n > 1 ? Math.max(0, (t.b + t.c - t.n * D * D) / (t.n - 1)) : 0;
  const ti = tInterval(t.n, D, Math.sqrt(variance));
  return {
    table: t,
    phi: phiOf(t, false),
    paired: newcombe(t, phiOf(t, true)),
    independent: newcombe(t, 0),
    pairedT: { estimate: D, ci95: [clamp(ti.lo), clamp(ti.hi)] },
  };
}

export function width(i: DiffInterval): number {
  return i.ci95[1] - i.ci95[0];
}
