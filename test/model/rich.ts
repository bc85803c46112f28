/** A rich fixture with every mechanism switched on (random), for invariant and determinism tests. */
import type { ResolvedScenario } from '../../src/scenario/resolved.js';
import { aircraft, dest, k, lot, scenario, site } from './fixtures.js';

export function richScenario(): ResolvedScenario {
  const weatherMonth = { dailyProbability: 0.3, windowStart: 12, windowEnd: 18, duration: { dist: 'triangular' as const, min: 1, mode: 3, max: 8 } };
  const sites = [
    site({
      mog: [{ atHours: 0, value: 2 }, { atHours: 200, value: 3 }],
      allowedTypes: [true, true],
      groundTime: [{ dist: 'pert', min: 2, mode: 3, max: 6 }, { dist: 'uniform', min: 1, max: 2 }],
      loadingTeams: 1,
      personnel: 120, closureTeam: 15, personnelReleaseRate: { dist: 'uniform', min: 20, max: 40 },
      packingRate: { dist: 'uniform', min: 60, max: 120 },
      destinationShares: [{ destination: 0, share: 0.6 }, { destination: 1, share: 0.4 }],
      weather: { byMonth: Array.from({ length: 12 }, () => weatherMonth) },
      incidents: { ratePerDay: 0.2, duration: { dist: 'exponential', mean: 3 } },
    }),
    site({
      id: 'AB201', name: 'Agadez', priority: 2,
      mog: [{ atHours: 0, value: 1 }],
      allowedTypes: [true, true],
      groundTime: [{ dist: 'lognormal', median: 3, p90: 5 }, k(1.5)],
      operatingHours: { open: 6, close: 20 },
      personnel: 40, closureTeam: 8,
      destinationShares: [{ destination: 0, share: 1 }],
      incidents: { ratePerDay: 0.3, duration: k(2) },
    }),
  ];
  const c17 = aircraft({
    planningPayload: 45, pallets: 18, seats: 54, homeNode: 2,
    loadFactor: { dist: 'uniform', min: 0.6, max: 0.9 },
    breakProbability: 0.15, repairTime: { dist: 'exponential', mean: 6 },
    crewDutyHours: 24, crewRest: k(12), missionCapableRate: 0.85,
    tasked: [{ atHours: 0, value: 2 }, { atHours: 72, value: 4 }, { atHours: 400, value: 2 }],
    competingLoss: { ratePerDay: 0.05, duration: k(72) },
    fits: [true, true, true, true],
  });
  const c130 = aircraft({
    id: 'C-130', planningPayload: 15, pallets: 6, seats: 60, homeNode: 1,
    loadFactor: k(0.8), fits: [true, true, false, true], breakProbability: 0.1, repairTime: k(4),
    tasked: [{ atHours: 0, value: 2 }], shuttle: { from: 1, to: 0 }, missionCapableRate: 0.9,
  });
  const cargo = [
    lot({ id: 'pal', site: 0, shortTons: 3, pallets: 1, count: 120, priority: 1 }),
    lot({ id: 'veh', site: 0, category: 'rolling', shortTons: 12, pallets: 3, count: 15, priority: 2, releaseHours: 100 }),
    lot({ id: 'big', site: 0, category: 'outsize', shortTons: 30, pallets: 6, count: 2, priority: 3 }),
    lot({ id: 'ovr', site: 0, category: 'oversize', shortTons: 8, pallets: 2, count: 10, priority: 2 }),
    lot({ id: 'gen', site: 0, shortTons: 80, pallets: 10, count: 1, leaveBehind: true }),
    lot({ id: 'agp', site: 1, shortTons: 2.5, pallets: 1, count: 40, priority: 1 }),
    lot({ id: 'agv', site: 1, category: 'rolling', shortTons: 10, pallets: 3, count: 4, priority: 2 }),
  ];
  const legHours = (a: number, b: number) => {
    // nodes: 0 AB101, 1 AB201, 2 ETAR, 3 LERT
    const h = [[0, 1.5, 6, 5], [1.5, 0, 6.5, 5.5], [6, 6.5, 0, 2.5], [5, 5.5, 2.5, 0]][a]![b]!;
    return { dist: 'triangular' as const, min: h * 0.95, mode: h, max: h * 1.2 };
  };
  return scenario(
    { sites, types: [c17, c130], dests: [dest(), dest({ id: 'LERT', name: 'Rota', turnaround: k(3) })], cargo, legHours, horizonHours: 24 * 60, deadlineHours: 24 * 30 },
    {
      startLocalHourOfDay: 1, utcOffsetHours: 1,
      fleetStart: { delay: { dist: 'uniform', min: 0, max: 24 } },
      clearance: { regimes: [
        { fromHours: 0, leadTime: { dist: 'uniform', min: 12, max: 48 }, denialProbability: 0.1, reRequestDelay: k(24) },
        { fromHours: 300, leadTime: { dist: 'uniform', min: 24, max: 72 }, denialProbability: 0.2, reRequestDelay: k(24) },
      ] },
      departureDelay: { dist: 'exponential', mean: 0.5 },
      disruptions: [
        { kind: 'suspension', id: 'coup', probability: 0.5, windowStartHours: 100, windowEndHours: 300, duration: { dist: 'uniform', min: 24, max: 96 }, sites: [] },
        { kind: 'mog-loss', id: 'ramp', probability: 0.5, windowStartHours: 50, windowEndHours: 200, duration: k(48), site: 0, mog: 1 },
      ],
      dispatch: { policy: 'largest-backlog' },
      milestones: [{ id: 'm', name: 'two-thirds', atHours: 24 * 20, date: '', personnelFraction: 2 / 3, cargoFraction: 2 / 3 }],
    },
  );
}
