/**
 * The model's clock: time arrives as scheduled stimuli, never from a real clock. Chains yield waits;
 * the engine resumes them in time order. Every run is deterministic for a scenario and a profile.
 */
import { Agenda } from './agenda.ts';
import type { Chain, Resumed, Wait } from './chain.ts';
import { advance, pickDelay, type Delay, type LatencyProfile, type Moment } from './delay.ts';

interface Waiter {
  readonly check: () => boolean;
  readonly resume: (m: Resumed) => void;
  done: boolean;
}

export class Engine {
  readonly profile: LatencyProfile;
  private readonly agenda = new Agenda();
  private waiters: Waiter[] = [];
  /** the moment of the stimulus being handled: waiters woken by it resume at it */
  private cause: Moment = { t: 0, loSeconds: 0, hiSeconds: 0 };
  now = 0;
  private stopped = false;

  constructor(profile: LatencyProfile) {
    this.profile = profile;
  }

  pick(delay: Delay): number {
    return pickDelay(delay, this.profile);
  }

  /** Runs `fn` at `at.t` with `at` as the current cause. */
  at(at: Moment, fn: (m: Moment) => void): void {
    this.agenda.schedule(at.t, () => {
      this.cause = at;
      fn(at);
    });
  }

  /** Starts a chain at a moment; `onDone` gets its result and the moment it finished. */
  spawn<R>(chain: Chain<R>, start: Moment, onDone?: (result: R, m: Moment) => void): void {
    this.at(start, (m) => {
      this.step(chain, m, onDone);
    });
  }

  /** Tells the engine that something observable happened at `m`: waiting chains re-check their conditions. */
  notify(m: Moment): void {
    this.cause = m;
    this.wakeWaiters();
  }

  stop(): void {
    this.stopped = true;
  }

  /**
   * Runs every stimulus up to `untilSeconds` (inclusive); `onAdvance`, if given, hears the model time now and then
   * (every few thousand stimuli), so a caller can show how far a long run has got.
   */
  run(untilSeconds: number, onAdvance?: (nowSeconds: number) => void): void {
    for (let handled = 1; ; handled++) {
      if (this.stopped) return;
      const next = this.agenda.peekTime();
      if (next === undefined || next > untilSeconds) return;
      const task = this.agenda.pop();
      if (!task) return;
      this.now = task.t;
      task.run();
      this.wakeWaiters();
      if (onAdvance !== undefined && handled % 4096 === 0) onAdvance(this.now);
    }
  }

  private step<R>(chain: Chain<R>, resumed: Resumed, onDone?: (result: R, m: Moment) => void): void {
    const r = chain.next(resumed);
    if (r.done) {
      onDone?.(r.value, resumed);
      return;
    }
    this.handle(chain, r.value, onDone);
  }

  private handle<R>(chain: Chain<R>, w: Wait, onDone?: (result: R, m: Moment) => void): void {
    const from = w.from;
    switch (w.type) {
      case 'delay': {
        const seconds = w.seconds ?? this.pick(w.delay);
        const next = advance(from, w.delay, seconds);
        this.at(next, (m) => {
          this.step(chain, m, onDone);
        });
        return;
      }
      case 'until': {
        if (w.check()) {
          this.step(chain, from, onDone);
          return;
        }
        const waiter: Waiter = {
          check: w.check,
          done: false,
          resume: (m) => {
            this.step(chain, m, onDone);
          },
        };
        this.waiters.push(waiter);
        if (w.timeout) {
          const timeoutAt = advance(from, w.timeout, w.timeoutSeconds ?? this.pick(w.timeout));
          this.at(timeoutAt, (m) => {
            if (waiter.done) return;
            waiter.done = true;
            waiter.resume({ ...m, timedOut: true });
          });
        }
        return;
      }
    }
  }

  private waking = false;
  private dirty = false;

  private wakeWaiters(): void {
    // A woken chain may emit points and so notify again; the outer pass absorbs that instead of recursing.
    if (this.waking) {
      this.dirty = true;
      return;
    }
    // most notifications find nobody waiting (a few hundred per prediction): skip the pass and its arrays
    if (this.waiters.length === 0) return;
    this.waking = true;
    let woke = true;
    while (woke || this.dirty) {
      woke = false;
      this.dirty = false;
      const pending = this.waiters;
      this.waiters = [];
      const kept: Waiter[] = [];
      for (const waiter of pending) {
        if (waiter.done) continue;
        if (waiter.check()) {
          waiter.done = true;
          woke = true;
          waiter.resume(this.cause);
        } else {
          kept.push(waiter);
        }
      }
      // waiters added by the chains just resumed go after the ones kept
      this.waiters = this.waiters.length === 0 ? kept : kept.concat(this.waiters);
    }
    this.waking = false;
  }
}
