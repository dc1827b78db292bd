/**
 * Chains: sequences of lifecycle steps written as generators that yield waits. A chain is how the
 * model says "this happens, then after this window that happens" without callbacks; the engine
 * resumes it with the moment the wait ended.
 */
import type { Delay, Moment } from './delay.ts';

export type Wait =
  | { readonly type: 'delay'; readonly delay: Delay; readonly seconds?: number }
  | {
      readonly type: 'until';
      /** true once the awaited thing happened; re-checked after every emitted event */
      readonly check: () => boolean;
      /** give up this long after the wait began (the moment returned then has `timedOut`) */
      readonly timeout?: Delay;
    };

export interface Resumed extends Moment {
  readonly timedOut?: boolean;
}

export type Chain<R = void> = Generator<Wait, R, Resumed>;

/** Wait for a delay; `seconds` overrides the profile's pick (for delays computed on the fly). */
export function wait(delay: Delay, seconds?: number): Wait {
  return seconds === undefined ? { type: 'delay', delay } : { type: 'delay', delay, seconds };
}

export function until(check: () => boolean, timeout?: Delay): Wait {
  return timeout ? { type: 'until', check, timeout } : { type: 'until', check };
}
