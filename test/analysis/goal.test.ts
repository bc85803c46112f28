import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { goalCommand } from '../../src/cli/commands/goal.js';
import { InputError, ThresholdError } from '../../src/cli/exit.js';
import { goalDirectionText, goalLines, goalRange, seekGoal } from '../../src/runner/analysis/index.js';
import { tempDir } from '../tmp.js';
import { CLOSED_FORM, closedForm, load } from './helpers.js';

// one C-17, a clearance with no denialProbability written (the model's default is 0)
const ONE_SITE_SLOW = fileURLToPath(new URL('../../scenarios/examples/one-site-slow.yaml', import.meta.url));

const o = { replications: 40, seed: 9, workers: 1 };

describe('seekGoal', () => {
  it('finds the least number of aircraft on a deterministic lift (closed form)', async () => {
    // deadline end of 8 Jun = 192 h: the least N with closedForm(N) < 192
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-08' });
    let known = 1;
    while (!(closedForm(known) < 192)) known++;
    expect(known).toBe(2);
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.9, min: 1, max: 8, integer: true, tolerance: 1 }, o);
    expect(r.direction).toBe('increasing');
    expect(r.estimate).toMatchObject({ reached: true, value: known });
    // P is 1 at the answer: the Wilson lower bound with n = 40 is 40 / (40 + z^2) = 0.912 >= 0.9
    expect(r.lowerBound).toMatchObject({ reached: true, value: known });
    expect(r.estimate.stats!.probabilityCleared.ci95[0]).toBeCloseTo(40 / (40 + 1.959963984540054 ** 2), 12);
    // bisection: the two ends, then about log2(7) more runs
    expect(r.trace.length).toBeLessThanOrEqual(2 + 3);
  });

  it('the lower bound needs more replications than the estimate: with n = 20 it cannot clear 0.9', async () => {
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-08' });
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.9, min: 1, max: 4, integer: true, tolerance: 1 }, { ...o, replications: 20 });
    expect(r.estimate.value).toBe(2);
    expect(r.lowerBound.reached).toBe(false);
    expect(r.lowerBound.message).toMatch(/not reachable in \[1, 4\].*more replications/);
  });

  it('says so when the target is out of reach in the range', async () => {
    const { doc, scenario } = await load(CLOSED_FORM);
    // deadline 96 h: closedForm(3) = 113 h > 96 h, so 1..3 aircraft never clear
    expect(closedForm(3)).toBeGreaterThan(96);
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.5, min: 1, max: 3, integer: true, tolerance: 1 }, o);
    expect(r.estimate.reached).toBe(false);
    expect(r.estimate.message).toContain('target not reachable in [1, 3]');
    expect(r.estimate.message).toContain('P(cleared) is 0 at both ends (aircraft.C-17.tasked = 1 and 3)');
    // no direction to widen in: it does not advise one
    expect(r.estimate.message).toContain('the range shows no direction in which aircraft.C-17.tasked would help');
    expect(r.estimate.message).not.toMatch(/widen|--max|--min/);
    // and the report's paragraph does not say that P rises or falls
    expect(goalDirectionText(r, 'aircraft.C-17.tasked')).toBe('P(cleared) is the same at both ends of the range');
  });

  it('out of reach with P falling from a value that cannot go lower (a probability at 0): says so, advises no widening', async () => {
    const { doc, scenario } = await load(ONE_SITE_SLOW);
    const r = await seekGoal(doc, scenario, { path: 'clearance.denialProbability', target: 0.99, min: 0, max: 0.3, integer: false, tolerance: 0.3 / 64 }, o);
    expect(r.direction).toBe('decreasing');
    expect(r.trace[0]!.stats.probabilityCleared.estimate).toBeLessThan(0.99);
    expect(r.estimate.reached).toBe(false);
    expect(r.estimate.message).toMatch(/^target not reachable in \[0, 0\.3\]: P\(cleared\) is [0-9.]+ at clearance\.denialProbability = 0, below 0\.99; clearance\.denialProbability cannot be less than 0, so varying it alone cannot reach the target$/);
    expect(r.estimate.message).not.toMatch(/widen|--max|--min/);
  });

  it('out of reach with P rising towards a max that can grow: raise --max', async () => {
    // a deadline of 5 Jun: P is 0 with one C-17 and 0.75 with two (n = 40, seed 9)
    const { doc, scenario } = await load(ONE_SITE_SLOW, { deadline: '2024-06-05' });
    const r = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.99, min: 1, max: 2, integer: true, tolerance: 1 }, o);
    expect(r.direction).toBe('increasing');
    expect(r.estimate.message).toMatch(/at aircraft\.C-17\.tasked = 2, below 0\.99; raise --max to search further$/);
  });

  it('a continuous parameter that hurts: the greatest ground time that still clears, to within the tolerance', async () => {
    // one aircraft: last departure 24 g + 281 h; deadline end of 16 Jun = 384 h -> g < 103 / 24
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-16', 'aircraft.C-17.tasked': 1 });
    const gStar = (384 - closedForm(1, 24, 0)) / 24;
    expect(closedForm(1, 24, gStar)).toBeCloseTo(384, 9);
    const tolerance = 0.01;
    const r = await seekGoal(doc, scenario, { path: 'sites.ALPHA.groundTime', target: 0.9, min: 1, max: 8, integer: false, tolerance }, { ...o, replications: 2 });
    expect(r.direction).toBe('decreasing');
    expect(r.estimate.reached).toBe(true);
    expect(r.estimate.value!).toBeLessThan(gStar);
    expect(r.estimate.value!).toBeGreaterThan(gStar - tolerance);
  });
});

describe('goalLines: each answer labelled by what it says', () => {
  it('"reaches the target" only when it does', async () => {
    const { doc, scenario } = await load(CLOSED_FORM, { deadline: '2024-06-08' });
    const p = (): string => 'P';
    const reached = await seekGoal(doc, scenario, { path: 'aircraft.C-17.tasked', target: 0.9, min: 1, max: 4, integer: true, tolerance: 1 }, { ...o, replications: 20 });
    expect(goalLines(reached, p)).toEqual([
      'Estimate reaches the target: aircraft.C-17.tasked = 2 (P(cleared) = P)',
      `95% lower bound: ${reached.lowerBound.message}`,
    ]);
    expect(reached.lowerBound.message).toMatch(/the estimate reaches it there: more replications \(-n\) narrow the interval$/);
  });
});

describe('goalRange: the default range from the value as written or the model\'s default', () => {
  it('an unset field: says it is unset and which default applies (it said "is null")', async () => {
    const { doc } = await load(ONE_SITE_SLOW);
    const r = goalRange(doc, 'clearance.denialProbability', {});
    expect(r).toEqual({ ok: false, problems: ["--max: needed: clearance.denialProbability is not set in the scenario, so the model's default, 0, applies, and twice 0 is no range"] });
    expect(goalRange(doc, 'clearance.denialProbability', { max: 0.3 })).toEqual({
      ok: true, min: 0, max: 0.3, integer: false, notes: ["clearance.denialProbability is not set in the scenario: the model's default, 0, applies"],
    });
  });

  it('a probability written as 0 is searched from 0, not over whole numbers from 1', async () => {
    const { doc } = await load(ONE_SITE_SLOW, { 'clearance.denialProbability': 0 });
    expect(goalRange(doc, 'clearance.denialProbability', { max: 0.3 })).toMatchObject({ ok: true, min: 0, max: 0.3, integer: false, notes: [] });
  });

  it('an unset field whose default is 1: twice it; a top end the model rejects fails before anything runs', async () => {
    const { doc } = await load(ONE_SITE_SLOW);
    const r = goalRange(doc, 'aircraft.C-17.missionCapableRate', {});
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.join('\n')).toMatch(/aircraft\.C-17\.missionCapableRate.*found 2.*the default highest value to try: set --max/);
    expect(goalRange(doc, 'aircraft.C-17.missionCapableRate', { max: 1 })).toMatchObject({ ok: true, min: 0, max: 1, integer: false });
  });

  it('counts as before: whole numbers from 1 to twice the count (at least 2)', async () => {
    const { doc } = await load(ONE_SITE_SLOW);
    expect(goalRange(doc, 'aircraft.C-17.tasked', {})).toEqual({ ok: true, min: 1, max: 2, integer: true, notes: [] });
    const cf = await load(CLOSED_FORM);
    expect(goalRange(cf.doc, 'aircraft.C-17.tasked', {})).toEqual({ ok: true, min: 1, max: 4, integer: true, notes: [] });
  });
});

describe('airlift goal (the command, from src)', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });
  const goal = async (args: Record<string, unknown>): Promise<{ text: string; error: unknown }> => {
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    let error: unknown = null;
    try {
      await goalCommand.handler({ scenario: ONE_SITE_SLOW, reps: '40', seed: '9', workers: '1', out: tempDir('airlift-goal-'), json: false, quiet: false, charts: false, _: [], $0: 'airlift', ...args } as never);
    } catch (err) {
      error = err;
    } finally {
      vi.restoreAllMocks();
    }
    return { text: written.join(''), error };
  };

  it('out of reach: "Estimate: target not reachable ...", never "reaches the target: target not reachable"; exit 3', async () => {
    const { text, error } = await goal({ target: '0.99', vary: 'clearance.denialProbability', max: '0.3' });
    expect(error).toBeInstanceOf(ThresholdError);
    expect(text).not.toContain('reaches the target: target not reachable');
    expect(text).toContain("clearance.denialProbability is not set in the scenario: the model's default, 0, applies\n");
    expect(text).toMatch(/^Estimate: target not reachable in \[0, 0\.3\]: .*cannot be less than 0/m);
    expect(text).toMatch(/^95% lower bound: target not reachable in \[0, 0\.3\]/m);
    expect(text).not.toMatch(/widen/);
  });

  it('an unset --vary field without --max: exit 2 naming the default, not "null"', async () => {
    const { error } = await goal({ target: '0.9', vary: 'clearance.denialProbability' });
    expect(error).toBeInstanceOf(InputError);
    const message = (error as InputError).problems.join('\n');
    expect(message).toContain("clearance.denialProbability is not set in the scenario, so the model's default, 0, applies");
    expect(message).not.toContain('null');
  });
});
