/** A short summary of a resolved scenario, for `airlift validate`. */
import type { DistSpec } from '../random/spec.js';
import { localDate } from './time.js';
import { CARGO_CATEGORIES, type CargoCategory, type ResolvedScenario } from './resolved.js';

export interface ScenarioSummary {
  readonly name: string;
  readonly timeZone: string;
  readonly startUtc: string;
  readonly deadlineDate: string;
  /** End of the deadline's local day, UTC. */
  readonly deadlineUtc: string;
  readonly horizonUtc: string;
  readonly horizonDays: number;
  readonly sites: readonly { readonly id: string; readonly personnel: number; readonly shortTons: number; readonly leftBehindShortTons: number }[];
  readonly personnel: number;
  /** Flyable short tons by category (lots not left behind). */
  readonly shortTonsByCategory: Readonly<Record<CargoCategory, number>>;
  readonly leftBehindShortTons: number;
  /** Aircraft tasked per type over time: steps as [UTC date-time, count]. */
  readonly fleet: readonly { readonly type: string; readonly steps: readonly { readonly fromUtc: string; readonly fromLocal: string; readonly count: number }[] }[];
  readonly destinations: readonly string[];
  /** Uncertain quantities (distributions that are not constants). */
  readonly distributions: number;
  readonly disruptions: number;
  readonly milestones: number;
}

function isSpec(v: unknown): v is DistSpec {
  return v !== null && typeof v === 'object' && typeof (v as { dist?: unknown }).dist === 'string';
}

/** Non-constant distribution specs anywhere in the scenario. */
export function countDistributions(v: unknown): number {
  if (isSpec(v)) return v.dist === 'constant' ? 0 : 1;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countDistributions(x), 0);
  if (v !== null && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + countDistributions(x), 0);
  return 0;
}

export function summarize(s: ResolvedScenario): ScenarioSummary {
  const iso = (h: number): string => new Date(s.startEpochMs + h * 3_600_000).toISOString();
  const byCat = Object.fromEntries(CARGO_CATEGORIES.map((c) => [c, 0])) as Record<CargoCategory, number>;
  let leftBehind = 0;
  const siteTons = s.sites.map(() => ({ flown: 0, left: 0 }));
  for (const lot of s.cargo) {
    const st = lot.shortTons * lot.count;
    const row = siteTons[lot.site];
    if (lot.leaveBehind) {
      leftBehind += st;
      if (row) row.left += st;
    } else {
      byCat[lot.category] += st;
      if (row) row.flown += st;
    }
  }
  // Count every distribution once: blockTimes repeats the explicit legs, so leave it out.
  const { blockTimes: _bt, ...rest } = s;
  void _bt;
  return {
    name: s.name,
    timeZone: s.timeZone,
    startUtc: s.startUtc,
    deadlineDate: s.deadlineDate,
    deadlineUtc: iso(s.deadlineHours),
    horizonUtc: iso(s.horizonHours),
    horizonDays: s.horizonHours / 24,
    sites: s.sites.map((site, i) => ({ id: site.id, personnel: site.personnel, shortTons: siteTons[i]?.flown ?? 0, leftBehindShortTons: siteTons[i]?.left ?? 0 })),
    personnel: s.sites.reduce((n, site) => n + site.personnel, 0),
    shortTonsByCategory: byCat,
    leftBehindShortTons: leftBehind,
    fleet: s.aircraftTypes.map((t) => ({ type: t.id, steps: t.tasked.map((st) => ({ fromUtc: iso(st.atHours), fromLocal: localDate(s.startEpochMs + st.atHours * 3_600_000, s.utcOffsetHours), count: st.value })) })),
    destinations: s.destinations.filter((d) => !d.staging).map((d) => d.id),
    distributions: countDistributions(rest),
    disruptions: s.disruptions.length,
    milestones: s.milestones.length,
  };
}

const n = (x: number): string => (Number.isInteger(x) ? x.toLocaleString('en-US') : x.toLocaleString('en-US', { maximumFractionDigits: 1 }));

/** The summary as a few lines of text. */
export function formatSummary(sm: ScenarioSummary, file: string): string {
  const lines: string[] = [];
  lines.push(`${file}: ok — ${sm.name}`);
  lines.push(`  start     ${sm.startUtc} (time zone ${sm.timeZone})`);
  lines.push(`  deadline  ${sm.deadlineDate}: last departure before ${sm.deadlineUtc}`);
  lines.push(`  horizon   ${sm.horizonUtc} (${n(sm.horizonDays)} days after the start)`);
  lines.push(`  sites     ${sm.sites.map((x) => `${x.id} (${n(x.personnel)} people, ${n(x.shortTons)} st)`).join(', ')}`);
  const cats = Object.entries(sm.shortTonsByCategory).filter(([, v]) => v > 0).map(([c, v]) => `${c} ${n(v)}`);
  lines.push(`  people    ${n(sm.personnel)}`);
  lines.push(`  cargo     ${n(Object.values(sm.shortTonsByCategory).reduce((a, b) => a + b, 0))} st${cats.length ? ` (${cats.join(', ')})` : ''}${sm.leftBehindShortTons > 0 ? `; ${n(sm.leftBehindShortTons)} st left behind` : ''}`);
  for (const f of sm.fleet) {
    lines.push(`  fleet     ${f.type}: ${f.steps.map((st) => `${st.count} from ${st.fromLocal}`).join(', ')}`);
  }
  lines.push(`  to        ${sm.destinations.join(', ')}`);
  lines.push(`  ${sm.distributions} distributions, ${sm.disruptions} disruptions, ${sm.milestones} milestones`);
  return lines.join('\n');
}
