/**
 * Chains: sequences of lifecycle steps written as generators that yield waits. A chain is how the
 * model says "this happens, then after this window that happens" without callbacks; the engine
 * resumes it with the moment the wait ended.
 */
import type { Delay, Moment } from './delay.ts';

export type Wait =
  | { readonly type: 'delay'; readonly from: Moment; readonly delay: Delay; readonly seconds?: number }
  | {
      readonly type: 'until';
      readonly from: Moment;
      /** true once the awaited thing happened; re-checked after every emitted event */
      readonly check: () => boolean;
      /** give up this long after the wait began (the moment returned then has `timedOut`) */
      readonly timeout?: Delay;
      /** the timeout's value on this run, when the caller drew it (else the engine picks it from `timeout`) */
      readonly timeoutSeconds?: number;
    };

export interface Resumed extends Moment {
  readonly timedOut?: boolean;
}

export type Chain<R = void> = Generator<Wait, R, Resumed>;

/** Wait for a delay after `from` (the chain's current moment, so windows stay anchored on its last point). */
export function wait(from: Moment, delay: Delay, seconds?: number): Wait {
  return seconds === undefined ? { type: 'delay', from, delay } : { type: 'delay', from, delay, seconds };
}

/** Wait from `from` until `check` holds, or until `timeout` has passed (`timeoutSeconds` on this run, if given). */
export function until(from: Moment, check: () => boolean, timeout?: Delay, timeoutSeconds?: number): Wait {
  if (!timeout) return { type: 'until', from, check };
  return timeoutSeconds === undefined
    ? { type: 'until', from, check, timeout }
    : { type: 'until', from, check, timeout, timeoutSeconds };
}
