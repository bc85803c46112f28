/**
 * A stochastic case with a known answer. N identical aircraft, ample cargo and ramp, fixed
 * cycle c = 2L + G + T = 15 h; before each departure an aircraft breaks with probability p
 * and is repaired in a constant tau. Aircraft i's j-th departure is at
 *   L + G + (j - 1) c + tau B_j,  B_j ~ Binomial(j, p),
 * so P(S_i >= j) = P(B_j <= floor((H - L - G - (j - 1) c) / tau)) for the sorties S_i flown
 * by the horizon H. The aircraft are independent, so the total S is their convolution and
 * P(S >= K) is exact. The simulated frequency over R replications (literal seed) must lie
 * within the 99% normal interval P +- 2.576 sqrt(P (1 - P) / R).
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/model/index.js';
import { aircraft, k, lot, scenario } from './fixtures.js';

function binomCdf(n: number, p: number, m: number): number {
  if (m < 0) return 0;
  let s = 0;
  let c = 1; // C(n, i)
  for (let i = 0; i <= Math.min(n, m); i++) {
    s += c * p ** i * (1 - p) ** (n - i);
    c = (c * (n - i)) / (i + 1);
  }
  return s;
}

describe('pre-departure breaks: sorties flown by the horizon follow binomial arithmetic', () => {
  it('P(all K sorties by H) matches the exact value within its 99% interval', () => {
    const N = 3, p = 0.3, tau = 4, L = 5, G = 3, c = 15, H = 100.5, R = 2000;
    const scn = scenario({
      types: [aircraft({ tasked: [{ atHours: 0, value: N }], breakProbability: p, repairTime: k(tau) })],
      cargo: [lot({ shortTons: 20, count: 1000 })],
      horizonHours: H,
    });
    // exact distribution of one aircraft's sorties
    const jMax = Math.floor((H - L - G) / c) + 1;
    const ge = (j: number): number => (j === 0 ? 1 : j > jMax ? 0 : binomCdf(j, p, Math.floor((H - L - G - (j - 1) * c) / tau)));
    const one = Array.from({ length: jMax + 1 }, (_, j) => ge(j) - ge(j + 1));
    let dist = [1];
    for (let i = 0; i < N; i++) {
      const next = new Array<number>(dist.length + jMax).fill(0);
      dist.forEach((a, x) => one.forEach((b, y) => { next[x + y]! += a * b; }));
      dist = next;
    }
    const sorties: number[] = [];
    for (let r = 0; r < R; r++) sorties.push(simulate(scn, 424242, r).sortiesByType[0]!);
    // K = 19: P = 0.2223 (the only K with P away from 0 and 1 for these numbers), and K = 18: P = 0.9727
    for (const K of [18, 19]) {
      const P = dist.slice(K).reduce((a, b) => a + b, 0);
      const hits = sorties.filter((s) => s >= K).length;
      const half = 2.576 * Math.sqrt((P * (1 - P)) / R);
      expect(P).toBeGreaterThan(0.05);
      expect(P).toBeLessThan(0.99);
      expect(Math.abs(hits / R - P)).toBeLessThanOrEqual(half);
    }
  });
});
