/**
 * One SyncPod: write the status (as the world is before this sync acts), leave for termination if the
 * phase is terminal, stop at a sandbox that cannot be created, then kill and start containers one after
 * another, and requeue: at the CrashLoopBackOff expiry, after 10–15 s on other errors, else 60–90 s
 * (KUBELET-FACTS §1.2–§1.4, Corrections 10).
 */
import { advance, type Moment } from './engine/delay.ts';
import type { Chain } from './engine/chain.ts';
import { buildView, writeStatus } from './api-status.ts';
import { decide } from './decide.ts';
import { killContainer } from './kill-container.ts';
import { backOffLag, latencies } from './latencies.ts';
import { crashBackOff } from './crash-back-off.ts';
import { startProbeWorkers } from './probes.ts';
import { event } from './record.ts';
import { deadlineMessage, sandboxFailedMessage } from './messages.ts';
import { specGraceSeconds, startContainer } from './start-container.ts';
import type { PodModel } from './state.ts';
import { requestSync, workerFree } from './sync-requests.ts';
import { killPodChain, beginTerminalSync } from './termination.ts';
import { computePhase } from './status/index.ts';

/** Starts a sync at `at` (the worker must be free). */
export function runSync(pod: PodModel, at: Moment): void {
  pod.workerBusy = true;
  pod.lastSyncStartSeconds = at.t;
  pod.engine.spawn(syncPod(pod, at), at, (_r, end) => {
    workerFree(pod, end);
  });
}

function* syncPod(pod: PodModel, from: Moment): Chain {
  let m = from;
  if (pod.startTimeSeconds === undefined) {
    pod.startTimeSeconds = m.t;
    startProbeWorkers(pod, m);
    scheduleDeadline(pod, m);
  }
  writeStatus(pod, m);
  const phase = computePhase(buildView(pod, false));
  if (phase === 'Succeeded' || phase === 'Failed') {
    beginTerminalSync(pod, m);
    return;
  }
  if (pod.scenario.pod.runtimeClassName !== undefined) {
    event(pod, m, 'kubelet.sandbox.runtime-class', {
      reason: 'FailedCreatePodSandBox',
      type: 'Warning',
      message: sandboxFailedMessage(),
    });
    requestSync(pod, m, latencies.errorRequeue);
    return;
  }
  if (pod.sandbox !== 'ready') {
    // a new sandbox is a runtime change of its own: the next relist wakes the worker again (§1.2, §1.4 step 5)
    pod.sandbox = 'ready';
    requestSync(pod, m, latencies.relist);
  }
  const plan = decide(pod);
  if (plan.type === 'killPod') {
    m = yield* killPodChain(pod, m, specGraceSeconds(pod));
    requestSync(pod, m, latencies.relist);
    return;
  }
  const beforeKill = new Map(
    plan.kills.map((k) => [k.container, { finishedAtSeconds: k.container.finishedAtSeconds }]),
  );
  for (const kill of plan.kills) {
    const probeGrace =
      pod.deletion === undefined ? kill.container.spec[kill.probe]?.terminationGracePeriodSeconds : undefined;
    m = yield* killContainer(pod, kill.container, m, {
      message: kill.message,
      graceSeconds: probeGrace ?? specGraceSeconds(pod),
      ordered: false,
      onlyIfRunning: true,
      // a kill the sync decided (a failed probe, a changed spec, a terminal pod): StopContainer follows the decision
      rule: 'kubelet.kill.parallel',
    });
  }
  let error = false;
  let backOff: { readonly expirySeconds: number; readonly exitedAt: Moment; readonly raced: boolean } | undefined;
  let killedInBackOff = false;
  for (const c of plan.starts) {
    // a container killed and restarted in this sync is judged by its previous exit (§4.4): whether that back-off has
    // expired by now is a race between the back-off clock and the probe and relist clocks that brought this sync, so
    // the start may come at once or only after the next back-off from the kill's exit
    const racesBackOff = beforeKill.has(c) && c.backOff !== undefined;
    if (racesBackOff) c.backOffRaced = true;
    const from = racesBackOff ? { ...m, hiSeconds: m.hiSeconds + backOffRaceSlack(c.backOff?.periodSeconds ?? 0) } : m;
    const outcome = yield* startContainer(pod, c, from, beforeKill.get(c));
    m = outcome.at;
    // the race stays open until the container starts again: a sync in between (another container's relist or probe
    // event) that finds the same back-off must not close it (seen in the realistic sim: restart 0.04 s after a kill)
    if (c.backOffRaced === true && outcome.status === 'backOff') killedInBackOff = true;
    else c.backOffRaced = false;
    if (outcome.status === 'backOff') {
      if (c.exitedAt && (!backOff || outcome.expirySeconds < backOff.expirySeconds)) {
        backOff = { expirySeconds: outcome.expirySeconds, exitedAt: c.exitedAt, raced: c.backOffRaced };
      }
    } else if (outcome.status === 'failed') {
      error = true;
      if (c.spec.role === 'init') break;
    }
  }
  if (backOff !== undefined) {
    // the restart is anchored on the exit: back-off expiry, then the requeue jitter and relist lag
    const period = backOff.expirySeconds - backOff.exitedAt.t;
    const lag = backOffLag(backOff.expirySeconds - m.t);
    // after a kill in this sync, another timing finds the back-off already over and restarts at once (see above)
    const exact = {
      minSeconds: killedInBackOff || backOff.raced ? 0 : period,
      nominalSeconds: period,
      maxSeconds: period,
      rule: 'kubelet.backoff.sequence',
    };
    requestSync(pod, advance(backOff.exitedAt, exact, period), lag);
  } else if (error) {
    requestSync(pod, m, latencies.errorRequeue);
  } else {
    requestSync(pod, m, latencies.resync);
  }
}

/** The longest a restart racing a back-off may wait: the next back-off period and its requeue lag (§4.4, Corrections 10). */
function backOffRaceSlack(periodSeconds: number): number {
  const next = Math.min(Math.max(periodSeconds, crashBackOff.initialSeconds) * 2, crashBackOff.maxSeconds);
  return next + backOffLag(next).maxSeconds;
}

/** activeDeadlineSeconds counts from the pod's start; the kubelet notices on its 1 s tick. */
function scheduleDeadline(pod: PodModel, start: Moment): void {
  const deadline = pod.scenario.pod.activeDeadlineSeconds;
  if (deadline === undefined) return;
  const due = advance(
    start,
    { minSeconds: deadline, nominalSeconds: deadline, maxSeconds: deadline, rule: 'kubelet.deadline.active-deadline' },
    deadline,
  );
  pod.engine.at(advance(due, latencies.deadlineTick, pod.engine.pick(latencies.deadlineTick)), (m) => {
    if (pod.terminating || pod.gone || pod.terminal) return;
    pod.forcedPhase = { phase: 'Failed', reason: 'DeadlineExceeded' };
    event(pod, m, 'kubelet.deadline.active-deadline', {
      reason: 'DeadlineExceeded',
      type: 'Normal',
      message: deadlineMessage,
    });
    pod.terminationTrigger(m);
  });
}
