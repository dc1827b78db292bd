/**
 * Timing discipline shared by every generator: the margins that keep independent timings apart, the coarse grid
 * timings are drawn from, and `awayFrom`, the map that moves a timing out of the windows it must not touch.
 */
import fc from 'fast-check';

/**
 * What one dependent step of a real kubelet may add to a nominal time: the PLEG relist every 1 s plus the pod
 * worker's wait for a relist newer than its last sync (KUBELET-FACTS §1.2, Corrections 5 and 10). A time that follows
 * n steps after pod creation is therefore only known to within n × this.
 */
export const STEP_LATENCY_SECONDS = 1.5;

/**
 * Two independent timings that could decide an outcome differently depending on which comes first (a delete and a
 * container's exit, a preStop's duration and the grace period, a probe boundary and the probe tick that decides, an
 * exit and a postStart's end, `observeFor` and any state change) are at least this far apart. A real node's jitter of
 * up to ~1.5 s per step then cannot flip the outcome; 2 s leaves half a second for clock resolution and for the
 * floor() in the kubelet's grace arithmetic (KUBELET-FACTS §5.2).
 */
export const TIMING_MARGIN_SECONDS = 2;

/** The coarse grid (in seconds) that independent timings are drawn from before margins move them. */
export const TIME_GRID_SECONDS = 2;

/** A closed interval of seconds in which something may happen: [earliest, latest]. */
export interface Window {
  readonly lo: number;
  readonly hi: number;
}

/** A window of a single instant. */
export function at(seconds: number): Window {
  return { lo: seconds, hi: seconds };
}

/** The window shifted by a window: every sum of a point of each. */
export function plus(a: Window, b: Window | number): Window {
  return typeof b === 'number' ? { lo: a.lo + b, hi: a.hi + b } : { lo: a.lo + b.lo, hi: a.hi + b.hi };
}

/** The window that covers both. */
export function hull(a: Window, b: Window): Window {
  return { lo: Math.min(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** Pointwise maximum of two windows: when the later of two things happens. */
export function later(a: Window, b: Window | number): Window {
  return typeof b === 'number'
    ? { lo: Math.max(a.lo, b), hi: Math.max(a.hi, b) }
    : { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
}

/** Whether `seconds` is closer than `margin` to the window (touching at exactly `margin` is allowed). */
export function isNear(seconds: number, window: Window, margin: number): boolean {
  return seconds > window.lo - margin && seconds < window.hi + margin;
}

/**
 * The smallest whole number of seconds ≥ `seconds` that is at least `margin` away from every window. It only moves
 * forward and is monotone in `seconds`, so a timing drawn from a grid and shrunk towards 0 still shrinks after this
 * map, and no value is ever rejected (map, not filter).
 */
export function awayFrom(seconds: number, windows: ReadonlyArray<Window>, margin: number): number {
  let value = seconds;
  // One pass over the windows in order of their start suffices: once `value` lies below a window it lies below all
  // later ones, and pushing only ever moves it forward.
  const sorted = [...windows].sort((a, b) => a.lo - b.lo);
  for (const window of sorted) {
    if (isNear(value, window, margin)) value = Math.ceil(window.hi + margin);
  }
  return value;
}

/** Whole multiples of `stepSeconds` from `minSteps` to `maxSteps` steps, shrinking towards the smallest. */
export function gridSeconds(
  maxSteps: number,
  stepSeconds: number = TIME_GRID_SECONDS,
  minSteps = 0,
): fc.Arbitrary<number> {
  return fc.integer({ min: minSteps, max: maxSteps }).map((steps) => steps * stepSeconds);
}
