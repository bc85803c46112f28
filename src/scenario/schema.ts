/**
 * The scenario file as written: ONE zod schema, the single source of truth for the file's
 * TypeScript types (`ScenarioFile`), its runtime checks and the JSON Schema that editors use
 * (`airlift schema` -> scenarios/scenario.schema.json). Every field is described with its unit.
 *
 * Units: durations are hours (bare numbers) or strings `90m`, `3.5h`, `2d`; weights are short
 * tons (bare numbers) or strings `65 st`, `1593 t`, `170900 lb`; dates are local to `timeZone`.
 * Every uncertain quantity is a constant or a distribution object `{ dist: ..., ... }`.
 *
 * Each leaf schema carries its own error function from the message catalogue, so a problem
 * reads "expected <what>, found <value>". Cross-field checks live in ./checks.ts.
 */
import * as z from 'zod';
import { DIST_NAMES } from '../random/spec.js';
import { CARGO_CATEGORIES } from './resolved.js';
import { msg } from './messages.js';
import { variantJsonSchema } from './schema-variant.js';
import { DATE_PATTERN, DATE_TIME_PATTERN, DURATION_PATTERN, MONTHS, TIME_OF_DAY_PATTERN, WEIGHT_PATTERN } from './units.js';

/** What a value of each kind looks like, in a planner's words (used in every message). */
export const EXPECT = {
  duration: 'a duration (hours >= 0 as a number, or a string such as "90m", "3.5h", "2d")',
  weight: 'a weight (short tons >= 0 as a number, or a string such as "65 st", "1593 t", "170900 lb")',
  number: 'a number',
  positive: 'a number > 0',
  nonNegative: 'a number >= 0',
  probability: 'a probability (a number from 0 to 1)',
  fraction: 'a fraction (a number from 0 to 1)',
  count: 'a whole number >= 0',
  positiveCount: 'a whole number >= 1',
  integer: 'a whole number',
  text: 'text (a string)',
  id: 'an id (letters, digits, "-", "_"; no dots or spaces)',
  date: 'a date (YYYY-MM-DD) or date-time (YYYY-MM-DDTHH:MM, optionally with Z or an offset)',
  timePoint: 'a date (YYYY-MM-DD), a date-time, or a duration after the start such as "10d"',
  horizon: 'a date (YYYY-MM-DD), a date-time, or a duration after the start such as "200d"',
  timeOfDay: 'a local time of day "HH:MM" (quote it in YAML)',
  boolean: 'true or false',
  uncertain: (what: string) => `${what}, or a distribution such as { dist: triangular, min: ..., mode: ..., max: ... }`,
} as const;

type ErrFn = (iss: { input?: unknown }) => string;
const err = (what: string): ErrFn => (iss) => (iss.input === undefined ? msg.missing(what) : msg.expected(what, iss.input));

// --- leaf kinds --------------------------------------------------------------------------

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
export const id = () => z.string({ error: err(EXPECT.id) }).regex(ID_RE, { error: err(EXPECT.id) });
const text = () => z.string({ error: err(EXPECT.text) });
const bool = () => z.boolean({ error: err(EXPECT.boolean) });
const num = (what: string = EXPECT.number) => z.number({ error: err(what) });
const nonNeg = () => z.number({ error: err(EXPECT.nonNegative) }).nonnegative({ error: err(EXPECT.nonNegative) });
const positive = () => z.number({ error: err(EXPECT.positive) }).positive({ error: err(EXPECT.positive) });
export const probability = () =>
  z.number({ error: err(EXPECT.probability) }).min(0, { error: err(EXPECT.probability) }).max(1, { error: err(EXPECT.probability) });
const fraction = () =>
  z.number({ error: err(EXPECT.fraction) }).min(0, { error: err(EXPECT.fraction) }).max(1, { error: err(EXPECT.fraction) });
const count = () => z.int({ error: err(EXPECT.count) }).min(0, { error: err(EXPECT.count) });
const positiveCount = () => z.int({ error: err(EXPECT.positiveCount) }).min(1, { error: err(EXPECT.positiveCount) });

export type QuantityKind = 'duration' | 'weight' | 'number';

const memo = new Map<string, z.ZodType>();
function once<T extends z.ZodType>(key: string, make: () => T): T {
  let s = memo.get(key);
  if (s === undefined) {
    s = make();
    memo.set(key, s);
  }
  return s as T;
}

function quantity(kind: QuantityKind) {
  return once(`q:${kind}`, () => makeQuantity(kind));
}
function makeQuantity(kind: QuantityKind) {
  if (kind === 'number') return num();
  const what = kind === 'duration' ? EXPECT.duration : EXPECT.weight;
  const pattern = new RegExp(kind === 'duration' ? DURATION_PATTERN : WEIGHT_PATTERN);
  return z
    .union([z.number({ error: err(what) }).nonnegative({ error: err(what) }), z.string({ error: err(what) }).regex(pattern, { error: err(what) })], {
      error: err(what),
    })
    .meta({ id: kind === 'duration' ? 'Duration' : 'Weight', description: kind === 'duration' ? 'Hours as a number, or a string with a unit: 90m, 3.5h, 2d, 1w.' : 'Short tons as a number, or a string with a unit: 65 st, 1593 t (metric), 170900 lb, 4000 kg.' });
}
export const duration = () => quantity('duration');
export const weight = () => quantity('weight');

const date = () =>
  z.string({ error: err(EXPECT.date) }).regex(new RegExp(`${DATE_PATTERN}|${DATE_TIME_PATTERN}`), { error: err(EXPECT.date) });
/** A point in time: a date, a date-time, or a duration after the start. */
const timePoint = () =>
  z
    .string({ error: err(EXPECT.timePoint) })
    .regex(new RegExp(`${DATE_PATTERN}|${DATE_TIME_PATTERN}|${DURATION_PATTERN}`), { error: err(EXPECT.timePoint) });
const timeOfDay = () => z.string({ error: err(EXPECT.timeOfDay) }).regex(new RegExp(TIME_OF_DAY_PATTERN), { error: err(EXPECT.timeOfDay) });

// --- distributions ---------------------------------------------------------------------

/** A distribution object whose parameters carry the units of `kind` (one schema per kind). */
export function distribution(kind: QuantityKind) {
  return once(`d:${kind}`, () => makeDistribution(kind));
}
function makeDistribution(kind: QuantityKind) {
  const q = () => quantity(kind);
  const unit = kind === 'duration' ? 'hours or a duration string' : kind === 'weight' ? 'short tons or a weight string' : 'a plain number';
  const d = (name: string) => z.literal(name).describe(`Distribution name: "${name}".`);
  const options = [
    z.strictObject({ dist: d('constant'), value: q().describe(`The value (${unit}).`) }).describe('Always the same value.'),
    z.strictObject({ dist: d('uniform'), min: q().describe(`Lower bound (${unit}).`), max: q().describe(`Upper bound (${unit}).`) })
      .describe('Uniform between min and max.'),
    z.strictObject({
      dist: d('triangular'),
      min: q().describe(`Lowest value (${unit}).`),
      mode: q().describe(`Most likely value (${unit}).`),
      max: q().describe(`Highest value (${unit}).`),
    }).describe('Triangular: min <= mode <= max.'),
    z.strictObject({
      dist: d('pert'),
      min: q().describe(`Lowest value (${unit}).`),
      mode: q().describe(`Most likely value (${unit}).`),
      max: q().describe(`Highest value (${unit}).`),
      lambda: positive().optional().describe('Weight of the mode (default 4).'),
    }).describe('Beta-PERT by min, mode and max: smoother than triangular.'),
    z.strictObject({
      dist: d('normal'),
      mean: q().describe(`Mean (${unit}).`),
      sd: q().describe(`Standard deviation (${unit}).`),
      min: q().optional().describe(`Optional lower truncation (${unit}).`),
      max: q().optional().describe(`Optional upper truncation (${unit}).`),
    }).describe('Normal, optionally truncated to [min, max].'),
    z.strictObject({
      dist: d('lognormal'),
      median: q().optional().describe(`Median, the 50th percentile (${unit}).`),
      p90: q().optional().describe(`90th percentile, > median (${unit}).`),
      mu: num().optional().describe('Mean of the log of the value in canonical units (hours, short tons); give mu and sigma instead of median and p90.'),
      sigma: positive().optional().describe('Standard deviation of the log of the value.'),
    }).describe('Lognormal: give median and p90 (the way planners state it) or mu and sigma.'),
    z.strictObject({ dist: d('exponential'), mean: q().describe(`Mean (${unit}).`) }).describe('Exponential (memoryless) with the given mean.'),
    z.strictObject({ dist: d('gamma'), shape: positive().describe('Shape k (> 0).'), scale: q().describe(`Scale theta (${unit}).`) })
      .describe('Gamma by shape and scale (mean = shape x scale).'),
    z.strictObject({ dist: d('weibull'), shape: positive().describe('Shape k (> 0).'), scale: q().describe(`Scale lambda (${unit}).`) })
      .describe('Weibull by shape and scale.'),
    z.strictObject({ dist: d('bernoulli'), p: probability().describe('Probability of 1.') }).describe('1 with probability p, else 0.'),
    z.strictObject({
      dist: d('empirical'),
      values: z.array(q(), { error: err('a list of values') }).min(1, { error: err('a list of at least one value') }).describe(`Possible values (${unit}).`),
      weights: z.array(nonNeg(), { error: err('a list of weights >= 0') }).optional().describe('Relative weights, one per value (equal when absent).'),
    }).describe('Discrete values with optional relative weights.'),
  ];
  return z
    .discriminatedUnion('dist', options as unknown as [typeof options[0], ...typeof options], {
      error: (iss) => (iss.input === undefined ? msg.missing(`a distribution name (one of ${DIST_NAMES.join(', ')})`) : msg.unknownDist(iss.input, DIST_NAMES)),
    })
    .meta({ id: `${NAMES[kind]}Distribution`, description: `A distribution of ${kind === 'number' ? 'a plain number' : `a ${kind}`}; parameters ${kind === 'duration' ? 'in hours or duration strings' : kind === 'weight' ? 'in short tons or weight strings' : 'as plain numbers'}.` });
}

/** A constant of `kind` or a distribution of it. */
const NAMES = { duration: 'Duration', weight: 'Weight', number: 'Number' } as const;
function uncertain(kind: QuantityKind, what: string) {
  return once(`u:${kind}`, () =>
    z
      .union([quantity(kind), distribution(kind)], { error: err(EXPECT.uncertain(what)) })
      .meta({ id: `Uncertain${NAMES[kind]}`, description: `A constant (${what}) or a distribution object { dist: ..., ... }.` }),
  );
}
export const uncertainDuration = () => uncertain('duration', EXPECT.duration);
export const uncertainWeight = () => uncertain('weight', EXPECT.weight);
export const uncertainNumber = () => uncertain('number', EXPECT.number);

// --- sections ------------------------------------------------------------------------------

const location = () =>
  z
    .strictObject({
      lat: num().min(-90, { error: err('a latitude from -90 to 90') }).max(90, { error: err('a latitude from -90 to 90') }).describe('Latitude, decimal degrees (north positive).'),
      lon: num().min(-180, { error: err('a longitude from -180 to 180') }).max(180, { error: err('a longitude from -180 to 180') }).describe('Longitude, decimal degrees (east positive).'),
    }, { error: err('a location { lat, lon }') })
    .describe('Position for great-circle block times.');

const mogStep = z.strictObject({
  from: timePoint().describe('From this date (start of the local day), date-time or duration after the start.'),
  mog: count().describe('Working MOG from then on (aircraft on the ground at once).'),
});

const weatherEntry = z.strictObject({
  months: z
    .array(z.enum(MONTHS, { error: (iss) => msg.unknownChoice(iss.input, MONTHS) }), { error: err('a list of months such as [jun, jul]') })
    .min(1, { error: err('a list of at least one month') })
    .describe('Local calendar months this entry applies to: jan, feb, ..., dec.'),
  dailyProbability: probability().describe('Probability that a closure episode starts on a given local day.'),
  window: z
    .strictObject({
      from: timeOfDay().describe('Earliest local start time of an episode, "HH:MM".'),
      to: timeOfDay().describe('Latest local start time, "HH:MM"; before "from" means overnight.'),
    })
    .optional()
    .describe('Local time-of-day window in which an episode starts (default: all day).'),
  duration: uncertainDuration().describe('How long an episode closes the airfield (hours).'),
});

const incidents = z.strictObject({
  ratePerDay: nonNeg().describe('Mean number of incident closures per day (Poisson rate, per day).'),
  duration: uncertainDuration().describe('How long an incident closes the airfield (hours).'),
});

export const siteSchema = z.strictObject({
  id: id().describe('Short id used in references, e.g. AB101.'),
  name: text().optional().describe('Full name (default: the id).'),
  icao: text().optional().describe('ICAO code, e.g. DRRN.'),
  location: location().optional(),
  aircraft: z.array(id(), { error: err('a list of aircraft type ids') }).optional().describe('Aircraft types that can use the runway (default: all types).'),
  mog: z
    .union([count(), z.array(mogStep, { error: err('a list of { from, mog }') }).min(1, { error: err('a list of at least one { from, mog }') })], {
      error: err('a working MOG: a whole number >= 0, or a list of { from, mog }'),
    })
    .describe('Working MOG (maximum aircraft on the ground at once), or a list of { from, mog } steps.'),
  operatingHours: z
    .union([
      z.literal('24h', { error: err('"24h" or { open: "HH:MM", close: "HH:MM" }') }),
      z.strictObject({ open: timeOfDay().describe('Local opening time "HH:MM".'), close: timeOfDay().describe('Local closing time "HH:MM" (before open = overnight).') }),
    ], { error: err('"24h" or { open: "HH:MM", close: "HH:MM" }') })
    .optional()
    .describe('Local operating hours for landings and take-offs (default "24h").'),
  groundTime: z
    .union([uncertainDuration(), z.record(z.string().regex(/^(?!dist$)[A-Za-z0-9][A-Za-z0-9_-]*$/, { error: err('an aircraft type id') }), uncertainDuration(), { error: err('a ground time per aircraft type, e.g. { C-17: 3h }') })], {
      error: err('a ground time (hours or a distribution), or one per aircraft type such as { C-17: 3h, C-130J: 1.75h }'),
    })
    .optional()
    .describe('Onload ground time (hours): one value for all types, or per aircraft type id. Default: the type\'s groundTime.'),
  loadingTeams: positiveCount().optional().describe('Concurrent onloads (loading teams); default: unlimited (parking is the only limit).'),
  personnel: count().optional().describe('People to move out (head count), including the closure team. Default 0.'),
  closureTeam: count().optional().describe('Last team (security and closure), head count: leaves only with or after the last cargo. Default 0.'),
  packingRate: uncertainWeight().optional().describe('Cargo packed per day (short tons per day); sampled once per replication. Default: all cargo ready at release.'),
  personnelReleaseRate: uncertainNumber().optional().describe('People released to fly per day (persons per day). Default: all ready at the start.'),
  priority: z.int({ error: err(EXPECT.integer) }).optional().describe('Dispatch priority: lower is served first (default: order in the list, 1, 2, ...).'),
  destinations: z
    .record(id(), probability(), { error: err('destination shares such as { ETAR: 0.7, LERT: 0.3 }') })
    .optional()
    .describe('Share of sorties from this site to each destination id (fractions summing to 1). Default: the only destination.'),
  weather: z.array(weatherEntry, { error: err('a list of weather entries') }).optional().describe('Weather closures by month.'),
  incidents: incidents.optional().describe('Random runway incident closures.'),
});

export const destinationSchema = z.strictObject({
  id: id().describe('Short id used in references, e.g. ETAR.'),
  name: text().optional().describe('Full name (default: the id).'),
  icao: text().optional().describe('ICAO code.'),
  location: location().optional(),
  turnaround: uncertainDuration().optional().describe('Time on the ground at the destination before flying back (hours). Default 0.'),
  staging: bool().optional().describe('A staging base aircraft start from and return to, not a cargo destination (default false).'),
});

export const legSchema = z.strictObject({
  from: id().describe('Site or destination id.'),
  to: id().describe('Site or destination id.'),
  blockTime: uncertainDuration().describe('Block time (hours), chocks off to chocks on.'),
  bothWays: bool().optional().describe('Also use this block time from "to" back to "from" (default true).'),
  aircraft: z.array(id(), { error: err('a list of aircraft type ids') }).optional().describe('Aircraft types this block time applies to (default: all).'),
});

const taskedStep = z.strictObject({
  from: timePoint().describe('From this date (start of the local day), date-time or duration after the start.'),
  count: count().describe('Aircraft of this type tasked to the operation from then on.'),
});

export const aircraftSchema = z.strictObject({
  id: id().describe('Type id used in references, e.g. C-17.'),
  name: text().optional().describe('Full name (default: the id).'),
  planningPayload: weight().describe('Planning payload (short tons, or "65 st", "59 t", "130000 lb").'),
  pallets: count().describe('463L pallet positions.'),
  seats: count().describe('Passenger seats.'),
  fits: z
    .array(z.enum(CARGO_CATEGORIES as unknown as [string, ...string[]], { error: (iss) => msg.unknownChoice(iss.input, CARGO_CATEGORIES) }), {
      error: err('a list of cargo categories'),
    })
    .describe(`Cargo categories that fit: ${CARGO_CATEGORIES.join(', ')}.`),
  blockSpeed: positive().optional().describe('Block speed (knots) for legs without an explicit block time: great-circle distance / speed + 0.5 h.'),
  groundTime: uncertainDuration().optional().describe('Default onload ground time at any site (hours), e.g. AFPAM expedited 2.25 h for a C-17.'),
  loadFactor: uncertainNumber().optional().describe('Fraction of planning payload used per sortie, in (0, 1] (sampled per sortie). Default 1.'),
  breakProbability: probability().optional().describe('Probability an aircraft breaks before departing a site. Default 0.'),
  repairTime: uncertainDuration().optional().describe('Repair time when broken (hours); the aircraft keeps its parking spot.'),
  crewDuty: duration().optional().describe('Crew duty period limit (hours). Default: no crew limit.'),
  crewRest: uncertainDuration().optional().describe('Crew rest when the duty limit would be exceeded (hours). Default 12 h when crewDuty is set.'),
  missionCapableRate: probability().optional().describe('Daily probability a tasked aircraft is mission capable. Default 1.'),
  tasked: z
    .union([count(), z.array(taskedStep, { error: err('a list of { from, count }') }).min(1, { error: err('a list of at least one { from, count }') })], {
      error: err('a number of aircraft, or a list of { from, count }'),
    })
    .describe('Aircraft tasked to the operation: a number, or a list of { from, count } steps (0 before the first step).'),
  competingLoss: z
    .strictObject({
      ratePerDay: nonNeg().describe('Losses to competing missions per tasked aircraft per day.'),
      duration: uncertainDuration().describe('How long a lost aircraft is away (hours).'),
    })
    .optional()
    .describe('Random loss of tasked aircraft to competing missions, and their return.'),
  home: id().optional().describe('Site or destination id where aircraft start and return between sorties (default: the first staging destination, else the first destination).'),
  shuttle: z
    .strictObject({ from: id().describe('Site id the shuttle loads at.'), to: id().describe('Site id whose backlog it feeds.') })
    .optional()
    .describe('Intra-theatre shuttle: this type moves cargo and people from one site to another instead of flying strategic sorties.'),
  startDelay: uncertainDuration().optional().describe('Per-type override of airliftStart (hours after the start).'),
});

export const cargoSchema = z.strictObject({
  id: id().describe('Lot id.'),
  name: text().optional().describe('What the lot is.'),
  site: id().describe('Site id the lot leaves from.'),
  category: z
    .enum(CARGO_CATEGORIES as unknown as [string, ...string[]], { error: (iss) => (iss.input === undefined ? msg.missing(`a cargo category (${CARGO_CATEGORIES.join(', ')})`) : msg.unknownChoice(iss.input, CARGO_CATEGORIES)) })
    .describe(`Cargo category: ${CARGO_CATEGORIES.join(', ')}.`),
  weight: weight().describe('Weight of ONE item (short tons, or "5 st", "4.5 t", "4000 lb").'),
  pallets: count().describe('463L pallet positions ONE item takes.'),
  count: positiveCount().optional().describe('Number of identical items (default 1).'),
  priority: z.int({ error: err(EXPECT.integer) }).optional().describe('Loading priority: lower is loaded first (default 1).'),
  release: timePoint().optional().describe('When the lot may fly: a date (start of that local day), a date-time or a duration after the start. Default: the start.'),
  leaveBehind: bool().optional().describe('Never flown; reported as left behind (default false).'),
});

const window = z.strictObject({
  from: timePoint().describe('Earliest start: a date (start of that local day), date-time or duration after the start.'),
  to: timePoint().describe('Latest start: a date (END of that local day), date-time or duration after the start.'),
}, { error: err('a window { from, to }') });

const disruptionCommon = {
  id: id().describe('Disruption id.'),
  name: text().optional().describe('What it is.'),
  probability: probability().optional().describe('Probability it happens in a replication (default 1: in every replication).'),
  window: window.describe('Its start is uniform in this window; a date "to" is the END of that day, so the same date at both ends is the whole day (the same date-time at both ends fixes the start).'),
  duration: uncertainDuration().describe('How long it lasts (hours).'),
};
export const disruptionSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({
      kind: z.literal('suspension').describe('All flights at the listed sites stop.'),
      ...disruptionCommon,
      sites: z.array(id(), { error: err('a list of site ids') }).optional().describe('Sites affected (default: all).'),
    }),
    z.strictObject({
      kind: z.literal('mog-loss').describe('A site\'s working MOG drops.'),
      ...disruptionCommon,
      site: id().describe('Site id affected.'),
      mog: count().optional().describe('MOG while it lasts (default 0).'),
    }),
  ],
  { error: (iss) => (iss.input === undefined ? msg.missing('a disruption kind (suspension or mog-loss)') : msg.unknownChoice(iss.input, ['suspension', 'mog-loss'])) },
);

const regime = z.strictObject({
  from: timePoint().describe('From this date (start of the local day), date-time or duration after the start.'),
  leadTime: uncertainDuration().optional().describe('Lead time from request to grant (hours); default: unchanged.'),
  denialProbability: probability().optional().describe('Probability a request is denied or unanswered; default: unchanged.'),
  reRequestDelay: uncertainDuration().optional().describe('Delay before a denied request is made again (hours); default: unchanged.'),
});

export const clearanceSchema = z.strictObject({
  leadTime: uncertainDuration().describe('Lead time from request to grant, per sortie (hours).'),
  denialProbability: probability().optional().describe('Probability a request is denied or unanswered (default 0).'),
  reRequestDelay: uncertainDuration().optional().describe('Delay before a denied request is made again (hours, default 24).'),
  regimes: z.array(regime, { error: err('a list of regimes { from, ... }') }).optional().describe('Changes of the clearance regime on dates; unlisted fields keep their previous value.'),
});

export const milestoneSchema = z.strictObject({
  id: id().describe('Milestone id.'),
  name: text().optional().describe('Name (default: the id).'),
  date: date().describe('Date (end of that local day) or date-time.'),
  personnel: fraction().optional().describe('Fraction of all personnel out by then (default 0).'),
  cargo: fraction().optional().describe('Fraction of flyable short tons out by then (default 0).'),
});

export const sensitivitySchema = z.strictObject({
  path: text().describe('Path of a field, e.g. aircraft.C-17.tasked or sites.AB201.mog.'),
  label: text().optional().describe('Label in the report (default: the path).'),
  low: z.unknown().describe('Low value (same form as the field).'),
  high: z.unknown().describe('High value (same form as the field).'),
});

export const DISPATCH_POLICIES = ['priority', 'largest-backlog', 'proportional'] as const;

export const scenarioSchema = z
  .strictObject({
    $schema: text().optional().describe('JSON Schema of this file (for editors).'),
    extends: text().optional().describe('Scenario file this one builds on (path relative to this file); this file\'s fields are deep-merged over it.'),
    name: text().min(1, { error: err('a non-empty name') }).describe('Scenario name.'),
    description: text().optional().describe('What the scenario assumes and why.'),
    seed: z.int({ error: err(EXPECT.integer) }).min(0, { error: err(EXPECT.count) }).optional().describe('Default random seed (default 1).'),
    replications: positiveCount().optional().describe('Default number of replications (default 10000).'),
    timeZone: text().optional().describe('IANA time zone for dates without an offset and for operating hours (default "UTC"), e.g. "Africa/Lagos".'),
    start: date().describe('Start of the operation: a date (start of that local day) or date-time.'),
    deadline: date().describe('Deadline: a date means cleared when the last departure is before the END of that local day; or a date-time.'),
    horizon: z
      .string({ error: err(EXPECT.horizon) })
      .regex(new RegExp(`${DATE_PATTERN}|${DATE_TIME_PATTERN}|${DURATION_PATTERN}`), { error: err(EXPECT.horizon) })
      .optional()
      .describe('Simulation stops here: a date (end of that local day), date-time, or duration after the start such as "200d". Default: deadline + 90 days.'),
    airliftStart: uncertainDuration().optional().describe('Delay after the start before strategic airlift may begin (hours; sampled per replication). Default 0.'),
    sites: z.array(siteSchema, { error: err('a list of sites') }).min(1, { error: err('a list of at least one site') }).describe('Origin airfields to clear.'),
    destinations: z.array(destinationSchema, { error: err('a list of destinations') }).min(1, { error: err('a list of at least one destination') }).describe('Where sorties go (and staging bases).'),
    legs: z.array(legSchema, { error: err('a list of legs') }).optional().describe('Explicit block times; other legs use great-circle distance / block speed + 0.5 h.'),
    aircraft: z.array(aircraftSchema, { error: err('a list of aircraft types') }).min(1, { error: err('a list of at least one aircraft type') }).describe('Aircraft types of the fleet.'),
    cargo: z.array(cargoSchema, { error: err('a list of cargo lots') }).optional().describe('Cargo lots to move.'),
    clearance: clearanceSchema.optional().describe('Diplomatic clearance per sortie (default: none needed).'),
    departureDelay: uncertainDuration().optional().describe('Delay of every departure from a site (hours). Default: none.'),
    disruptions: z.array(disruptionSchema, { error: err('a list of disruptions') }).optional().describe('Random or scheduled disruptions.'),
    dispatch: z
      .strictObject({
        policy: z
          .enum(DISPATCH_POLICIES, { error: (iss) => (iss.input === undefined ? msg.missing(`a policy (${DISPATCH_POLICIES.join(', ')})`) : msg.unknownChoice(iss.input, DISPATCH_POLICIES)) })
          .optional()
          .describe('Which site the next aircraft serves: priority (site priority order), largest-backlog, proportional (to backlog). Default priority.'),
        minimumLoad: fraction()
          .optional()
          .describe('Minimum worthwhile load of a strategic sortie, a fraction from 0 to 1 of one sortie in any one dimension: weight (cargo that fits, plus 0.15 short tons a passenger) against the type\'s planning payload x the planning value of its load factor, or pallet positions, or seats. An aircraft waits at home (counted as cargo-not-ready) until that much unclaimed work is ready at a site; waived when less than that is left there, so the last loads and the closure team always go. Shuttles are not held. Default 0: fly with whatever is ready.'),
      })
      .optional()
      .describe('Dispatch policy (default priority).'),
    milestones: z.array(milestoneSchema, { error: err('a list of milestones') }).optional().describe('Interim targets whose outcome is recorded.'),
    sensitivity: z.array(sensitivitySchema, { error: err('a list of sensitivity parameters') }).optional().describe('Parameters for `airlift sensitivity`.'),
  }, { error: (iss) => msg.notAnObject(iss.input) })
  .describe('An airlift withdrawal scenario (airlift). Durations in hours unless a unit is given; weights in short tons unless a unit is given.');

/** The scenario file as written (after merging `extends`). */
export type ScenarioFile = z.output<typeof scenarioSchema>;
export type SiteFile = z.output<typeof siteSchema>;
export type AircraftFile = z.output<typeof aircraftSchema>;
export type UncertainFile = z.output<ReturnType<typeof uncertainDuration>>;

/**
 * The JSON Schema of the scenario file (draft 2020-12), as written to scenarios/scenario.schema.json.
 * A file without `extends` is a whole scenario and gets the strict schema (`else`); a variant,
 * which writes only what changes over its base, gets the schema derived from it by the merge
 * rules (`then`, see ./schema-variant.ts). Editors follow `if`/`then`/`else`.
 */
export function scenarioJsonSchema(): Record<string, unknown> {
  const s = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12', unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  const { $schema, $defs, description, ...strict } = s;
  const defs = ($defs ?? {}) as Record<string, Record<string, unknown>>;
  const variant = variantJsonSchema(strict, defs, ['extends']);
  return {
    $schema,
    title: 'airlift scenario',
    description,
    type: 'object',
    if: { properties: { extends: true }, required: ['extends'] }, // `properties` names the key for validators in strict mode
    then: {
      ...variant.root,
      description: 'A variant: it `extends` a base file and writes only what changes. Objects merge key by key (null deletes an optional key), lists of items with an id merge by id (each item needs its id), other lists and values replace the base\'s.',
    },
    else: strict,
    $defs: { ...defs, ...variant.defs },
  };
}
