/**
 * Pod termination: a delete request, the kubelet's SyncTerminatingPod after a fresh relist, every
 * running container killed in parallel with the pod's effective grace (sidecars last, in reverse
 * order), one status write before and one after, then the API object removed
 * (KUBELET-FACTS §5, §3.4, Corrections 1, 3, 4, 5; term.*, kubelet.grace.*, kubelet.api.*).
 */
import { defaultTerminationGracePeriodSeconds, type Action } from '../vocabulary/index.ts';
import { advance, type Moment } from './engine/delay.ts';
import { until, wait, type Chain } from './engine/chain.ts';
import { buildView, publishView } from './api-status.ts';
import { triggerReadiness } from './probes.ts';
import { killContainer, stopEndSpreadSeconds } from './kill-container.ts';
import { latencies } from './latencies.ts';
import { podPoint, possibleContainerPoint, possibleEvent } from './record.ts';
import { killingMessage, preStopFailedMessage } from './messages.ts';
import type { PodModel } from './state.ts';
import { computePhase, terminatePodStatuses } from './status/index.ts';

function specGrace(pod: PodModel): number {
  return pod.scenario.pod.terminationGracePeriodSeconds ?? defaultTerminationGracePeriodSeconds;
}

/** The pod-level grace of this termination: a delete's grace, where a 0 falls back to the spec (Corrections 1), at least 1 s. */
export function effectiveGraceSeconds(pod: PodModel): number {
  const requested = pod.deletion?.graceSeconds;
  const grace = requested !== undefined && requested > 0 ? requested : specGrace(pod);
  return Math.max(grace, 1);
}

/** A delete request reaches the API server at `at`. */
export function deletePod(pod: PodModel, action: Action, at: Moment): void {
  if (pod.gone) return;
  const m = podPoint(pod, 'deleteRequested', at, 'term.delete-starts-termination');
  // the API server removes a terminal pod at once, and a grace of 0 is a force delete
  const grace = pod.terminal ? 0 : (action.gracePeriodSeconds ?? specGrace(pod));
  if (!pod.deletion || grace < pod.deletion.graceSeconds) pod.deletion = { atSeconds: m.t, graceSeconds: grace };
  if (grace === 0) {
    // the API server removes the object within the delete request (§5.1): what an observer last sees is the status
    // written before it, whatever the node writes while the removal reaches the observer
    pod.objectRemoved = true;
    if (pod.api) pod.apiAtGone = pod.api;
    pod.startsAtGone = new Map(pod.containers.map((c) => [c.spec.name, c.starts]));
    pod.engine.at(advance(m, latencies.forceRemoval, pod.engine.pick(latencies.forceRemoval)), (g) => {
      if (pod.gone) return;
      podPoint(pod, 'gone', g, 'kubelet.api.force-delete');
      markGone(pod);
    });
  }
  if (!pod.terminal) pod.terminationTrigger(m);
}

/** Something decided the pod must terminate: SyncTerminatingPod begins when the worker is free and a relist is fresh. */
export function triggerTermination(pod: PodModel, m: Moment): void {
  if (pod.terminating) return;
  if (pod.workerBusy) {
    pod.terminationQueued = true;
    return;
  }
  startTerminationAfterRelist(pod, m);
}

export function startTerminationAfterRelist(pod: PodModel, m: Moment, queued = false): void {
  if (pod.terminating) return;
  pod.terminating = true;
  pod.workerBusy = true;
  // behind a busy worker: a relist before the sync that acts on it, and another before SyncTerminatingPod (R21)
  const delay = queued ? latencies.relistAfterBusyWorker : latencies.relistBeforeTermination;
  const at = advance(m, delay, pod.engine.pick(delay));
  pod.engine.spawn(syncTerminatingPod(pod, at), at);
}

/** A sync found the phase terminal: the worker moves to terminating at once, without a delete. */
export function beginTerminalSync(pod: PodModel, m: Moment): void {
  pod.terminating = true;
  pod.engine.spawn(syncTerminatingPod(pod, m), m);
}

function* syncTerminatingPod(pod: PodModel, from: Moment): Chain {
  let m = from;
  pod.workerBusy = true;
  if (!pod.statusFrozen) {
    publishView(pod, buildView(pod, false), m);
    triggerReadiness(pod, m);
  }
  pod.statusFrozen = true;
  m = yield* killPodChain(pod, m, effectiveGraceSeconds(pod));
  const terminal = buildView(pod, true);
  // TerminatePod rewrites container states and the phase, not the conditions generated before it (§5.5)
  publishView(
    pod,
    { ...terminatePodStatuses(terminal).view, conditionsPhase: computePhase(terminal), conditionsFrom: terminal },
    m,
  );
  pod.terminal = true;
  if (pod.deletion && !pod.gone) {
    m = yield wait(m, latencies.removal);
    // a force delete may have removed the object meanwhile
    if (pod.gone) return;
    podPoint(pod, 'gone', m, 'kubelet.api.gone-after-terminated');
    markGone(pod);
  }
}

/** Kills every running container in parallel and returns when all have exited. */
export function* killPodChain(pod: PodModel, from: Moment, graceSeconds: number): Chain<Moment> {
  const ordered = pod.containers.some((c) => c.spec.role === 'sidecar');
  const running = pod.containers.filter((c) => c.runtime === 'running' && !c.killing);
  killStaleSnapshot(pod, from, graceSeconds);
  let remaining = running.length;
  for (const c of running) {
    pod.engine.spawn(
      killContainer(pod, c, from, {
        message: killingMessage(`Stopping container ${c.spec.name}`),
        graceSeconds,
        ordered,
        onlyIfRunning: true,
        rule: 'term.parallel-containers',
      }),
      from,
      () => {
        remaining -= 1;
      },
    );
  }
  const last: Moment = yield until(from, () => remaining === 0 && pod.containers.every((c) => c.runtime !== 'running'));
  // the end is anchored on the last exit of this run; under another timing another container's exit may be the last,
  // up to the spread of a stop's end later (the stop timer, the reap, a process's own exit: §5.2, §5.6)
  const end: Moment = running.length > 1 ? { ...last, hiSeconds: last.hiSeconds + stopEndSpreadSeconds } : last;
  // KillPod stops the sandbox after the containers (§1.4 step 3, §5.3): PodReadyToStartContainers turns False
  if (pod.sandbox === 'ready') pod.sandbox = 'stopped';
  return end;
}

/** How old the relist snapshot a sync acts on may be: one relist period and the wait for it (Corrections 5, 21). */
const snapshotAgeSeconds = latencies.relistBeforeTermination.maxSeconds;

/**
 * A whole-pod kill acts on the relist snapshot the sync was given, up to about a second old: a container that exited
 * since still gets its Killing Event and its preStop hook, which fails against the dead container if it is an exec or
 * HTTP handler (Corrections 23, §5.2). Whether the snapshot predates the exit is a race, so all of it is possible.
 */
function killStaleSnapshot(pod: PodModel, from: Moment, graceSeconds: number): void {
  for (const c of pod.containers) {
    if (c.runtime !== 'exited' || c.killing || c.finishedAtSeconds === undefined) continue;
    // only an exit after the last sync's snapshot (a terminal phase was computed from one showing every exit) and
    // within the snapshot's age can still be shown running
    if (c.finishedAtSeconds < from.t - snapshotAgeSeconds) continue;
    if (c.finishedAtSeconds <= (pod.lastSyncStartSeconds ?? -1)) continue;
    const name = c.spec.name;
    const at: Moment = { ...from, hiSeconds: from.hiSeconds + latencies.killStep.maxSeconds };
    possibleEvent(pod, at, 'kubelet.kill.parallel', {
      reason: 'Killing',
      type: 'Normal',
      container: name,
      message: killingMessage(`Stopping container ${name}`),
    });
    const hook = c.spec.preStop;
    if (!hook || graceSeconds <= 0) continue;
    possibleContainerPoint(pod, name, 'preStop.started', at, 'term.prestop-first');
    if (hook.action.type !== 'sleep') {
      possibleEvent(pod, at, 'events.failed-prestop', {
        reason: 'FailedPreStopHook',
        type: 'Warning',
        container: name,
        message: preStopFailedMessage,
      });
    }
  }
}

function markGone(pod: PodModel): void {
  pod.gone = true;
  pod.goneAtSeconds = pod.engine.now;
  if (pod.objectRemoved) return;
  if (pod.api) pod.apiAtGone = pod.api;
  pod.startsAtGone = new Map(pod.containers.map((c) => [c.spec.name, c.starts]));
}
