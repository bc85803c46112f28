/**
 * Resolve a merged scenario document into the ResolvedScenario the model consumes.
 *
 *   1. check the document against the zod schema (every problem, positioned); if that fails, the
 *      distributions that parsed on their own still get step 4's parameter checks, then stop
 *   2. dates: the zone's offset at the start, start/deadline/horizon in hours from the start
 *   3. ids: unique per list, one namespace for sites and destinations (they are the nodes)
 *   4. each section: defaults filled in, units converted (hours, short tons), distributions
 *      checked, references turned into indexes
 *   5. cross-field checks: shares, legs, cargo that nothing can carry, sites nothing can use
 * Problems are collected, never thrown; warnings do not fail.
 */
import type { DistSpec } from '../random/spec.js';
import type { FieldPath, ScenarioDocument } from './document.js';
import { formatOrigin } from './document.js';
import { Diagnostics, originOf, valueAt } from './diagnostics.js';
import { checkDistribution, supportOf } from './dist-check.js';
import { fallbackError, reportIssues } from './issues.js';
import { fmt, msg } from './messages.js';
import { distribution, scenarioSchema, type ScenarioFile, type UncertainFile } from './schema.js';
import { CARGO_CATEGORIES } from './resolved.js';
import type {
  CargoCategory,
  ResolvedAircraftType,
  ResolvedCargoLot,
  ResolvedClearance,
  ResolvedClearanceRegime,
  ResolvedDestination,
  ResolvedDisruption,
  ResolvedMilestone,
  ResolvedScenario,
  ResolvedSite,
  ResolvedWeather,
  ResolvedWeatherMonth,
  Step,
} from './resolved.js';
import { firstOffsetChange, isTimeZone, isValidDateText, localDate, localHourOfDay, MS_PER_HOUR, offsetAtLocal, toEpochMs, zoneOffsetHours } from './time.js';
import { MONTHS, isDuration, timeOfDayHours, toHours, toShortTons, type MonthName } from './units.js';
import { checkSetPath } from './set-path.js';
import { distributionsIn, objectKeysAt, shapeKindAt } from './schema-walk.js';

export type LoadResult =
  | { readonly ok: true; readonly scenario: ResolvedScenario; readonly warnings: readonly string[]; readonly document: unknown }
  | { readonly ok: false; readonly problems: readonly string[]; readonly warnings: readonly string[] };

export const DEFAULTS = {
  seed: 1,
  replications: 10000,
  timeZone: 'UTC',
  horizonAfterDeadlineDays: 90,
  reRequestDelayHours: 24,
  crewRestHours: 12,
  shareTolerance: 1e-6,
  /** Added to great-circle flight time for taxi, climb and descent (hours). */
  blockAllowanceHours: 0.5,
} as const;

const NM_PER_RADIAN = 3440.065;
export function greatCircleNm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 + Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * NM_PER_RADIAN * Math.asin(Math.min(1, Math.sqrt(a)));
}

type Kind = 'duration' | 'weight' | 'number';
const KIND_PARAMS = new Set(['value', 'min', 'mode', 'max', 'mean', 'sd', 'median', 'p90', 'scale']);
const constant = (value: number): DistSpec => ({ dist: 'constant', value });
const ZERO = constant(0);

function conv(kind: Kind, v: unknown): number {
  if (kind === 'number') return v as number;
  return (kind === 'duration' ? toHours(v as number | string) : toShortTons(v as number | string)) as number;
}

/** Resolve a document; every problem is reported at once. */
export function resolveDocument(written: ScenarioDocument): LoadResult {
  const doc: ScenarioDocument = { ...written, value: stripNulls(written.value, written.value, []) };
  const diag = new Diagnostics(doc);
  const parsed = scenarioSchema.safeParse(doc.value, { reportInput: true, error: fallbackError });
  if (!parsed.success) {
    reportIssues(parsed.error.issues, doc.value, diag);
    // A distribution that fails on its own has its zod issues; one that parses has none, so
    // checking it here adds its range problems without repeating any.
    for (const { path, kind } of distributionsIn(doc.value)) {
      const v = valueAt(doc.value, path);
      if (distribution(kind).safeParse(v).success) distSpec(v as Record<string, unknown>, kind, path, doc.value, diag);
    }
    return { ok: false, problems: diag.problems(), warnings: diag.warnings() };
  }
  const scenario = new Resolver(doc, diag, parsed.data).run();
  if (scenario === null || diag.hasErrors) return { ok: false, problems: diag.problems(), warnings: diag.warnings() };
  return { ok: true, scenario, warnings: diag.warnings(), document: doc.value };
}

/** A distribution object as written -> spec in canonical units, its parameters checked (null: no lognormal parameter set). */
function distSpec(src: Record<string, unknown>, kind: Kind, path: FieldPath, root: unknown, diag: Diagnostics): DistSpec | null {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(src)) {
    if (k === 'values') out[k] = (v as unknown[]).map((x) => conv(kind, x));
    else if (KIND_PARAMS.has(k)) out[k] = conv(kind, v);
    else out[k] = v;
  }
  if (src['dist'] === 'lognormal') {
    const byMedian = src['median'] !== undefined || src['p90'] !== undefined;
    const byMu = src['mu'] !== undefined || src['sigma'] !== undefined;
    if (byMedian === byMu || (byMedian && (src['median'] === undefined || src['p90'] === undefined)) || (byMu && (src['mu'] === undefined || src['sigma'] === undefined))) {
      diag.error(path, msg.lognormalParams(src));
      return null;
    }
  }
  const spec = out as unknown as DistSpec;
  checkDistribution(spec, path, root, diag);
  return spec;
}

/**
 * `key: null` (or `key:` with no value) means "not given" for a key the schema knows there;
 * a null under an unknown key stays, so the unknown key is reported.
 */
function stripNulls(root: unknown, v: unknown, path: (string | number)[]): unknown {
  if (Array.isArray(v)) return v.map((x, i) => stripNulls(root, x, [...path, i]));
  if (v === null || typeof v !== 'object') return v;
  const known = new Set(objectKeysAt(root, path));
  const isRecord = shapeKindAt(root, path) === 'record';
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) {
    if (x === null && (known.has(k) || isRecord)) continue;
    out[k] = stripNulls(root, x, [...path, k]);
  }
  return out;
}

class Resolver {
  private offset = 0;
  private startMs = 0;
  private readonly siteIx = new Map<string, number>();
  private readonly destIx = new Map<string, number>();
  private readonly typeIx = new Map<string, number>();

  constructor(
    private readonly doc: ScenarioDocument,
    private readonly diag: Diagnostics,
    private readonly f: ScenarioFile,
  ) {}

  // --- helpers ---------------------------------------------------------------------------

  private spec(u: UncertainFile | undefined, kind: Kind, path: FieldPath, fallback: DistSpec): DistSpec {
    if (u === undefined) return fallback;
    if (typeof u === 'number' || typeof u === 'string') return constant(conv(kind, u));
    return distSpec(u as Record<string, unknown>, kind, path, this.doc.value, this.diag) ?? fallback;
  }

  /** Hours from the start of a date / date-time / duration-after-start. */
  private at(text: string, path: FieldPath, endOfDay: boolean): number {
    if (isDuration(text)) return toHours(text) as number;
    if (!isValidDateText(text)) {
      this.diag.error(path, msg.badDate(text));
      return 0;
    }
    return ((toEpochMs(text, this.offset, endOfDay) as number) - this.startMs) / MS_PER_HOUR;
  }

  private ref(map: Map<string, number>, kind: string, id: string, path: FieldPath, atKey = false): number {
    const i = map.get(id);
    if (i === undefined) {
      this.diag.error(path, msg.badReference(kind, id, [...map.keys()]), atKey);
      return -1;
    }
    return i;
  }

  /** Node index of a site or destination id. */
  private node(id: string, path: FieldPath): number {
    const s = this.siteIx.get(id);
    if (s !== undefined) return s;
    const d = this.destIx.get(id);
    if (d !== undefined) return this.f.sites.length + d;
    this.diag.error(path, msg.badReference('site or destination', id, [...this.siteIx.keys(), ...this.destIx.keys()]));
    return -1;
  }

  private steps<T extends { from: string }>(v: number | readonly T[], value: (s: T) => number, path: FieldPath): Step<number>[] {
    if (typeof v === 'number') return [{ atHours: 0, value: v }];
    const raw = v.map((s, i) => ({ atHours: Math.max(0, this.at(s.from, [...path, i, 'from'], false)), value: value(s), i }));
    raw.sort((a, b) => a.atHours - b.atHours || a.i - b.i);
    const out: Step<number>[] = [];
    for (const r of raw) {
      const last = out[out.length - 1];
      if (last !== undefined && last.atHours === r.atHours) out[out.length - 1] = { atHours: r.atHours, value: r.value };
      else out.push({ atHours: r.atHours, value: r.value });
    }
    // Before the first step the value is 0 (documented: "0 before the first step").
    if ((out[0]?.atHours ?? 0) > 0) out.unshift({ atHours: 0, value: 0 });
    return out;
  }

  private uniqueIds(list: readonly { id: string }[] | undefined, path: string, seen: Map<string, string>): void {
    (list ?? []).forEach((item, i) => {
      const first = seen.get(item.id);
      if (first !== undefined) this.diag.error([path, i, 'id'], msg.duplicateId(item.id, first));
      else seen.set(item.id, formatOrigin(originOf(this.doc, [path, i, 'id'])));
    });
  }

  // --- the steps -------------------------------------------------------------------------

  run(): ResolvedScenario | null {
    const f = this.f;
    // 2. dates
    const zone = f.timeZone ?? DEFAULTS.timeZone;
    if (!isTimeZone(zone)) {
      this.diag.error(['timeZone'], msg.badTimeZone(zone));
      return null;
    }
    if (!isValidDateText(f.start)) {
      this.diag.error(['start'], msg.badDate(f.start));
      return null;
    }
    this.offset = offsetAtLocal(f.start, zone);
    this.startMs = toEpochMs(f.start, this.offset, false) as number;
    // A date that is not a real date is one problem (reported by `at`), and so is a deadline not
    // after the start: what is measured against them is not checked or warned about (it would
    // only repeat that problem), so warnings get the deadline and horizon only when both are sound.
    const deadlineHours = this.at(f.deadline, ['deadline'], true);
    const deadlineValid = isValidDateText(f.deadline);
    if (deadlineValid && deadlineHours <= 0) this.diag.error(['deadline'], msg.deadlineNotAfterStart(f.deadline, f.start));
    const deadlineMs = this.startMs + deadlineHours * MS_PER_HOUR;
    const horizonHours = f.horizon === undefined ? deadlineHours + DEFAULTS.horizonAfterDeadlineDays * 24 : this.at(f.horizon, ['horizon'], true);
    const horizonValid = f.horizon === undefined || isDuration(f.horizon) || isValidDateText(f.horizon);
    if (f.horizon !== undefined && deadlineValid && horizonValid && horizonHours < deadlineHours) this.diag.error(['horizon'], msg.horizonBeforeDeadline(f.horizon, f.deadline));
    const warnDeadline = deadlineValid && deadlineHours > 0 ? deadlineHours : null;
    const warnHorizon = warnDeadline !== null && horizonValid && horizonHours >= deadlineHours ? horizonHours : null;
    const change = firstOffsetChange(zone, this.offset, this.startMs, this.startMs + Math.max(0, horizonHours) * MS_PER_HOUR);
    if (change !== null) this.diag.warn(['timeZone'], msg.warnOffsetChange(zone, localDate(change, this.offset), this.offset, zoneOffsetHours(zone, change)));

    // 3. ids
    const nodes = new Map<string, string>();
    this.uniqueIds(f.sites, 'sites', nodes);
    this.uniqueIds(f.destinations, 'destinations', nodes);
    this.uniqueIds(f.aircraft, 'aircraft', new Map());
    this.uniqueIds(f.cargo, 'cargo', new Map());
    this.uniqueIds(f.disruptions, 'disruptions', new Map());
    this.uniqueIds(f.milestones, 'milestones', new Map());
    // A duplicated id refers to its first occurrence (the duplicate is already a problem).
    const index = (m: Map<string, number>, list: readonly { id: string }[]): void => list.forEach((x, i) => (m.has(x.id) ? undefined : m.set(x.id, i)));
    index(this.siteIx, f.sites);
    index(this.destIx, f.destinations);
    index(this.typeIx, f.aircraft);

    // 4. sections
    const destinations = this.destinations();
    const aircraftTypes = this.aircraftTypes(warnDeadline);
    const sites = this.sites(aircraftTypes, destinations, warnDeadline);
    const { legs, blockTimes } = this.legs(sites, destinations, aircraftTypes);
    const cargo = this.cargo(sites, aircraftTypes, warnDeadline, warnHorizon);
    const scenario: ResolvedScenario = {
      name: f.name,
      description: f.description ?? '',
      sourceFile: this.doc.file,
      timeZone: zone,
      utcOffsetHours: this.offset,
      startUtc: new Date(this.startMs).toISOString(),
      startEpochMs: this.startMs,
      startLocalHourOfDay: localHourOfDay(this.startMs, this.offset),
      deadlineHours,
      deadlineDate: localDate(deadlineMs - 1, this.offset),
      horizonHours,
      seed: f.seed ?? DEFAULTS.seed,
      replications: f.replications ?? DEFAULTS.replications,
      sites,
      aircraftTypes,
      destinations,
      legs,
      blockTimes,
      cargo,
      fleetStart: { delay: this.spec(f.airliftStart, 'duration', ['airliftStart'], ZERO) },
      clearance: this.clearance(),
      departureDelay: f.departureDelay === undefined ? null : this.spec(f.departureDelay, 'duration', ['departureDelay'], ZERO),
      disruptions: this.disruptions(),
      dispatch: { policy: f.dispatch?.policy ?? 'priority', minimumLoad: f.dispatch?.minimumLoad ?? 0 },
      milestones: this.milestones(),
      sensitivity: this.sensitivity(),
    };
    // 5. cross-field checks that need everything resolved
    this.checkLegs(scenario);
    return scenario;
  }

  private destinations(): ResolvedDestination[] {
    return this.f.destinations.map((d, i) => ({
      id: d.id,
      name: d.name ?? d.id,
      lat: d.location?.lat ?? null,
      lon: d.location?.lon ?? null,
      turnaround: this.spec(d.turnaround, 'duration', ['destinations', i, 'turnaround'], ZERO),
      staging: d.staging ?? false,
    }));
  }

  /** `deadlineHours`: null when the deadline is itself a problem (then no warnings measured against it). */
  private aircraftTypes(deadlineHours: number | null): ResolvedAircraftType[] {
    const f = this.f;
    const nSites = f.sites.length;
    const defaultHome = (() => {
      const staging = f.destinations.findIndex((d) => d.staging === true);
      return nSites + (staging >= 0 ? staging : 0);
    })();
    return f.aircraft.map((a, i): ResolvedAircraftType => {
      const p: FieldPath = ['aircraft', i];
      const loadFactor = this.spec(a.loadFactor, 'number', [...p, 'loadFactor'], constant(1));
      const [lo, hi] = supportOf(loadFactor);
      if (!(lo > 0) || hi > 1) this.diag.error([...p, 'loadFactor'], lo === hi ? msg.expected('a load factor in (0, 1]', a.loadFactor) : msg.outOfSupport('a load factor in (0, 1]', lo <= 0 ? lo : hi));
      const breakProbability = a.breakProbability ?? 0;
      if (breakProbability > 0 && a.repairTime === undefined) this.diag.error(p, msg.repairTimeNeeded());
      const tasked = this.steps(a.tasked, (s) => s.count, [...p, 'tasked']);
      if (deadlineHours !== null && tasked.every((s) => s.value === 0 || s.atHours >= deadlineHours)) this.diag.warn([...p, 'tasked'], msg.warnTaskedZero(a.id));
      let shuttle: ResolvedAircraftType['shuttle'] = null;
      if (a.shuttle !== undefined) {
        const from = this.ref(this.siteIx, 'site', a.shuttle.from, [...p, 'shuttle', 'from']);
        const to = this.ref(this.siteIx, 'site', a.shuttle.to, [...p, 'shuttle', 'to']);
        if (from >= 0 && from === to) this.diag.error([...p, 'shuttle'], msg.shuttleSameSite(a.shuttle.from));
        shuttle = { from, to };
      }
      return {
        id: a.id,
        name: a.name ?? a.id,
        planningPayload: toShortTons(a.planningPayload) as number,
        pallets: a.pallets,
        seats: a.seats,
        fits: CARGO_CATEGORIES.map((c) => a.fits.includes(c)),
        blockSpeedKt: a.blockSpeed ?? null,
        loadFactor,
        breakProbability,
        repairTime: this.spec(a.repairTime, 'duration', [...p, 'repairTime'], ZERO),
        crewDutyHours: a.crewDuty === undefined ? null : (toHours(a.crewDuty) as number),
        crewRest: a.crewDuty === undefined && a.crewRest === undefined ? null : this.spec(a.crewRest, 'duration', [...p, 'crewRest'], constant(DEFAULTS.crewRestHours)),
        missionCapableRate: a.missionCapableRate ?? 1,
        tasked,
        competingLoss:
          a.competingLoss === undefined
            ? null
            : { ratePerDay: a.competingLoss.ratePerDay, duration: this.spec(a.competingLoss.duration, 'duration', [...p, 'competingLoss', 'duration'], ZERO) },
        homeNode: a.home === undefined ? defaultHome : this.node(a.home, [...p, 'home']),
        shuttle,
        startDelay: a.startDelay === undefined ? null : this.spec(a.startDelay, 'duration', [...p, 'startDelay'], ZERO),
      };
    });
  }

  private sites(types: readonly ResolvedAircraftType[], dests: readonly ResolvedDestination[], deadlineHours: number | null): ResolvedSite[] {
    const f = this.f;
    const cargoDest = new Map<string, number>();
    dests.forEach((d, i) => {
      if (!d.staging && !cargoDest.has(d.id)) cargoDest.set(d.id, i);
    });
    return f.sites.map((s, i): ResolvedSite => {
      const p: FieldPath = ['sites', i];
      // Aircraft types that can use the runway.
      const allowedIds = s.aircraft ?? f.aircraft.map((a) => a.id);
      (s.aircraft ?? []).forEach((t, j) => this.ref(this.typeIx, 'aircraft type', t, [...p, 'aircraft', j]));
      const allowedTypes = f.aircraft.map((a) => allowedIds.includes(a.id));
      if (!allowedTypes.includes(true)) this.diag.error(s.aircraft === undefined ? p : [...p, 'aircraft'], msg.siteNoAircraft(s.id));
      // Ground time per type.
      const gt = s.groundTime;
      const perType = gt !== undefined && typeof gt === 'object' && !('dist' in gt) ? (gt as Record<string, UncertainFile>) : null;
      if (perType !== null) for (const k of Object.keys(perType)) this.ref(this.typeIx, 'aircraft type', k, [...p, 'groundTime', k], true);
      const groundTime = f.aircraft.map((a, k): DistSpec | null => {
        if (!allowedTypes[k]) return null;
        if (perType !== null && perType[a.id] !== undefined) return this.spec(perType[a.id], 'duration', [...p, 'groundTime', a.id], ZERO);
        if (gt !== undefined && perType === null) return this.spec(gt as UncertainFile, 'duration', [...p, 'groundTime'], ZERO);
        if (a.groundTime !== undefined) return this.spec(a.groundTime, 'duration', ['aircraft', k, 'groundTime'], ZERO);
        this.diag.error(gt === undefined ? p : [...p, 'groundTime'], msg.groundTimeMissing(s.id, a.id));
        return null;
      });
      // MOG.
      const mog = this.steps(s.mog, (st) => st.mog, [...p, 'mog']);
      if (deadlineHours !== null && mog.every((st) => st.value === 0 || st.atHours >= deadlineHours)) this.diag.warn([...p, 'mog'], msg.warnMogZero(s.id));
      // Operating hours.
      let operatingHours: ResolvedSite['operatingHours'] = null;
      if (s.operatingHours !== undefined && s.operatingHours !== '24h') {
        const open = timeOfDayHours(s.operatingHours.open) as number;
        const close = timeOfDayHours(s.operatingHours.close) as number;
        if (!(open === 0 && close === 24) && open !== close) operatingHours = { open, close };
        if (open === close) this.diag.error([...p, 'operatingHours'], msg.expected('different open and close times (use "24h" for always open)', s.operatingHours.open));
      }
      // People.
      const personnel = s.personnel ?? 0;
      const closureTeam = s.closureTeam ?? 0;
      if (closureTeam > personnel) this.diag.error([...p, 'closureTeam'], msg.closureTeamTooBig(closureTeam, personnel));
      // Destination shares.
      const destinationShares: { destination: number; share: number }[] = [];
      if (s.destinations === undefined) {
        if (cargoDest.size === 1) destinationShares.push({ destination: [...cargoDest.values()][0] as number, share: 1 });
        else if (allowedTypes.some((ok, k) => ok && types[k]?.shuttle === null)) this.diag.error(p, msg.sharesRequired([...cargoDest.keys()]));
      } else {
        let sum = 0;
        for (const [id, share] of Object.entries(s.destinations)) {
          const d = this.ref(cargoDest, 'destination (not a staging base)', id, [...p, 'destinations', id], true);
          sum += share;
          if (d >= 0 && share > 0) destinationShares.push({ destination: d, share });
        }
        if (Math.abs(sum - 1) > DEFAULTS.shareTolerance) this.diag.error([...p, 'destinations'], msg.sharesSum(Number(sum.toPrecision(12))));
      }
      return {
        id: s.id,
        name: s.name ?? s.id,
        icao: s.icao ?? null,
        lat: s.location?.lat ?? null,
        lon: s.location?.lon ?? null,
        allowedTypes,
        mog,
        operatingHours,
        groundTime,
        loadingTeams: s.loadingTeams ?? null,
        personnel,
        closureTeam,
        packingRate: s.packingRate === undefined ? null : this.spec(s.packingRate, 'weight', [...p, 'packingRate'], ZERO),
        personnelReleaseRate: s.personnelReleaseRate === undefined ? null : this.spec(s.personnelReleaseRate, 'number', [...p, 'personnelReleaseRate'], ZERO),
        priority: s.priority ?? i + 1,
        destinationShares,
        weather: this.weather(s.weather, [...p, 'weather']),
        incidents: s.incidents === undefined ? null : { ratePerDay: s.incidents.ratePerDay, duration: this.spec(s.incidents.duration, 'duration', [...p, 'incidents', 'duration'], ZERO) },
      };
    });
  }

  private weather(list: ScenarioFile['sites'][number]['weather'], path: FieldPath): ResolvedWeather | null {
    if (list === undefined || list.length === 0) return null;
    const byMonth: (ResolvedWeatherMonth | null)[] = MONTHS.map(() => null);
    list.forEach((w, i) => {
      const month: ResolvedWeatherMonth = {
        dailyProbability: w.dailyProbability,
        windowStart: w.window === undefined ? 0 : (timeOfDayHours(w.window.from) as number),
        windowEnd: w.window === undefined ? 24 : (timeOfDayHours(w.window.to) as number),
        duration: this.spec(w.duration, 'duration', [...path, i, 'duration'], ZERO),
      };
      w.months.forEach((m, j) => {
        const k = MONTHS.indexOf(m as MonthName);
        if (byMonth[k] !== null) this.diag.error([...path, i, 'months', j], msg.monthTwice(m));
        byMonth[k] = month;
      });
    });
    return { byMonth };
  }

  private legs(sites: readonly ResolvedSite[], dests: readonly ResolvedDestination[], types: readonly ResolvedAircraftType[]) {
    const n = sites.length + dests.length;
    const grid = (): (DistSpec | null)[][] => Array.from({ length: n }, () => Array.from({ length: n }, (): DistSpec | null => null));
    const legs = grid();
    const typed = types.map(() => grid());
    (this.f.legs ?? []).forEach((leg, i) => {
      const p: FieldPath = ['legs', i];
      const a = this.node(leg.from, [...p, 'from']);
      const b = this.node(leg.to, [...p, 'to']);
      const spec = this.spec(leg.blockTime, 'duration', [...p, 'blockTime'], ZERO);
      const kinds = leg.aircraft === undefined ? null : leg.aircraft.map((t, j) => this.ref(this.typeIx, 'aircraft type', t, [...p, 'aircraft', j]));
      if (a < 0 || b < 0) return;
      const put = (g: (DistSpec | null)[][]): void => {
        (g[a] as (DistSpec | null)[])[b] = spec;
        if (leg.bothWays ?? true) (g[b] as (DistSpec | null)[])[a] = spec;
      };
      if (kinds === null) put(legs);
      else for (const k of kinds) if (k >= 0) put(typed[k] as (DistSpec | null)[][]);
    });
    const lat = (x: number): number | null => (x < sites.length ? (sites[x] as ResolvedSite).lat : (dests[x - sites.length] as ResolvedDestination).lat);
    const lon = (x: number): number | null => (x < sites.length ? (sites[x] as ResolvedSite).lon : (dests[x - sites.length] as ResolvedDestination).lon);
    const blockTimes = types.map((t, k) =>
      (typed[k] as (DistSpec | null)[][]).map((row, a) =>
        row.map((own, b): DistSpec | null => {
          if (a === b) return null;
          const explicit = own ?? (legs[a] as (DistSpec | null)[])[b] ?? null;
          if (explicit !== null) return explicit;
          const la = lat(a), lo = lon(a), lb = lat(b), lob = lon(b);
          if (t.blockSpeedKt === null || la === null || lo === null || lb === null || lob === null) return null;
          return constant(greatCircleNm(la, lo, lb, lob) / t.blockSpeedKt + DEFAULTS.blockAllowanceHours);
        }),
      ),
    );
    return { legs, blockTimes };
  }

  /** Every leg an aircraft type will fly must have a block time. */
  private checkLegs(s: ResolvedScenario): void {
    const nSites = s.sites.length;
    const nodeId = (x: number): string => (x < nSites ? (s.sites[x] as ResolvedSite).id : (s.destinations[x - nSites] as ResolvedDestination).id);
    const hasLoc = (x: number): boolean => (x < nSites ? (s.sites[x] as ResolvedSite).lat !== null : (s.destinations[x - nSites] as ResolvedDestination).lat !== null);
    s.aircraftTypes.forEach((t, k) => {
      if (t.homeNode < 0) return;
      const need: [number, number][] = [];
      if (t.shuttle !== null) {
        if (t.shuttle.from < 0 || t.shuttle.to < 0) return;
        need.push([t.homeNode, t.shuttle.from], [t.shuttle.from, t.shuttle.to], [t.shuttle.to, t.homeNode]);
      } else {
        s.sites.forEach((site, si) => {
          if (!site.allowedTypes[k]) return;
          need.push([t.homeNode, si]);
          for (const d of site.destinationShares) need.push([si, nSites + d.destination], [nSites + d.destination, t.homeNode]);
        });
      }
      // One problem per missing leg, not per direction: when both directions are missing (an
      // aircraft whose home is the destination flies out and back on the same pair) one leg
      // under legs (bothWays by default) or one pair of locations fixes both, so it is reported
      // once, in the direction first needed.
      const has = (a: number, b: number): boolean => a === b || s.blockTimes?.[k]?.[a]?.[b] != null;
      const reported = new Set<string>();
      for (const [a, b] of need) {
        if (has(a, b)) continue;
        const key = `${Math.min(a, b)}-${Math.max(a, b)}`;
        if (reported.has(key)) continue;
        reported.add(key);
        const why =
          t.blockSpeedKt === null
            ? `give ${t.id} a blockSpeed and both ends a location`
            : `give ${[a, b].filter((x) => !hasLoc(x)).map(nodeId).join(' and ')} a location`;
        const back = !has(b, a) && need.some(([x, y]) => x === b && y === a);
        this.diag.error(['aircraft', k], (back ? msg.legNoTimeBothWays : msg.legNoTime)(nodeId(a), nodeId(b), t.id, why));
      }
    });
  }

  /** `deadlineHours`, `horizonHours`: null when not sound (then no release warnings against them). */
  private cargo(sites: readonly ResolvedSite[], types: readonly ResolvedAircraftType[], deadlineHours: number | null, horizonHours: number | null): ResolvedCargoLot[] {
    return (this.f.cargo ?? []).map((c, i): ResolvedCargoLot => {
      const p: FieldPath = ['cargo', i];
      const site = this.ref(this.siteIx, 'site', c.site, [...p, 'site']);
      const lot: ResolvedCargoLot = {
        id: c.id,
        site,
        category: c.category as CargoCategory,
        shortTons: toShortTons(c.weight) as number,
        pallets: c.pallets,
        count: c.count ?? 1,
        priority: c.priority ?? 1,
        releaseHours: c.release === undefined ? 0 : Math.max(0, this.at(c.release, [...p, 'release'], false)),
        leaveBehind: c.leaveBehind ?? false,
      };
      if (site >= 0 && !lot.leaveBehind) {
        const why = carryProblem(lot, sites[site] as ResolvedSite, types);
        if (why !== null) this.diag.error(p, msg.cargoNoAircraft(lot.category, lot.shortTons, lot.pallets, why));
      }
      // A lot released at or after the horizon never flies; at or after the deadline, it flies late.
      if (c.release !== undefined && !lot.leaveBehind) {
        const h = this.f.horizon;
        const horizon = h === undefined ? `deadline + ${DEFAULTS.horizonAfterDeadlineDays} days` : isDuration(h) ? `${h} after the start` : h;
        if (horizonHours !== null && lot.releaseHours >= horizonHours) this.diag.warn([...p, 'release'], msg.warnReleaseAfterHorizon(c.id, c.release, horizon));
        else if (deadlineHours !== null && lot.releaseHours >= deadlineHours) this.diag.warn([...p, 'release'], msg.warnReleaseAfterDeadline(c.id, c.release, this.f.deadline));
      }
      return lot;
    });
  }

  private clearance(): ResolvedClearance | null {
    const c = this.f.clearance;
    if (c === undefined) return null;
    const base: ResolvedClearanceRegime = {
      fromHours: 0,
      leadTime: this.spec(c.leadTime, 'duration', ['clearance', 'leadTime'], ZERO),
      denialProbability: c.denialProbability ?? 0,
      reRequestDelay: this.spec(c.reRequestDelay, 'duration', ['clearance', 'reRequestDelay'], constant(DEFAULTS.reRequestDelayHours)),
    };
    const changes = (c.regimes ?? [])
      .map((r, i) => ({ r, i, at: Math.max(0, this.at(r.from, ['clearance', 'regimes', i, 'from'], false)) }))
      .sort((x, y) => x.at - y.at || x.i - y.i);
    const regimes: ResolvedClearanceRegime[] = [base];
    for (const { r, i, at } of changes) {
      const prev = regimes[regimes.length - 1] as ResolvedClearanceRegime;
      const p: FieldPath = ['clearance', 'regimes', i];
      const next: ResolvedClearanceRegime = {
        fromHours: at,
        leadTime: this.spec(r.leadTime, 'duration', [...p, 'leadTime'], prev.leadTime),
        denialProbability: r.denialProbability ?? prev.denialProbability,
        reRequestDelay: this.spec(r.reRequestDelay, 'duration', [...p, 'reRequestDelay'], prev.reRequestDelay),
      };
      if (at === prev.fromHours) regimes[regimes.length - 1] = next;
      else regimes.push(next);
    }
    return { regimes };
  }

  private disruptions(): ResolvedDisruption[] {
    return (this.f.disruptions ?? []).map((d, i): ResolvedDisruption => {
      const p: FieldPath = ['disruptions', i];
      const from = this.at(d.window.from, [...p, 'window', 'from'], false);
      const to = this.at(d.window.to, [...p, 'window', 'to'], true);
      // A date-time or duration `to` is an instant; equal ends mean a scheduled start.
      if (to < from) this.diag.error([...p, 'window'], msg.windowOrder(d.window.from, d.window.to));
      const common = {
        id: d.id,
        probability: d.probability ?? 1,
        windowStartHours: Math.max(0, from),
        windowEndHours: Math.max(0, to),
        duration: this.spec(d.duration, 'duration', [...p, 'duration'], ZERO),
      };
      if (d.kind === 'suspension') {
        const sites = d.sites === undefined ? this.f.sites.map((_, k) => k) : d.sites.map((id, j) => this.ref(this.siteIx, 'site', id, [...p, 'sites', j]));
        return { kind: 'suspension', ...common, sites };
      }
      return { kind: 'mog-loss', ...common, site: this.ref(this.siteIx, 'site', d.site, [...p, 'site']), mog: d.mog ?? 0 };
    });
  }

  private milestones(): ResolvedMilestone[] {
    return (this.f.milestones ?? []).map((m, i) => {
      const atHours = this.at(m.date, ['milestones', i, 'date'], true);
      return {
        id: m.id,
        name: m.name ?? m.id,
        atHours,
        date: localDate(this.startMs + atHours * MS_PER_HOUR - 1, this.offset),
        personnelFraction: m.personnel ?? 0,
        cargoFraction: m.cargo ?? 0,
      };
    });
  }

  private sensitivity(): ResolvedScenario['sensitivity'] {
    return (this.f.sensitivity ?? []).map((s, i) => {
      const problem = checkSetPath(this.doc.value, s.path);
      if (problem !== null) this.diag.error(['sensitivity', i, 'path'], problem);
      return { path: s.path, label: s.label ?? s.path, low: s.low, high: s.high };
    });
  }
}

/** Why no aircraft type can carry one item of `lot` out of `site`, or null if one can. */
export function carryProblem(lot: ResolvedCargoLot, site: ResolvedSite, types: readonly ResolvedAircraftType[]): string | null {
  const c = CARGO_CATEGORIES.indexOf(lot.category);
  const reasons: string[] = [];
  for (let k = 0; k < types.length; k++) {
    const t = types[k] as ResolvedAircraftType;
    const maxLoad = t.planningPayload * supportOf(t.loadFactor)[1];
    if (!site.allowedTypes[k]) reasons.push(`${t.id} cannot use ${site.id}`);
    else if (!t.fits[c]) reasons.push(`${t.id} does not take ${lot.category} cargo`);
    else if (lot.pallets > t.pallets) reasons.push(`${t.id} has ${t.pallets} pallet positions`);
    else if (lot.shortTons > maxLoad) reasons.push(`${t.id} carries at most ${fmt(maxLoad)} st`);
    else return null;
  }
  return reasons.join('; ');
}
