import { describe, expect, it } from 'vitest';
import { Gate, Interrupt, KernelUsageError, Resource, SchedulingError, Simulation } from '../../src/kernel/index.js';
import type { Request } from '../../src/kernel/index.js';

describe('sim.timeout', () => {
  it('resumes a process after the delay; a yielded number is shorthand', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    sim.process(function* () {
      log.push(['start', sim.now]);
      yield sim.timeout(2);
      log.push(['after 2', sim.now]);
      yield 0.5;
      log.push(['after 0.5', sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ['start', 0],
      ['after 2', 2],
      ['after 0.5', 2.5],
    ]);
  });
  it('throws quoting a negative timeout', () => {
    const sim = new Simulation();
    expect(() => sim.timeout(-3)).toThrow('negative delay -3');
    sim.process(function* () {
      yield -1;
    });
    expect(() => sim.run()).toThrow(SchedulingError);
  });
  it('rejects a yielded non-command', () => {
    const sim = new Simulation();
    sim.process(function* () {
      yield 'soon' as never;
    }, 'bad');
    expect(() => sim.run()).toThrow(/process 'bad' yielded string soon/);
  });
  it('runs simultaneous processes in start order', () => {
    const sim = new Simulation();
    const log: string[] = [];
    for (const n of ['a', 'b', 'c'])
      sim.process(function* () {
        yield 1;
        log.push(n);
      });
    sim.run();
    expect(log).toEqual(['a', 'b', 'c']);
  });
});

describe('Process wait (yield process)', () => {
  it('resumes when the other process ends, and at once if it already ended', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    const child = sim.process(function* () {
      yield 3;
    });
    sim.process(function* () {
      yield child.done;
      log.push(['child done', sim.now]);
      yield child;
      log.push(['again', sim.now]);
    });
    sim.run();
    expect(log).toEqual([
      ['child done', 3],
      ['again', 3],
    ]);
    expect(child.isAlive).toBe(false);
  });
});

describe('Resource.request', () => {
  it('grants up to capacity, queues the rest FIFO, releases hand units on', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 2, 'parking');
    const log: string[] = [];
    for (const [n, arrive, hold] of [
      ['a', 0, 5],
      ['b', 1, 5],
      ['c', 2, 1],
      ['d', 3, 1],
    ] as const) {
      sim.process(function* () {
        yield arrive;
        const req = res.request();
        yield req;
        log.push(`${n} in ${sim.now}`);
        yield hold;
        res.release(req);
      });
    }
    sim.run();
    expect(log).toEqual(['a in 0', 'b in 1', 'c in 5', 'd in 6']);
    expect(res.inUse).toBe(0);
    expect(res.queueLength).toBe(0);
  });

  it('serves a priority queue lowest value first, FIFO within a priority', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: string[] = [];
    const spec: [string, number][] = [
      ['holder', 0],
      ['low1', 3],
      ['high1', 1],
      ['low2', 3],
      ['mid', 2],
      ['high2', 1],
    ];
    spec.forEach(([n, prio], i) =>
      sim.process(function* () {
        yield i * 0.1;
        const req = res.request(prio);
        yield req;
        log.push(n);
        yield 1;
        res.release(req);
      }),
    );
    sim.run();
    expect(log).toEqual(['holder', 'high1', 'high2', 'mid', 'low1', 'low2']);
  });

  it('calls onGrant from an event in callback style', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: [string, number][] = [];
    const first = res.request(0, () => log.push(['first', sim.now]));
    res.request(0, () => log.push(['second', sim.now]));
    sim.schedule(4, () => res.release(first));
    sim.run();
    expect(log).toEqual([
      ['first', 0],
      ['second', 4],
    ]);
  });

  it('release of a waiting request withdraws it; double release is a no-op', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const a = res.request();
    const b = res.request();
    expect(res.queueLength).toBe(1);
    res.release(b);
    expect(res.queueLength).toBe(0);
    res.release(a);
    res.release(a);
    expect(res.inUse).toBe(0);
    expect(res.stats().withdrawn).toBe(1);
    const other = new Resource(sim, 1, 'other');
    expect(() => other.release(res.request())).toThrow(KernelUsageError);
  });
});

describe('Resource.setCapacity', () => {
  it('raising grants waiters at once; lowering never evicts holders', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: [string, number][] = [];
    const reqs: Request[] = [];
    for (const n of ['a', 'b', 'c'])
      sim.process(function* () {
        const r = res.request();
        reqs.push(r);
        yield r;
        log.push([n, sim.now]);
      });
    sim.schedule(2, () => res.setCapacity(3));
    sim.schedule(3, () => {
      res.setCapacity(1);
      expect(res.inUse).toBe(3);
      res.release(reqs[0]!);
      res.release(reqs[1]!);
      expect(res.inUse).toBe(1);
      const d = res.request();
      expect(d.granted).toBe(false); // inUse 1 = capacity 1
      res.release(reqs[2]!);
      expect(d.granted).toBe(true);
    });
    sim.run();
    expect(log).toEqual([
      ['a', 0],
      ['b', 2],
      ['c', 2],
    ]);
    expect(() => res.setCapacity(-1)).toThrow(/got -1/);
    expect(() => res.setCapacity(1.5)).toThrow(/got 1.5/);
  });
});

describe('Process.interrupt', () => {
  it('interrupts a timeout: the wait is withdrawn and Interrupt{cause} is caught', () => {
    const sim = new Simulation();
    const log: [string, number, unknown][] = [];
    const p = sim.process(function* () {
      try {
        yield 10;
        log.push(['finished', sim.now, null]);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        log.push(['interrupted', sim.now, e.cause]);
        yield 1;
        log.push(['recovered', sim.now, null]);
      }
    });
    sim.schedule(4, () => expect(p.interrupt('breakdown')).toBe(true));
    const out = sim.run();
    expect(log).toEqual([
      ['interrupted', 4, 'breakdown'],
      ['recovered', 5, null],
    ]);
    expect(out.now).toBe(5); // the cancelled timeout at 10 never fired
    expect(p.interrupt('late')).toBe(false); // dead: no-op
  });

  it('withdraws a waiting resource request so the next in line gets the unit', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: [string, number][] = [];
    let waiterReq: Request | undefined;
    sim.process(function* () {
      const r = res.request();
      yield r;
      yield 5;
      res.release(r);
    });
    const waiter = sim.process(function* () {
      yield 1;
      waiterReq = res.request();
      try {
        yield waiterReq;
        log.push(['waiter got it', sim.now]);
      } catch (e) {
        if (!(e instanceof Interrupt)) throw e;
        log.push(['waiter gave up', sim.now]);
      } finally {
        res.release(waiterReq);
      }
    });
    sim.process(function* () {
      yield 2;
      const r = res.request();
      yield r;
      log.push(['third got it', sim.now]);
      res.release(r);
    });
    sim.schedule(3, () => {
      expect(res.queueLength).toBe(2);
      waiter.interrupt('closure');
      expect(res.queueLength).toBe(1);
    });
    sim.run();
    expect(log).toEqual([
      ['waiter gave up', 3],
      ['third got it', 5],
    ]);
    expect(waiterReq!.granted).toBe(false);
    expect(res.stats().withdrawn).toBe(1);
    expect(res.inUse).toBe(0);
  });

  it('leaves a request granted when the interrupt lands between the grant and the wake-up', () => {
    const sim = new Simulation();
    const res = new Resource(sim, 1);
    const log: string[] = [];
    const first = res.request();
    let req: Request | undefined;
    const p = sim.process(function* () {
      req = res.request();
      try {
        yield req;
        log.push('ran');
      } catch {
        log.push(`interrupted, granted=${String(req.granted)}`);
      } finally {
        res.release(req);
      }
    });
    sim.schedule(1, () => {
      res.release(first); // grants p's request and schedules p's wake-up at t=1
      expect(req!.granted).toBe(true);
      p.interrupt('too late'); // cancels the wake-up; the grant stands until released
    });
    sim.run();
    expect(log).toEqual(['interrupted, granted=true']);
    expect(res.inUse).toBe(0);
  });

  it('ends a process quietly when it does not catch the Interrupt, waking its waiters', () => {
    const sim = new Simulation();
    const log: [string, number][] = [];
    const victim = sim.process(function* () {
      yield 100;
      log.push(['unreachable', sim.now]);
    });
    sim.process(function* () {
      yield victim;
      log.push(['saw the end', sim.now]);
    });
    sim.schedule(7, () => victim.interrupt());
    sim.run();
    expect(log).toEqual([['saw the end', 7]]);
    expect(victim.isAlive).toBe(false);
  });

  it('refuses a self-interrupt', () => {
    const sim = new Simulation();
    const holder: { p?: ReturnType<Simulation['process']> } = {};
    holder.p = sim.process(function* () {
      holder.p!.interrupt();
      yield 1;
    });
    expect(() => sim.run()).toThrow(/cannot interrupt itself/);
  });
});

describe('Gate.wait', () => {
  it('passes at once when open, waits FIFO while closed, wakes all on open', () => {
    const sim = new Simulation();
    const gate = new Gate(sim, true, 'airfield');
    const log: [string, number][] = [];
    sim.process(function* () {
      yield gate.wait();
      log.push(['early', sim.now]);
    });
    sim.schedule(1, () => gate.close());
    for (const [n, t] of [
      ['x', 2],
      ['y', 3],
    ] as const)
      sim.process(function* () {
        yield t;
        yield gate.wait();
        log.push([n, sim.now]);
      });
    sim.schedule(6, () => gate.open());
    sim.run();
    expect(log).toEqual([
      ['early', 0],
      ['x', 6],
      ['y', 6],
    ]);
  });

  it('an interrupt removes the process from the gate', () => {
    const sim = new Simulation();
    const gate = new Gate(sim, false);
    const log: [string, number][] = [];
    const p = sim.process(function* () {
      try {
        yield gate.wait();
        log.push(['through', sim.now]);
      } catch {
        log.push(['diverted', sim.now]);
      }
    });
    sim.schedule(1, () => {
      expect(gate.waiting).toBe(1);
      p.interrupt();
      expect(gate.waiting).toBe(0);
    });
    sim.schedule(2, () => gate.open());
    sim.run();
    expect(log).toEqual([['diverted', 1]]);
  });
});
