import { describe, expect, it } from 'vitest';
import seedrandom from 'seedrandom';
import { Resource, Simulation } from '../../src/kernel/index.js';
import { erlangC, md1Wq, meanCI95, mmcWq } from './queueing.js';

const R = 20; // independent replications, seeds 'mmc-0' .. 'mmc-19' (literal, fixed)
const WARMUP = 2_000; // customers discarded at the start of each replication
const MEASURED = 20_000; // customers measured per replication

/**
 * One replication of a c-server FIFO queue built from Simulation + Resource + processes.
 * Returns the mean wait in queue of customers WARMUP+1 .. WARMUP+MEASURED.
 */
function replicate(seed: string, c: number, interarrival: () => number, service: () => number): number {
  const sim = new Simulation();
  const servers = new Resource(sim, c, 'servers');
  const total = WARMUP + MEASURED;
  let sumWait = 0;
  function* customer(i: number) {
    const t0 = sim.now;
    const req = servers.request();
    yield req;
    if (i >= WARMUP) sumWait += sim.now - t0;
    yield service();
    servers.release(req);
  }
  sim.process(function* () {
    for (let i = 0; i < total; i++) {
      yield interarrival();
      sim.process(customer(i));
    }
  }, `arrivals ${seed}`);
  sim.run();
  return sumWait / MEASURED;
}

const exp = (rng: seedrandom.PRNG, rate: number) => () => -Math.log(1 - rng.double()) / rate;

describe('erlangC', () => {
  it('matches known values (c=1 reduces to rho; c=2, a=1 gives 1/3)', () => {
    expect(erlangC(1, 0.7, 1)).toBeCloseTo(0.7, 12);
    expect(erlangC(2, 1, 1)).toBeCloseTo(1 / 3, 12);
  });
});

describe('Resource.request in an M/M/3 queue', () => {
  it('gives the Erlang-C mean wait in queue inside the 95% CI of 20 replications', () => {
    const c = 3;
    const lambda = 2.1; // rho = 0.7
    const mu = 1;
    const means: number[] = [];
    for (let r = 0; r < R; r++) {
      const seed = `mmc-${r}`;
      const rngA = seedrandom.alea(`${seed}-arrivals`);
      const rngS = seedrandom.alea(`${seed}-service`);
      means.push(replicate(seed, c, exp(rngA, lambda), exp(rngS, mu)));
    }
    const { mean, half } = meanCI95(means);
    const wq = mmcWq(c, lambda, mu); // C(3, 2.1) = 0.4923, Wq = 0.4923 / 0.9 = 0.547 h
    expect(Math.abs(mean - wq)).toBeLessThanOrEqual(half);
    // the interval is informative: narrower than 10% of the value
    expect(half).toBeLessThan(0.1 * wq);
  });
});

describe('Resource.request in an M/D/1 queue', () => {
  it('gives the Pollaczek-Khinchine mean wait inside the 95% CI of 20 replications', () => {
    const lambda = 0.7;
    const d = 1; // rho = 0.7
    const means: number[] = [];
    for (let r = 0; r < R; r++) {
      const rngA = seedrandom.alea(`md1-${r}-arrivals`);
      means.push(replicate(`md1-${r}`, 1, exp(rngA, lambda), () => d));
    }
    const { mean, half } = meanCI95(means);
    const wq = md1Wq(lambda, d); // 7/6 h
    expect(Math.abs(mean - wq)).toBeLessThanOrEqual(half);
    expect(half).toBeLessThan(0.1 * wq);
  });
});
