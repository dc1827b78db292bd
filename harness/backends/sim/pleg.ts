/**
 * The generic PLEG: a relist every second (KUBELET-FACTS §1.2) that turns container state changes
 * into pod-worker wake-ups. Relists that would find nothing are not simulated; a change schedules
 * the next relist on the 1 s grid, and the grid itself answers "when was the last relist".
 */
import type { Ms } from './clock.ts';
import type { World } from './world.ts';

const relistPeriodMs = 1000;

/** The relist grid and the pending relist. */
export class Pleg {
  private scheduledAt: Ms = -1;
  private lastRun: Ms = Number.NEGATIVE_INFINITY;

  constructor(private readonly w: World) {}

  /** The latest relist at or before `t` (the pod cache's timestamp then). */
  lastRelistAt(t: Ms): Ms {
    const phase = this.w.latencies.relistPhaseMs;
    return phase + Math.floor((t - phase) / relistPeriodMs) * relistPeriodMs;
  }

  /** The first relist strictly after `t`. */
  nextRelistAfter(t: Ms): Ms {
    return this.lastRelistAt(t) + relistPeriodMs;
  }

  /** A container or sandbox changed state: the next relist will see it and wake the pod worker. */
  changed(): void {
    const now = this.w.clock.now;
    let at = this.lastRelistAt(now);
    if (at < now || at <= this.lastRun) at += relistPeriodMs;
    if (this.scheduledAt === at) return;
    this.scheduledAt = at;
    this.w.clock.at(at, () => {
      this.relist(at);
    });
  }

  private relist(at: Ms): void {
    if (this.scheduledAt !== at) return;
    this.scheduledAt = -1;
    this.lastRun = at;
    // the event reaches the pod worker through the sync loop, after the relist refreshed the cache: a worker
    // that was waiting for this relist is already syncing and takes it as one more update (Corrections 8)
    this.w.clock.after(this.w.latencies.instant(), () => {
      this.w.worker.requestSync();
    });
  }
}
