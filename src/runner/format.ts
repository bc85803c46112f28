/** The printed report: a compact summary a planner can read aloud (stdout of `airlift run`). */
import type { ResolvedScenario } from '../scenario/resolved.js';
import type { Interval, Summary } from './summary-types.js';
import { readableLocal } from './dates.js';

/**
 * Decimals for a probability shown with its interval: ONE count for the estimate and both
 * bounds, so they line up. The rule (stdout here and report.html, report/format.ts):
 * start from the usual count `min` (decimals of the probability: 2 for '0.93', 3 for '93.1%')
 * and add one at a time, up to `max`, until
 *   1. a bound that differs from the estimate does not print as the estimate
 *      (not '100.0% (95% CI 100.0% to 100.0%)' when the lower bound is 99.96%);
 *   2. no value strictly between 0 and 1 prints as 0 or 1 ('100%' means every replication);
 *   3. a non-zero estimate shows two significant digits ('0.0085', not '0.01' or '0.009').
 * Usual values keep the usual count: '0.93 [0.92, 0.94]', '93.1% (95% CI 92.3% to 93.9%)'.
 * Non-finite values (no replications) are ignored. `max` 6 (99.9996%) is enough below n of
 * a million, where the bound of all-cleared is 1 - 3.8/n.
 */
export function probabilityDecimals(estimate: number, ci: readonly [number, number], min: number, max = 6): number {
  const bounds = ci.filter((b) => Number.isFinite(b) && b !== estimate);
  const values = [estimate, ...ci].filter((x) => Number.isFinite(x));
  for (let d = min; d < max; d++) {
    const e = estimate.toFixed(d);
    const distinct = !Number.isFinite(estimate) || bounds.every((b) => b.toFixed(d) !== e);
    const inside = values.every((x) => !(x > 0 && x < 1) || (Number(x.toFixed(d)) !== 0 && Number(x.toFixed(d)) !== 1));
    const digits = !Number.isFinite(estimate) || estimate === 0 || e.replace(/^-?[0.]*/, '').replace('.', '').length >= 2;
    if (distinct && inside && digits) return d;
  }
  return Math.max(min, max);
}

const pct = (x: number, d = 1): string => `${(100 * x).toFixed(d)}%`;
const int = (x: number): string => Math.round(x).toLocaleString('en-US');
const num = (x: number, d = 1): string => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const ci = (i: Interval): string => {
  const d = probabilityDecimals(i.estimate, i.ci95, 3) - 2;
  return `${pct(i.estimate, d)} (95% CI ${pct(i.ci95[0], d)} to ${pct(i.ci95[1], d)})`;
};

export interface FormatOptions {
  /** Display names of sites and aircraft types by id (else ids). */
  readonly scenario?: Pick<ResolvedScenario, 'sites' | 'aircraftTypes' | 'deadlineDate' | 'milestones' | 'utcOffsetHours'>;
  /** The summary merges this many shards: its time is theirs summed, not a wall time. */
  readonly shards?: number;
}

export function formatReport(s: Summary, opts: FormatOptions = {}): string {
  const zone = s.scenario.timeZone;
  const clock = opts.scenario?.utcOffsetHours ?? zone; // the scenario's fixed offset, as the report
  const when = (iso: string | null): string => readableLocal(clock, iso);
  const siteName = (id: string): string => {
    const site = opts.scenario?.sites.find((x) => x.id === id);
    return site && site.name !== id ? `${id} (${site.name})` : id;
  };
  const deadline = opts.scenario?.deadlineDate ?? s.deadline.slice(0, 10);
  const L: string[] = [];
  L.push(`${s.scenario.name}: ${int(s.replications)} replications, seed ${s.seed}`);
  L.push('');
  L.push(`Probability everything is out by ${deadline}: ${ci(s.probabilityCleared)}, n = ${int(s.replications)}`);
  for (const [id, site] of Object.entries(s.sites)) L.push(`  ${siteName(id)}: ${ci(site.probabilityCleared)}`);
  L.push('');
  L.push(`Completion (last departure), local time ${zone}:`);
  L.push(`  P10 ${when(s.completion.p10)}`);
  L.push(`  P50 ${when(s.completion.p50)}`);
  L.push(`  P80 ${when(s.completion.p80)}`);
  L.push(`  P90 ${when(s.completion.p90)}`);
  for (const [id, site] of Object.entries(s.sites)) {
    L.push(`  ${siteName(id)}: P50 ${when(site.completion.p50)}, P80 ${when(site.completion.p80)}`);
  }
  const p = s.plan;
  if (p.completion === null) {
    L.push(`Plan (every estimate at its planning value): does not finish within the horizon.`);
  } else {
    const parts = [`Plan (every estimate at its planning value): ${when(p.completion)}`];
    if (p.percentile !== null) parts.push(`percentile ${p.percentile.toFixed(0)} of the simulated completions (${p.percentile.toFixed(0)}% of replications finished by then)`);
    L.push(parts.join(', '));
    L.push(p.p80ContingencyDays === null
      ? '  P80 contingency: P80 is beyond the horizon.'
      : `  P80 contingency (P80 minus plan): ${p.p80ContingencyDays >= 0 ? '+' : ''}${num(p.p80ContingencyDays)} days`);
  }
  const ms = Object.values(s.milestones);
  if (ms.length > 0) {
    L.push('');
    L.push('Milestones:');
    for (const [id, m] of Object.entries(s.milestones)) {
      const local = opts.scenario?.milestones.find((x) => x.id === id)?.date ?? m.date.slice(0, 10);
      L.push(`  ${m.name} by ${local}: ${ci(m.probability)}`);
    }
  }
  L.push('');
  const r = s.remainingAtDeadline;
  L.push(`Still on the ground at the deadline (mean): ${num(r.meanShortTons)} short tons, ${num(r.meanPersonnel)} personnel`);
  for (const [id, x] of Object.entries(r.bySite)) L.push(`  ${siteName(id)}: ${num(x.meanShortTons)} short tons, ${num(x.meanPersonnel)} personnel`);
  const lb = Object.entries(s.leftBehindShortTons).filter(([, v]) => v > 0);
  if (lb.length > 0) L.push(`Left behind by decision: ${lb.map(([id, v]) => `${siteName(id)} ${num(v)} short tons`).join(', ')}`);
  L.push('');
  const lost = Object.entries(s.lostHoursByCause).filter(([, v]) => v > 0).sort((a, b) => b[1] - a[1]);
  L.push('Aircraft-hours lost per replication (mean), by cause:');
  if (lost.length === 0) L.push('  none');
  for (const [c, v] of lost) L.push(`  ${c.padEnd(16)} ${num(v).padStart(10)}`);
  const binding = Object.entries(s.bindingCause).sort((a, b) => b[1] - a[1])[0];
  // the report's wording (report/terms.ts): the cause of the largest wait on the sortie whose
  // take-off cleared the last site, which need not be what set the finish date
  if (binding && binding[1] > 0) L.push(`Largest wait on the last sortie, most often: ${binding[0]} (${pct(binding[1], 0)} of replications)`);
  L.push('');
  L.push(`Sorties per replication (mean): ${Object.entries(s.sortiesByType).map(([t, v]) => `${t} ${num(v)}`).join(', ')}`);
  const parking = Object.entries(s.utilisation.parking).map(([id, v]) => `${id} ${pct(v, 0)}`).join(', ');
  L.push(`Utilisation: aircraft ${pct(s.utilisation.aircraft, 0)}; parking ${parking}`);
  if (s.precision) {
    const pr = s.precision;
    L.push(pr.reached
      ? `Precision: 95% half-width ${pct(pr.halfWidth, 2)} <= target ${pct(pr.target, 2)}`
      : `Precision: stopped at the cap of ${int(pr.cap)} replications with half-width ${pct(pr.halfWidth, 2)} (target ${pct(pr.target, 2)})`);
  }
  if (opts.shards !== undefined) {
    // shards run wherever and whenever the scheduler puts them: only their sum is known here
    L.push(`Time summed over ${opts.shards} shards: ${num(s.elapsedSeconds, 1)} s (${s.workers} workers in all; the shards' own wall times are in their folders)`);
  } else L.push(`Wall time ${num(s.elapsedSeconds, 1)} s (${int(s.replicationsPerSecond)} replications/s, ${s.workers} worker${s.workers === 1 ? '' : 's'})`);
  return L.join('\n') + '\n';
}
