/**
 * The pod worker (pod_workers.go podWorkerLoop, kubelet.go SyncPod / SyncTerminatingPod /
 * SyncTerminatedPod; KUBELET-FACTS §1, §5, Corrections 4, 5, 10): serial syncs, each after a relist
 * newer than the previous sync; status written at sync start from that relist's snapshot; requeue
 * by outcome on the 1 s sync ticker; termination with the effective grace; removal of a deleted pod.
 */
import type { Ms } from './clock.ts';
import type { Activity } from './coroutine.ts';
import { Latch, spawn } from './coroutine.ts';
import { sandboxFailedMessage } from './events.ts';
import { killContainer, killPod } from './kill.ts';
import { computePodActions } from './pod-actions.ts';
import type { Instance } from './runtime.ts';
import { Snapshot } from './snapshot.ts';
import { startContainer } from './start.ts';
import { generateApiPodStatus } from './status.ts';
import type { World } from './world.ts';

/** Which of the three sync functions runs next. */
export type WorkerState = 'sync' | 'terminating' | 'terminated' | 'done';

const syncFrequencyMs = 60_000;
const backOffPeriodMs = 10_000;

/** The one pod worker. */
export class PodWorker {
  state: WorkerState = 'sync';
  /** deviation `init-rerun-on-app-restart`: init records created before this are forgotten */
  reinitAfter: Ms = -1;
  private pending = false;
  private wake: Latch | undefined;
  private lastSyncEnd: Ms = Number.NEGATIVE_INFINITY;
  private requeueSeq = 0;
  /** the pod's status.startTime; the sync ticker and the deadline check run from it */
  private startTime: Ms | undefined;
  /** calculateEffectiveGracePeriod's remembered value (0 = none yet) */
  private graceSeconds = 0;

  constructor(private readonly w: World) {}

  /** Starts the worker loop; the pod's first sync follows its creation after a short delay. */
  begin(): void {
    spawn(this.w.clock, this.loop());
    this.w.clock.at(this.w.latencies.firstSync(), () => {
      this.requestSync();
    });
  }

  /** An update for the pod (PLEG event, probe result, requeue, deadline): a sync will follow. */
  requestSync(): void {
    if (this.state === 'done') return;
    this.pending = true;
    const wake = this.wake;
    if (wake !== undefined) {
      this.wake = undefined;
      wake.fire();
    }
  }

  /** The kubelet saw the pod's deletionTimestamp: remember the grace, move on to termination. */
  podDeleted(): void {
    this.effectiveGrace();
    if (this.state === 'sync') this.state = 'terminating';
    this.requestSync();
  }

  private *loop(): Activity<void> {
    const w = this.w;
    for (;;) {
      while (!this.pending) {
        const wake = new Latch();
        this.wake = wake;
        yield wake;
      }
      // every sync waits for a relist newer than the previous sync (podCache.GetNewerThan, Corrections 5)
      const now = w.clock.now;
      if (w.pleg.lastRelistAt(now) <= this.lastSyncEnd) yield w.pleg.nextRelistAfter(this.lastSyncEnd) - now;
      this.pending = false;
      const snap = new Snapshot(w.runtime, w.pod.all, w.pleg.lastRelistAt(w.clock.now));
      switch (this.state) {
        case 'sync':
          yield* this.syncPod(snap);
          break;
        case 'terminating':
          yield* this.syncTerminatingPod(snap);
          this.state = 'terminated';
          this.pending = true;
          break;
        case 'terminated':
          yield* this.syncTerminatedPod(snap);
          this.state = 'done';
          return;
        case 'done':
          return;
      }
      this.lastSyncEnd = w.clock.now;
    }
  }

  private *syncPod(snap: Snapshot): Activity<void> {
    const w = this.w;
    const generated = generateApiPodStatus(w, snap, false);
    const status = generated.status;
    w.status.setPodStatus(status);
    if (this.startTime === undefined) this.started(status.startTime);
    if (status.phase === 'Succeeded' || status.phase === 'Failed') {
      this.state = 'terminating';
      this.pending = true;
      return;
    }
    w.prober.addPod();
    this.triggerReadiness(generated.readinessTriggers);
    if (!w.runtime.sandboxReady) {
      const runtimeClass = w.pod.runtimeClassName;
      if (runtimeClass !== undefined) {
        // this node knows no RuntimeClass: the sandbox cannot be created, retried on the error requeue
        w.obs.event('Warning', 'FailedCreatePodSandBox', sandboxFailedMessage(runtimeClass), undefined);
        this.requeue(backOffPeriodMs * w.latencies.requeueFactor());
        return;
      }
      if (!w.runtime.sandboxCreated) w.runtime.createSandbox();
    }
    const actions = computePodActions(w, snap);
    if (actions.killPod) {
      yield* killPod(w, snap.running(w.pod.all), undefined, false);
    } else {
      // kills decided inside SyncPod run one after another, without ordering (§1.4)
      for (const k of actions.toKill) yield* killContainer(w, k.inst, k.message, k.reason, undefined, undefined, false);
    }
    let failed = false;
    let crashExpiry = Number.POSITIVE_INFINITY;
    let aborted = false;
    for (const c of actions.initToStart) {
      const r = yield* startContainer(w, c, snap);
      w.reasons.update(c.index, r.ok ? undefined : r.error);
      if (r.ok) continue;
      failed = true;
      if (r.backoffExpiry !== undefined) crashExpiry = Math.min(crashExpiry, r.backoffExpiry);
      // a regular init container that cannot start aborts the sync; a sidecar does not
      if (c.role === 'init') {
        aborted = true;
        break;
      }
    }
    if (!aborted) {
      for (const c of actions.containersToStart) {
        const r = yield* startContainer(w, c, snap);
        w.reasons.update(c.index, r.ok ? undefined : r.error);
        if (r.ok) continue;
        failed = true;
        if (r.backoffExpiry !== undefined) crashExpiry = Math.min(crashExpiry, r.backoffExpiry);
        if (r.imageError && w.dev['pull-failure-blocks-pod']) break;
      }
    }
    const factor = w.latencies.requeueFactor();
    if (crashExpiry !== Number.POSITIVE_INFINITY) this.requeue(Math.max(0, crashExpiry - w.clock.now) * factor);
    else this.requeue((failed ? backOffPeriodMs : syncFrequencyMs) * factor);
  }

  private *syncTerminatingPod(snap: Snapshot): Activity<void> {
    const w = this.w;
    // written once; not refreshed until every container stopped (Corrections 4)
    const generated = generateApiPodStatus(w, snap, false);
    w.status.setPodStatus(generated.status);
    if (this.startTime === undefined) this.started(generated.status.startTime);
    this.triggerReadiness(generated.readinessTriggers);
    w.prober.stopLivenessAndStartup();
    const grace = this.effectiveGrace();
    const targets = w.dev['exited-container-signalled'] ? latestInstances(w, snap) : snap.running(w.pod.all);
    yield* killPod(w, targets, grace, true);
    w.prober.removePod();
    const stopped = new Snapshot(w.runtime, w.pod.all, w.clock.now);
    w.status.setPodStatus(generateApiPodStatus(w, stopped, true).status);
  }

  private *syncTerminatedPod(snap: Snapshot): Activity<void> {
    const w = this.w;
    // the final status is generated once more from the cache, then TerminatePod marks what is left (§5.5)
    w.status.setPodStatus(generateApiPodStatus(w, snap, true).status);
    w.status.terminatePod();
    if (w.api.deletionRequested && w.api.exists) {
      const delay = w.latencies.removal();
      if (delay > 0) yield delay;
      w.api.remove();
    }
  }

  /** calculateEffectiveGracePeriod (1.35, Corrections 1): only shrinks; 0 falls back to the spec; at least 1. */
  private effectiveGrace(): number {
    const w = this.w;
    let grace = this.graceSeconds;
    const requested = w.api.deletionGraceSeconds;
    if (requested !== undefined && (grace === 0 || requested < grace)) grace = requested;
    if (w.dev['grace-zero-skips-prestop'] && requested === 0) return 0;
    if (grace === 0) grace = w.pod.specGraceSeconds;
    if (grace < 1) grace = 1;
    this.graceSeconds = grace;
    return grace;
  }

  private started(startTime: Ms): void {
    this.startTime = startTime;
    const deadline = this.w.pod.activeDeadlineMs;
    if (deadline === undefined) return;
    // the active-deadline check runs on the 1 s sync ticker (Corrections 8)
    this.w.clock.at(this.tickAtOrAfter(startTime + deadline), () => {
      this.requestSync();
    });
  }

  /** completeWork: the pod becomes due again after `delay`, picked up by the next sync-ticker tick. */
  private requeue(delay: Ms): void {
    const seq = ++this.requeueSeq;
    this.w.clock.at(this.tickAtOrAfter(this.w.clock.now + delay), () => {
      if (seq === this.requeueSeq && this.state === 'sync') this.requestSync();
    });
  }

  /** The first sync-ticker tick at or after `t`: on the kubelet's own phase when it has one, else counted from the pod's start. */
  private tickAtOrAfter(t: Ms): Ms {
    const base = this.w.latencies.syncTickerPhaseMs ?? this.startTime ?? 0;
    return base + Math.ceil((t - base) / 1000) * 1000;
  }

  private triggerReadiness(workers: ReadonlyArray<{ trigger(): void }>): void {
    for (const worker of workers) {
      this.w.clock.after(this.w.latencies.instant(), () => {
        worker.trigger();
      });
    }
  }
}

function latestInstances(w: World, snap: Snapshot): Instance[] {
  const out: Instance[] = [];
  for (const c of w.pod.all) {
    const inst = snap.of(c).latest;
    if (inst !== undefined) out.push(inst);
  }
  return out;
}
