/**
 * One replication of a withdrawal, simulated event by event on the kernel's calendar.
 *
 * DESIGN DECISIONS (read before changing anything)
 *
 * Engine. Aircraft are state machines driven by kernel callback events
 * (`Simulation.schedule(delay, fn, aircraft)`, as scheduleNext) rather than generator processes: a
 * replication of the Niger case must cost ~0.5 ms, and callbacks allocate nothing per
 * event. Parking (MOG), loading teams and airfield closures are small counters and FIFO
 * queues owned by this file (the kernel's Resource/Gate are generator commands). The
 * kernel's maxEvents cap still bounds every run.
 *
 * Streams (common random numbers): one named stream per mechanism and entity, so a change
 * in one mechanism does not shift the draws of another:
 *   start, start:<type>, availability:<type>, competing:<type>, load:<type>, breaks:<type>,
 *   repair:<type>, crew:<type>, ground:<site>, route:<site> (destination choice and every
 *   leg of a sortie serving that site), turnaround:<dest>, clearance, departure,
 *   weather:<site>, incidents:<site>, disruption:<id>, packing:<site>, personnel:<site>,
 *   dispatch (proportional policy only).
 *
 * Strategic sortie cycle (aircraft at its home node, off any MOG-limited ramp):
 *   1. availability: tasked (i < tasked(t)), not lost to a competing mission, mission
 *      capable today (one draw per aircraft per sim day d = floor(t/24), drawn lazily).
 *      A competing-mission loss that strikes during a sortie takes the aircraft when it is
 *      back home. Waiting here is 'availability' (untasked time is not a loss).
 *   2. dispatch: eligible sites = runway allows the type and there is UNCLAIMED READY work
 *      (cargo that fits the type, released and packed, or personnel) there. Aircraft
 *      already dispatched claim work until their onload starts: seats, and WHOLE ITEMS, the
 *      ones a greedy plan load (planning payload x plan load factor, positions, passengers
 *      first) would take from the unclaimed ready items, or the first such item when none
 *      fits. (Claims in tons hid work: two 65 st aircraft claimed 130 st of three 40 st
 *      items, of which each can take only one, and a third aircraft stayed home.) A claim is
 *      that mission's load plan: another aircraft's onload leaves it alone (until session 9
 *      the first to land took everything ready, and the aircraft whose work it took flew
 *      empty sorties, ~1 a replication of niger-2024, some to a site already closed; an
 *      aircraft whose sampled load factor exceeds the plan's now tops up only with unclaimed
 *      work, which costs niger-2024 ~1 more sortie and ~6 hours at the median). Policies: 'priority'
 *      (lowest site priority), 'largest-backlog' (largest remaining tons + people weight),
 *      'proportional' (random, weights = remaining backlog; plan run: largest backlog).
 *      No eligible site: the aircraft waits at home; the wait is 'cargo-not-ready' when
 *      some work it could carry is not yet released/packed, otherwise it is surplus (no loss).
      Minimum load (dispatch.minimumLoad = f, strategic types only, 0 = off): a site is
      eligible only when its unclaimed ready work would fill at least f of the sortie in
      one dimension: weight (cargo tons that fit + PAX_SHORT_TONS per passenger, seats
      capped) against planning payload x PLAN load factor, or pallet positions, or seats. Any one dimension is
      enough: retrograde loads are cube-limited, so a ramp full of vehicles may weigh little,
      and a full passenger load weighs only seats x 0.15 st. Waived when what is left at the
      site for this type (ready or not, unclaimed, closure team excluded) is below f in every
      dimension and no cargo can still come from upstream shuttle sites: the last loads, and
      then the closure team, always go (with what is ready). A held aircraft waits at home
      as 'cargo-not-ready'.
      Waking idle aircraft: every load, deposit, or take-off after which a closure team may go wakes
      them all to dispatch again. Readiness (any item packed, a lot released, a person
      released) is watched by one pending re-check event, which wakes them only when some
      site now offers work (S_WORK) to one of their types; otherwise it waits for the next
      readiness that may change that (idleNextUseful: a site that holds a type below its
      minimum load is looked at again at its next cargo readiness or at the release of the
      person that would lift the load, not at each person released; any change of state
      re-arms it at the next readiness of any kind). Every idle aircraft is watched so,
      whatever it found when it went idle
      (until session 2 one that found all ready cargo claimed by others, or a lot partly
      ready, was not looked at again when the next item of that lot was packed). (Until session 2 every readiness woke every idle aircraft into a dispatch
      cycle: ~730 idle returns per replication against ~125 sorties. The only effect of
      those cycles on results was that a mission-capable draw (one per aircraft and day)
      was made on days when the aircraft was held all day; now it is made when the
      aircraft next looks for work, which changes the random draws, not the model.)
 *   3. clearance (strategic only): each sortie's clearance is requested when the previous
 *      sortie is dispatched (the first when the aircraft starts); the aircraft waits only
 *      for the remainder. A denial re-requests after reRequestDelay with a new lead time;
 *      the regime is the one in force at each request.
 *   4. crew: with a duty limit, a sortie starts only if plan(inbound leg + ground time +
 *      outbound leg) fits in the remaining duty, otherwise crew rest at home first. At a
 *      destination, the return leg must fit, otherwise crew rest there. Time idle at home
 *      at least one planned crew rest resets the duty period.
 *   5. fly to the site; landing needs the airfield open (no weather, incident or
 *      suspension closure, inside operating hours) and a parking spot (FIFO; waiting is
 *      'parking', or 'disruption' while a MOG-loss disruption is active at the site). An
 *      aircraft granted a spot while the airfield is closed keeps it reserved and lands
 *      at the reopening. A MOG cut (step or mog-loss disruption) does not move aircraft
 *      already parked: they finish their ground work, and no spot is granted until fewer
 *      are parked than the new MOG.
 *   6. loading team (optional, FIFO, 'loading'), then the load is planned at the START of
 *      the onload (see loadPlan) and the ground time runs.
 *   7. break check (probability per departure), repair holds the parking spot ('break');
 *      departure delay ('departure-delay'); take-off needs the airfield open.
 *   8. take-off releases the spot; destination chosen by shares (plan run: largest
 *      deficit against the shares); fly; turnaround; fly home (skipped when the
 *      destination is home).
 *   Ground operations (loading, repair) continue while the airfield is closed; only
 *   landings and take-offs are stopped.
 *
 * Shuttle types (intra-theatre, no diplomatic clearance): pick up at `from` as above,
 * fly to `to`, land (open airfield, parking at `to`), offload for `to`'s ground time of
 * the type (0 when null), deposit the load into `to`'s backlog (ready at once), take off
 * and start the next cycle from `to` (crew rest for shuttles is taken off the ramp).
 *
 * Load planning (loadPlan): load factor f sampled per sortie; capacity = planning payload
 * x f short tons, pallet positions, seats. Passengers first (released non-closure staff,
 * then people shuttled in), each weighing PAX_SHORT_TONS; then cargo lots in priority
 * order, as many items of each as fit in weight and positions (an item that does not fit
 * is skipped, smaller later items may still fit); passengers and items claimed by other
 * dispatched aircraft are left for them. Then the closure team, the last to leave
 * (closureAllowed): when the site's cargo and everyone else are loaded, no other load is on
 * the ground and nothing can still arrive from upstream shuttle sites; failing that at the
 * onload, it boards at take-off the aircraft whose departure leaves that so (boardClosure),
 * in the seats and weight its load left free. A site is closed (siteCompletionHours) at the
 * departure that leaves nothing and nobody behind.
 *
 * Readiness: a lot is ready from its release time and once packed; packing (sampled rate,
 * st/day, from t = 0) goes through the site's own lots in load order. Personnel are
 * released at a sampled rate (head/day); without a rate all are released at the start.
 *
 * Closures: weather episodes are drawn per local day (month of that local day), incidents
 * are Poisson arrivals, both lazily as the replication goes, in the order a draw of the
 * whole horizon at the start would make (initClosures); suspensions close the listed
 * sites. Each cause is a counter per site; the airfield is closed while any is > 0. A wait
 * for the airfield is attributed to the cause holding it closed when the wait (re)starts,
 * in the order disruption, weather, incident, operating hours.
 *
 * Binding cause of the last departure: every wait of an aircraft from its return home (or
 * its start) to its take-off from the site adds to that sortie's delay by cause; the
 * binding cause is the cause with the largest delay on the sortie whose take-off cleared
 * the last site (-1 when that sortie waited for nothing, or when not cleared).
 *
 * Plan run (`plan = true`): every distribution at planValueOf; breaks, clearance denials,
 * weather, incidents, competing losses and uncertain disruptions off (one of probability 1
 * strikes at the middle of its window); mission-capable rate applied as
 * an expected fleet: aircraft i is available while i < round(tasked(t) x rate).
 *
 * Stop: when every site is closed, or at the horizon.
 */
import { PRIORITY, Simulation } from '../kernel/index.js';
import { DRAW, Streams } from '../random/index.js';
import type { RandomSource } from '../random/index.js';
import type { DistSpec } from '../random/spec.js';
import type { ResolvedScenario, ResolvedAircraftType } from '../scenario/resolved.js';
import { CAUSES } from './result.js';
import type { Phase, ReplicationResult } from './result.js';
import { constant, makeSampler } from './dists.js';
import type { Sampler } from './dists.js';
import { prepare } from './prepare.js';
import type { Prepared } from './prepare.js';
import { Arena } from './arena.js';
import { addDaily, DAILY_SPAN, EPS, hoursUntilOpen, inWindow, localHour } from './time.js';
import type { Tracer } from './trace.js';

/**
 * The hours the methods documented "in R[0]" compute, and those armRecheck and
 * unavailableUntil take: V8 boxes a double returned from, or passed to, a call it does not
 * inline in a fresh 16-byte HeapNumber, and these run thousands of times per replication.
 * Read R[0] right after the call; set it right before.
 */
const R = new Float64Array(1);

/*
 * Draws are written `(sampler(), DRAW[0]!)` at each call site, not `drawn(sampler)`: V8 inlines
 * `drawn` but keeps the feedback of its one `d()` call, which every sampler passes through, so
 * that call was megamorphic (a generic Call builtin, the sampler never inlined). Written out,
 * each site calls one or two kinds of sampler: about 1 % fewer instructions per replication of
 * niger-2024 (valgrind), the same draws in the same order.
 */

/** Weight of one passenger with baggage, short tons (300 lb). */
export const PAX_SHORT_TONS = 0.15;

const C_CLEARANCE = 0, C_WEATHER = 1, C_INCIDENT = 2, C_DISRUPTION = 3, C_PARKING = 4, C_LOADING = 5,
  C_OPHOURS = 6, C_BREAK = 7, C_CREW = 8, C_DEPDELAY = 9, C_CARGO = 10, C_AVAIL = 11;
const NCAUSES = CAUSES.length;
/** Closure counters per site: weather, incident, disruption. */
const K_WEATHER = 0, K_INCIDENT = 1, K_DISRUPTION = 2;
/** What to do when an airfield wait ends. */
const R_LAND = 0, R_TAKEOFF = 1, R_LAND_RESERVED = 2;
/** What a site offers an aircraft type (scanSite). */
const S_NOWORK = 0, S_NOTREADY = 1, S_HELD = 2, S_WORK = 3;
/** Phases (index into PHASE_NAMES); -1 = none (idle at home). */
const P_FLYING = 0, P_GROUND = 1, P_PARKWAIT = 2, P_BROKEN = 3, P_CLEARANCE = 4, P_WEATHER = 5, P_CREW = 6, P_UNAVAIL = 7;
const PHASE_NAMES: readonly Phase[] = ['flying', 'ground', 'parking-wait', 'broken', 'clearance-hold', 'weather-hold', 'crew-rest', 'unavailable'];
const CAUSE_PHASE = [P_CLEARANCE, P_WEATHER, P_WEATHER, P_WEATHER, P_PARKWAIT, P_GROUND, P_WEATHER, P_BROKEN, P_CREW, P_GROUND, -1, P_UNAVAIL];

class Aircraft {
  /** Delay by cause of the current sortie (a view into the replication's arena). */
  readonly delays: Float64Array;
  /** Lots and counts of the current load (reused arrays). */
  readonly loadLots: number[] = [];
  readonly loadCounts: number[] = [];
  // The state below is set by reset() (from the constructor too), declared without an
  // initialiser here: a class field would start as undefined, and a field that held
  // undefined boxes every double later stored in it.
  declare nLoad: number;
  declare node: number;
  declare site: number;
  /** 0 = pick-up leg, 1 = shuttle drop-off at `to`. */
  declare stage: number;
  declare dest: number;
  declare waitCause: number;
  declare waitStart: number;
  declare resume: number;
  /** Items claimed at `site` by this dispatched aircraft until its onload starts (reused arrays). */
  readonly claimLots: number[] = [];
  readonly claimCounts: number[] = [];
  declare nClaim: number;
  declare claimPax: number;
  declare loadTons: number;
  declare loadPax: number;
  declare clearanceAt: number;
  declare dutyStart: number;
  declare lastLanding: number;
  declare rested: boolean;
  declare busy: boolean;
  declare available: boolean;
  declare started: boolean;
  declare mcDay: number;
  declare mcOk: boolean;
  declare nextLossAt: number;
  declare lostUntil: number;
  declare phase: number;
  declare phaseStart: number;
  declare phaseSite: string;
  /** Site served by the current strategic sortie (route stream of the return legs). */
  declare lastSite: number;
  /** Closure-team members aboard the current load. */
  declare loadClosure: number;
  /** Seats and short tons the current load left free (the closure team may board at take-off). */
  declare seatsFree: number;
  declare tonsFree: number;
  constructor(
    readonly index: number,
    readonly type: number,
    readonly ordinal: number,
    readonly label: string,
    readonly spec: ResolvedAircraftType,
    home: number,
    delays: Float64Array,
  ) {
    this.delays = delays;
    this.reset(home);
  }

  /**
   * The state of an aircraft at the start of a replication (every field but the reused
   * arrays, whose contents past nLoad / nClaim are never read): restart() reuses the
   * aircraft rather than making new ones each replication.
   */
  reset(home: number): void {
    this.nLoad = 0;
    this.node = home;
    this.site = -1;
    this.stage = 0;
    this.dest = -1;
    this.waitCause = -1;
    this.waitStart = 0;
    this.resume = 0;
    this.nClaim = 0;
    this.claimPax = 0;
    this.loadTons = 0;
    this.loadPax = 0;
    this.clearanceAt = 0;
    this.dutyStart = -1;
    this.lastLanding = -Infinity;
    this.rested = false;
    this.busy = false;
    this.available = false;
    this.started = false;
    this.mcDay = -1;
    this.mcOk = true;
    this.nextLossAt = Infinity;
    this.lostUntil = -Infinity;
    this.phase = -1;
    this.phaseStart = 0;
    this.phaseSite = '';
    this.lastSite = -1;
    this.loadClosure = 0;
    this.seatsFree = 0;
    this.tonsFree = 0;
  }
}

/** Per-site, per-category accounting exposed for invariant tests. */
export interface ReplicationInternals {
  /** [site * 4 + category] short tons. */
  readonly initialTons: Float64Array;
  readonly movedTons: Float64Array;
  readonly remainingTons: Float64Array;
  readonly leftBehindTons: Float64Array;
  readonly transferredInTons: Float64Array;
  readonly transferredOutTons: Float64Array;
  /** Loaded onto an aircraft that had not yet taken off when the run ended, [site * 4 + category]. */
  readonly onGroundLoadedTons: Float64Array;
  readonly inFlightShuttleTons: Float64Array;
  readonly endTime: number;
}

/**
 * The minimum load's weight and seat tests (worthFlying) with n more unclaimed passengers:
 * n = 0 now, n > 0 when solving for the release that lifts a held load (heldUntil). One
 * function for both, so the time heldUntil finds is exactly where worthFlying's answer
 * changes. Top level and small, so V8 inlines it (heldUntil's closure per call allocated
 * ~30 KB per replication of niger-2024).
 */
function lifts(n: number, uPax: number, seats: number, tons: number, minTons: number, f: number): boolean {
  const pax = Math.min(Math.max(0, uPax + n), seats);
  return tons + PAX_SHORT_TONS * pax >= minTons - 1e-9 || (seats > 0 && pax >= f * seats - 1e-9);
}

/** A typed array's values as a plain array (Array.from goes through the iterator: slower). */
function plainArray(a: Float64Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < a.length; i++) out.push(a[i]!);
  return out;
}

function clearDelays(ac: Aircraft): void {
  const d = ac.delays;
  for (let c = 0; c < d.length; c++) d[c] = 0;
}


function regimesDeny(scn: ResolvedScenario): boolean {
  return scn.clearance !== null && scn.clearance.regimes.some((r) => r.denialProbability > 0);
}

export class Replication {
  readonly sim: Simulation;
  private readonly p: Prepared;
  private readonly nS: number;
  private aircraft: Aircraft[] = [];
  private finished = false;
  private completion: number | null = null;
  private binding = -1;

  // cargo and people
  private readonly backlog: Float64Array; // [site * nLots + lot] items not yet loaded
  private readonly backlogItems: Float64Array;
  private readonly backlogTons: Float64Array;
  private readonly loadedOwnNC: Float64Array; // own non-closure personnel loaded
  private readonly closureLeft: Float64Array;
  private readonly paxIn: Float64Array; // personnel shuttled in, not yet loaded
  private readonly groundTons: Float64Array; // not yet departed (reporting)
  private readonly groundPax: Float64Array;
  private readonly loadedOnGround: Float64Array; // aircraft loaded, not departed, per site
  private readonly inflightTo: Float64Array; // shuttle loads heading to site
  private readonly claimLot: Float64Array; // [site * nLots + lot] items claimed by dispatched aircraft
  private readonly claimPax: Float64Array;
  private readonly packRate: Float64Array; // st/hour, Infinity = no packing limit
  private readonly paxRate: Float64Array; // head/hour
  private readonly siteDone: Uint8Array;
  private readonly siteCompletion: (number | null)[];
  private sitesDone = 0;

  // airfields
  private readonly closeCount: Int32Array; // [site * 3 + k]
  /**
   * Live lots of each site: live[s * nLots + j], j < nLive[s], the lots of lotOrder[s] with
   * backlog > 0 at s, in that order. The scans (unclaimedTons, claim, loadPlan, nextReady) go
   * through these only: a lot with nothing left adds nothing to any of them, and most lots
   * are empty most of the time (niger-2024: 7.3 of the 8.1 lots a scan looked at). Rebuilt
   * from lotOrder when the site's backlog changes (liveRebuild).
   */
  private readonly live: Int32Array;
  private readonly nLive: Int32Array;
  /** Lazy closures (initClosures): next local day to draw, the trigger's start, next incident arrival. */
  private readonly wxDay: Int32Array;
  private readonly wxTrigger: Float64Array;
  private readonly incNext: Float64Array;
  private readonly airWaiters: Aircraft[][];
  private readonly parkInUse: Int32Array;
  private readonly parkCap: Int32Array;
  private readonly mogStep: Int32Array;
  private readonly mogLoss: number[][];
  private readonly parkQueue: Aircraft[][];
  private readonly teamsInUse: Int32Array;
  private readonly teamQueue: Aircraft[][];
  private readonly parkLastT: Float64Array;
  private readonly parkInt: Float64Array;
  private readonly capInt: Float64Array;
  private readonly parkIntAtClose: Float64Array;
  private readonly capIntAtClose: Float64Array;

  // idle aircraft waiting for work
  /** Idle aircraft waiting for a wake-up: idle[0..nIdle). Two lists swapped by wakeIdle, never truncated (no reallocation). */
  private idle: Aircraft[] = [];
  private nIdle = 0;
  private idleSpare: Aircraft[] = [];
  /** Scratch: the distinct types of the idle aircraft (collectIdleTypes). */
  private readonly idleTypes: Int32Array;
  /**
   * The one pending re-check of idle aircraft (time and kernel event id). An earlier need
   * moves it (reschedule) rather than adding another: each stale re-check used to wake every
   * idle aircraft, which then scheduled more re-checks (a held aircraft and a not-ready one
   * want different times), doubling the pending re-checks until the event limit.
   */
  private recheckAt = Infinity;
  /**
   * The pending re-check (or its absence) came from idleNextUseful, computed from the state
   * at that time: a change of state must re-arm it at the next readiness (touchIdle).
   */
  private recheckLate = false;
  private recheckId = -1;
  /**
   * State version: bumped by every change of what scanSite and nextReady read (backlog,
   * claims, passengers, loads on the ground, shuttles in flight, closed sites). Their
   * caches hold for one (time, version). Starts at 1 so zeroed caches never match.
   */
  private ver = 1;
  private readonly scanT: Float64Array; // [s * nTypes + k]
  private readonly scanV: Float64Array;
  private readonly scanSt: Int32Array;
  private readonly scanPax: Float64Array;
  private readonly scanTons: Float64Array; // unclaimed ready cargo tons that fit (heldUntil)
  private readonly scanUntil: Float64Array;
  /**
   * readyHorizon's cache per site: the version of the site's own backlog (the only state
   * nextReady reads: a claim, a take-off or a deposit of another site's lots leaves it as it
   * is), the time computed, and the answer. Bumped where own-lot backlog changes (loadPlan,
   * a deposit of the site's own lots); starts at 1 so zeroed caches never match.
   */
  private readonly backlogVer: Float64Array;
  private readonly horizonV: Float64Array;
  private readonly horizonFrom: Float64Array;
  private readonly horizonAt: Float64Array;
  /** The cargo part of horizonAt (lots released or items packed; people aside), for heldUntil. */
  private readonly horizonCargoAt: Float64Array;

  // samplers
  private readonly u: { clearance: Sampler; dispatch: Sampler };
  private readonly typeU: Sampler[]; // breaks
  private readonly availU: Sampler[];
  private readonly lossU: Sampler[];
  private readonly lossDur: (Sampler | null)[];
  private readonly loadFactor: Sampler[];
  private readonly repair: Sampler[];
  /** A type without a crew-rest distribution rests 0 h (one constant sampler, not one made per rest). */
  private readonly crewRest: Sampler[];
  private readonly ground: (Sampler | null)[]; // [site * nT + type]
  private readonly legS: (Sampler | null)[]; // lazily [((site * nT + type) * N + from) * N + to]
  private readonly routeSrc: (RandomSource | null)[]; // created on first use
  private readonly srcOf: (name: string) => RandomSource | null;
  private readonly turnaround: Sampler[];
  private readonly depDelay: Sampler | null;
  private readonly clearLead: Sampler[];
  private readonly clearReReq: Sampler[];
  // samplers of the draws made when a replication begins
  private readonly packS: (Sampler | null)[]; // packing rate per site, st/day
  private readonly paxS: (Sampler | null)[]; // personnel release per site, head/day
  private readonly wxU: (Sampler | null)[]; // weather per site (null: none)
  private readonly wxDur: (Sampler | null)[][]; // [site][month]
  private readonly incU: (Sampler | null)[]; // incidents per site (null: none)
  private readonly incDur: (Sampler | null)[];
  private readonly disU: Sampler[]; // per disruption
  private readonly disDur: Sampler[];
  private readonly fleetStartS: Sampler;
  private readonly typeStartS: (Sampler | null)[];
  /** Delay-by-cause views of the aircraft, in creation order (state arena). */
  private readonly acDelays: Float64Array[] = [];
  /** The streams of the current replication (null in the plan run); moved on by restart(). */
  private readonly streams: Streams | null;
  private readonly destCount: Float64Array; // plan-run deficit choice [site * nDest + d]
  /** Minimum worthwhile load per type, short tons (0 = none; shuttles never have one). */
  private readonly minLoadTons: Float64Array;
  private readonly minLoad: number;

  // accounting
  readonly lostHours: Float64Array;
  private readonly arena: Arena;
  /**
   * Daily series into `dailyArena`, reused by every replication (restart's `transientDaily`,
   * see simulateTransient in ./index.ts), instead of a fresh buffer per replication.
   */
  private transientDaily = false;
  private dailyArena: Arena | null = null;
  private readonly sortiesByType: Float64Array;
  private readonly sortiesByRoute: Float64Array; // [site * N + node]
  private readonly movedTons: Float64Array;
  private readonly movedPax: Float64Array;
  private movedTonsTotal = 0;
  private movedPaxTotal = 0;
  // the daily series escape into the result: fresh arrays every replication (begin)
  private dailyRemTons!: Float64Array;
  private dailyRemPax!: Float64Array;
  private dailyBusy!: Float64Array;
  private dailyAvail!: Float64Array;
  private dailyPark!: Float64Array;
  private nextDay = 0;
  private busyN = 0;
  private availN = 0;
  private fleetLastT = 0;
  private busyHours = 0;
  private availHours = 0;
  private readonly milestones: boolean[];
  private readonly milestoneDone: boolean[];
  private deadlineTons: Float64Array | null = null;
  private deadlinePax: Float64Array | null = null;
  // internals for tests
  private readonly catMoved: Float64Array;
  private readonly catIn: Float64Array;
  private readonly catOut: Float64Array;

  // bound callbacks (created once per replication)
  private readonly fCycle = (ac: Aircraft): void => { this.endWait(ac); this.cycleStart(ac); };
  private readonly fArriveSite = (ac: Aircraft): void => this.tryLand(ac);
  private readonly fAirWake = (ac: Aircraft): void => { this.endWait(ac); this.airResume(ac); };
  private readonly fLoadDone = (ac: Aircraft): void => this.loadDone(ac);
  private readonly fOffloadDone = (ac: Aircraft): void => this.offloadDone(ac);
  private readonly fRepaired = (ac: Aircraft): void => { this.endWait(ac); this.afterRepair(ac); };
  private readonly fDelayed = (ac: Aircraft): void => { this.endWait(ac); this.tryTakeoff(ac); };
  private readonly fArriveDest = (ac: Aircraft): void => this.arriveDest(ac);
  private readonly fTurnDone = (ac: Aircraft): void => this.turnDone(ac);
  private readonly fRestedAtDest = (ac: Aircraft): void => { this.endWait(ac); this.flyHome(ac); };
  private readonly fBackHome = (ac: Aircraft): void => this.backHome(ac);
  private readonly fRecheck = (): void => {
    this.recheckAt = Infinity;
    this.recheckId = -1;
    // Something became ready. Wake the idle aircraft only if some site now offers work to one
    // of them (scanSite is cached per site and type, so this costs a few scans, not a dispatch
    // cycle per aircraft); otherwise look again at the next readiness.
    if (this.idleHasWork()) this.wakeIdle();
    else this.armIdleRecheck();
  };
  private readonly fClose = (code: number): void => this.closeStart(code);
  private readonly fOpen = (code: number): void => this.closeEnd(code);

  constructor(
    private readonly scn: ResolvedScenario,
    seed: number,
    private replication: number,
    private readonly plan: boolean,
    private readonly tr: Tracer | null,
  ) {
    const p = (this.p = prepare(scn));
    const nS = (this.nS = p.nSites);
    const nT = p.nTypes;
    const N = nS + p.nDest;
    // one kernel for the Replication's life, reset by begin() (restart reuses it)
    this.sim = new Simulation({ maxEvents: 20_000_000, initialCapacity: 128 });
    const streams = (this.streams = plan ? null : new Streams(seed, replication));
    // Streams are created only for mechanisms that draw: a constant spec or a switched-off
    // mechanism creates none (creating a stream costs more than a replication's draws).
    const src = (this.srcOf = (name: string): RandomSource | null => (streams === null ? null : streams.get(name)));
    const uni = (name: string): Sampler => {
      const s = src(name);
      return s === null ? constant(0.5) : () => {
        DRAW[0] = s.next();
      };
    };
    const mk = (spec: DistSpec, name: string): Sampler =>
      spec.dist === 'constant' ? constant(spec.value) : makeSampler(spec, src(name));

    const ar = new Arena(0); // built once per Replication (restart reuses it): no sizing hint needed
    this.arena = ar;
    this.lostHours = ar.f64(NCAUSES);
    this.backlog = ar.f64(nS * p.nLots);
    this.backlogItems = ar.f64(nS);
    this.backlogTons = ar.f64(nS);
    this.loadedOwnNC = ar.f64(nS);
    this.closureLeft = ar.f64(nS);
    this.paxIn = ar.f64(nS);
    this.groundTons = ar.f64(nS);
    this.groundPax = ar.f64(nS);
    this.loadedOnGround = ar.f64(nS);
    this.inflightTo = ar.f64(nS);
    this.claimLot = ar.f64(nS * p.nLots);
    this.scanT = ar.f64(nS * nT);
    this.scanV = ar.f64(nS * nT);
    this.scanSt = ar.i32(nS * nT);
    this.scanPax = ar.f64(nS * nT);
    this.scanTons = ar.f64(nS * nT);
    this.scanUntil = ar.f64(nS * nT);
    this.horizonV = ar.f64(nS);
    this.backlogVer = ar.f64(nS);
    this.horizonFrom = ar.f64(nS);
    this.horizonAt = ar.f64(nS);
    this.horizonCargoAt = ar.f64(nS);
    this.claimPax = ar.f64(nS);
    this.packRate = ar.f64(nS);
    this.paxRate = ar.f64(nS);
    this.siteDone = ar.u8(nS);
    this.siteCompletion = new Array<number | null>(nS).fill(null);
    this.closeCount = ar.i32(nS * 3);
    this.live = ar.i32(nS * p.nLots);
    this.nLive = ar.i32(nS);
    this.wxDay = ar.i32(nS);
    this.wxTrigger = ar.f64(nS);
    this.incNext = ar.f64(nS);
    this.airWaiters = Array.from({ length: nS }, () => []);
    this.parkInUse = ar.i32(nS);
    this.parkCap = ar.i32(nS);
    this.mogStep = ar.i32(nS);
    this.mogLoss = Array.from({ length: nS }, () => []);
    this.parkQueue = Array.from({ length: nS }, () => []);
    this.teamsInUse = ar.i32(nS);
    this.teamQueue = Array.from({ length: nS }, () => []);
    this.parkLastT = ar.f64(nS);
    this.parkInt = ar.f64(nS);
    this.capInt = ar.f64(nS);
    this.parkIntAtClose = ar.f64(nS);
    this.capIntAtClose = ar.f64(nS);
    this.sortiesByType = ar.f64(nT);
    this.sortiesByRoute = ar.f64(nS * N);
    this.movedTons = ar.f64(nS);
    this.movedPax = ar.f64(nS);
    this.milestones = scn.milestones.map(() => false);
    this.milestoneDone = scn.milestones.map(() => false);
    this.catMoved = ar.f64(nS * 4);
    this.catIn = ar.f64(nS * 4);
    this.catOut = ar.f64(nS * 4);
    this.destCount = ar.f64(nS * p.nDest);
    this.minLoadTons = new Float64Array(nT); // not in the arena: clear() would zero it
    this.idleTypes = new Int32Array(nT);
    const minLoad = (this.minLoad = scn.dispatch.minimumLoad ?? 0);
    for (let k = 0; k < nT; k++) {
      const t = scn.aircraftTypes[k]!;
      this.minLoadTons[k] = t.shuttle === null ? minLoad * t.planningPayload * p.lfPlan[k]! : 0;
    }

    this.packS = scn.sites.map((site) => (site.packingRate === null ? null : mk(site.packingRate, `packing:${site.id}`)));
    this.paxS = scn.sites.map((site) => (site.personnelReleaseRate === null ? null : mk(site.personnelReleaseRate, `personnel:${site.id}`)));

    // samplers
    const never = constant(1);
    this.u = {
      clearance: regimesDeny(scn) ? uni('clearance') : never,
      dispatch: scn.dispatch.policy === 'proportional' ? uni('dispatch') : never,
    };
    this.depDelay = scn.departureDelay === null ? null : mk(scn.departureDelay, 'departure');
    const regimes = scn.clearance?.regimes ?? [];
    this.clearLead = regimes.map((r) => mk(r.leadTime, 'clearance'));
    this.clearReReq = regimes.map((r) => mk(r.reRequestDelay, 'clearance'));
    this.typeU = scn.aircraftTypes.map((t) => (t.breakProbability > 0 ? uni(`breaks:${t.id}`) : never));
    this.availU = scn.aircraftTypes.map((t) => (t.missionCapableRate < 1 ? uni(`availability:${t.id}`) : never));
    this.lossU = scn.aircraftTypes.map((t) => (t.competingLoss !== null ? uni(`competing:${t.id}`) : never));
    this.lossDur = scn.aircraftTypes.map((t) => (t.competingLoss === null ? null : mk(t.competingLoss.duration, `competing:${t.id}`)));
    this.loadFactor = scn.aircraftTypes.map((t) => mk(t.loadFactor, `load:${t.id}`));
    this.repair = scn.aircraftTypes.map((t) => (t.breakProbability > 0 ? mk(t.repairTime, `repair:${t.id}`) : never));
    const noRest = constant(0);
    this.crewRest = scn.aircraftTypes.map((t) => (t.crewRest === null ? noRest : mk(t.crewRest, `crew:${t.id}`)));
    this.ground = [];
    for (let s = 0; s < nS; s++) {
      const site = scn.sites[s]!;
      for (let k = 0; k < nT; k++) {
        const g = site.groundTime[k] ?? null;
        this.ground.push(g === null ? null : mk(g, `ground:${site.id}`));
      }
    }
    this.legS = new Array<Sampler | null>(nS * nT * N * N).fill(null);
    this.routeSrc = new Array<RandomSource | null>(nS).fill(null);
    this.turnaround = scn.destinations.map((d) => mk(d.turnaround, `turnaround:${d.id}`));

    // closures (none in the plan run) and fleet start
    const on = !plan;
    this.wxU = scn.sites.map((site) => (on && site.weather !== null ? uni(`weather:${site.id}`) : null));
    this.wxDur = scn.sites.map((site) =>
      on && site.weather !== null ? site.weather.byMonth.map((m) => (m === null ? null : mk(m.duration, `weather:${site.id}`))) : [],
    );
    this.incU = scn.sites.map((site) => (on && site.incidents !== null && site.incidents.ratePerDay > 0 ? uni(`incidents:${site.id}`) : null));
    this.incDur = scn.sites.map((site) => (on && site.incidents !== null && site.incidents.ratePerDay > 0 ? mk(site.incidents.duration, `incidents:${site.id}`) : null));
    this.disU = on ? scn.disruptions.map((dis) => uni(`disruption:${dis.id}`)) : [];
    this.disDur = scn.disruptions.map((dis) => mk(dis.duration, `disruption:${dis.id}`)); // plan run: its plan value
    this.fleetStartS = mk(scn.fleetStart.delay, 'start');
    this.typeStartS = scn.aircraftTypes.map((type) => (type.startDelay === null ? null : mk(type.startDelay, `start:${type.id}`)));
    for (const labels of p.labels) for (let i = 0; i < labels.length; i++) this.acDelays.push(ar.f64(NCAUSES));
    this.begin();
  }

  /**
   * The next replication, reusing this one's structure (arrays, samplers, kernel): the
   * streams move to (seed, replication), the state arena is zeroed, and begin() sets the
   * rest as the constructor would. The result is exactly that of a new Replication
   * (tested); only `simulate` uses it, so a worker builds its samplers once, not per
   * replication (the constructor was ~12 % of a replication's CPU, and V8 compiled it in
   * ~130 ms per worker).
   */
  restart(seed: number, replication: number, transientDaily = false): void {
    if (this.streams === null) throw new Error('restart() is for sampled replications, not the plan run');
    this.streams.reseed(seed, replication);
    this.arena.clear();
    this.replication = replication;
    this.transientDaily = transientDaily;
    this.begin();
  }

  // ------------------------------------------------------------------ setup

  /**
   * Everything a replication starts from: scalar state, queues, the arrays that are not
   * zero at the start, the draws made at the start (packing and release rates, closures,
   * fleet start) in a fixed order, and the first events. The state arena is zero here.
   */
  private begin(): void {
    const scn = this.scn;
    const p = this.p;
    const nS = this.nS;
    this.sim.reset();
    this.finished = false;
    this.completion = null;
    this.binding = -1;
    this.sitesDone = 0;
    this.nIdle = 0;
    this.recheckAt = Infinity;
    this.recheckId = -1;
    this.recheckLate = false;
    this.ver = 1;
    this.backlogVer.fill(1);
    this.movedTonsTotal = 0;
    this.movedPaxTotal = 0;
    this.nextDay = 0;
    this.busyN = 0;
    this.availN = 0;
    this.fleetLastT = 0;
    this.busyHours = 0;
    this.availHours = 0;
    this.deadlineTons = null;
    this.deadlinePax = null;
    this.uTons = 0;
    this.uPax = 0;
    this.nextReadyT = Infinity;
    this.nextCargoT = Infinity;
    this.uPalLast = 0;
    this.fitLeftTons = 0;
    this.fitLeftPal = 0;
    this.waking = false;
    this.wakeAgain = false;
    this.siteCompletion.fill(null);
    this.milestones.fill(false);
    this.milestoneDone.fill(false);
    for (let s = 0; s < nS; s++) {
      this.airWaiters[s]!.length = 0;
      this.mogLoss[s]!.length = 0;
      this.parkQueue[s]!.length = 0;
      this.teamQueue[s]!.length = 0;
    }
    // the daily series go into the result: one fresh buffer for all five, or (transientDaily)
    // the same buffer again, zeroed: 14.5 KB of fresh memory per replication of niger-2024 was
    // ~a quarter of the cache lines a replication wrote beyond the core's own caches
    const days = p.days;
    const bytes = (3 * days * nS + 2 * days) * 8;
    let out: Arena;
    if (this.transientDaily) {
      out = this.dailyArena ??= new Arena(bytes);
      out.reset();
    } else out = new Arena(bytes);
    this.dailyRemTons = out.f64(days * nS);
    this.dailyRemPax = out.f64(days * nS);
    this.dailyBusy = out.f64(days);
    this.dailyAvail = out.f64(days);
    this.dailyPark = out.f64(days * nS);

    // cargo and people
    for (let s = 0; s < nS; s++) {
      const site = scn.sites[s]!;
      for (const lot of p.packOrder[s]!) this.backlog[s * p.nLots + lot] = scn.cargo[lot]!.count;
      this.liveRebuild(s);
      this.backlogItems[s] = p.flyableItems[s]!;
      this.backlogTons[s] = p.flyableTons[s]!;
      this.groundTons[s] = p.flyableTons[s]!;
      this.groundPax[s] = site.personnel;
      this.closureLeft[s] = Math.min(site.closureTeam, site.personnel);
      const pack = this.packS[s]!;
      this.packRate[s] = pack === null ? Infinity : Math.max(0, (pack(), DRAW[0]!)) / 24;
      const rel = this.paxS[s]!;
      this.paxRate[s] = rel === null ? Infinity : Math.max(0, (rel(), DRAW[0]!)) / 24;
      const mog0 = site.mog[0]?.value ?? 0;
      this.mogStep[s] = mog0;
      this.parkCap[s] = mog0;
      for (const step of site.mog) if (step.atHours > 0 && step.atHours < scn.horizonHours) this.sim.scheduleAt(step.atHours, this.fMogStep, s * 1_000_000 + step.value, PRIORITY.high);
    }
    this.initClosures();
    this.initFleet();
    // milestones and deadline
    scn.milestones.forEach((m, i) => {
      if (m.atHours <= scn.horizonHours) this.sim.scheduleAt(Math.max(0, m.atHours), this.fMilestone, i, PRIORITY.low);
    });
    if (scn.deadlineHours <= scn.horizonHours) this.sim.scheduleAt(Math.max(0, scn.deadlineHours), this.fDeadline, 0, PRIORITY.low);
    for (let s = 0; s < nS; s++) this.tryComplete(s, null);
  }

  /**
   * Closures. Weather episodes (one draw per local day and site, in day order) and incidents
   * (Poisson arrivals) are drawn LAZILY, each site on its own stream, in the same order as if
   * the whole horizon were drawn at the start: the draws, and so the closures, are the same;
   * only those after the end of the replication are never made. (Until session 5 the whole
   * horizon, 226 days of niger-2024, was drawn and scheduled at the start: ~60 events pending
   * in the calendar for ~15 useful ones, and ~5 of every 6 draws thrown away.)
   * Weather: drawing stops at the first day whose earliest possible episode start (local
   * midnight of that day, `24 d - startLocalHourOfDay`) is not before the earliest episode
   * scheduled by that call, the trigger; the trigger's start draws on. So every episode
   * starting before the trigger is on the calendar when the trigger starts, whatever the
   * windows of later months. Incidents: each arrival's start draws the next one.
   * Disruptions (a few draws each) are drawn at the start.
   */
  private initClosures(): void {
    const scn = this.scn;
    const H = scn.horizonHours;
    if (this.plan) {
      // The plan keeps what is certain: a disruption of probability 1, from the middle of its
      // window for its planned duration (until session 9 the plan left it out, so a certain,
      // fixed-time suspension put the plan at P0 of identical constant replications).
      for (let i = 0; i < scn.disruptions.length; i++) {
        const dis = scn.disruptions[i]!;
        if (dis.probability >= 1) this.startDisruption(i, (dis.windowStartHours + dis.windowEndHours) / 2, H);
      }
      return;
    }
    for (let s = 0; s < this.nS; s++) {
      this.wxDay[s] = 0;
      this.wxTrigger[s] = Infinity;
      if (scn.sites[s]!.weather !== null && this.wxU[s] !== null) this.drawWeather(s);
      const iu = this.incU[s]!;
      this.incNext[s] = Infinity;
      if (scn.sites[s]!.incidents !== null && iu !== null) {
        this.incNext[s] = -Math.log(1 - (iu(), DRAW[0]!)) / (scn.sites[s]!.incidents!.ratePerDay / 24);
        this.drawIncident(s);
      }
    }
    for (let i = 0; i < scn.disruptions.length; i++) {
      const dis = scn.disruptions[i]!;
      const u = this.disU[i]!;
      if ((u(), DRAW[0]!) >= dis.probability) continue;
      this.startDisruption(i, dis.windowStartHours + (u(), DRAW[0]!) * (dis.windowEndHours - dis.windowStartHours), H);
    }
  }

  /** Disruption i strikes at t0 for its (sampled) duration. */
  private startDisruption(i: number, t0: number, H: number): void {
    const scn = this.scn;
    const dis = scn.disruptions[i]!;
    const t1 = t0 + Math.max(0, (this.disDur[i]!(), DRAW[0]!));
    if (t0 >= H || t1 <= t0) return;
    if (dis.kind === 'suspension') {
      const sites = dis.sites.length > 0 ? dis.sites : scn.sites.map((_, j) => j);
      for (const s of sites) this.addClosure(s, K_DISRUPTION, t0, t1, H);
    } else {
      const code = dis.site * 1_000_000 + dis.mog;
      this.sim.scheduleAt(Math.max(0, t0), this.fMogLossStart, code, PRIORITY.high);
      if (t1 < H) this.sim.scheduleAt(t1, this.fMogLossEnd, code, PRIORITY.high);
    }
  }

  /** Draw site s's weather days from wxDay on, up to and including a new trigger (see initClosures). */
  private drawWeather(s: number): void {
    const scn = this.scn;
    const H = scn.horizonHours;
    const weather = scn.sites[s]!.weather!;
    const u = this.wxU[s]!;
    const durs = this.wxDur[s]!;
    const months = this.p.monthOfLocalDay;
    let trigger = Infinity;
    let d = this.wxDay[s]!;
    for (; d < months.length; d++) {
      const dayStart = 24 * d - scn.startLocalHourOfDay; // no episode of day d starts earlier
      if (trigger <= dayStart || dayStart >= H) break;
      const month = months[d]!;
      const wm = weather.byMonth[month] ?? null;
      if (wm === null || wm.dailyProbability <= 0) continue;
      if ((u(), DRAW[0]!) >= wm.dailyProbability) continue;
      let width = wm.windowEnd - wm.windowStart;
      if (width < 0) width += 24;
      const startLocal = wm.windowStart + (u(), DRAW[0]!) * width;
      const t0 = dayStart + startLocal;
      const dur = Math.max(0, (durs[month]!(), DRAW[0]!));
      if (this.addClosure(s, K_WEATHER, t0, t0 + dur, H)) trigger = Math.min(trigger, Math.max(0, t0));
    }
    this.wxDay[s] = d;
    this.wxTrigger[s] = trigger;
  }

  /** Schedule site s's incident arriving at incNext, drawing arrivals on until one is scheduled. */
  private drawIncident(s: number): void {
    const H = this.scn.horizonHours;
    const u = this.incU[s]!;
    const dur = this.incDur[s]!;
    const rate = this.scn.sites[s]!.incidents!.ratePerDay / 24;
    let t = this.incNext[s]!;
    while (t < H) {
      const d = Math.max(0, (dur(), DRAW[0]!));
      const on = this.addClosure(s, K_INCIDENT, t, t + d, H);
      t += -Math.log(1 - (u(), DRAW[0]!)) / rate;
      if (on) break;
    }
    this.incNext[s] = t;
  }

  /** Schedule a closure of site s by cause k over [t0, t1) within the horizon; false when none. */
  private addClosure(s: number, k: number, t0: number, t1: number, H: number): boolean {
    if (t1 <= 0 || t0 >= H || t1 <= t0) return false;
    const code = s * 3 + k;
    this.sim.scheduleAt(Math.max(0, t0), this.fClose, code, PRIORITY.high);
    if (t1 < H) this.sim.scheduleAt(t1, this.fOpen, code, PRIORITY.high);
    return true;
  }

  private initFleet(): void {
    const scn = this.scn;
    const fleetStart = Math.max(0, (this.fleetStartS(), DRAW[0]!));
    // the same Aircraft objects every replication (restart), reset, over the same delay views
    // (zeroed with the state arena); made by the first replication
    const reuse = this.aircraft.length > 0;
    let n = 0;
    for (let k = 0; k < scn.aircraftTypes.length; k++) {
      const type = scn.aircraftTypes[k]!;
      const ts = this.typeStartS[k]!;
      const start = ts === null ? fleetStart : Math.max(0, (ts(), DRAW[0]!));
      const labels = this.p.labels[k]!;
      // the same 'competing:<type>' stream as this.lossU (one stream per name)
      const lossU = type.competingLoss !== null && !this.plan ? this.lossU[k]! : null;
      for (let i = 0; i < labels.length; i++) {
        let ac: Aircraft;
        if (reuse) {
          ac = this.aircraft[n]!;
          ac.reset(type.homeNode);
        } else {
          ac = new Aircraft(n, k, i, labels[i]!, type, type.homeNode, this.acDelays[n]!);
          this.aircraft.push(ac);
        }
        n++;
        if (lossU !== null && type.competingLoss!.ratePerDay > 0) {
          ac.nextLossAt = start + -Math.log(1 - (lossU(), DRAW[0]!)) / (type.competingLoss!.ratePerDay / 24);
        }
        if (start < scn.horizonHours) this.sim.scheduleAt(start, this.fStart, ac);
      }
    }
  }

  private readonly fStart = (ac: Aircraft): void => {
    ac.started = true;
    ac.available = true;
    this.fleetChange(1, 0);
    if (ac.spec.shuttle === null && this.scn.clearance !== null) {
      this.grantTime();
      ac.clearanceAt = R[0]!;
    }
    this.cycleStart(ac);
  };

  // ------------------------------------------------------------------ run

  run(): ReplicationResult {
    // finished already when nothing was to be moved (begin); else tryComplete stops the run
    if (!this.finished) this.sim.run({ until: this.scn.horizonHours });
    return this.finish();
  }

  // ------------------------------------------------------------------ waits & phases

  private beginWait(ac: Aircraft, cause: number): void {
    ac.waitCause = cause;
    ac.waitStart = this.sim.now;
    if (this.tr !== null) this.setPhase(ac, cause < 0 ? -1 : CAUSE_PHASE[cause]!);
  }

  private endWait(ac: Aircraft): void {
    const c = ac.waitCause;
    if (c < 0) return;
    const dt = this.sim.now - ac.waitStart;
    this.lostHours[c] = this.lostHours[c]! + dt;
    ac.delays[c] = ac.delays[c]! + dt;
    ac.waitCause = -1;
    if (this.tr !== null && dt > 0) {
      this.tr.event(this.sim.now, ac.label, this.siteId(ac.site), 'wait-end', dt.toFixed(3), CAUSES[c]!);
    }
  }

  private setPhase(ac: Aircraft, phase: number): void {
    const tr = this.tr!;
    const now = this.sim.now;
    const site = ac.site >= 0 ? this.scn.sites[ac.site]!.id : '';
    if (ac.phase === phase && ac.phaseSite === site) return;
    if (ac.phase >= 0) tr.phase(ac.label, PHASE_NAMES[ac.phase]!, ac.phaseStart, now, ac.phaseSite);
    ac.phase = phase;
    ac.phaseStart = now;
    ac.phaseSite = site;
  }

  private siteId(s: number): string {
    return s >= 0 ? this.scn.sites[s]!.id : '';
  }

  private trace(ac: Aircraft | null, s: number, event: string, detail: string): void {
    this.tr!.event(this.sim.now, ac === null ? '' : ac.label, this.siteId(s), event, detail, '');
  }

  // ------------------------------------------------------------------ fleet accounting

  private fleetChange(dAvail: number, dBusy: number): void {
    const now = this.sim.now;
    const t0 = this.fleetLastT;
    if (now > t0) {
      DAILY_SPAN[0] = t0;
      DAILY_SPAN[1] = now;
      addDaily(this.dailyBusy, 1, 0, this.busyN);
      addDaily(this.dailyAvail, 1, 0, this.availN);
      this.busyHours += this.busyN * (now - t0);
      this.availHours += this.availN * (now - t0);
      this.fleetLastT = now;
    }
    this.availN += dAvail;
    this.busyN += dBusy;
  }

  private setAvailable(ac: Aircraft, v: boolean): void {
    if (ac.available === v) return;
    ac.available = v;
    this.fleetChange(v ? 1 : -1, 0);
  }

  private setBusy(ac: Aircraft, v: boolean): void {
    if (ac.busy === v) return;
    ac.busy = v;
    this.fleetChange(0, v ? 1 : -1);
  }

  // ------------------------------------------------------------------ availability

  private taskedAt(type: ResolvedAircraftType, t: number): number {
    let n = 0;
    const steps = type.tasked;
    for (let i = 0; i < steps.length; i++) {
      const st = steps[i]!;
      if (st.atHours <= t + EPS) n = st.value;
      else break;
    }
    return n;
  }

  /** Next step time after t at which this aircraft is tasked, or Infinity. */
  private nextTasked(ac: Aircraft, t: number): number {
    for (const st of ac.spec.tasked) {
      if (st.atHours > t + EPS && this.planFleet(ac.spec, st.value) > ac.ordinal) return st.atHours;
    }
    return Infinity;
  }

  private planFleet(type: ResolvedAircraftType, tasked: number): number {
    return this.plan ? Math.round(tasked * type.missionCapableRate) : tasked;
  }

  /** Returns true when the aircraft may start a sortie now; otherwise arranges a wake-up. */
  private checkAvailable(ac: Aircraft): boolean {
    const now = this.sim.now;
    const type = ac.spec;
    if (ac.ordinal >= this.planFleet(type, this.taskedAt(type, now))) {
      const next = this.nextTasked(ac, now);
      this.setAvailable(ac, false);
      this.beginWait(ac, -1);
      if (this.tr !== null) this.setPhase(ac, P_UNAVAIL);
      if (next < this.scn.horizonHours) this.sim.scheduleAt(next, this.fCycle, ac);
      return false;
    }
    if (this.plan) return true;
    // competing-mission loss
    if (ac.nextLossAt <= now && ac.lostUntil < now) {
      const dur = Math.max(0, (this.lossDur[ac.type]!(), DRAW[0]!));
      ac.lostUntil = now + dur;
      ac.nextLossAt = ac.lostUntil + -Math.log(1 - (this.lossU[ac.type]!(), DRAW[0]!)) / (type.competingLoss!.ratePerDay / 24);
    }
    if (ac.lostUntil > now + EPS) {
      R[0] = ac.lostUntil;
      this.unavailableUntil(ac, 'competing mission');
      return false;
    }
    if (type.missionCapableRate < 1) {
      const day = Math.floor(now / 24 + EPS);
      if (day !== ac.mcDay) {
        ac.mcDay = day;
        ac.mcOk = (this.availU[ac.type]!(), DRAW[0]!) < type.missionCapableRate;
      }
      if (!ac.mcOk) {
        R[0] = (day + 1) * 24;
        this.unavailableUntil(ac, 'not mission capable');
        return false;
      }
    }
    this.setAvailable(ac, true);
    return true;
  }

  /** The aircraft is unavailable until the time in R[0]. */
  private unavailableUntil(ac: Aircraft, why: string): void {
    const t = R[0]!;
    this.setAvailable(ac, false);
    this.beginWait(ac, C_AVAIL);
    if (this.tr !== null) this.trace(ac, -1, 'unavailable', `${why} until ${t.toFixed(3)}`);
    if (t < this.scn.horizonHours) this.sim.scheduleAt(t, this.fCycle, ac);
  }

  // ------------------------------------------------------------------ readiness

  /** Items of `lot` loadable at site s now. */
  private lotAvailable(s: number, lot: number): number {
    const now = this.sim.now;
    const p = this.p;
    const left = this.backlog[s * p.nLots + lot]!;
    if (left <= 0) return 0;
    if (p.lotSite[lot] !== s) return left; // shuttled in: ready at once
    if (now + EPS < p.lotRelease[lot]!) return 0;
    const rate = this.packRate[s]!;
    if (rate === Infinity) return left;
    const packed = rate * now - p.packCumBefore[lot]!;
    if (packed <= 0) return 0;
    const count = p.lotCount[lot]!;
    const readyItems = Math.min(count, Math.floor(packed / p.lotTons[lot]! + 1e-9));
    const loaded = count - left;
    return Math.max(0, readyItems - loaded);
  }

  /** The live lots of site s again, from lotOrder (after its backlog changed). */
  private liveRebuild(s: number): void {
    const order = this.p.lotOrder[s]!;
    const sb = s * this.p.nLots;
    let n = 0;
    for (let j = 0; j < order.length; j++) {
      const lot = order[j]!;
      if (this.backlog[sb + lot]! > 0) this.live[sb + n++] = lot;
    }
    this.nLive[s] = n;
  }

  /**
   * Next time something not ready at site s becomes ready (Infinity if never), into
   * nextReadyT, and the same for cargo alone into nextCargoT. Without `more` a lot that has
   * items ready now is skipped (it is work already: scanSite's not-ready test); with `more`
   * the next item of such a lot counts too (readyHorizon: the next time anything at s changes
   * by time alone).
   */
  private nextReady(s: number, more: boolean): void {
    const now = this.sim.now;
    let best = Infinity;
    const nL = this.p.nLots;
    const rate = this.packRate[s]!;
    const p = this.p;
    const backlog = this.backlog;
    const sb = s * nL;
    const live = this.live;
    const nLive = this.nLive[s]!;
    for (let j = 0; j < nLive; j++) {
      const lot = live[sb + j]!;
      const left = backlog[sb + lot]!;
      if (left <= 0) continue;
      if (p.lotSite[lot] !== s) continue;
      const rel = p.lotRelease[lot]!;
      if (now + EPS < rel) { if (rel < best) best = rel; continue; }
      if (rate === Infinity || rate <= 0) continue;
      const count = p.lotCount[lot]!;
      const tons = p.lotTons[lot]!;
      const cum = p.packCumBefore[lot]!;
      const loaded = count - left;
      const packedItems = Math.max(0, Math.floor((rate * now - cum) / tons + 1e-9));
      if ((!more && packedItems - loaded > 0) || packedItems >= count) continue;
      const t = (cum + (packedItems + 1) * tons) / rate;
      if (t < best) best = t;
    }
    this.nextCargoT = best;
    const pr = this.paxRate[s]!;
    if (pr !== Infinity && pr > 0) {
      const nc = this.p.paxNC[s]!;
      const released = Math.floor(pr * now + 1e-9);
      if (released < nc) best = Math.min(best, (released + 1) / pr);
    }
    this.nextReadyT = best;
  }

  /** Own non-closure personnel released and not yet loaded. */
  private paxNCAvailable(s: number): number {
    const now = this.sim.now;
    const nc = this.p.paxNC[s]!;
    const pr = this.paxRate[s]!;
    const released = pr === Infinity ? nc : Math.min(nc, Math.floor(pr * now + 1e-9));
    return Math.max(0, released - this.loadedOwnNC[s]!);
  }

  private upstreamDone(s: number, depth = 0): boolean {
    if (this.inflightTo[s]! > 0) return false;
    if (depth > 16) return true;
    const ups = this.p.upstream[s]!;
    for (let j = 0; j < ups.length; j++) {
      const u = ups[j]!;
      if (this.backlogItems[u]! > 0 || this.paxBacklog(u) > 0 || !this.upstreamDone(u, depth + 1)) return false;
    }
    return true;
  }

  private paxBacklog(s: number): number {
    return this.p.paxNC[s]! - this.loadedOwnNC[s]! + this.closureLeft[s]! + this.paxIn[s]!;
  }

  /**
   * The closure team may board: all cargo and everyone else loaded (the site's own staff, all
   * released, and people shuttled in), no other aircraft with a load still on the ground, and
   * nothing to come from upstream: the team is the last to leave. (Until session 9 only cargo
   * was waited for: a team left while staff released later were still there.)
   */
  private closureAllowed(s: number): boolean {
    return this.backlogItems[s]! <= 0 && this.loadedOnGround[s]! <= 0 && this.p.paxNC[s]! - this.loadedOwnNC[s]! <= 0 &&
      this.paxIn[s]! <= 0 && this.upstreamDone(s);
  }

  /**
   * Closure-team members not claimed by a dispatched aircraft (once the team may board, it is
   * all a claim of passengers at s can be for: closureAllowed leaves no one else).
   */
  private closureSeatsFree(s: number): number {
    return Math.max(0, this.closureLeft[s]! - this.claimPax[s]!);
  }

  private paxAvailable(s: number): number {
    let n = this.paxNCAvailable(s) + this.paxIn[s]!;
    if (this.closureLeft[s]! > 0 && this.closureAllowed(s)) n += this.closureLeft[s]!;
    return n;
  }

  /** Set by unclaimedTons: unclaimed ready cargo tons at the site scanned that fit the type. */
  private uTons = 0;
  /** Set by scanSite: unclaimed ready passengers at the site scanned. */
  private uPax = 0;
  /** Set by nextReady: the time it found, and the same for cargo alone. */
  private nextReadyT = Infinity;
  private nextCargoT = Infinity;
  /** Set by unclaimedTons when a minimum load is set: pallet positions of that cargo. */
  private uPalLast = 0;
  /** Set likewise: unclaimed cargo at s that fits the type and is not yet loaded, ready or not. */
  private fitLeftTons = 0;
  private fitLeftPal = 0;

  /**
   * Unclaimed ready cargo tons at s that fit type k: items ready now minus items claimed by
   * aircraft already dispatched there, lot by lot (whole items, so a claim never hides an
   * item that the claiming aircraft cannot take).
   */
  private unclaimedTons(s: number, k: number): void {
    let tons = 0;
    let left = 0, leftPal = 0, pal = 0;
    const withLeft = this.minLoadTons[k]! > 0; // only the minimum-load check reads them
    const p = this.p;
    const fits = p.fitsLot;
    const nL = p.nLots;
    const fb = k * nL;
    const sb = s * nL;
    const backlog = this.backlog;
    const claimLot = this.claimLot;
    const live = this.live;
    const nLive = this.nLive[s]!;
    for (let j = 0; j < nLive; j++) {
      const lot = live[sb + j]!;
      if (fits[fb + lot] === 0) continue;
      const claimed = claimLot[sb + lot]!;
      if (backlog[sb + lot]! - claimed <= 0) continue; // nothing unclaimed left: no ready one either
      const n = this.lotAvailable(s, lot) - claimed;
      if (n > 0) tons += n * p.lotTons[lot]!;
      if (withLeft) {
        const b = this.backlog[sb + lot]! - claimed;
        if (b > 0) {
          left += b * p.lotTons[lot]!;
          leftPal += b * p.lotPallets[lot]!;
        }
        if (n > 0) pal += n * p.lotPallets[lot]!;
      }
    }
    if (withLeft) {
      this.fitLeftTons = left;
      this.fitLeftPal = leftPal;
      this.uPalLast = pal;
    }
    this.uTons = tons;
  }

  /**
   * Claim for a dispatched aircraft what it would load at s by plan (see loadPlan): passengers
   * (at PAX_SHORT_TONS within the seats), then unclaimed ready items in load order that fit
   * planning payload x PLAN load factor and the positions. When no whole item fits that plan
   * capacity but unclaimed ready cargo is there, the first such item is claimed when the
   * aircraft claims no passengers either (the sortie still goes; loadPlan takes it alone).
   */
  private claim(ac: Aircraft, s: number, uPax: number): void {
    this.ver++;
    const p = this.p;
    const k = ac.type;
    const type = ac.spec;
    const capT = type.planningPayload * p.lfPlan[k]!;
    const pax = Math.max(0, Math.min(uPax, type.seats, Math.floor(capT / PAX_SHORT_TONS + 1e-9)));
    ac.claimPax = pax;
    this.claimPax[s] = this.claimPax[s]! + pax;
    let wLeft = capT - pax * PAX_SHORT_TONS;
    let pLeft = type.pallets;
    const fits = p.fitsLot;
    const nL = p.nLots;
    const fb = k * nL;
    const sb = s * nL;
    const live = this.live;
    const nLive = this.nLive[s]!;
    let n = 0;
    let first = -1;
    for (let j = 0; j < nLive; j++) {
      const lot = live[sb + j]!;
      if (fits[fb + lot] === 0) continue;
      const claimed = this.claimLot[sb + lot]!;
      if (this.backlog[sb + lot]! - claimed <= 0) continue; // as in unclaimedTons
      const u = this.lotAvailable(s, lot) - claimed;
      if (u <= 0) continue;
      if (first < 0) first = lot;
      if (wLeft <= 1e-9) break;
      const t = p.lotTons[lot]!;
      const pal = p.lotPallets[lot]!;
      let m = Math.min(u, Math.floor(wLeft / t + 1e-9));
      if (pal > 0) m = Math.min(m, Math.floor(pLeft / pal + 1e-9));
      if (m <= 0) continue;
      wLeft -= m * t;
      pLeft -= m * pal;
      n = this.addClaim(ac, n, sb, lot, m);
    }
    // only for an aircraft that would carry nothing, as loadPlan's one-item rule: one whose
    // passengers took the weight did not take the item it claimed, and the claim kept another
    // aircraft at home
    if (n === 0 && first >= 0 && pax === 0) n = this.addClaim(ac, n, sb, first, 1);
    ac.nClaim = n;
    this.touchIdle();
  }

  private addClaim(ac: Aircraft, n: number, sb: number, lot: number, m: number): number {
    this.claimLot[sb + lot] = this.claimLot[sb + lot]! + m;
    if (n < ac.claimLots.length) { ac.claimLots[n] = lot; ac.claimCounts[n] = m; }
    else { ac.claimLots.push(lot); ac.claimCounts.push(m); }
    return n + 1;
  }

  /** The aircraft's onload starts (or it gives up): its claims at `site` go back to the pool. */
  private releaseClaim(ac: Aircraft, s: number): void {
    this.ver++;
    const sb = s * this.p.nLots;
    for (let j = 0; j < ac.nClaim; j++) {
      const i = sb + ac.claimLots[j]!;
      this.claimLot[i] = this.claimLot[i]! - ac.claimCounts[j]!;
    }
    ac.nClaim = 0;
    this.claimPax[s] = this.claimPax[s]! - ac.claimPax;
    ac.claimPax = 0;
  }

  // ------------------------------------------------------------------ dispatch

  private canServe(ac: Aircraft, s: number): boolean {
    return this.serves(ac.type, s);
  }

  /** Can an aircraft of type k pick up at site s (prepare.ts: a shuttle only at its `from`)? */
  private serves(k: number, s: number): boolean {
    return this.p.canServe[s * this.p.nTypes + k] === 1;
  }

  /**
   * The distinct types of the idle aircraft, into idleTypes[0..n), n returned: aircraft of
   * one type ask the sites the same questions, so the idle checks ask once per type.
   */
  private collectIdleTypes(): number {
    const types = this.idleTypes;
    let n = 0;
    for (let i = 0; i < this.nIdle; i++) {
      const k = this.idle[i]!.type;
      let j = 0;
      while (j < n && types[j] !== k) j++;
      if (j === n) types[n++] = k;
    }
    return n;
  }

  /**
   * What site s offers an aircraft of type k now: S_NOWORK, S_NOTREADY (no unclaimed ready
   * work, but some is to come), S_HELD (below the minimum load) or S_WORK (unclaimed ready
   * passengers in scanPax). A pure function of the state, cached per (s, k) until the clock
   * or the state moves (`ver`): idle aircraft woken together ask the same question.
   */
  private scanSite(s: number, k: number): number {
    // Only integers cross calls on this path, and results come back in fields or arrays:
    // a double passed to or returned from a call that V8 does not inline is boxed (a heap
    // allocation), and this runs ~1,000 times per replication.
    const now = this.sim.now;
    const c = s * this.p.nTypes + k;
    // The answer holds while the state version is the same and nothing at s becomes ready
    // (readyHorizon; EPS early, as lotAvailable counts a release EPS early).
    if (this.scanV[c] === this.ver && now >= this.scanT[c]! && now < this.scanUntil[c]! - EPS) return this.scanSt[c]!;
    const type = this.scn.aircraftTypes[k]!;
    this.unclaimedTons(s, k);
    const uTons = this.uTons;
    const uPax = type.seats > 0 ? this.paxAvailable(s) - this.claimPax[s]! : 0;
    this.uPax = uPax;
    let st: number;
    if (uTons <= 1e-9 && uPax <= 0) {
      st = S_NOWORK;
      if (this.backlogItems[s]! > 0 || this.paxBacklog(s) > 0) {
        this.nextReady(s, false);
        if (this.nextReadyT < Infinity) st = S_NOTREADY;
      }
    } else if (this.minLoadTons[k]! > 0 && !this.worthFlying(type, k, s)) st = S_HELD;
    else st = S_WORK;
    this.scanT[c] = now;
    this.scanV[c] = this.ver;
    this.readyHorizon(s);
    this.scanUntil[c] = R[0]!;
    this.scanSt[c] = st;
    this.scanPax[c] = uPax;
    this.scanTons[c] = uTons;
    return st;
  }

  /**
   * The next time anything at site s becomes ready by time alone (a lot released, an item
   * packed, a person released): nextReady(s, more = true). Until then, and while the state
   * version is the same, what a site offers does not change. Cached per site. In R[0].
   */
  private readyHorizon(s: number): void {
    const now = this.sim.now;
    if (this.horizonV[s] === this.backlogVer[s] && now >= this.horizonFrom[s]! && now < this.horizonAt[s]! - EPS) {
      R[0] = this.horizonAt[s]!;
      return;
    }
    this.nextReady(s, true);
    const t = this.nextReadyT;
    this.horizonV[s] = this.backlogVer[s]!;
    this.horizonFrom[s] = now;
    this.horizonAt[s] = t;
    this.horizonCargoAt[s] = this.nextCargoT;
    R[0] = t;
  }

  private cycleStart(ac: Aircraft): void {
    if (this.finished) return;
    const now = this.sim.now;
    if (!this.checkAvailable(ac)) return;
    const type = ac.spec;
    // choose a site
    const policy = this.scn.dispatch.policy;
    let best = -1;
    let bestScore = -Infinity;
    let totalW = 0;
    let bestPax = 0;
    let notReady = false;
    let pick = -1;
    const propU = policy === 'proportional' && !this.plan ? (this.u.dispatch(), DRAW[0]!) : -1;
    const nS = this.nS;
    let held = false;
    // proportional needs two passes: weights, then the pick
    for (let pass = 0; pass < (propU >= 0 ? 2 : 1); pass++) {
      let acc = 0;
      for (let s = 0; s < nS; s++) {
        if (this.siteDone[s] || !this.canServe(ac, s)) continue;
        const st = this.scanSite(s, ac.type);
        if (st === S_NOWORK) continue;
        if (st === S_NOTREADY) { notReady = true; continue; }
        if (st === S_HELD) {
          // held for a worthwhile load: woken by the next readiness, load or deposit
          notReady = true;
          held = true;
          continue;
        }
        const uPax = this.scanPax[s * this.p.nTypes + ac.type]!;
        const backlogW = this.backlogTons[s]! + PAX_SHORT_TONS * this.paxBacklog(s);
        if (pass === 0) {
          let score: number;
          if (policy === 'priority') score = -this.scn.sites[s]!.priority;
          else score = backlogW;
          totalW += backlogW;
          if (score > bestScore) { bestScore = score; best = s; bestPax = uPax; }
        } else {
          acc += backlogW;
          if (pick < 0 && acc >= propU * totalW) { pick = s; bestPax = uPax; }
        }
      }
    }
    if (pick >= 0) best = pick;
    if (best < 0) {
      this.goIdle(ac, notReady, held);
      return;
    }
    // clearance (strategic only)
    if (type.shuttle === null && this.scn.clearance !== null && ac.clearanceAt > now + EPS) {
      this.beginWait(ac, C_CLEARANCE);
      if (this.tr !== null) this.trace(ac, -1, 'clearance-hold', `granted at ${ac.clearanceAt.toFixed(3)}`);
      if (ac.clearanceAt < this.scn.horizonHours) this.sim.scheduleAt(ac.clearanceAt, this.fCycle, ac);
      return;
    }
    // crew duty
    const k = ac.type;
    if (type.crewDutyHours !== null) {
      if (ac.dutyStart < 0 || now - ac.lastLanding >= this.p.restPlan[k]!) {
        ac.dutyStart = now;
        ac.rested = true;
      }
      this.legPlan(k, ac.node, best);
      const need = R[0]! + this.p.groundPlan[best * this.p.nTypes + k]! + this.p.outPlan[k * nS + best]!;
      if (!ac.rested && now - ac.dutyStart + need > type.crewDutyHours + EPS) {
        const rest = Math.max(0, (this.crewRest[k]!(), DRAW[0]!));
        this.beginWait(ac, C_CREW);
        if (this.tr !== null) this.trace(ac, -1, 'crew-rest', rest.toFixed(3));
        ac.rested = true;
        ac.dutyStart = now + rest;
        ac.lastLanding = -Infinity;
        this.sim.nextDelay = rest;
        this.sim.scheduleNext(this.fCycle, ac);
        return;
      }
    }
    ac.rested = false;
    // go
    ac.site = best;
    ac.stage = 0;
    this.claim(ac, best, bestPax);
    if (type.shuttle === null && this.scn.clearance !== null) {
      this.grantTime();
      ac.clearanceAt = R[0]!;
    }
    this.setBusy(ac, true);
    this.leg(k, ac.node, best, best);
    const leg = R[0]!;
    if (this.tr !== null) {
      this.trace(ac, best, 'dispatch', `leg ${leg.toFixed(3)}`);
      this.setPhase(ac, P_FLYING);
    }
    this.sim.nextDelay = leg;
    this.sim.scheduleNext(this.fArriveSite, ac);
  }

  /**
   * Minimum load (strategic sorties only; see the decisions at the top): is the unclaimed
   * ready work at s (cargo tons that fit + passengers at PAX_SHORT_TONS, within the seats)
   * at least `minTons`? Waived when what is left at s for this type (ready or not,
   * unclaimed, closure team excluded) is below the minimum and nothing more can come from
   * upstream shuttle sites: the last loads, and then the closure team, always go.
   */
  private worthFlying(type: ResolvedAircraftType, k: number, s: number): boolean {
    const uTons = this.uTons, uPax = this.uPax; // set by scanSite
    const minTons = this.minLoadTons[k]!;
    const f = this.minLoad;
    const seats = type.seats;
    const pal = this.uPalLast; // unclaimed ready positions (set by unclaimedTons)
    if (lifts(0, uPax, seats, Math.max(0, uTons), minTons, f)) return true;
    if (type.pallets > 0 && pal >= f * type.pallets - 1e-9) return true;
    // waiver: what is left here (ready or not, unclaimed, closure team excluded) is below the minimum in every dimension
    const leftPax = seats > 0 ? Math.max(0, this.p.paxNC[s]! - this.loadedOwnNC[s]! + this.paxIn[s]! - this.claimPax[s]!) : 0;
    const leftTons = this.fitLeftTons;
    const leftPal = this.fitLeftPal;
    if (leftTons + PAX_SHORT_TONS * leftPax >= minTons - 1e-9) return false;
    if (seats > 0 && leftPax >= f * seats - 1e-9) return false;
    if (type.pallets > 0 && leftPal >= f * type.pallets - 1e-9) return false;
    return this.upstreamDone(s);
  }

  private goIdle(ac: Aircraft, notReady: boolean, held: boolean): void {
    this.beginWait(ac, notReady ? C_CARGO : -1);
    if (this.tr !== null) this.trace(ac, -1, 'idle', held ? 'below minimum load' : notReady ? 'cargo not ready' : 'no unclaimed work');
    if (this.nIdle < this.idle.length) this.idle[this.nIdle] = ac;
    else this.idle.push(ac);
    this.nIdle++;
    this.idleNextTime();
    this.armRecheck();
    this.recheckLate = false; // the pending re-check is now at or before the next readiness
  }

  /** The next readiness at any open site (readyHorizon): when idle aircraft may find work. In R[0]. */
  private idleNextTime(): void {
    let next = Infinity;
    for (let s = 0; s < this.nS; s++) {
      if (this.siteDone[s]) continue;
      this.readyHorizon(s);
      if (R[0]! < next) next = R[0]!;
    }
    R[0] = next;
  }

  /**
   * The state changed where no aircraft is woken (a claim, a take-off, a site closed): the
   * idle aircraft are looked at again by the next readiness at any site, whatever a re-check
   * computed from the old state (idleNextUseful).
   */
  private touchIdle(): void {
    if (this.nIdle > 0 && this.recheckLate) {
      this.recheckLate = false;
      this.idleNextTime();
      this.armRecheck();
    }
  }

  /**
   * When a re-check finds no work: the earliest time an idle aircraft may find work by time
   * alone, the state staying as it is now (every change of it re-arms at the next readiness:
   * goIdle, touchIdle). At each site the aircraft can serve: when the site holds it below a
   * minimum load (S_HELD), the next cargo readiness or the release of the person that lifts
   * the load over the minimum, whichever is first (heldUntil); otherwise the next readiness of
   * any kind (readyHorizon; even S_NOWORK, which only says no lot has a next item to come
   * beyond those claimed now).
   * (Until session 3 every readiness at any open site: one re-check per person released,
   * ~240 per replication of niger-2024, nearly all of which found the aircraft still held.
   * Only times at which no idle aircraft can find work are skipped: results are unchanged.)
   * In R[0].
   */
  private idleNextUseful(): void {
    let next = Infinity;
    const n = this.collectIdleTypes();
    for (let j = 0; j < n; j++) {
      const k = this.idleTypes[j]!;
      for (let s = 0; s < this.nS; s++) {
        if (this.siteDone[s] || !this.serves(k, s)) continue;
        if (this.scanSite(s, k) === S_HELD) this.heldUntil(s, k);
        else this.readyHorizon(s);
        if (R[0]! < next) next = R[0]!;
      }
    }
    R[0] = next;
  }

  /**
   * Site s holds type k below its minimum load (scanSite said S_HELD now): the first time the
   * answer may change by time alone. Cargo: the next item packed or lot released (any of
   * them may lift the load). People: released one at a time, each adding one unclaimed
   * passenger; the answer changes only at the release that meets worthFlying's weight or
   * seat test (the waiver's test does not move with releases), found with the same
   * arithmetic. Release times are those nextReady uses, (released + n) / rate. In R[0].
   */
  private heldUntil(s: number, k: number): void {
    this.readyHorizon(s);
    let t = this.horizonCargoAt[s]!; // nextReady(s, true) without people, cached with readyHorizon
    const type = this.scn.aircraftTypes[k]!;
    const seats = type.seats;
    const pr = this.paxRate[s]!;
    if (seats <= 0 || pr === Infinity || pr <= 0) {
      R[0] = t;
      return;
    }
    const released = Math.floor(pr * this.sim.now + 1e-9);
    const nc = this.p.paxNC[s]!;
    const c = s * this.p.nTypes + k;
    const tons = Math.max(0, this.scanTons[c]!);
    const uPax = this.scanPax[c]!;
    const minTons = this.minLoadTons[k]!;
    const f = this.minLoad;
    if (!lifts(seats - Math.min(uPax, 0), uPax, seats, tons, minTons, f)) {
      R[0] = t; // not even with every seat filled
      return;
    }
    // the first n >= 1 that lifts: solved, then stepped to the exact boundary of the tests
    const byWeight = Math.ceil((minTons - 1e-9 - tons) / PAX_SHORT_TONS);
    const bySeats = Math.ceil(f * seats - 1e-9);
    let n = Math.max(1, Math.min(byWeight, bySeats) - uPax);
    while (n > 1 && lifts(n - 1, uPax, seats, tons, minTons, f)) n--;
    while (!lifts(n, uPax, seats, tons, minTons, f)) n++;
    if (released + n <= nc) {
      const at = (released + n) / pr;
      if (at < t) t = at;
    }
    R[0] = t;
  }

  /** Make sure the idle aircraft are looked at again by the time in R[0] (one pending re-check). */
  private armRecheck(): void {
    let next = R[0]!;
    if (next <= this.sim.now) next = this.sim.now + EPS; // float guard: never re-check at the same instant
    if (next < this.recheckAt && next < this.scn.horizonHours) {
      this.recheckAt = next;
      if (this.recheckId < 0) this.recheckId = this.sim.scheduleAt(next, this.fRecheck);
      else this.sim.reschedule(this.recheckId, next);
    }
  }

  /** The re-check found no work: arm the next one at the next readiness. */
  private armIdleRecheck(): void {
    if (this.nIdle > 0) {
      this.idleNextUseful();
      this.armRecheck();
      this.recheckLate = true;
    }
  }

  /** Does some site offer work (S_WORK) now to one of the idle aircraft? */
  private idleHasWork(): boolean {
    const n = this.collectIdleTypes();
    for (let j = 0; j < n; j++) {
      const k = this.idleTypes[j]!;
      for (let s = 0; s < this.nS; s++) {
        if (this.siteDone[s] || !this.serves(k, s)) continue;
        if (this.scanSite(s, k) === S_WORK) return true;
      }
    }
    return false;
  }

  private waking = false;
  private wakeAgain = false;

  private wakeIdle(): void {
    if (this.waking) { this.wakeAgain = true; return; }
    this.waking = true;
    do {
      this.wakeAgain = false;
      const list = this.idle;
      const n = this.nIdle;
      if (n === 0) break;
      this.idle = this.idleSpare;
      this.nIdle = 0;
      this.idleSpare = list;
      for (let i = 0; i < n; i++) {
        const ac = list[i]!;
        this.endWait(ac);
        this.cycleStart(ac);
      }
    } while (this.wakeAgain);
    this.waking = false;
  }

  /** When a clearance requested now is granted (Infinity: never). In R[0]. */
  private grantTime(): void {
    let t = this.sim.now;
    const regimes = this.scn.clearance!.regimes;
    for (let tries = 0; tries < 1000; tries++) {
      let r = 0;
      while (r + 1 < regimes.length && regimes[r + 1]!.fromHours <= t + EPS) r++;
      const reg = regimes[r]!;
      t += Math.max(0, (this.clearLead[r]!(), DRAW[0]!));
      if (this.plan || reg.denialProbability <= 0 || (this.u.clearance(), DRAW[0]!) >= reg.denialProbability) {
        R[0] = t;
        return;
      }
      t += Math.max(0, (this.clearReReq[r]!(), DRAW[0]!));
    }
    R[0] = Infinity;
  }

  // plan values used by the crew-duty check and claims
  // (precomputed per scenario in prepare.ts); in R[0]
  private legPlan(k: number, a: number, b: number): void {
    const N = this.nS + this.p.nDest;
    R[0] = this.p.legPlan[(k * N + a) * N + b]!;
  }

  /** Sample the block time of leg a -> b for type k, on the route stream of site `s`. In R[0]. */
  private leg(k: number, a: number, b: number, s: number): void {
    if (a === b) {
      R[0] = 0;
      return;
    }
    const N = this.nS + this.p.nDest;
    const i = ((s * this.p.nTypes + k) * N + a) * N + b;
    let f = this.legS[i] ?? null;
    if (f === null) {
      const spec = this.p.legSpec[k]![a]![b] ?? null;
      if (spec === null) {
        throw new Error(`no block time for leg ${this.nodeId(a)} -> ${this.nodeId(b)} of aircraft type ${this.scn.aircraftTypes[k]!.id} (give legs or a block speed with coordinates)`);
      }
      f = spec.dist === 'constant' ? constant(spec.value) : makeSampler(spec, this.route(s));
      this.legS[i] = f;
    }
    R[0] = Math.max(0, (f(), DRAW[0]!));
  }

  /** The route stream of site s (created on first use; null in the plan run). */
  private route(s: number): RandomSource | null {
    let r = this.routeSrc[s] ?? null;
    if (r === null && !this.plan) {
      r = this.srcOf(`route:${this.scn.sites[s]!.id}`);
      this.routeSrc[s] = r;
    }
    return r;
  }

  private nodeId(n: number): string {
    return n < this.nS ? this.scn.sites[n]!.id : this.scn.destinations[n - this.nS]!.id;
  }

  // ------------------------------------------------------------------ airfields

  private isOpen(s: number): boolean {
    const b = s * 3;
    if (this.closeCount[b]! > 0 || this.closeCount[b + 1]! > 0 || this.closeCount[b + 2]! > 0) return false;
    const oh = this.scn.sites[s]!.operatingHours;
    return oh === null || inWindow(oh.open, oh.close, localHour(this.scn.startLocalHourOfDay, this.sim.now));
  }

  /** Wait until site s is open, then resume with `resume`. Call only when closed. */
  private waitOpen(ac: Aircraft, s: number, resume: number): void {
    ac.resume = resume;
    const b = s * 3;
    if (this.closeCount[b + K_DISRUPTION]! > 0) this.beginWait(ac, C_DISRUPTION);
    else if (this.closeCount[b + K_WEATHER]! > 0) this.beginWait(ac, C_WEATHER);
    else if (this.closeCount[b + K_INCIDENT]! > 0) this.beginWait(ac, C_INCIDENT);
    else {
      const oh = this.scn.sites[s]!.operatingHours!;
      let dt = hoursUntilOpen(oh.open, oh.close, localHour(this.scn.startLocalHourOfDay, this.sim.now));
      if (dt <= 0) dt = EPS; // float edge: just past the close boundary computed as open
      this.beginWait(ac, C_OPHOURS);
      this.sim.nextDelay = dt;
      this.sim.scheduleNext(this.fAirWake, ac);
      return;
    }
    this.airWaiters[s]!.push(ac);
  }

  private airResume(ac: Aircraft): void {
    switch (ac.resume) {
      case R_LAND: this.tryLand(ac); break;
      case R_LAND_RESERVED: this.landReserved(ac); break;
      default: this.tryTakeoff(ac);
    }
  }

  private closeStart(code: number): void {
    this.closeCount[code] = this.closeCount[code]! + 1;
    const k = code % 3;
    const s = (code - k) / 3;
    // lazy closures (initClosures): this start may be the one that draws the next ones
    if (k === K_WEATHER) {
      if (this.sim.now >= this.wxTrigger[s]!) this.drawWeather(s);
    } else if (k === K_INCIDENT) this.drawIncident(s);
    if (this.tr !== null) this.trace(null, s, 'close', ['weather', 'incident', 'disruption'][k]!);
  }

  private closeEnd(code: number): void {
    this.closeCount[code] = this.closeCount[code]! - 1;
    const s = Math.floor(code / 3);
    if (this.tr !== null) this.trace(null, s, 'open', ['weather', 'incident', 'disruption'][code % 3]!);
    const b = s * 3;
    if (this.closeCount[b]! > 0 || this.closeCount[b + 1]! > 0 || this.closeCount[b + 2]! > 0) return;
    const w = this.airWaiters[s]!;
    if (w.length === 0) return;
    const list = w.splice(0, w.length);
    for (const ac of list) {
      this.endWait(ac);
      this.airResume(ac);
    }
  }

  // parking ------------------------------------------------------------

  private parkAccount(s: number): void {
    const now = this.sim.now;
    const t0 = this.parkLastT[s]!;
    if (now > t0) {
      DAILY_SPAN[0] = t0;
      DAILY_SPAN[1] = now;
      addDaily(this.dailyPark, this.nS, s, this.parkInUse[s]!);
      this.parkInt[s] = this.parkInt[s]! + this.parkInUse[s]! * (now - t0);
      // A MOG cut does not move aircraft already parked (they finish their ground work): while
      // more are parked than the MOG allows, the spots they hold count as capacity, so
      // utilisation stays <= 1 (a cut to 0 with one aircraft parked gave 1.33).
      this.capInt[s] = this.capInt[s]! + Math.max(this.parkCap[s]!, this.parkInUse[s]!) * (now - t0);
      this.parkLastT[s] = now;
    }
  }

  private takeSpot(ac: Aircraft, s: number): void {
    this.parkAccount(s);
    this.parkInUse[s] = this.parkInUse[s]! + 1;
    if (this.tr !== null) this.trace(ac, s, 'park', `${this.parkInUse[s]}/${this.parkCap[s]}`);
  }

  private releaseSpot(ac: Aircraft, s: number): void {
    this.parkAccount(s);
    this.parkInUse[s] = this.parkInUse[s]! - 1;
    if (this.tr !== null) this.trace(ac, s, 'unpark', `${this.parkInUse[s]}/${this.parkCap[s]}`);
    this.grantSpots(s);
  }

  private grantSpots(s: number): void {
    const q = this.parkQueue[s]!;
    while (q.length > 0 && this.parkInUse[s]! < this.parkCap[s]!) {
      const ac = q.shift()!;
      this.endWait(ac);
      this.takeSpot(ac, s);
      if (this.isOpen(s)) this.landed(ac);
      else this.waitOpen(ac, s, R_LAND_RESERVED);
    }
  }

  private setCap(s: number): void {
    this.parkAccount(s);
    let cap = this.mogStep[s]!;
    for (const m of this.mogLoss[s]!) cap = Math.min(cap, m);
    this.parkCap[s] = cap;
    if (this.tr !== null) this.trace(null, s, 'mog', String(cap));
    this.grantSpots(s);
  }

  private readonly fMogStep = (code: number): void => {
    const s = Math.floor(code / 1_000_000);
    this.mogStep[s] = code - s * 1_000_000;
    this.setCap(s);
  };
  private readonly fMogLossStart = (code: number): void => {
    const s = Math.floor(code / 1_000_000);
    this.mogLoss[s]!.push(code - s * 1_000_000);
    this.recauseParking(s);
    this.setCap(s);
  };
  private readonly fMogLossEnd = (code: number): void => {
    const s = Math.floor(code / 1_000_000);
    const list = this.mogLoss[s]!;
    const i = list.indexOf(code - s * 1_000_000);
    if (i >= 0) list.splice(i, 1);
    this.recauseParking(s);
    this.setCap(s);
  };

  /**
   * A parking wait is 'disruption' while a MOG loss is active at the site and 'parking'
   * otherwise, hour by hour: the queue's waits change cause when one starts or ends (they kept
   * the cause they had when they joined the queue).
   */
  private recauseParking(s: number): void {
    const cause = this.mogLoss[s]!.length > 0 ? C_DISRUPTION : C_PARKING;
    const q = this.parkQueue[s]!;
    for (let i = 0; i < q.length; i++) {
      const ac = q[i]!;
      if (ac.waitCause < 0 || ac.waitCause === cause) continue;
      this.endWait(ac);
      this.beginWait(ac, cause);
    }
  }

  // ------------------------------------------------------------------ at the site

  private tryLand(ac: Aircraft): void {
    const s = ac.site;
    if (!this.isOpen(s)) {
      this.waitOpen(ac, s, R_LAND);
      return;
    }
    if (this.parkQueue[s]!.length === 0 && this.parkInUse[s]! < this.parkCap[s]!) {
      this.takeSpot(ac, s);
      this.landed(ac);
      return;
    }
    this.beginWait(ac, this.mogLoss[s]!.length > 0 ? C_DISRUPTION : C_PARKING);
    this.parkQueue[s]!.push(ac);
  }

  private landReserved(ac: Aircraft): void {
    if (!this.isOpen(ac.site)) this.waitOpen(ac, ac.site, R_LAND_RESERVED);
    else this.landed(ac);
  }

  private landed(ac: Aircraft): void {
    const s = ac.site;
    if (this.tr !== null) {
      this.trace(ac, s, 'land', '');
      this.setPhase(ac, P_GROUND);
    }
    if (ac.stage === 1) {
      // a shuttle's landing at its drop-off site is its 'landing home' for crew duty (its next
      // cycle starts there); never set, every cycle reset the duty and shuttles never rested
      ac.lastLanding = this.sim.now;
      const g = this.ground[s * this.p.nTypes + ac.type] ?? null;
      this.sim.nextDelay = g === null ? 0 : Math.max(0, (g(), DRAW[0]!));
      this.sim.scheduleNext(this.fOffloadDone, ac);
      return;
    }
    const teams = this.scn.sites[s]!.loadingTeams;
    if (teams !== null) {
      if (this.teamsInUse[s]! >= teams) {
        this.beginWait(ac, C_LOADING);
        this.teamQueue[s]!.push(ac);
        return;
      }
      this.teamsInUse[s] = this.teamsInUse[s]! + 1;
    }
    this.startLoad(ac);
  }

  private startLoad(ac: Aircraft): void {
    const s = ac.site;
    this.releaseClaim(ac, s);
    this.loadPlan(ac);
    const g = this.ground[s * this.p.nTypes + ac.type]!;
    this.sim.nextDelay = Math.max(0, (g(), DRAW[0]!));
    this.sim.scheduleNext(this.fLoadDone, ac);
    // Claims are per site, not per category: any load may leave work for an idle aircraft
    // of another type, so every load wakes the idle aircraft to look again.
    this.wakeIdle();
  }

  private loadPlan(ac: Aircraft): void {
    this.ver++;
    const s = ac.site;
    this.backlogVer[s] = this.backlogVer[s]! + 1;
    const now = this.sim.now;
    const type = ac.spec;
    const lf = (this.loadFactor[ac.type]!(), DRAW[0]!);
    const capT = type.planningPayload * lf;
    let wLeft = capT;
    let pLeft = type.pallets;
    let seats = type.seats;
    let pax = 0;
    // What other dispatched aircraft have claimed stays for them (this one's claim was released
    // when its onload began): loading it here sent them on empty sorties (niger-2024: ~1 a
    // replication, some waiting a day for parking at a site already closed).
    // passengers: released staff, then people shuttled in
    let paxFree = Math.max(0, this.paxAvailable(s) - this.claimPax[s]!);
    const nc = Math.min(seats, this.paxNCAvailable(s), Math.floor(wLeft / PAX_SHORT_TONS + 1e-9), paxFree);
    if (nc > 0) { this.loadedOwnNC[s] = this.loadedOwnNC[s]! + nc; pax += nc; seats -= nc; wLeft -= nc * PAX_SHORT_TONS; paxFree -= nc; }
    const pin = Math.min(seats, this.paxIn[s]!, Math.floor(wLeft / PAX_SHORT_TONS + 1e-9), paxFree);
    if (pin > 0) { this.paxIn[s] = this.paxIn[s]! - pin; pax += pin; seats -= pin; wLeft -= pin * PAX_SHORT_TONS; }
    // cargo by priority
    ac.nLoad = 0;
    let tons = 0;
    let pallets = 0;
    const nL = this.p.nLots;
    const fits = this.p.fitsLot;
    const fb = ac.type * nL;
    const live = this.live;
    const nLive = this.nLive[s]!;
    let emptied = false;
    for (let j = 0; j < nLive; j++) {
      const lot = live[s * nL + j]!;
      if (wLeft <= 1e-9) break;
      if (fits[fb + lot] === 0) continue;
      const avail = this.lotAvailable(s, lot) - this.claimLot[s * nL + lot]!;
      if (avail <= 0) continue;
      const L = this.scn.cargo[lot]!;
      let m = Math.min(avail, Math.floor(wLeft / L.shortTons + 1e-9));
      if (L.pallets > 0) m = Math.min(m, Math.floor(pLeft / L.pallets + 1e-9));
      if (m <= 0) continue;
      const w = m * L.shortTons;
      wLeft -= w;
      pLeft -= m * L.pallets;
      tons += w;
      pallets += m * L.pallets;
      if (this.takeItems(ac, s, lot, m)) emptied = true;
    }
    if (tons === 0 && pax === 0) {
      // Nothing fits the sampled load factor, yet the aircraft came for cargo (a claim takes the
      // first item when none fits the plan's): one item within the planning payload and the
      // positions still flies, alone. (It used to leave empty: the rich test fixture's large
      // items at a low load factor.) The load factor is how full loads get, not a limit on what
      // one item may weigh.
      for (let j = 0; j < nLive; j++) {
        const lot = live[s * nL + j]!;
        if (fits[fb + lot] === 0 || this.lotAvailable(s, lot) - this.claimLot[s * nL + lot]! <= 0) continue;
        const L = this.scn.cargo[lot]!;
        if (L.shortTons > type.planningPayload + 1e-9 || L.pallets > type.pallets) continue;
        wLeft -= L.shortTons;
        pLeft -= L.pallets;
        tons = L.shortTons;
        pallets = L.pallets;
        if (this.takeItems(ac, s, lot, 1)) emptied = true;
        break;
      }
    }
    if (emptied) this.liveRebuild(s);
    // closure team, with or after the site's last cargo and people (see closureAllowed; this
    // aircraft's own load is not yet counted in loadedOnGround: it may carry the team). Else
    // the team may still board at take-off (boardClosure).
    ac.loadClosure = 0;
    if (this.closureLeft[s]! > 0 && seats > 0 && this.closureAllowed(s)) {
      const ct = Math.min(seats, this.closureSeatsFree(s), Math.floor(wLeft / PAX_SHORT_TONS + 1e-9));
      if (ct > 0) { this.closureLeft[s] = this.closureLeft[s]! - ct; pax += ct; seats -= ct; wLeft -= ct * PAX_SHORT_TONS; ac.loadClosure = ct; }
    }
    ac.loadTons = tons;
    ac.loadPax = pax;
    ac.seatsFree = seats;
    ac.tonsFree = Math.max(0, wLeft);
    if (tons > 0 || pax > 0) this.loadedOnGround[s] = this.loadedOnGround[s]! + 1;
    const sh = type.shuttle;
    if (sh !== null && (tons > 0 || pax > 0)) this.inflightTo[sh.to] = this.inflightTo[sh.to]! + 1;
    if (this.tr !== null) {
      const cap = Math.max(capT, tons); // one item alone may exceed the sampled capacity (above)
      this.trace(ac, s, 'load', `${tons.toFixed(3)} st, ${pallets} pallets, ${pax} pax (cap ${cap.toFixed(3)} st, ${type.pallets} pallets, ${type.seats} seats)`);
      this.tr.load(now, ac.label, s, ac.type, tons, pallets, pax, cap, type.pallets, type.seats, ac.loadLots, ac.loadCounts, ac.nLoad);
    }
  }

  /** Load m items of `lot` at s into ac; true when that empties the lot. */
  private takeItems(ac: Aircraft, s: number, lot: number, m: number): boolean {
    const w = m * this.scn.cargo[lot]!.shortTons; // computed here, not passed: no boxed double
    const i = s * this.p.nLots + lot;
    this.backlog[i] = this.backlog[i]! - m;
    this.backlogItems[s] = this.backlogItems[s]! - m;
    this.backlogTons[s] = this.backlogTons[s]! - w;
    if (ac.nLoad < ac.loadLots.length) { ac.loadLots[ac.nLoad] = lot; ac.loadCounts[ac.nLoad] = m; }
    else { ac.loadLots.push(lot); ac.loadCounts.push(m); }
    ac.nLoad++;
    return this.backlog[i]! <= 0;
  }

  private loadDone(ac: Aircraft): void {
    const s = ac.site;
    if (this.scn.sites[s]!.loadingTeams !== null) {
      const q = this.teamQueue[s]!;
      if (q.length > 0) {
        const next = q.shift()!;
        this.endWait(next);
        this.startLoad(next);
      } else this.teamsInUse[s] = this.teamsInUse[s]! - 1;
    }
    const type = ac.spec;
    if (!this.plan && type.breakProbability > 0 && (this.typeU[ac.type]!(), DRAW[0]!) < type.breakProbability) {
      const r = Math.max(0, (this.repair[ac.type]!(), DRAW[0]!));
      this.beginWait(ac, C_BREAK);
      if (this.tr !== null) this.trace(ac, s, 'break', r.toFixed(3));
      this.sim.nextDelay = r;
      this.sim.scheduleNext(this.fRepaired, ac);
      return;
    }
    this.afterRepair(ac);
  }

  private afterRepair(ac: Aircraft): void {
    if (this.depDelay !== null) {
      const d = Math.max(0, (this.depDelay(), DRAW[0]!));
      if (d > 0) {
        this.beginWait(ac, C_DEPDELAY);
        this.sim.nextDelay = d;
        this.sim.scheduleNext(this.fDelayed, ac);
        return;
      }
    }
    this.tryTakeoff(ac);
  }

  private tryTakeoff(ac: Aircraft): void {
    const s = ac.site;
    if (!this.isOpen(s)) {
      this.waitOpen(ac, s, R_TAKEOFF);
      return;
    }
    if (this.tr !== null) this.setPhase(ac, P_FLYING);
    // This aircraft's load is off the ground before its spot goes to the next aircraft: one
    // that lands in it at this instant and loads the site's last cargo takes the closure team.
    // (Released first, the next load saw this cargo still on the ground, and the team waited
    // for a sortie of its own: one-site example, 3 Jun 21:00 -> 4 Jun 13:00.)
    let teamWaits = false;
    if (ac.stage !== 1) {
      const loaded = ac.loadTons > 0 || ac.loadPax > 0;
      teamWaits = this.closureLeft[s]! > 0 && !this.closureAllowed(s);
      if (loaded) this.loadedOnGround[s] = this.loadedOnGround[s]! - 1;
      if (loaded && teamWaits) this.boardClosure(ac, s);
    }
    this.releaseSpot(ac, s);
    if (ac.stage === 1) {
      // shuttle leaving the drop-off site: next cycle from here
      if (this.tr !== null) this.trace(ac, s, 'takeoff', 'shuttle return');
      ac.node = s;
      ac.site = -1;
      ac.stage = 0;
      this.setBusy(ac, false);
      clearDelays(ac);
      this.cycleStart(ac);
      return;
    }
    this.flushDays();
    const k = ac.type;
    const type = ac.spec;
    const tons = ac.loadTons, pax = ac.loadPax;
    // the team may go now and is still there (not taken by a nested load): wake the idle
    const teamMayGo = teamWaits && this.closureLeft[s]! > 0 && this.closureAllowed(s);
    this.ver++; // after the changes: releaseSpot above may have run a nested load and wake
    ac.lastSite = s;
    this.groundTons[s] = this.groundTons[s]! - tons;
    this.groundPax[s] = this.groundPax[s]! - pax;
    this.sortiesByType[k] = this.sortiesByType[k]! + 1;
    const N = this.nS + this.p.nDest;
    const sh = type.shuttle;
    let destNode: number;
    if (sh !== null) {
      destNode = sh.to;
      this.groundTons[sh.to] = this.groundTons[sh.to]! + tons;
      this.groundPax[sh.to] = this.groundPax[sh.to]! + pax;
      for (let j = 0; j < ac.nLoad; j++) {
        const lot = ac.loadLots[j]!;
        const w = ac.loadCounts[j]! * this.scn.cargo[lot]!.shortTons;
        const c = this.p.lotCategory[lot]!;
        this.catOut[s * 4 + c] = this.catOut[s * 4 + c]! + w;
        this.catIn[sh.to * 4 + c] = this.catIn[sh.to * 4 + c]! + w;
      }
    } else {
      this.movedTons[s] = this.movedTons[s]! + tons;
      this.movedPax[s] = this.movedPax[s]! + pax;
      this.movedTonsTotal += tons;
      this.movedPaxTotal += pax;
      for (let j = 0; j < ac.nLoad; j++) {
        const lot = ac.loadLots[j]!;
        const c = this.p.lotCategory[lot]!;
        this.catMoved[s * 4 + c] = this.catMoved[s * 4 + c]! + ac.loadCounts[j]! * this.scn.cargo[lot]!.shortTons;
      }
      destNode = this.nS + this.chooseDest(s);
    }
    this.sortiesByRoute[s * N + destNode] = this.sortiesByRoute[s * N + destNode]! + 1;
    ac.dest = destNode;
    if (this.tr !== null) this.trace(ac, s, 'takeoff', `${tons.toFixed(3)} st, ${pax} pax, ${ac.loadClosure} closure, to ${this.nodeId(destNode)}`);
    if (sh === null) { ac.nLoad = 0; ac.loadTons = 0; ac.loadPax = 0; }
    ac.loadClosure = 0;
    this.tryComplete(s, ac);
    if (this.finished) return;
    if (teamMayGo) this.wakeIdle();
    this.touchIdle();
    this.leg(k, s, destNode, s);
    const leg = R[0]!;
    if (sh !== null) {
      ac.stage = 1;
      const from = s;
      ac.site = sh.to;
      ac.node = from;
      this.sim.nextDelay = leg;
      this.sim.scheduleNext(this.fArriveSite, ac);
    } else {
      this.sim.nextDelay = leg;
      this.sim.scheduleNext(this.fArriveDest, ac);
    }
  }

  /**
   * At take-off, the closure team boards the departing aircraft when that departure leaves no
   * cargo, nobody else and no other load on the ground (closureAllowed, this aircraft already
   * counted as gone), in the seats and weight its load left free. (Boarding only when the onload
   * began, the team missed the last cargo whenever two aircraft loaded the last items together,
   * MOG 2 or loading teams, and waited for a sortie of its own.)
   */
  private boardClosure(ac: Aircraft, s: number): void {
    if (!this.closureAllowed(s)) return;
    const ct = Math.min(ac.seatsFree, this.closureSeatsFree(s), Math.floor(ac.tonsFree / PAX_SHORT_TONS + 1e-9));
    if (ct <= 0) return;
    this.closureLeft[s] = this.closureLeft[s]! - ct;
    ac.loadPax += ct;
    ac.loadClosure += ct;
    ac.seatsFree -= ct;
    ac.tonsFree -= ct * PAX_SHORT_TONS;
    this.ver++;
    if (this.tr !== null) this.trace(ac, s, 'board', `${ct} closure`);
  }

  private chooseDest(s: number): number {
    const shares = this.scn.sites[s]!.destinationShares;
    if (shares.length === 0) throw new Error(`site ${this.scn.sites[s]!.id} has no destination shares`);
    if (shares.length === 1) return shares[0]!.destination;
    const nD = this.p.nDest;
    if (this.plan) {
      let n = 0;
      for (const d of shares) n += this.destCount[s * nD + d.destination]!;
      let best = shares[0]!.destination, bestDef = -Infinity;
      for (const d of shares) {
        const def = d.share * (n + 1) - this.destCount[s * nD + d.destination]!;
        if (def > bestDef + 1e-12) { bestDef = def; best = d.destination; }
      }
      this.destCount[s * nD + best] = this.destCount[s * nD + best]! + 1;
      return best;
    }
    const u = this.route(s)!.next();
    let acc = 0;
    for (const d of shares) {
      acc += d.share;
      if (u < acc) return d.destination;
    }
    return shares[shares.length - 1]!.destination;
  }

  private offloadDone(ac: Aircraft): void {
    this.ver++;
    const s = ac.site;
    const nL = this.p.nLots;
    let items = 0;
    for (let j = 0; j < ac.nLoad; j++) {
      const lot = ac.loadLots[j]!;
      const m = ac.loadCounts[j]!;
      const i = s * nL + lot;
      this.backlog[i] = this.backlog[i]! + m;
      if (this.p.lotSite[lot] === s) this.backlogVer[s] = this.backlogVer[s]! + 1; // own lots back home (a shuttle cycle)
      items += m;
      this.backlogTons[s] = this.backlogTons[s]! + m * this.scn.cargo[lot]!.shortTons;
    }
    this.backlogItems[s] = this.backlogItems[s]! + items;
    if (items > 0) this.liveRebuild(s);
    this.paxIn[s] = this.paxIn[s]! + ac.loadPax;
    if (ac.loadTons > 0 || ac.loadPax > 0) this.inflightTo[s] = this.inflightTo[s]! - 1;
    if (this.tr !== null) this.trace(ac, s, 'deposit', `${ac.loadTons.toFixed(3)} st, ${ac.loadPax} pax`);
    ac.nLoad = 0;
    ac.loadTons = 0;
    ac.loadPax = 0;
    this.wakeIdle();
    for (let x = 0; x < this.nS; x++) this.tryComplete(x, ac);
    if (!this.finished) this.tryTakeoff(ac);
  }

  // ------------------------------------------------------------------ away from the theatre

  private arriveDest(ac: Aircraft): void {
    if (this.tr !== null) {
      this.trace(ac, -1, 'arrive', this.nodeId(ac.dest));
      this.setPhase(ac, P_GROUND);
    }
    ac.site = -1;
    const t = Math.max(0, (this.turnaround[ac.dest - this.nS]!(), DRAW[0]!));
    this.sim.nextDelay = t;
    this.sim.scheduleNext(this.fTurnDone, ac);
  }

  private turnDone(ac: Aircraft): void {
    const home = ac.spec.homeNode;
    if (ac.dest === home) {
      this.backHome(ac);
      return;
    }
    const limit = ac.spec.crewDutyHours;
    if (limit !== null) this.legPlan(ac.type, ac.dest, home);
    if (limit !== null && this.sim.now - ac.dutyStart + R[0]! > limit + EPS) {
      const rest = Math.max(0, (this.crewRest[ac.type]!(), DRAW[0]!));
      this.beginWait(ac, C_CREW);
      if (this.tr !== null) this.trace(ac, -1, 'crew-rest', rest.toFixed(3));
      ac.dutyStart = this.sim.now + rest;
      this.sim.nextDelay = rest;
      this.sim.scheduleNext(this.fRestedAtDest, ac);
      return;
    }
    this.flyHome(ac);
  }

  private flyHome(ac: Aircraft): void {
    if (this.tr !== null) this.setPhase(ac, P_FLYING);
    const src = this.routeOf(ac);
    this.leg(ac.type, ac.dest, ac.spec.homeNode, src);
    const leg = R[0]!;
    this.sim.nextDelay = leg;
    this.sim.scheduleNext(this.fBackHome, ac);
  }

  private routeOf(ac: Aircraft): number {
    return ac.lastSite >= 0 ? ac.lastSite : 0;
  }

  private backHome(ac: Aircraft): void {
    ac.node = ac.spec.homeNode;
    ac.lastLanding = this.sim.now;
    this.setBusy(ac, false);
    clearDelays(ac);
    if (this.tr !== null) {
      this.trace(ac, -1, 'home', '');
      this.setPhase(ac, -1);
    }
    this.cycleStart(ac);
  }

  // ------------------------------------------------------------------ completion & series

  private tryComplete(s: number, ac: Aircraft | null): void {
    if (this.siteDone[s]) return;
    if (this.backlogItems[s]! > 0 || this.paxBacklog(s) > 0 || this.loadedOnGround[s]! > 0 || !this.upstreamDone(s)) return;
    const now = this.sim.now;
    this.ver++;
    this.siteDone[s] = 1;
    this.siteCompletion[s] = now;
    this.parkAccount(s);
    this.parkIntAtClose[s] = this.parkInt[s]!;
    this.capIntAtClose[s] = this.capInt[s]!;
    this.sitesDone++;
    if (this.tr !== null) this.trace(ac, s, 'site-closed', '');
    // a site with nothing left may unblock downstream sites
    for (let x = 0; x < this.nS; x++) if (x !== s) this.tryComplete(x, ac);
    if (this.sitesDone === this.nS && !this.finished) {
      this.finished = true;
      this.completion = now;
      if (this.sim.isRunning) this.sim.stop(); // (not when begin() finds nothing to move)
      if (ac !== null) {
        let best = -1, bestV = 0;
        for (let c = 0; c < NCAUSES; c++) if (ac.delays[c]! > bestV + 1e-12) { bestV = ac.delays[c]!; best = c; }
        this.binding = best;
      }
    }
    if (!this.finished) this.touchIdle();
  }

  /** Write the end-of-day remaining for every day that ended at or before now. */
  private flushDays(): void {
    const now = this.sim.now;
    const days = this.p.days;
    const nS = this.nS;
    while (this.nextDay < days && (this.nextDay + 1) * 24 <= now) {
      const d = this.nextDay++;
      for (let s = 0; s < nS; s++) {
        this.dailyRemTons[d * nS + s] = Math.max(0, this.groundTons[s]!);
        this.dailyRemPax[d * nS + s] = Math.max(0, this.groundPax[s]!);
      }
    }
  }

  private readonly fMilestone = (i: number): void => {
    this.evalMilestone(i);
  };

  private evalMilestone(i: number): void {
    if (this.milestoneDone[i]) return;
    this.milestoneDone[i] = true;
    const m = this.scn.milestones[i]!;
    const paxFrac = this.p.totalPersonnel > 0 ? this.movedPaxTotal / this.p.totalPersonnel : 1;
    const tonFrac = this.p.totalFlyableTons > 0 ? this.movedTonsTotal / this.p.totalFlyableTons : 1;
    this.milestones[i] = paxFrac + 1e-9 >= m.personnelFraction && tonFrac + 1e-9 >= m.cargoFraction;
    if (this.tr !== null) this.trace(null, -1, 'milestone', `${m.id}: ${this.milestones[i] ? 'met' : 'missed'}`);
  }

  private readonly fDeadline = (): void => {
    const n = this.nS;
    const tons = new Float64Array(n);
    const pax = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      tons[s] = Math.max(0, this.groundTons[s]!);
      pax[s] = Math.max(0, this.groundPax[s]!);
    }
    this.deadlineTons = tons;
    this.deadlinePax = pax;
  };

  private finish(): ReplicationResult {
    const end = this.finished ? this.completion! : Math.max(this.sim.now, this.scn.horizonHours);
    // close open waits and integrals at `end`
    for (const ac of this.aircraft) {
      if (ac.waitCause >= 0) {
        const dt = end - ac.waitStart;
        if (dt > 0) this.lostHours[ac.waitCause] = this.lostHours[ac.waitCause]! + dt;
        ac.waitCause = -1;
      }
      if (this.tr !== null && ac.phase >= 0) {
        this.tr.phase(ac.label, PHASE_NAMES[ac.phase]!, ac.phaseStart, end, ac.phaseSite);
        ac.phase = -1;
      }
    }
    const simNow = this.sim.now;
    // integrals up to `end` (the clock may stand at the horizon)
    const fakeNow = end;
    const t0 = this.fleetLastT;
    if (fakeNow > t0) {
      DAILY_SPAN[0] = t0;
      DAILY_SPAN[1] = fakeNow;
      addDaily(this.dailyBusy, 1, 0, this.busyN);
      addDaily(this.dailyAvail, 1, 0, this.availN);
      this.busyHours += this.busyN * (fakeNow - t0);
      this.availHours += this.availN * (fakeNow - t0);
    }
    const nS = this.nS;
    const parkUtil: number[] = [];
    for (let s = 0; s < nS; s++) {
      const tp = this.parkLastT[s]!;
      if (fakeNow > tp) {
        DAILY_SPAN[0] = tp;
        DAILY_SPAN[1] = fakeNow;
        addDaily(this.dailyPark, nS, s, this.parkInUse[s]!);
        if (!this.siteDone[s]) {
          this.parkInt[s] = this.parkInt[s]! + this.parkInUse[s]! * (fakeNow - tp);
          this.capInt[s] = this.capInt[s]! + this.parkCap[s]! * (fakeNow - tp);
        }
      }
      const pi = this.siteDone[s] ? this.parkIntAtClose[s]! : this.parkInt[s]!;
      const ci = this.siteDone[s] ? this.capIntAtClose[s]! : this.capInt[s]!;
      parkUtil.push(ci > 0 ? pi / ci : 0);
    }
    void simNow;
    // remaining series: every day not yet written holds the final state; those days are still
    // 0 (a fresh or reset arena, begin), so a final 0 (every cleared site) is not written again
    const days = this.p.days;
    const filledFrom = this.nextDay;
    for (let s = 0; s < nS; s++) {
      const tons = Math.max(0, this.groundTons[s]!);
      const pax = Math.max(0, this.groundPax[s]!);
      if (tons !== 0) for (let d = filledFrom; d < days; d++) this.dailyRemTons[d * nS + s] = tons;
      if (pax !== 0) for (let d = filledFrom; d < days; d++) this.dailyRemPax[d * nS + s] = pax;
    }
    this.nextDay = days;
    // The integrals stop at `end` (every span above ends at or before it: the clock never
    // passes it), so the means are 0 from day ceil(end / 24) on: not divided (0 / 24 = 0).
    const settled = Math.min(days, Math.max(filledFrom, Math.ceil(end / 24)));
    for (let d = 0; d < settled; d++) {
      this.dailyBusy[d] = this.dailyBusy[d]! / 24;
      this.dailyAvail[d] = this.dailyAvail[d]! / 24;
      for (let s = 0; s < nS; s++) this.dailyPark[d * nS + s] = this.dailyPark[d * nS + s]! / 24;
    }
    this.scn.milestones.forEach((_, i) => this.evalMilestone(i));
    if (this.deadlineTons === null) this.fDeadline();
    const N = nS + this.p.nDest;
    const routes: Record<string, number> = {};
    for (let s = 0; s < nS; s++) {
      for (let n = 0; n < N; n++) {
        const c = this.sortiesByRoute[s * N + n]!;
        if (c > 0) routes[this.p.routeKeys[s]![n]!] = c;
      }
    }
    return {
      index: this.replication,
      completionHours: this.completion,
      siteCompletionHours: this.siteCompletion.slice(),
      sortiesByType: plainArray(this.sortiesByType),
      sortiesByRoute: routes,
      lostHours: plainArray(this.lostHours),
      bindingCause: this.finished ? this.binding : -1,
      remainingShortTonsAtDeadline: plainArray(this.deadlineTons!),
      remainingPersonnelAtDeadline: plainArray(this.deadlinePax!),
      leftBehindShortTons: plainArray(this.p.leftBehindTons),
      movedShortTons: plainArray(this.movedTons),
      movedPersonnel: plainArray(this.movedPax),
      days,
      dailyRemainingShortTons: this.dailyRemTons,
      dailyRemainingPersonnel: this.dailyRemPax,
      dailyAircraftBusy: this.dailyBusy,
      dailyAircraftAvailable: this.dailyAvail,
      dailyParkingOccupied: this.dailyPark,
      aircraftUtilisation: this.availHours > 0 ? this.busyHours / this.availHours : 0,
      parkingUtilisation: parkUtil,
      milestones: this.milestones.slice(),
      events: this.sim.eventsProcessed,
      dailySettledFrom: settled,
    };
  }

  /** Per-site, per-category accounting at the end of the run (for invariant tests). */
  internals(): ReplicationInternals {
    const nS = this.nS;
    const init = new Float64Array(nS * 4);
    const rem = new Float64Array(nS * 4);
    const lb = new Float64Array(nS * 4);
    const onGround = new Float64Array(nS * 4);
    const inFlight = new Float64Array(nS * 4);
    this.scn.cargo.forEach((lot, i) => {
      const c = this.p.lotCategory[i]!;
      const w = lot.shortTons * lot.count;
      init[lot.site * 4 + c] = init[lot.site * 4 + c]! + w;
      if (lot.leaveBehind) lb[lot.site * 4 + c] = lb[lot.site * 4 + c]! + w;
      for (let s = 0; s < nS; s++) {
        const n = this.backlog[s * this.p.nLots + i]!;
        rem[s * 4 + c] = rem[s * 4 + c]! + n * lot.shortTons;
      }
    });
    for (const ac of this.aircraft) {
      if (ac.nLoad === 0 || ac.site < 0) continue;
      // loaded at ac.site, not yet departed (stage 0) or shuttle load in flight / on the drop-off ramp (stage 1)
      for (let j = 0; j < ac.nLoad; j++) {
        const lot = ac.loadLots[j]!;
        const c = this.p.lotCategory[lot]!;
        const w = ac.loadCounts[j]! * this.scn.cargo[lot]!.shortTons;
        if (ac.stage === 0) onGround[ac.site * 4 + c] = onGround[ac.site * 4 + c]! + w;
        else if (ac.stage === 1) inFlight[ac.site * 4 + c] = inFlight[ac.site * 4 + c]! + w;
      }
    }
    return {
      initialTons: init, movedTons: this.catMoved.slice(), remainingTons: rem, leftBehindTons: lb,
      transferredInTons: this.catIn.slice(), transferredOutTons: this.catOut.slice(),
      onGroundLoadedTons: onGround, inFlightShuttleTons: inFlight, endTime: this.sim.now,
    };
  }
}
