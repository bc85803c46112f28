/**
 * Local time of day, operating windows and per-day accumulation.
 *
 * Sim time is hours from the scenario start. Local hour of day at t is
 * (startLocalHourOfDay + t) mod 24. Daily series follow result.ts: day d covers sim
 * hours [24d, 24(d+1)).
 */

/** Tolerance for comparing clock values computed by float arithmetic (about 0.004 s). */
export const EPS = 1e-6;

export function localHour(startLocalHour: number, t: number): number {
  const h = (startLocalHour + t) % 24;
  return h < 0 ? h + 24 : h;
}

/** Is local hour h inside [open, close)? close < open wraps over midnight; open == close means 24 h. */
export function inWindow(open: number, close: number, h: number): boolean {
  if (open === close) return true;
  if (open < close) return h >= open - EPS && h < close - EPS;
  return h >= open - EPS || h < close - EPS;
}

/** Hours from local hour h until the window next opens (0 when open now). */
export function hoursUntilOpen(open: number, close: number, h: number): number {
  if (inWindow(open, close, h)) return 0;
  let d = (open - h) % 24;
  if (d < 0) d += 24;
  return d < EPS ? 0 : d;
}

/**
 * The interval [t0, t1) = [DAILY_SPAN[0], DAILY_SPAN[1]) of the next addDaily: set it, then
 * call. Not arguments: V8 boxes a double passed to a call it does not inline.
 */
export const DAILY_SPAN = new Float64Array(2);

/**
 * Adds `value * hours` to `arr[day * stride + offset]` for every day the interval
 * [t0, t1) of DAILY_SPAN overlaps (days beyond the array are dropped). Divide by 24 for a
 * daily mean.
 */
export function addDaily(arr: Float64Array, stride: number, offset: number, value: number): void {
  const t0 = DAILY_SPAN[0]!;
  const t1 = DAILY_SPAN[1]!;
  if (value === 0 || t1 <= t0) return;
  const days = arr.length / stride;
  let t = t0;
  while (t < t1) {
    const day = Math.floor(t / 24);
    if (day >= days) return;
    const end = Math.min(t1, (day + 1) * 24);
    const i = day * stride + offset;
    arr[i] = arr[i]! + value * (end - t);
    t = end;
  }
}
