/**
 * A realistic synthetic run for the report tests: two sites (Niamey and Agadez), 4,000
 * replications, ~3% never cleared. The numbers are CONSISTENT: the summary's probabilities,
 * percentiles, plan percentile and convergence are computed from the same generated
 * completion times that make up chartdata.json's ECDF.
 */
import seedrandom from 'seedrandom';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CAUSES } from '../../src/model/result.js';
import type { ChartData, Summary } from '../../src/runner/summary-types.js';

export const START_UTC = '2024-05-18T23:00:00.000Z'; // 19 May 2024 00:00 in Niamey (UTC+1)
export const DEADLINE_HOURS = 120 * 24; // end of 15 Sep 2024, local
export const HORIZON_HOURS = 150 * 24;
export const SITES = ['AB101', 'AB201'] as const;
const START_MS = Date.parse(START_UTC);
const isoAt = (h: number): string => new Date(START_MS + h * 3_600_000).toISOString();

function normal(rng: () => number): number {
  const u = 1 - rng();
  const v = rng();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

export function wilson(k: number, n: number): readonly [number, number] {
  const z = 1.959963984540054;
  const p = k / n;
  const d = 1 + (z * z) / n;
  const c = (p + (z * z) / (2 * n)) / d;
  const h = (z * Math.sqrt((p * (1 - p)) / n + (z * z) / (4 * n * n))) / d;
  return [c - h, c + h];
}

const before = (xs: readonly number[], h: number): number => xs.filter((x) => x < h).length;
function quantile(sorted: readonly number[], n: number, q: number): number | null {
  const k = Math.ceil(q * n);
  return k <= sorted.length ? (sorted[Math.max(k, 1) - 1] as number) : null;
}

export interface Fixture {
  readonly summary: Summary;
  readonly chartData: ChartData;
  /** Overall completion hours in replication order (null = never cleared). */
  readonly completions: readonly (number | null)[];
}

export function makeFixture(options: { replications?: number; seed?: string; gantt?: boolean } = {}): Fixture {
  const n = options.replications ?? 4000;
  const rng = seedrandom(options.seed ?? 'airlift-report-fixture').double;
  const bySiteOrdered: (number | null)[][] = [[], []];
  const overallOrdered: (number | null)[] = [];
  for (let r = 0; r < n; r++) {
    // Niamey: later and with a 3% chance of a long suspension that pushes it past the horizon.
    const suspended = rng() < 0.03;
    const niamey = suspended ? null : 2650 + 190 * normal(rng);
    const agadez = 2350 + 140 * normal(rng);
    const sites = [niamey, agadez].map((h) => (h === null || h >= HORIZON_HOURS ? null : Math.max(24, h)));
    sites.forEach((h, s) => bySiteOrdered[s]!.push(h));
    overallOrdered.push(sites.some((h) => h === null) ? null : Math.max(...(sites as number[])));
  }
  const sorted = (xs: readonly (number | null)[]): number[] => xs.filter((x): x is number => x !== null).sort((a, b) => a - b);
  const overall = sorted(overallOrdered);
  const bySite = Object.fromEntries(SITES.map((s, i) => [s, sorted(bySiteOrdered[i]!)]));

  const interval = (xs: readonly number[]) => {
    const k = before(xs, DEADLINE_HOURS);
    return { estimate: k / n, ci95: wilson(k, n) };
  };
  const quantiles = (xs: readonly number[]) => {
    const q = (p: number) => {
      const h = quantile(xs, n, p);
      return h === null ? null : isoAt(h);
    };
    return { p10: q(0.1), p50: q(0.5), p80: q(0.8), p90: q(0.9) };
  };

  const planHours = 2480;
  const planPercentile = (100 * overall.filter((x) => x <= planHours).length) / n;
  const p80 = quantile(overall, n, 0.8);

  // Running estimate of P(cleared) in replication order.
  const convergence: { n: number; estimate: number; ci95: readonly [number, number] }[] = [];
  let k = 0;
  const checkpoints = new Set<number>();
  for (let c = 50; c < n; c = Math.ceil(c * 1.25)) checkpoints.add(c);
  checkpoints.add(n);
  overallOrdered.forEach((h, i) => {
    if (h !== null && h < DEADLINE_HOURS) k++;
    if (checkpoints.has(i + 1)) convergence.push({ n: i + 1, estimate: k / (i + 1), ci95: wilson(k, i + 1) });
  });

  const lost: Record<string, number> = {};
  const binding: Record<string, number> = {};
  const lostBase = [310, 540, 35, 120, 260, 90, 150, 75, 110, 60, 180, 95];
  const bindBase = [0.18, 0.22, 0.01, 0.08, 0.27, 0.03, 0.04, 0.02, 0.03, 0.01, 0.06, 0.02];
  CAUSES.forEach((c, i) => {
    lost[c] = lostBase[i]! * (0.95 + 0.1 * rng());
    binding[c] = bindBase[i]!;
  });

  const days = HORIZON_HOURS / 24;
  const daily: ChartData['daily'][number][] = [];
  const totals = { AB101: { shortTons: 2600, personnel: 720 }, AB201: { shortTons: 1400, personnel: 330 } };
  const levels = { p5: 0.05, p10: 0.1, p25: 0.25, p50: 0.5, p75: 0.75, p90: 0.9, p95: 0.95 } as const;
  for (let d = 0; d < days; d++) {
    const date = new Date(Date.UTC(2024, 4, 19 + d)).toISOString().slice(0, 10);
    for (const s of SITES) {
      for (const measure of ['shortTons', 'personnel'] as const) {
        const row: Record<string, number | string> = { day: d, date, site: s, measure };
        for (const [name, level] of Object.entries(levels)) {
          const endH = quantile(bySite[s]!, n, level) ?? HORIZON_HOURS;
          const frac = Math.max(0, 1 - ((d + 1) * 24) / endH);
          // People leave later than cargo: the closure team goes last.
          row[name] = Math.round(totals[s][measure] * (measure === 'personnel' ? Math.sqrt(frac) : frac) * 10) / 10;
        }
        daily.push(row as unknown as ChartData['daily'][number]);
      }
    }
  }

  const lastDay = Math.ceil((overall[overall.length - 1] ?? HORIZON_HOURS) / 24);
  const utilisation: ChartData['utilisation'][number][] = [];
  for (let d = 0; d < Math.min(days, lastDay); d++) {
    const date = new Date(Date.UTC(2024, 4, 19 + d)).toISOString().slice(0, 10);
    const ramp = Math.min(1, d / 10);
    const tail = Math.max(0, Math.min(1, (lastDay - d) / 15));
    utilisation.push({ day: d, date, series: 'aircraft-available', mean: 11 * ramp, p10: 9 * ramp, p90: 12 * ramp });
    utilisation.push({ day: d, date, series: 'aircraft-busy', mean: 7.5 * ramp * tail, p10: 5.5 * ramp * tail, p90: 9.5 * ramp * tail });
    utilisation.push({ day: d, date, series: 'parking:AB101', mean: 2.4 * ramp * tail, p10: 1.6 * ramp * tail, p90: 3 * ramp * tail });
    utilisation.push({ day: d, date, series: 'parking:AB201', mean: 1.3 * ramp * tail, p10: 0.8 * ramp * tail, p90: 2 * ramp * tail });
  }

  // Gantt of the median replication: a few aircraft cycling through sorties, until its finish (the P50).
  let gantt: ChartData['gantt'] = null;
  if (options.gantt !== false) {
    const phases: { aircraft: string; phase: string; start: string; end: string; site: string }[] = [];
    const aircraft = ['C-17#1', 'C-17#2', 'C-17#3', 'C-17#4', 'C-130J#1', 'C-130J#2', 'C-130J#3'];
    const endH = quantile(overall, n, 0.5) ?? 2600;
    aircraft.forEach((a, i) => {
      let t = 72 + 6 * i;
      while (t < endH - 12) {
        const site = rng() < 0.6 ? 'AB101' : 'AB201';
        const add = (phase: string, hours: number) => {
          const end = Math.min(t + hours, endH);
          if (end > t) phases.push({ aircraft: a, phase, start: isoAt(t), end: isoAt(end), site });
          t += hours;
        };
        if (rng() < 0.15) add('clearance-hold', 6 + 30 * rng());
        add('flying', 5 + 2 * rng());
        if (rng() < 0.2) add('parking-wait', 1 + 4 * rng());
        if (rng() < 0.1) add('weather-hold', 2 + 8 * rng());
        add('ground', 3 + 1.5 * rng());
        if (rng() < 0.04) add('broken', 6 + 20 * rng());
        add('flying', 5 + 2 * rng());
        if (rng() < 0.3) add('crew-rest', 12 + 4 * rng());
        t += 24 * rng();
      }
    });
    gantt = { replication: 1234, phases };
  }

  const remainingBySite = Object.fromEntries(SITES.map((s) => {
    const row = (m: string) => daily.find((r) => r.site === s && r.measure === m && r.day === DEADLINE_HOURS / 24 - 1);
    return [s, { meanShortTons: row('shortTons')?.p50 ?? 0, meanPersonnel: row('personnel')?.p50 ?? 0 }];
  }));

  const summary: Summary = {
    scenario: {
      name: 'niger-2024',
      description: 'US withdrawal from Niger, 2024: about 1,000 people and their equipment out of AB101 Niamey and AB201 Agadez <by 15 Sep> & "quoted".',
      file: 'scenarios/niger-2024.yaml',
      timeZone: 'Africa/Niamey',
    },
    replications: n,
    seed: 20240519,
    start: START_UTC,
    deadline: isoAt(DEADLINE_HOURS),
    horizon: isoAt(HORIZON_HOURS),
    probabilityCleared: interval(overall),
    completion: quantiles(overall),
    plan: { completion: isoAt(planHours), percentile: planPercentile, p80ContingencyDays: p80 === null ? null : (p80 - planHours) / 24 },
    sites: Object.fromEntries(SITES.map((s) => [s, { probabilityCleared: interval(bySite[s]!), completion: quantiles(bySite[s]!) }])),
    milestones: {
      'half-out': { name: 'Half the personnel out', date: isoAt(75 * 24), probability: { estimate: 0.97, ci95: wilson(Math.round(0.97 * n), n) } },
      'ab201-closed': { name: 'AB201 handed over', date: isoAt(107 * 24), probability: interval(bySite['AB201']!.filter((x) => x < 107 * 24).concat()) },
    },
    lostHoursByCause: lost,
    bindingCause: binding,
    remainingAtDeadline: {
      meanShortTons: Object.values(remainingBySite).reduce((a, b) => a + b.meanShortTons, 0),
      meanPersonnel: Object.values(remainingBySite).reduce((a, b) => a + b.meanPersonnel, 0),
      bySite: remainingBySite,
    },
    leftBehindShortTons: { AB101: 42.5, AB201: 0 },
    sortiesByType: { 'C-17': 212.4, 'C-130J': 96.1 },
    utilisation: { aircraft: 0.71, parking: { AB101: 0.62, AB201: 0.41 } },
    convergence,
    toolVersion: 'airlift 0.1.0', // as runner/version.ts writes it
    elapsedSeconds: 12.34,
    replicationsPerSecond: n / 12.34,
    workers: 4,
  };
  const chartData: ChartData = {
    siteIds: [...SITES],
    causeIds: [...CAUSES],
    completionEcdf: { n, overall, bySite },
    daily,
    utilisation,
    gantt,
    startUtc: START_UTC,
    deadlineUtc: isoAt(DEADLINE_HOURS),
    planCompletionUtc: isoAt(planHours),
  };
  return { summary, chartData, completions: overallOrdered };
}

/** Writes summary.json and chartdata.json into `dir` (created). */
export function writeFixture(dir: string, fixture: Fixture = makeFixture()): Fixture {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'summary.json'), JSON.stringify(fixture.summary, null, 2));
  writeFileSync(join(dir, 'chartdata.json'), JSON.stringify(fixture.chartData));
  return fixture;
}
