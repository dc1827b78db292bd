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

/** The scheduler's record of one activity; its resume callbacks are made once, not per wait. */
class Runner<R> implements Task<R> {
  readonly done = new Latch();
  result: R | undefined;
  /** counts timed waits so a late latch or timer of an earlier wait is ignored */
  private wait = 0;
  private readonly resumeTimer = (): void => {
    this.step(false);
  };
  private readonly resumeLatch = (): void => {
    this.step(true);
  };

  constructor(
    private readonly clock: Clock,
    private readonly activity: Activity<R>,
  ) {}

  step(input: boolean): void {
    let value = input;
    for (;;) {
      const r = this.activity.next(value);
      if (r.done === true) {
        this.result = r.value;
        this.done.fire();
        return;
      }
      const wait = r.value;
      if (typeof wait === 'number') {
        this.clock.after(wait, this.resumeTimer);
        return;
      }
      if (wait instanceof Latch) {
        if (wait.done) {
          value = true;
          continue;
        }
        wait.onFire(this.resumeLatch);
        return;
      }
      if (wait.latch.done) {
        value = true;
        continue;
      }
      this.timed(wait);
      return;
    }
  }

  private timed(wait: TimedWait): void {
    const id = ++this.wait;
    wait.latch.onFire(() => {
      if (this.wait !== id) return;
      this.wait++;
      this.step(true);
    });
    this.clock.after(wait.timeoutMs, () => {
      if (this.wait !== id) return;
      this.wait++;
      this.step(false);
    });
  }
}

/** Starts an activity now; its first step runs synchronously. */
export function spawn<R>(clock: Clock, activity: Activity<R>): Task<R> {
  const runner = new Runner(clock, activity);
  runner.step(false);
  return runner;
}
