/**
 * The delays a conformant kubelet may take between causally linked points, each bounded by the rule
 * that explains it (KUBELET-FACTS §1.2, §1.3, Corrections 5 and 10). The nominal value is what a
 * kubelet on an idle node most likely takes; min and max bound every correct kubelet.
 */
import type { Delay } from './engine/delay.ts';

function d(minSeconds: number, nominalSeconds: number, maxSeconds: number, rule: string): Delay {
  return { minSeconds, nominalSeconds, maxSeconds, rule };
}

export const latencies = {
  /** the pod worker's first sync after the pod is created and bound */
  firstSync: d(0.05, 0.1, 1, 'kubelet.sync.pleg-relist'),
  /** one CRI step inside a sync: ensure image, create, start; strictly after the step before it */
  criStep: d(0.001, 0.02, 0.2, 'kubelet.start.serial'),
  /** the postStart handler is called once StartContainer returned */
  hookCall: d(0.001, 0.01, 0.2, 'hooks.poststart-after-create'),
  /** a failed pull is reported soon after it began */
  pullFailure: d(0.001, 0.05, 0.5, 'kubelet.image.pull-backoff'),
  /** a container state change is seen by the next PLEG relist (1 s) and wakes the pod worker */
  // up to two relists: the one that sees the change, then the worker's wait for a newer one (Corrections 5)
  relist: d(0, 0.5, 2.1, 'kubelet.sync.pleg-relist'),
  /**
   * termination waits for a relist newer than the last sync (Corrections 5); nothing holds it back when such a relist
   * already exists, so delete → Killing/preStop/TERM lies anywhere in about [0, 1.1] s (Corrections 21)
   */
  relistBeforeTermination: d(0, 0.5, 1.1, 'kubelet.sync.relist-before-termination'),
  /** termination that waited for a busy worker: up to two relists after it is free */
  relistAfterBusyWorker: d(0, 0.5, 2.2, 'kubelet.sync.relist-before-termination'),
  /** a probe result that needs a sync (liveness failure, startup result) gets one after a relist */
  probeSync: d(0, 0.5, 2.1, 'kubelet.sync.pleg-relist'),
  /** readiness reaches the API through the status manager at once */
  readinessWrite: d(0, 0.01, 0.2, 'kubelet.probe.readiness'),
  /** a sync that ended in an error (image pull, sandbox) is requeued after 10 s × U[1, 1.5) */
  // every sync restarts this timer, and syncs also come from triggers no rule pins down: a few seconds more
  errorRequeue: d(10, 12.5, 18.2, 'kubelet.sync.error-requeue'),
  /** a sync without error is requeued after syncFrequency 60 s × U[1, 1.5) */
  resync: d(60, 75, 91, 'kubelet.sync.pleg-relist'),
  /** kubelet-side kill steps (Killing event, preStop call, StopContainer) */
  killStep: d(0, 0.01, 0.1, 'kubelet.kill.parallel'),
  /** the runtime delivers the signal and reaps a KILLed process */
  reap: d(0, 0.01, 0.1, 'kubelet.process.exit-codes'),
  /** after the last container stopped: SyncTerminatedPod, then the status manager deletes the object */
  removal: d(0, 0.5, 3, 'kubelet.api.gone-after-terminated'),
  /** the API server removes a force-deleted object at once */
  forceRemoval: d(0, 0.01, 0.5, 'kubelet.api.force-delete'),
  /** activeDeadlineSeconds is checked on the 1 s sync ticker */
  deadlineTick: d(0, 0.5, 1.05, 'kubelet.deadline.active-deadline'),
} as const;

/** The longest a CrashLoopBackOff restart may lag behind its back-off expiry (Corrections 10). */
export function backOffLag(remainingSeconds: number): Delay {
  return d(0, 0.5, 0.5 * Math.max(0, remainingSeconds) + 2.2, 'kubelet.backoff.sequence');
}

/**
 * What a runtime adds to a duration the case fixes (a hook's, a probe's, a process's, a stop's): nothing ever makes
 * such a thing shorter than its own duration, but every real node makes it a little longer.
 */
export const runtimeOverheadSeconds = {
  /**
   * An exec or HTTP handler (a hook, an exec probe): a CRI ExecSync round trip — the runtime spawns a process in the
   * container's namespaces and reaps it — or an HTTP request from the kubelet; tens of milliseconds on an idle node,
   * a few hundred on a loaded one (KUBELET-FACTS §2.3, §6.2).
   */
  handler: 0.5,
  /** A kubelet-side timer (a sleep hook, the wait for a preStop hook bounded by the grace): Go timers and goroutine scheduling, milliseconds (§2.3, §5.2). */
  kubeletTimer: 0.05,
  /** StopContainer(g): the runtime sends the stop signal, waits g seconds on its own clock, then sends SIGKILL (§5.2). */
  stopTimeout: 0.2,
  /** A process ending (on its own or on a signal) is noticed by the runtime's shim and recorded a little later (§5.6). */
  processExit: 0.2,
} as const;

/** A duration the case fixes at `seconds`, taken on a real node: at least that, at most `overhead` more. */
export function runtimeDuration(seconds: number, overhead: number, rule: string): Delay {
  return { minSeconds: seconds, nominalSeconds: seconds, maxSeconds: seconds + overhead, rule };
}
