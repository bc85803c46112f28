/**
 * The report's look: one colour-blind-safe palette, a fixed colour per site and per cause
 * used in every chart, and the Vega-Lite config shared by all specs.
 *
 * Sites take the Okabe–Ito palette in `siteIds` order. Causes take a fixed colour each
 * (Okabe–Ito first, then Paul Tol's muted scheme); every chart that shows a cause also
 * labels it, so colour is never the only cue. Gantt phases that are a kind of lost time
 * (parking wait, broken, clearance/weather hold, crew rest, unavailable) take their cause's
 * colour; flying and on-the-ground time are dark and light grey.
 */

/** Okabe & Ito (2008), without black. */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'] as const;

/** Colour of "all sites" (the overall curve). */
export const OVERALL_COLOUR = '#222222';
/** Deadline rule: black, dashed. */
export const DEADLINE_COLOUR = '#000000';
export const DEADLINE_DASH = [6, 4] as const;
export const PLAN_COLOUR = '#6b6b6b';
export const PLAN_DASH = [2, 3] as const;
export const MILESTONE_COLOUR = '#8c8c8c';

export const CAUSE_COLOURS: Readonly<Record<string, string>> = {
  clearance: '#CC79A7',
  weather: '#56B4E9',
  incident: '#D55E00',
  disruption: '#882255',
  parking: '#E69F00',
  loading: '#009E73',
  'operating-hours': '#332288',
  break: '#999933',
  'crew-rest': '#44AA99',
  'departure-delay': '#0072B2',
  'cargo-not-ready': '#AA4499',
  availability: '#117733',
};
const FALLBACK = ['#7f7f7f', '#a6a6a6', '#595959', '#c7c7c7'] as const;

export function siteColour(siteIds: readonly string[], siteId: string): string {
  const i = siteIds.indexOf(siteId);
  return OKABE_ITO[(i < 0 ? 0 : i) % OKABE_ITO.length] ?? OKABE_ITO[0];
}

export function causeColour(causeIds: readonly string[], cause: string): string {
  const fixed = CAUSE_COLOURS[cause];
  if (fixed !== undefined) return fixed;
  const i = Math.max(0, causeIds.indexOf(cause));
  return FALLBACK[i % FALLBACK.length] ?? FALLBACK[0];
}

/** A Vega-Lite `scale` giving each site its fixed colour (domain in siteIds order). */
export function siteScale(siteIds: readonly string[], extra?: { readonly label: string; readonly colour: string }): {
  domain: string[];
  range: string[];
} {
  const domain = extra ? [extra.label, ...siteIds] : [...siteIds];
  const range = extra ? [extra.colour, ...siteIds.map((s) => siteColour(siteIds, s))] : siteIds.map((s) => siteColour(siteIds, s));
  return { domain, range };
}

export function causeScale(causeIds: readonly string[]): { domain: string[]; range: string[] } {
  return { domain: [...causeIds], range: causeIds.map((c) => causeColour(causeIds, c)) };
}

/** Gantt phases (model/result.ts Phase) and their colours. */
export const PHASE_COLOURS: Readonly<Record<string, string>> = {
  flying: '#3b3b3b',
  ground: '#bdbdbd',
  'parking-wait': CAUSE_COLOURS['parking'] ?? '#E69F00',
  broken: CAUSE_COLOURS['break'] ?? '#999933',
  'clearance-hold': CAUSE_COLOURS['clearance'] ?? '#CC79A7',
  'weather-hold': CAUSE_COLOURS['weather'] ?? '#56B4E9',
  'crew-rest': CAUSE_COLOURS['crew-rest'] ?? '#44AA99',
  unavailable: CAUSE_COLOURS['availability'] ?? '#117733',
};

export function phaseScale(phases: readonly string[]): { domain: string[]; range: string[] } {
  const known = Object.keys(PHASE_COLOURS);
  const domain = [...known.filter((p) => phases.includes(p)), ...phases.filter((p) => !known.includes(p))];
  let k = 0;
  const range = domain.map((p) => PHASE_COLOURS[p] ?? FALLBACK[k++ % FALLBACK.length] ?? '#7f7f7f');
  return { domain, range };
}

export const FONT = 'Helvetica, Arial, sans-serif';

/** Shared Vega-Lite config: readable in a briefing, white background so SVGs paste onto slides. */
export const VL_CONFIG = {
  background: '#ffffff',
  font: FONT,
  padding: 8,
  title: { fontSize: 16, anchor: 'start', subtitleFontSize: 12, subtitleColor: '#444444', offset: 12 },
  axis: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal', gridColor: '#e6e6e6', tickColor: '#888888', domainColor: '#888888' },
  legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 'normal' },
  header: { labelFontSize: 12, titleFontSize: 12 },
  view: { stroke: '#dddddd' },
  concat: { spacing: 24 },
} as const;

export const SCHEMA_URL = 'https://vega.github.io/schema/vega-lite/v6.json';
