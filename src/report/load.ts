/**
 * Phase 1 (results): read summary.json and chartdata.json from an output folder and check
 * them against the runner's contract (src/runner/summary-types.ts). Extra fields are allowed
 * (the contract grows additively); missing or mistyped ones are reported one per problem,
 * naming the file and the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod';
import type { ChartData, Summary } from '../runner/summary-types.js';
import { ReportInputError } from './errors.js';
import { msg } from './messages.js';
import { zoneOffsetMs } from './time.js';

const num = z.number().refine(Number.isFinite, 'expected a finite number');
const isoDate = z.string();
const interval = z.looseObject({ estimate: num, ci95: z.tuple([num, num]) });
const quantiles = z.looseObject({
  p10: isoDate.nullable(), p50: isoDate.nullable(), p80: isoDate.nullable(), p90: isoDate.nullable(),
});
const record = <T extends z.ZodType>(v: T) => z.record(z.string(), v);

const summarySchema = z.looseObject({
  scenario: z.looseObject({ name: z.string(), description: z.string(), file: z.string(), timeZone: z.string() }),
  replications: z.number().int().positive(),
  seed: num,
  start: isoDate,
  deadline: isoDate,
  horizon: isoDate,
  probabilityCleared: interval,
  completion: quantiles,
  plan: z.looseObject({ completion: isoDate.nullable(), percentile: num.nullable(), p80ContingencyDays: num.nullable() }),
  sites: record(z.looseObject({ probabilityCleared: interval, completion: quantiles })),
  milestones: record(z.looseObject({ name: z.string(), date: isoDate, probability: interval })),
  lostHoursByCause: record(num),
  bindingCause: record(num),
  remainingAtDeadline: z.looseObject({
    meanShortTons: num, meanPersonnel: num,
    bySite: record(z.looseObject({ meanShortTons: num, meanPersonnel: num })),
  }),
  leftBehindShortTons: record(num),
  sortiesByType: record(num),
  utilisation: z.looseObject({ aircraft: num, parking: record(num) }),
  convergence: z.array(z.looseObject({ n: num, estimate: num, ci95: z.tuple([num, num]) })),
  toolVersion: z.string(),
  elapsedSeconds: num,
  replicationsPerSecond: num,
  workers: num,
  precision: z.looseObject({ target: num, reached: z.boolean(), halfWidth: num, cap: num }).optional(),
});

const pct = { p5: num, p10: num, p25: num, p50: num, p75: num, p90: num, p95: num };
const chartDataSchema = z.looseObject({
  siteIds: z.array(z.string()),
  causeIds: z.array(z.string()),
  completionEcdf: z.looseObject({ n: z.number().int().positive(), overall: z.array(num), bySite: record(z.array(num)) }),
  daily: z.array(z.looseObject({
    day: num, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a local date 'YYYY-MM-DD'"), site: z.string(),
    measure: z.enum(['shortTons', 'personnel']), ...pct,
  })),
  utilisation: z.array(z.looseObject({
    day: num, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a local date 'YYYY-MM-DD'"),
    series: z.string(), mean: num, p10: num, p90: num,
  })),
  gantt: z.looseObject({
    replication: num,
    phases: z.array(z.looseObject({ aircraft: z.string(), phase: z.string(), start: isoDate, end: isoDate, site: z.string() })),
  }).nullable(),
  startUtc: isoDate,
  deadlineUtc: isoDate,
  planCompletionUtc: isoDate.nullable(),
});

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    throw new ReportInputError([e.code === 'ENOENT' ? msg.missingFile(file) : msg.unreadable(file, e.message)]);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ReportInputError([msg.badJson(file, (err as Error).message)]);
  }
}

function pathOf(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

function check<T>(file: string, schema: z.ZodType, value: unknown): T {
  const r = schema.safeParse(value);
  if (!r.success) {
    throw new ReportInputError(r.error.issues.map((i) => msg.badField(file, pathOf(i.path), i.message)));
  }
  return value as T; // the original object, extra fields kept
}

/** Problems with instants: each named field must parse as a date. */
function checkDates(file: string, fields: readonly (readonly [string, string | null | undefined])[]): string[] {
  const problems: string[] = [];
  for (const [path, value] of fields) {
    if (value === null || value === undefined) continue;
    if (Number.isNaN(Date.parse(value))) problems.push(msg.badDate(file, path, value));
  }
  return problems;
}

export function loadSummary(file: string): Summary {
  const s = check<Summary>(file, summarySchema, readJson(file));
  const problems = checkDates(file, [
    ['start', s.start], ['deadline', s.deadline], ['horizon', s.horizon],
    ['completion.p10', s.completion.p10], ['completion.p50', s.completion.p50],
    ['completion.p80', s.completion.p80], ['completion.p90', s.completion.p90],
    ['plan.completion', s.plan.completion],
    ...Object.entries(s.milestones).map(([id, m]) => [`milestones.${id}.date`, m.date] as const),
  ]);
  try {
    zoneOffsetMs(s.scenario.timeZone, Date.parse(s.start));
  } catch {
    problems.push(msg.badTimeZone(file, s.scenario.timeZone));
  }
  if (problems.length > 0) throw new ReportInputError(problems);
  return s;
}

function checkEcdf(file: string, path: string, xs: readonly number[], n: number, problems: string[]): void {
  if (xs.length > n) problems.push(msg.ecdfTooLong(file, path, xs.length, n));
  for (let i = 1; i < xs.length; i++) {
    if ((xs[i] as number) < (xs[i - 1] as number)) {
      problems.push(msg.ecdfNotSorted(file, path, i));
      return;
    }
  }
}

export function loadChartData(file: string): ChartData {
  const c = check<ChartData>(file, chartDataSchema, readJson(file));
  const problems = checkDates(file, [
    ['startUtc', c.startUtc], ['deadlineUtc', c.deadlineUtc], ['planCompletionUtc', c.planCompletionUtc],
    ...(c.gantt?.phases ?? []).flatMap((p, i) => [
      [`gantt.phases[${i}].start`, p.start] as const, [`gantt.phases[${i}].end`, p.end] as const,
    ]),
  ]);
  checkEcdf(file, 'completionEcdf.overall', c.completionEcdf.overall, c.completionEcdf.n, problems);
  for (const [site, xs] of Object.entries(c.completionEcdf.bySite)) {
    checkEcdf(file, `completionEcdf.bySite.${site}`, xs, c.completionEcdf.n, problems);
  }
  // Optional ranks of a thinned series (see ecdf.ts): one per kept value, increasing, within n.
  const e = c.completionEcdf as typeof c.completionEcdf & { overallRanks?: unknown; bySiteRanks?: unknown };
  const checkRanks = (path: string, ranks: unknown, xs: readonly number[] | undefined) => {
    if (ranks === undefined) return;
    const ok = Array.isArray(ranks) && xs !== undefined && ranks.length === xs.length &&
      ranks.every((r, i) => Number.isInteger(r) && r >= 1 && r <= e.n && (i === 0 || r > (ranks[i - 1] as number)));
    if (!ok) problems.push(msg.badField(file, path, `expected one increasing rank in 1..${e.n} per kept completion time`));
  };
  checkRanks('completionEcdf.overallRanks', e.overallRanks, e.overall);
  if (e.bySiteRanks !== undefined) {
    if (typeof e.bySiteRanks !== 'object' || e.bySiteRanks === null) problems.push(msg.badField(file, 'completionEcdf.bySiteRanks', 'expected an object of rank lists by site'));
    else for (const [site, r] of Object.entries(e.bySiteRanks)) checkRanks(`completionEcdf.bySiteRanks.${site}`, r, e.bySite[site]);
  }
  if (problems.length > 0) throw new ReportInputError(problems);
  return c;
}

/** Both inputs of the report, from an output folder. */
export function loadResults(outDir: string): { summary: Summary; chartData: ChartData } {
  const problems: string[] = [];
  let summary: Summary | undefined;
  let chartData: ChartData | undefined;
  try {
    summary = loadSummary(join(outDir, 'summary.json'));
  } catch (err) {
    if (!(err instanceof ReportInputError)) throw err;
    problems.push(...err.problems);
  }
  try {
    chartData = loadChartData(join(outDir, 'chartdata.json'));
  } catch (err) {
    if (!(err instanceof ReportInputError)) throw err;
    problems.push(...err.problems);
  }
  if (problems.length > 0 || summary === undefined || chartData === undefined) throw new ReportInputError(problems);
  return { summary, chartData };
}
