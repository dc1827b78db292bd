/**
 * Delays and moments. A delay is a window [min, max] with a most likely value; a moment is a time
 * plus the point it follows from and the window accumulated since that point. The model runs once
 * per latency profile (every delay at its nominal, minimum or maximum value) and the windows tell the
 * differ how far a correct kubelet may stray from the nominal timeline.
 */
import type { PointRef, RuleId } from '../../vocabulary/index.ts';

export interface Delay {
  readonly minSeconds: number;
  readonly nominalSeconds: number;
  readonly maxSeconds: number;
  /** the rule that bounds this delay */
  readonly rule: RuleId;
}

/**
 * Every delay drawn anew, uniformly within its own [min, max], on each use: the self-check's way of exploring mixed
 * timings (one container early, another late) that the three corner profiles never meet. `next` is a PRNG the caller
 * owns, returning numbers in [0, 1): the model stays pure and every draw replays from its seed.
 */
export interface DrawnLatencies {
  readonly kind: 'drawn';
  readonly next: () => number;
}

/** Which value of every delay a run of the model takes. */
export type LatencyProfile = 'nominal' | 'early' | 'late' | DrawnLatencies;

export interface Moment {
  /** seconds since pod.created under the current profile */
  readonly t: number;
  /** the last point on the causal path to this moment */
  readonly anchor?: PointRef;
  /** accumulated window since the anchor */
  readonly loSeconds: number;
  readonly hiSeconds: number;
}

export const podCreationMoment: Moment = { t: 0, loSeconds: 0, hiSeconds: 0 };

export function exactDelay(seconds: number, rule: RuleId): Delay {
  return { minSeconds: seconds, nominalSeconds: seconds, maxSeconds: seconds, rule };
}

export function pickDelay(delay: Delay, profile: LatencyProfile): number {
  if (typeof profile === 'object') return delay.minSeconds + profile.next() * (delay.maxSeconds - delay.minSeconds);
  switch (profile) {
    case 'nominal':
      return delay.nominalSeconds;
    case 'early':
      return delay.minSeconds;
    case 'late':
      return delay.maxSeconds;
  }
}

/** The moment `delay` after `from`, the delay taking the value `seconds` on this run. */
export function advance(from: Moment, delay: Delay, seconds: number): Moment {
  const t = from.t + seconds;
  const loSeconds = from.loSeconds + delay.minSeconds;
  const hiSeconds = from.hiSeconds + delay.maxSeconds;
  // two literals rather than a conditional spread: this runs at every wait of every chain
  return from.anchor ? { t, anchor: from.anchor, loSeconds, hiSeconds } : { t, loSeconds, hiSeconds };
}

/** A moment re-anchored on a point that was just emitted at it. */
export function anchoredAt(t: number, ref: PointRef): Moment {
  return { t, anchor: ref, loSeconds: 0, hiSeconds: 0 };
}
