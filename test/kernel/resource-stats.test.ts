import { describe, expect, it } from 'vitest';
import { Resource, Simulation } from '../../src/kernel/index.js';

describe('Resource.stats', () => {
  /*
   * Capacity 2. a holds [0,4), b holds [1,3), c arrives at 2, waits until b leaves at 3, holds [3,6).
   *   inUse:  [0,1) 1, [1,3) 2, [3,4) 2, [4,6) 1      -> integral 1 + 4 + 2 + 2 = 9
   *   queue:  [2,3) 1                                   -> integral 1
   *   capacity 2 over [0,6)                            -> integral 12
   * At 6 the capacity becomes 4; the clock moves on to 8 with nothing in use: capacity integral 12 + 8 = 20.
   */
  function scenario(): { sim: Simulation; res: Resource } {
    const sim = new Simulation();
    const res = new Resource(sim, 2, 'bays');
    for (const [arrive, hold] of [
      [0, 4],
      [1, 2],
      [2, 3],
    ] as const)
      sim.process(function* () {
        yield arrive;
        const r = res.request();
        yield r;
        yield hold;
        res.release(r);
      });
    return { sim, res };
  }

  it('computes time-weighted utilisation, mean in use, queue and wait by hand-checked integrals', () => {
    const { sim, res } = scenario();
    sim.run({ until: 6 });
    expect(res.stats()).toEqual({
      utilisation: 9 / 12,
      meanInUse: 9 / 6,
      meanQueueLength: 1 / 6,
      meanWait: 1 / 3, // waits 0, 0, 1
      grants: 3,
      withdrawn: 0,
      maxQueue: 1,
      elapsed: 6,
    });
  });

  it('weights utilisation by the capacity in force over time', () => {
    const { sim, res } = scenario();
    sim.schedule(6, () => res.setCapacity(4));
    sim.schedule(8, () => {});
    sim.run();
    const s = res.stats();
    expect(s.utilisation).toBeCloseTo(9 / 20, 12);
    expect(s.meanInUse).toBeCloseTo(9 / 8, 12);
    expect(s.elapsed).toBe(8);
  });

  it('resetStats restarts the integrals at the current time', () => {
    const { sim, res } = scenario();
    sim.run({ until: 2.5 });
    res.resetStats();
    sim.run({ until: 5 });
    // over [2.5,5): inUse 2 on [2.5,4), 1 on [4,5) -> 3 + 1 = 4; queue 1 on [2.5,3) -> 0.5; one grant (c, waited 1)
    const s = res.stats();
    expect(s.elapsed).toBe(2.5);
    expect(s.meanInUse).toBeCloseTo(4 / 2.5, 12);
    expect(s.utilisation).toBeCloseTo(4 / 5, 12);
    expect(s.meanQueueLength).toBeCloseTo(0.5 / 2.5, 12);
    expect(s.grants).toBe(1);
    expect(s.meanWait).toBe(1);
  });

  it('reports zeros before any time has passed', () => {
    const sim = new Simulation();
    const s = new Resource(sim, 0).stats();
    expect(s).toMatchObject({ utilisation: 0, meanInUse: 0, meanQueueLength: 0, meanWait: 0, grants: 0 });
  });
});
