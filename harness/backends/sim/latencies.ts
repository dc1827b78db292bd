/**
 * The simulated node's latencies, in three modes. `nominal`: every value fixed. `jitter`: the kubelet's
 * own waits drawn from a seeded PRNG (pod created -> first sync 0.05-1 s, CRI steps 1-200 ms, requeue
 * factor U[1, 1.5), KUBELET-FACTS §1.2; delete -> pod worker a few ms to 0.1 s, Corrections 21).
 * `realistic`: as jitter, plus what a real node adds to every runtime call: milliseconds on hook and
 * probe execs, signal delivery, process reaping and TERM traps, pulls that take what a registry takes
 * with the serial puller's queue before them (Corrections 17), and sync-ticker and probe-worker phases
 * that are not tied to the pod. Every draw comes from one seeded PRNG, so a seed replays exactly.
 */
import type { HandlerAction } from '../../../specs/vocabulary/index.ts';
import type { Ms } from './clock.ts';
import { Prng } from './prng.ts';

/** How the simulator draws its delays. */
export type LatencyMode = 'nominal' | 'jitter' | 'realistic';

/** One pull as the image manager sees it: waiting in the serial puller's queue, then the pull itself. */
export interface PullTiming {
  readonly queueMs: Ms;
  readonly pullMs: Ms;
  /** the pull's sub-millisecond remainder plus the bookkeeping between the two clocks, in ms (< 2) */
  readonly fractionMs: number;
}

/** Where the simulator's own delays come from. */
export class Latencies {
  private readonly prng: Prng | undefined;
  private readonly realistic: boolean;
  /** PLEG relists run at `relistPhaseMs + k * 1000` (§1.2 genericPlegRelistPeriod). */
  readonly relistPhaseMs: Ms;
  /**
   * The kubelet's 1 s sync ticker runs at `syncTickerPhaseMs + k * 1000`; it started with the kubelet, so
   * on a real node its phase has nothing to do with the pod. Undefined: ticks counted from the pod's start.
   */
  readonly syncTickerPhaseMs: Ms | undefined;
  /** when the kubelet started, relative to the pod's creation (realistic: 1-60 s before it one time in 20) */
  readonly kubeletStartedMs: Ms;

  constructor(
    readonly mode: LatencyMode,
    seed: number,
  ) {
    this.prng = mode === 'nominal' ? undefined : new Prng(seed);
    this.realistic = mode === 'realistic';
    this.relistPhaseMs = this.prng === undefined ? 500 : this.prng.int(0, 999);
    this.syncTickerPhaseMs = this.realistic && this.prng !== undefined ? this.prng.int(0, 999) : undefined;
    this.kubeletStartedMs =
      this.realistic && this.prng !== undefined && this.prng.next() < 0.05
        ? -this.prng.int(1000, 60_000)
        : Number.NEGATIVE_INFINITY;
  }

  /** From the pod's creation to the kubelet's first sync of it (watch, admission, pod worker start). */
  firstSync(): Ms {
    if (this.prng === undefined) return 100;
    return this.realistic ? Math.round(this.prng.logBetween(50, 1000)) : this.prng.int(50, 1000);
  }

  /**
   * One CRI step inside a sync (pull start, create, start, hook start, next container); never 0. Realistic:
   * 3-150 ms, log-uniform (containerd's create and start take tens of ms), so that with a handler's own
   * setup (up to 20 ms) a step stays within the 0.2 s the jitter mode already draws.
   */
  criStep(): Ms {
    if (this.prng === undefined) return 20;
    return this.realistic ? Math.round(this.prng.logBetween(3, 150)) : this.prng.int(1, 200);
  }

  /** From an API change (a delete) to the kubelet's pod worker hearing of it: watch plus hand-off (Corrections 21). */
  watch(): Ms {
    return this.prng === undefined ? 50 : this.prng.int(2, 100);
  }

  /** One hand-off inside the kubelet (a channel, a goroutine wake-up): the model's "at once", never simultaneous. */
  instant(): Ms {
    return this.prng === undefined || !this.realistic ? 1 : this.prng.int(1, 3);
  }

  /** From the kubelet's decision to run a hook to the handler starting (ExecSync, the HTTP client, a timer). */
  hookCall(): Ms {
    return this.realistic && this.prng !== undefined ? this.prng.int(1, 15) : 1;
  }

  /** From CRI StopContainer (or its timeout) to the signal reaching the process. */
  signalDelivery(): Ms {
    return this.realistic && this.prng !== undefined ? this.prng.int(1, 8) : 1;
  }

  /** From a process's exit to the runtime having reaped it (StopContainer and execs in it return then). */
  reaping(): Ms {
    return this.realistic && this.prng !== undefined ? this.prng.int(1, 10) : 0;
  }

  /** How long a TERM trap that exits after `afterMs` really takes: at least one tick. */
  trapExit(afterMs: Ms): Ms {
    if (this.realistic && this.prng !== undefined) return afterMs + this.prng.int(1, 20);
    return Math.max(afterMs, 1);
  }

  /** What a handler run costs beyond the work it was told to do: an exec's runc start, an HTTP round trip. */
  handlerOverhead(action: HandlerAction): Ms {
    if (!this.realistic || this.prng === undefined) return 0;
    switch (action.type) {
      case 'exec':
        return Math.round(this.prng.logBetween(3, 40));
      case 'httpGet':
      case 'tcpSocket':
      case 'grpc':
        return this.prng.int(1, 10);
      case 'sleep':
        return this.prng.int(0, 2);
    }
  }

  /**
   * From a probe worker's creation (at `createdAt`) to its first probe; its ticker starts then. The
   * goroutine starts within a few ms; but a worker created less than one period after the kubelet
   * started first sleeps a random part of the period (prober/worker.go run), and a realistic node was
   * started shortly before the pod one time in twenty (`kubeletStartedMs`).
   */
  probeWorkerStart(createdAt: Ms, periodMs: Ms): Ms {
    if (!this.realistic || this.prng === undefined) return 0;
    if (createdAt - this.kubeletStartedMs < periodMs) return this.prng.int(0, periodMs - 1);
    return this.prng.int(0, 3);
  }

  /**
   * A successful pull of a world that says it takes `transferMs`. Realistic: plus what a registry adds
   * (manifest round trips, unpacking: 8-250 ms, log-uniform) and, one time in ten, another pod's pull
   * ahead in the node's serial queue (5-60 ms); otherwise a queue of 0-4 ms.
   */
  pull(transferMs: Ms): PullTiming {
    if (!this.realistic || this.prng === undefined) return { queueMs: 0, pullMs: transferMs, fractionMs: 0 };
    const p = this.prng;
    const queueMs = p.next() < 0.1 ? p.int(5, 60) : p.int(0, 4);
    return { queueMs, pullMs: transferMs + Math.round(p.logBetween(8, 250)), fractionMs: p.between(0, 1.98) };
  }

  /** A failed pull fails this long after it started (a refused connection, a registry's 404). */
  pullFailure(): Ms {
    if (!this.realistic || this.prng === undefined) return 50;
    return Math.round(this.prng.logBetween(10, 300));
  }

  /** The pod worker's requeue jitter factor (workerBackOffPeriodJitterFactor 0.5). */
  requeueFactor(): number {
    return this.prng === undefined ? 1 : this.prng.between(1, 1.5);
  }

  /** From TerminatePod to the status manager's removal of the API object. */
  removal(): Ms {
    return this.prng === undefined ? 50 : this.prng.int(0, 1000);
  }
}
