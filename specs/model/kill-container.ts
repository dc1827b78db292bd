/**
 * Stopping one container the way killContainer does: a Killing event, the preStop hook bounded by
 * the grace, the sidecar termination-order wait, then SIGTERM and SIGKILL after at least 2 s
 * (KUBELET-FACTS §5.2, §3.4; term.*, kubelet.grace.*, kubelet.sidecar.termination-order).
 */
import { exactDelay, type Moment } from './engine/delay.ts';
import { until, wait, type Chain, type Resumed } from './engine/chain.ts';
import { latencies } from './latencies.ts';
import { deliverKill, deliverTerm } from './processes.ts';
import { containerPoint, event } from './record.ts';
import { preStopFailedMessage } from './messages.ts';
import type { MessageTemplate } from '../vocabulary/index.ts';
import type { ContainerModel, PodModel } from './state.ts';

export const minimumStopGraceSeconds = 2;

export interface KillRequest {
  /** the Killing event's message */
  readonly message: MessageTemplate;
  /** the container-level grace: an override in pod termination, else from the spec or the probe */
  readonly graceSeconds: number;
  /** apply sidecar ordering (whole-pod kills of a pod with sidecars) */
  readonly ordered: boolean;
  /** skip everything after the Killing event when the container is gone; false where the kubelet does not check */
  readonly onlyIfRunning: boolean;
}

function hookSeconds(c: ContainerModel): number {
  const hook = c.spec.preStop;
  if (!hook) return 0;
  return hook.action.type === 'sleep' ? hook.action.seconds : hook.takesSeconds;
}

/** Whether `c` may be stopped now under the sidecar ordering: regular containers at once; a sidecar once every regular container and every later sidecar has exited. */
export function turnToStop(pod: PodModel, c: ContainerModel): boolean {
  if (c.spec.role !== 'sidecar') return true;
  const sidecars = pod.containers.filter((x) => x.spec.role === 'sidecar');
  const later = sidecars.slice(sidecars.indexOf(c) + 1);
  const regular = pod.containers.filter((x) => x.spec.role === 'regular');
  return [...later, ...regular].every((x) => x.runtime !== 'running');
}

/** Kills `c`, returning when its process has exited (or at once if it was not running). */
export function* killContainer(pod: PodModel, c: ContainerModel, from: Moment, request: KillRequest): Chain<Moment> {
  const name = c.spec.name;
  let m: Moment = yield wait(from, latencies.killStep);
  // killContainer records Killing first, whatever state the container is in (KUBELET-FACTS §2.2, §5.2)
  event(pod, m, 'kubelet.kill.parallel', {
    reason: 'Killing',
    type: 'Normal',
    container: name,
    message: request.message,
  });
  if (c.runtime !== 'running' && request.onlyIfRunning) return m;
  c.killing = true;
  let grace = request.graceSeconds;
  const hook = c.spec.preStop;
  if (hook && grace > 0) {
    m = containerPoint(pod, name, 'preStop.started', m, 'term.prestop-first');
    const hookStart = m;
    const takes = hookSeconds(c);
    const sleeps = hook.action.type === 'sleep';
    const bound = Math.min(takes, grace);
    // the kubelet waits for the hook at most the grace; an exec or HTTP handler also ends when the
    // container's main process dies (its namespace goes with it), a kubelet-side sleep does not
    const ended: Resumed = yield sleeps
      ? wait(m, exactDelay(bound, 'kubelet.grace.prestop-bounded'))
      : until(m, () => c.runtime !== 'running', exactDelay(bound, 'kubelet.grace.prestop-bounded'));
    const elapsed = ended.t - m.t;
    m = ended;
    // an exec or HTTP handler fails at once in a container that is already dead
    const diedFirst = !sleeps && ended.timedOut !== true && c.runtime !== 'running';
    if (diedFirst) {
      event(pod, m, 'events.failed-prestop', {
        reason: 'FailedPreStopHook',
        type: 'Warning',
        container: name,
        message: preStopFailedMessage,
      });
      grace -= Math.floor(elapsed);
    } else if (takes <= grace) {
      m = containerPoint(pod, name, 'preStop.finished', m, 'term.prestop-before-term');
      if (hook.result === 'fail' && !sleeps) {
        event(pod, m, 'events.failed-prestop', {
          reason: 'FailedPreStopHook',
          type: 'Warning',
          container: name,
          message: preStopFailedMessage,
        });
      }
      grace -= Math.floor(takes);
    } else {
      // the wait for the hook ends with the grace; the hook is abandoned, not cancelled: it may still finish
      // while the container is alive (an exec or HTTP handler dies with it)
      grace = 0;
      const token = c.processToken;
      const startedAt = m.t - bound;
      pod.engine.at(
        {
          t: startedAt + takes,
          loSeconds: takes,
          hiSeconds: takes,
          ...(hookStart.anchor ? { anchor: hookStart.anchor } : {}),
        },
        (at) => {
          if (c.processToken === token && c.runtime === 'running') {
            containerPoint(pod, name, 'preStop.finished', at, 'kubelet.grace.prestop-bounded');
          }
        },
      );
    }
  }
  if (request.ordered && grace > 0 && !turnToStop(pod, c)) {
    const began = m.t;
    m = yield until(m, () => turnToStop(pod, c), exactDelay(grace, 'kubelet.sidecar.termination-order'));
    grace -= Math.floor(m.t - began);
  }
  grace = Math.max(grace, minimumStopGraceSeconds);
  if (c.runtime !== 'running') {
    c.killing = false;
    return m;
  }
  // StopContainer is a CRI call of its own, made once the hook and the ordering wait are over
  m = yield wait(m, latencies.killStep);
  if (c.runtime !== 'running') {
    c.killing = false;
    return m;
  }
  m = deliverTerm(pod, c, m);
  const stopped: Moment = yield until(m, () => c.runtime !== 'running', exactDelay(grace, 'term.kill-after-grace'));
  let end = stopped;
  if (c.runtime === 'running') {
    deliverKill(pod, c, stopped);
    end = yield until(stopped, () => c.runtime !== 'running');
  }
  c.killing = false;
  return end;
}
