/**
 * When the pod worker syncs: after a PLEG relist sees a container change, after a probe result that
 * needs action, on the error requeue and the periodic resync — one sync at a time; a request that
 * arrives while the worker is busy is served right after it (KUBELET-FACTS §1.1, §1.2).
 */
import { advance, type Delay, type Moment } from './engine/delay.ts';
import type { PodModel } from './state.ts';
import { runSync } from './sync-pod.ts';
import { latencies } from './latencies.ts';

/** Asks for a sync `delay` after `from`; requests coalesce. */
export function requestSync(pod: PodModel, from: Moment, delay: Delay, seconds?: number): void {
  if (pod.terminating || pod.gone) return;
  const at = advance(from, delay, seconds ?? pod.engine.pick(delay));
  const requestedAt = from.t;
  pod.engine.at(at, (m) => {
    if (pod.terminating || pod.gone) return;
    if ((pod.lastSyncStartSeconds ?? -1) > requestedAt) return;
    if (pod.workerBusy) {
      pod.syncQueuedAfterBusy = true;
      return;
    }
    runSync(pod, m);
  });
}

/** Called when the worker leaves a sync: a request queued meanwhile runs after the next relist. */
export function workerFree(pod: PodModel, m: Moment): void {
  pod.workerBusy = false;
  if (pod.terminationQueued) {
    pod.terminationQueued = false;
    pod.startTermination(m);
    return;
  }
  if (pod.syncQueuedAfterBusy) {
    pod.syncQueuedAfterBusy = false;
    requestSync(pod, m, latencies.relist);
  }
}
