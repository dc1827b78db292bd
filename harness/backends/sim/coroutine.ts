/**
 * Goroutines for the simulator: kubelet activities (a pod sync, a kill, a hook) are generators that
 * yield what they wait for, and the scheduler resumes them from the virtual clock. Nested steps use
 * `yield*`, parallel ones are spawned as tasks and awaited through their `done` latch.
 */
import type { Clock, Ms } from './clock.ts';

/** A one-shot signal: waiters run once, when it fires (at once if it already has). */
export class Latch {
  done = false;
  private waiters: Array<() => void> | undefined;

  fire(): void {
    if (this.done) return;
    this.done = true;
    const waiters = this.waiters;
    this.waiters = undefined;
    if (waiters !== undefined) for (const w of waiters) w();
  }

  onFire(fn: () => void): void {
    if (this.done) {
      fn();
      return;
    }
    (this.waiters ??= []).push(fn);
  }
}

/** A wait for a latch that gives up after `timeoutMs`; resumes with whether the latch fired. */
export class TimedWait {
  constructor(
    readonly latch: Latch,
    readonly timeoutMs: Ms,
  ) {}
}

/** What an activity may wait for: a sleep in ms, a latch, or a latch with a timeout. */
export type Wait = Ms | Latch | TimedWait;

/** An activity: resumed with `true` when the latch it waited for fired, `false` otherwise. */
export type Activity<R> = Generator<Wait, R, boolean>;

/** A running activity and the latch that fires when it ends. */
export interface Task<R> {
  readonly done: Latch;
  result: R | undefined;
}

/** Starts an activity now; its first step runs synchronously. */
export function spawn<R>(clock: Clock, activity: Activity<R>): Task<R> {
  const task: Task<R> = { done: new Latch(), result: undefined };
  step(clock, activity, task, false);
  return task;
}

function step<R>(clock: Clock, activity: Activity<R>, task: Task<R>, input: boolean): void {
  let value = input;
  for (;;) {
    const r = activity.next(value);
    if (r.done === true) {
      task.result = r.value;
      task.done.fire();
      return;
    }
    const wait = r.value;
    if (typeof wait === 'number') {
      clock.after(wait, () => {
        step(clock, activity, task, false);
      });
      return;
    }
    if (wait instanceof Latch) {
      if (wait.done) {
        value = true;
        continue;
      }
      wait.onFire(() => {
        step(clock, activity, task, true);
      });
      return;
    }
    if (wait.latch.done) {
      value = true;
      continue;
    }
    let settled = false;
    wait.latch.onFire(() => {
      if (settled) return;
      settled = true;
      step(clock, activity, task, true);
    });
    clock.after(wait.timeoutMs, () => {
      if (settled) return;
      settled = true;
      step(clock, activity, task, false);
    });
    return;
  }
}
