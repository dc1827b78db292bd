/**
 * Starting one container inside a sync, strictly in this order: the back-off check, the image, create,
 * start, then the postStart hook, which the sync waits for; a failed hook gets the container killed
 * (KUBELET-FACTS §2.1, §2.2; kubelet.start.serial, hooks.poststart-*, kubelet.poststart.failure-kill).
 */
import { defaultTerminationGracePeriodSeconds, podNamespace } from '../vocabulary/index.ts';
import type { Moment } from './engine/delay.ts';
import { until, wait, type Chain, type Resumed } from './engine/chain.ts';
import { advanceCrashBackOff, crashBackOffExpiry } from './crash-back-off.ts';
import { ensureImage } from './image-pulls.ts';
import { killContainer } from './kill-container.ts';
import { backOffLag, latencies, runtimeDuration, runtimeOverheadSeconds } from './latencies.ts';
import { planOwnExit } from './processes.ts';
import { resetProbes } from './probes.ts';
import { containerPoint, event } from './record.ts';
import {
  createdMessage,
  crashBackOffMessage,
  killingMessage,
  postStartFailedMessage,
  startedMessage,
} from './messages.ts';
import type { ContainerModel, PodModel } from './state.ts';
import { requestSync } from './sync-requests.ts';

export type StartOutcome =
  | { readonly status: 'started'; readonly at: Moment }
  | { readonly status: 'backOff'; readonly at: Moment; readonly expirySeconds: number }
  | { readonly status: 'failed'; readonly at: Moment };

/** The pod as format.Pod names it in the waiting message, holes written as in Event templates (Correction 18). */
function podRef(pod: PodModel): string {
  return `${pod.scenario.pod.name}_${podNamespace(pod.scenario.pod) ?? '{namespace}'}({uid})`;
}

/** The grace of a kill decided inside a sync: the deletion grace if any, else the spec's (KUBELET-FACTS §5.2). */
export function specGraceSeconds(pod: PodModel): number {
  return (
    pod.deletion?.graceSeconds ?? pod.scenario.pod.terminationGracePeriodSeconds ?? defaultTerminationGracePeriodSeconds
  );
}

/**
 * The rule that explains why this start comes when it does, from the point it follows: the init
 * order, the sidecar start gate, the postStart hook of the container before, the back-off, a restart.
 */
function linkRule(pod: PodModel, c: ContainerModel, from: Moment, waitedForBackOff: boolean): string {
  const anchor = from.anchor;
  if (!anchor || anchor.scope === 'pod') return 'kubelet.start.serial';
  if (anchor.container === c.spec.name) {
    if (waitedForBackOff) return 'kubelet.backoff.sequence';
    if (c.spec.role === 'sidecar') return 'kubelet.sidecar.restart-any-exit';
    // the second start, straight after the first exit: no back-off before the first restart (§4.4)
    return c.starts === 1 ? 'kubelet.backoff.first-restart-immediate' : 'kubelet.restart.should-restart';
  }
  const before = pod.byName.get(anchor.container);
  if (anchor.name === 'postStart.finished') return 'hooks.poststart-blocks-next';
  if (before?.spec.role === 'sidecar' && (anchor.name === 'started' || anchor.name === 'startupProbe.succeeded')) {
    return 'kubelet.sidecar.start-gate';
  }
  if (before?.spec.role === 'init' && anchor.name === 'exited') {
    return c.spec.role === 'regular' ? 'init.before-regular' : 'init.sequential';
  }
  return 'kubelet.start.serial';
}

/**
 * A restart that the nominal timeline brings in a sync started by another container's point (its relist event, its
 * start, its probe result) is anchored on that incidental trigger; under another timing the same restart comes in an
 * earlier sync (its own exit's relist, its back-off requeue) or waits for a busy worker (R16, R31). Such a restart is
 * anchored on its own cause, the container's exit: no sooner than the back-off it waited (none when the back-off
 * raced), no later than either the sync that brought it here or its own requeue after that back-off, plus a busy
 * worker's relist wait (KUBELET-FACTS §1.2, §4.4, Corrections 5, 10).
 */
function ownCause(pod: PodModel, c: ContainerModel, m: Moment, periodWaited: number): Moment {
  const exited = c.exitedAt;
  if (c.starts === 0 || !exited?.anchor || m.anchor?.scope !== 'container') return m;
  const sinceExit = m.t - exited.t;
  const lo = c.backOffRaced === true ? 0 : periodWaited;
  const ownRequeue =
    periodWaited + (periodWaited > 0 ? backOffLag(periodWaited).maxSeconds : latencies.relist.maxSeconds);
  const hi = Math.max(sinceExit + m.hiSeconds - m.loSeconds, ownRequeue) + latencies.relistAfterBusyWorker.maxSeconds;
  return { t: m.t, anchor: exited.anchor, loSeconds: Math.min(lo, sinceExit), hiSeconds: Math.max(hi, sinceExit) };
}

/**
 * What the sync's runtime snapshot said of the container before this sync killed it: doBackOff reads the newest
 * exited instance of that snapshot, so a container killed and restarted in one sync is judged by its previous exit
 * (KUBELET-FACTS §1.4, §4.4).
 */
export interface SnapshotBeforeKill {
  readonly finishedAtSeconds: number | undefined;
}

export function* startContainer(
  pod: PodModel,
  c: ContainerModel,
  from: Moment,
  snapshot?: SnapshotBeforeKill,
): Chain<StartOutcome> {
  const name = c.spec.name;
  let m = from;
  let waitedForBackOff = false;
  let periodWaited = 0;
  const exitedInSnapshot = snapshot ? snapshot.finishedAtSeconds !== undefined : c.runtime === 'exited';
  if (exitedInSnapshot) {
    const finished = snapshot ? snapshot.finishedAtSeconds : c.finishedAtSeconds;
    const expiry = crashBackOffExpiry(c, m.t, finished);
    if (expiry !== undefined) {
      const seconds = c.backOff?.periodSeconds ?? 0;
      event(pod, m, 'kubelet.backoff.event', {
        reason: 'BackOff',
        type: 'Warning',
        container: name,
        message: crashBackOffMessage(pod.scenario.pod, name),
      });
      c.reasonCache = {
        reason: 'CrashLoopBackOff',
        message: `back-off ${seconds}s restarting failed container=${name} pod=${podRef(pod)}`,
      };
      return { status: 'backOff', at: m, expirySeconds: expiry };
    }
    waitedForBackOff = c.backOff !== undefined && (finished ?? 0) - c.backOff.lastUpdateSeconds <= 600;
    periodWaited = waitedForBackOff ? (c.backOff?.periodSeconds ?? 0) : 0;
    advanceCrashBackOff(c, m.t, finished);
  }
  if (linkRule(pod, c, m, waitedForBackOff) === 'kubelet.start.serial') m = ownCause(pod, c, m, periodWaited);
  const link = linkRule(pod, c, m, waitedForBackOff);
  m = yield wait(m, latencies.criStep);
  const image = yield* ensureImage(pod, c, m, link);
  m = image.at;
  if (image.status === 'error') {
    c.reasonCache = { reason: image.reason, message: image.message };
    return { status: 'failed', at: m };
  }
  m = yield wait(m, latencies.criStep);
  c.runtime = 'created';
  m = containerPoint(pod, name, 'created', m, image.pulled ? 'pull.before-create' : link);
  event(pod, m, 'kubelet.start.events', {
    reason: 'Created',
    type: 'Normal',
    container: name,
    message: createdMessage,
  });
  m = yield wait(m, latencies.criStep);
  if (c.exitCode !== undefined) {
    c.lastTerminated = {
      type: 'terminated',
      exitCode: c.exitCode ?? 0,
      reason: c.exitCode === 0 ? 'Completed' : 'Error',
      finishedAtSeconds: c.finishedAtSeconds ?? m.t,
    };
  }
  c.runtime = 'running';
  c.starts += 1;
  c.processToken += 1;
  delete c.exitCode;
  delete c.termAtSeconds;
  delete c.reasonCache;
  resetProbes(c);
  m = containerPoint(pod, name, 'started', m, 'run.container-start-definition');
  c.startedAt = m;
  event(pod, m, 'kubelet.start.events', {
    reason: 'Started',
    type: 'Normal',
    container: name,
    message: startedMessage,
  });
  planOwnExit(pod, c, m);
  requestSync(pod, m, latencies.relist);
  const hook = c.spec.postStart;
  if (!hook) return { status: 'started', at: m };
  m = yield wait(m, latencies.hookCall);
  m = containerPoint(pod, name, 'postStart.started', m, 'hooks.poststart-concurrent');
  const takes = hook.action.type === 'sleep' ? hook.action.seconds : hook.takesSeconds;
  const sleeps = hook.action.type === 'sleep';
  // the hook takes its own time plus the handler's (an exec's or HTTP call's, or a kubelet timer's) overhead (§2.3)
  const runs = runtimeDuration(
    takes,
    sleeps ? runtimeOverheadSeconds.kubeletTimer : runtimeOverheadSeconds.handler,
    'hooks.poststart-blocks-next',
  );
  // an exec or HTTP handler dies with the container's main process; a kubelet-side sleep does not
  const ended: Resumed = yield sleeps ? wait(m, runs) : until(m, () => c.runtime !== 'running', runs);
  m = ended;
  const diedFirst = !sleeps && ended.timedOut !== true && c.runtime !== 'running';
  if (!diedFirst) m = containerPoint(pod, name, 'postStart.finished', m, 'hooks.poststart-blocks-next');
  if (!diedFirst && (hook.result === 'success' || sleeps)) return { status: 'started', at: m };
  event(pod, m, 'events.failed-poststart', {
    reason: 'FailedPostStartHook',
    type: 'Warning',
    container: name,
    message: postStartFailedMessage,
  });
  c.reasonCache = { reason: 'PostStartHookError', message: 'PostStartHook failed' };
  m = yield* killContainer(pod, c, m, {
    message: killingMessage('FailedPostStartHook'),
    graceSeconds: specGraceSeconds(pod),
    ordered: false,
    onlyIfRunning: false,
    rule: 'kubelet.poststart.failure-kill',
  });
  // the kill cleared nothing: the start error stays in the reason cache for the next status
  c.reasonCache = { reason: 'PostStartHookError', message: 'PostStartHook failed' };
  return { status: 'failed', at: m };
}
