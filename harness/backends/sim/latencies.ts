/**
 * The simulated node's latencies. Without jitter every value is a fixed nominal one; with jitter
 * they are drawn from a seeded PRNG inside the windows the reference model assumes (pod created ->
 * first sync 0.05-1 s, CRI steps 0-0.2 s, requeue jitter factor U[1, 1.5), KUBELET-FACTS §1.2).
 */
import type { Ms } from './clock.ts';
import { Prng } from './prng.ts';

/** Where the simulator's own delays come from. */
export class Latencies {
  private readonly prng: Prng | undefined;
  /** PLEG relists run at `relistPhaseMs + k * 1000` (§1.2 genericPlegRelistPeriod). */
  readonly relistPhaseMs: Ms;

  constructor(seed: number | undefined) {
    this.prng = seed === undefined ? undefined : new Prng(seed);
    this.relistPhaseMs = this.prng === undefined ? 500 : Math.floor(this.prng.between(0, 1000));
  }

  /** From the pod's creation to the kubelet's first sync of it. */
  firstSync(): Ms {
    return this.draw(100, 50, 1000);
  }

  /** One CRI step inside a sync (pull start, create, start, hook start, next container); never 0. */
  criStep(): Ms {
    return this.draw(20, 1, 200);
  }

  /** From an API change (a delete) to the kubelet's pod worker hearing of it (the watch). */
  watch(): Ms {
    return this.draw(50, 50, 100);
  }

  /**
   * What the model calls "at once" but a real node cannot make simultaneous: a CRI call reaching
   * the process (StopContainer after a hook), a TERM trap exiting, a zero-length pull. One clock tick.
   */
  instant(): Ms {
    return 1;
  }

  /** A failed pull fails this long after it started. */
  pullFailure(): Ms {
    return 50;
  }

  /** The pod worker's requeue jitter factor (workerBackOffPeriodJitterFactor 0.5). */
  requeueFactor(): number {
    return this.prng === undefined ? 1 : this.prng.between(1, 1.5);
  }

  /** From TerminatePod to the status manager's removal of the API object. */
  removal(): Ms {
    return this.draw(50, 0, 1000);
  }

  private draw(nominal: Ms, min: Ms, max: Ms): Ms {
    return this.prng === undefined ? nominal : Math.round(this.prng.between(min, max));
  }
}
