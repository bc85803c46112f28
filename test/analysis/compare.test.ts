import { describe, expect, it } from 'vitest';
import { compareScenarios } from '../../src/runner/analysis/index.js';
import { load, TWO_SITES } from './helpers.js';

describe('compareScenarios', () => {
  it('two close scenarios on common random numbers: the paired interval is narrower than the independent one', async () => {
    // Deadline at about the median completion so P is near 0.5 (where intervals are widest);
    // the second scenario only raises the clearance denial probability from 0.10 to 0.12, so
    // most replications clear (or not) in both: the paired table is positively correlated.
    const a = await load(TWO_SITES, { deadline: '2024-07-22' });
    const b = await load(TWO_SITES, { deadline: '2024-07-22', 'clearance.denialProbability': 0.12, name: 'more-denials' });
    const { result, points } = await compareScenarios([a.scenario, b.scenario], { replications: 300, seed: 11, workers: 1 });
    expect(points[0]!.completion.length).toBe(300);
    const p = result.scenarios[0]!.stats.probabilityCleared.estimate;
    expect(p).toBeGreaterThan(0.2);
    expect(p).toBeLessThan(0.8);
    const d = result.scenarios[1]!.difference!;
    expect(d.phi).toBeGreaterThan(0); // common random numbers correlate the pairs (independent runs: phi about 0)
    expect(d.pairedWidth).toBeLessThan(d.independentWidth);
    // both intervals are about the same difference (b - c) / n
    expect(d.paired.estimate).toBeCloseTo((d.table.b - d.table.c) / 300, 12);
    expect(d.paired.ci95[0]).toBeLessThanOrEqual(d.paired.estimate);
    expect(d.paired.ci95[1]).toBeGreaterThanOrEqual(d.paired.estimate);
  });

  it('the same scenario twice: every replication agrees, the difference is exactly 0', async () => {
    const a = await load(TWO_SITES, { deadline: '2024-07-22' });
    const { result } = await compareScenarios([a.scenario, a.scenario], { replications: 60, seed: 3, workers: 1 });
    const d = result.scenarios[1]!.difference!;
    expect(d.table.b + d.table.c).toBe(0);
    expect(d.paired.estimate).toBe(0);
    expect(d.pairedWidth).toBeLessThan(d.independentWidth);
  });
});
