/**
 * Per-scenario precomputation shared by every replication of the same scenario object
 * (cached in a WeakMap): load order of cargo per site, packing order, shuttle links,
 * leg block-time specs per aircraft type, local calendar months, stream names.
 * Nothing here depends on the seed or the replication.
 */
import { planValueOf } from '../random/index.js';
import type { DistSpec } from '../random/spec.js';
import type { ResolvedScenario } from '../scenario/resolved.js';
import { CARGO_CATEGORIES } from '../scenario/resolved.js';

export interface Prepared {
  readonly nSites: number;
  readonly nTypes: number;
  readonly nDest: number;
  readonly nLots: number;
  /** Lots that can be loaded at site s (its own flyable lots + lots shuttled in), load order. */
  readonly lotOrder: readonly Int32Array[];
  /** Own flyable lots of site s in packing order (= load order of own lots). */
  readonly packOrder: readonly Int32Array[];
  /** Tons packed at the lot's own site before the lot starts being packed. */
  readonly packCumBefore: Float64Array;
  /** Category index of each lot (CARGO_CATEGORIES order). */
  readonly lotCategory: Int32Array;
  /** Sites whose shuttles bring cargo to site s. */
  readonly upstream: readonly Int32Array[];
  /**
   * legSpec[type][from][to]: block time (hours) or null when the leg cannot be flown:
   * `scenario.blockTimes` when given (the loader always gives it), else `scenario.legs`.
   */
  readonly legSpec: readonly (readonly (readonly (DistSpec | null)[])[])[];
  /** Month (0..11) of local day d, d = floor((startLocalHour + t) / 24). */
  readonly monthOfLocalDay: Int8Array;
  /** Daily series length: ceil(horizonHours / 24). */
  readonly days: number;
  readonly flyableTons: Float64Array;
  readonly flyableItems: Float64Array;
  readonly leftBehindTons: Float64Array;
  readonly totalFlyableTons: number;
  readonly totalPersonnel: number;
  /** Route key per (site, node): 'AB101>ETAR' (node = site or destination node). */
  readonly routeKeys: readonly (readonly string[])[];
  /** Aircraft labels per type: 'C-17#1' ... up to the max tasked count. */
  readonly labels: readonly (readonly string[])[];
  // ---- flat per-lot data (hot path: no object lookups)
  readonly lotSite: Int32Array;
  readonly lotTons: Float64Array;
  readonly lotPallets: Float64Array;
  readonly lotCount: Float64Array;
  readonly lotRelease: Float64Array;
  /** fitsLot[k * nLots + lot] = 1 when aircraft type k can carry the lot's category. */
  readonly fitsLot: Uint8Array;
  // ---- per-site constants
  /** Closure team actually held back: min(closureTeam, personnel). */
  readonly closureInit: Float64Array;
  /** Non-closure personnel: personnel - closureInit. */
  readonly paxNC: Float64Array;
  /**
   * canServe[s * nTypes + k]: an aircraft of type k may pick up at site s: a shuttle only at its
   * `from`; a strategic type where the runway allows it and a ground time is given.
   */
  readonly canServe: Uint8Array;
  // ---- plan values (crew-duty checks and claims), computed once per scenario
  /** planValue(loadFactor) per type. */
  readonly lfPlan: Float64Array;
  /** planValue(crewRest) per type (0 when none). */
  readonly restPlan: Float64Array;
  /** Plan block time [(k * N + a) * N + b], N = nSites + nDest; 0 when the leg has no spec. */
  readonly legPlan: Float64Array;
  /** Plan ground time [s * nTypes + k]; 0 when none. */
  readonly groundPlan: Float64Array;
  /** Plan outbound leg from site s for type k [k * nSites + s] (shuttle: to its drop-off; else the largest share). */
  readonly outPlan: Float64Array;
}

const cache = new WeakMap<ResolvedScenario, Prepared>();

export function prepare(scn: ResolvedScenario): Prepared {
  let p = cache.get(scn);
  if (p === undefined) {
    p = build(scn);
    cache.set(scn, p);
  }
  return p;
}

function build(scn: ResolvedScenario): Prepared {
  const nSites = scn.sites.length;
  const nTypes = scn.aircraftTypes.length;
  const nDest = scn.destinations.length;
  const nLots = scn.cargo.length;
  const lotCategory = new Int32Array(nLots);
  scn.cargo.forEach((lot, i) => {
    lotCategory[i] = CARGO_CATEGORIES.indexOf(lot.category);
  });
  const cmp = (a: number, b: number): number => {
    const la = scn.cargo[a]!;
    const lb = scn.cargo[b]!;
    return la.priority - lb.priority || la.releaseHours - lb.releaseHours || a - b;
  };
  const upstreamSets: number[][] = Array.from({ length: nSites }, () => []);
  for (const t of scn.aircraftTypes) {
    if (t.shuttle !== null && !upstreamSets[t.shuttle.to]!.includes(t.shuttle.from)) {
      upstreamSets[t.shuttle.to]!.push(t.shuttle.from);
    }
  }
  // Sites reachable upstream (transitively) feed their lots into s's load order.
  const feeders = (s: number): Set<number> => {
    const seen = new Set<number>([s]);
    const stack = [s];
    while (stack.length > 0) {
      const x = stack.pop()!;
      for (const u of upstreamSets[x]!) if (!seen.has(u)) { seen.add(u); stack.push(u); }
    }
    return seen;
  };
  const packOrder: Int32Array[] = [];
  const lotOrder: Int32Array[] = [];
  const packCumBefore = new Float64Array(nLots);
  const flyableTons = new Float64Array(nSites);
  const flyableItems = new Float64Array(nSites);
  const leftBehindTons = new Float64Array(nSites);
  for (let s = 0; s < nSites; s++) {
    const own: number[] = [];
    scn.cargo.forEach((lot, i) => {
      if (lot.site !== s) return;
      if (lot.leaveBehind) leftBehindTons[s] = leftBehindTons[s]! + lot.shortTons * lot.count;
      else {
        own.push(i);
        flyableTons[s] = flyableTons[s]! + lot.shortTons * lot.count;
        flyableItems[s] = flyableItems[s]! + lot.count;
      }
    });
    own.sort(cmp);
    let cum = 0;
    for (const i of own) {
      packCumBefore[i] = cum;
      cum += scn.cargo[i]!.shortTons * scn.cargo[i]!.count;
    }
    packOrder.push(Int32Array.from(own));
    const f = feeders(s);
    const all: number[] = [];
    scn.cargo.forEach((lot, i) => {
      if (!lot.leaveBehind && f.has(lot.site)) all.push(i);
    });
    all.sort(cmp);
    lotOrder.push(Int32Array.from(all));
  }
  const nNodes = nSites + nDest;
  // Block times: the loader's `blockTimes` (type-specific leg, else the general leg, else
  // great-circle / block speed + 0.5 h) is the one rule. Hand-built scenarios without it
  // (test fixtures) give the general `legs` for every type and nothing is derived.
  const bt = scn.blockTimes;
  const legSpec = scn.aircraftTypes.map((_, k) => {
    const rows: (DistSpec | null)[][] = [];
    for (let a = 0; a < nNodes; a++) {
      const row: (DistSpec | null)[] = [];
      for (let b = 0; b < nNodes; b++) {
        let spec: DistSpec | null = bt === undefined ? scn.legs[a]?.[b] ?? null : bt[k]?.[a]?.[b] ?? null;
        if (a === b) spec = { dist: 'constant', value: 0 };
        row.push(spec);
      }
      rows.push(row);
    }
    return rows;
  });
  const days = Math.max(1, Math.ceil(scn.horizonHours / 24));
  const localDays = Math.ceil((scn.startLocalHourOfDay + scn.horizonHours) / 24) + 2;
  const monthOfLocalDay = new Int8Array(localDays);
  // Local midnight of local day d is sim time 24 d - startLocalHour; its local calendar
  // date is the UTC date of (that instant + utcOffset).
  for (let d = 0; d < localDays; d++) {
    const ms = scn.startEpochMs + (24 * d - scn.startLocalHourOfDay + scn.utcOffsetHours + 12) * 3_600_000;
    monthOfLocalDay[d] = new Date(ms).getUTCMonth();
  }
  const routeKeys = scn.sites.map((site) => {
    const keys: string[] = [];
    for (let n = 0; n < nNodes; n++) {
      const to = n < nSites ? scn.sites[n]!.id : scn.destinations[n - nSites]!.id;
      keys.push(`${site.id}>${to}`);
    }
    return keys;
  });
  const labels = scn.aircraftTypes.map((type) => {
    let max = 0;
    for (const st of type.tasked) max = Math.max(max, st.value);
    return Array.from({ length: max }, (_, i) => `${type.id}#${i + 1}`);
  });
  let totalFlyableTons = 0;
  for (let s = 0; s < nSites; s++) totalFlyableTons += flyableTons[s]!;
  let totalPersonnel = 0;
  for (const site of scn.sites) totalPersonnel += site.personnel;
  const lotSite = Int32Array.from(scn.cargo, (l) => l.site);
  const lotTons = Float64Array.from(scn.cargo, (l) => l.shortTons);
  const lotPallets = Float64Array.from(scn.cargo, (l) => l.pallets);
  const lotCount = Float64Array.from(scn.cargo, (l) => l.count);
  const lotRelease = Float64Array.from(scn.cargo, (l) => l.releaseHours);
  const fitsLot = new Uint8Array(nTypes * nLots);
  for (let k = 0; k < nTypes; k++) {
    for (let i = 0; i < nLots; i++) fitsLot[k * nLots + i] = scn.aircraftTypes[k]!.fits[lotCategory[i]!] === true ? 1 : 0;
  }
  const closureInit = Float64Array.from(scn.sites, (x) => Math.min(x.closureTeam, x.personnel));
  const paxNC = Float64Array.from(scn.sites, (x, i) => x.personnel - closureInit[i]!);
  const canServe = new Uint8Array(nSites * nTypes);
  const groundPlan = new Float64Array(nSites * nTypes);
  for (let s = 0; s < nSites; s++) {
    const site = scn.sites[s]!;
    for (let k = 0; k < nTypes; k++) {
      const g = site.groundTime[k] ?? null;
      const sh = scn.aircraftTypes[k]!.shuttle;
      canServe[s * nTypes + k] = (sh !== null ? s === sh.from : site.allowedTypes[k] === true && g != null) ? 1 : 0;
      groundPlan[s * nTypes + k] = g === null ? 0 : planValueOf(g);
    }
  }
  const lfPlan = Float64Array.from(scn.aircraftTypes, (t) => planValueOf(t.loadFactor));
  const restPlan = Float64Array.from(scn.aircraftTypes, (t) => (t.crewRest === null ? 0 : planValueOf(t.crewRest)));
  const legPlan = new Float64Array(nTypes * nNodes * nNodes);
  for (let k = 0; k < nTypes; k++) {
    for (let a = 0; a < nNodes; a++) {
      for (let b = 0; b < nNodes; b++) {
        const spec = legSpec[k]![a]![b] ?? null;
        legPlan[(k * nNodes + a) * nNodes + b] = spec === null ? 0 : planValueOf(spec);
      }
    }
  }
  const outPlan = new Float64Array(nTypes * nSites);
  for (let k = 0; k < nTypes; k++) {
    const sh = scn.aircraftTypes[k]!.shuttle;
    for (let s = 0; s < nSites; s++) {
      let to = -1;
      if (sh !== null) to = sh.to;
      else {
        let share = -1;
        for (const d of scn.sites[s]!.destinationShares) if (d.share > share) { share = d.share; to = nSites + d.destination; }
      }
      outPlan[k * nSites + s] = to < 0 ? 0 : legPlan[(k * nNodes + s) * nNodes + to]!;
    }
  }
  return {
    fitsLot, lotSite, lotTons, lotPallets, lotCount, lotRelease, closureInit, paxNC, canServe,
    lfPlan, restPlan, legPlan, groundPlan, outPlan,
    nSites, nTypes, nDest, nLots, lotOrder, packOrder, packCumBefore, lotCategory,
    upstream: upstreamSets.map((u) => Int32Array.from(u)),
    legSpec, monthOfLocalDay, days, flyableTons, flyableItems, leftBehindTons,
    totalFlyableTons, totalPersonnel, routeKeys, labels,
  };
}
