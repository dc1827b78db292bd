/**
 * Stopping one container the way killContainer does: a Killing event, the preStop hook bounded by
 * the grace, the sidecar termination-order wait, then SIGTERM and SIGKILL after at least 2 s
 * (KUBELET-FACTS §5.2, §3.4; term.*, kubelet.grace.*, kubelet.sidecar.termination-order).
 */
import { advance, type Delay, type Moment } from './engine/delay.ts';
import { until, wait, type Chain, type Resumed } from './engine/chain.ts';
import { latencies, runtimeDuration, runtimeOverheadSeconds } from './latencies.ts';
import { deliverKill, deliverTerm } from './processes.ts';
import { containerPoint, event } from './record.ts';
import { preStopFailedMessage } from './messages.ts';
import type { MessageTemplate, RuleId } from '../vocabulary/index.ts';
import type { ContainerModel, PodModel } from './state.ts';

export const minimumStopGraceSeconds = 2;

/**
 * How far apart the ends of two stops that race may fall under different timings: the stop timer's overhead, the
 * reap, a process's own exit overhead (§5.2, §5.6).
 */
export const stopEndSpreadSeconds =
  runtimeOverheadSeconds.stopTimeout + runtimeOverheadSeconds.processExit + latencies.reap.maxSeconds;

export interface KillRequest {
  /** the Killing event's message */
  readonly message: MessageTemplate;
  /** the container-level grace: an override in pod termination, else from the spec or the probe */
  readonly graceSeconds: number;
  /** apply sidecar ordering (whole-pod kills of a pod with sidecars) */
  readonly ordered: boolean;
  /** skip everything after the Killing event when the container is gone; false where the kubelet does not check */
  readonly onlyIfRunning: boolean;
  /**
   * the rule that times the stop signal when no hook and no ordering wait comes before it: the kill's own cause (a
   * pod termination kills every container at once, a sync kills one, a failed postStart kills its container)
   */
  readonly rule: RuleId;
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
  // the stop window this kill may end up with under any timing: the hook's and the ordering wait's whole seconds
  // are taken off the grace, and how many there are depends on the runtime (§5.2, §3.4)
  let graceLo = grace;
  let graceHi = grace;
  const hook = c.spec.preStop;
  // a sidecar whose turn is not yet due when its kill begins: its hook and its turn race (§3.4)
  const turnRaces = request.ordered && c.spec.role === 'sidecar' && !turnToStop(pod, c);
  let hookMaxSeconds = 0;
  // the rule that bounds the wait the stop signal follows: the kill's own cause, a finished hook, the grace that cut
  // an abandoned hook, or the sidecar's turn (§5.2, §3.4)
  let termRule: RuleId = request.rule;
  if (hook && grace > 0 && hook.action.type === 'exec' && c.runtime !== 'running') {
    // a kill that does not check the container (postStart failure, §2.2 step 3) of one already dead: ExecSync fails
    // before any command runs in it, so the handler never starts; only its error is reported (§2.3, §5.2)
    failedPreStop(pod, name, m);
  } else if (hook && grace > 0) {
    m = containerPoint(pod, name, 'preStop.started', m, 'term.prestop-first');
    const hookStart = m;
    const takes = hookSeconds(c);
    const sleeps = hook.action.type === 'sleep';
    // the hook takes its own time plus its handler's overhead; the kubelet's wait for it is a timer of `grace`
    const hookRuns = runtimeDuration(
      takes,
      sleeps ? runtimeOverheadSeconds.kubeletTimer : runtimeOverheadSeconds.handler,
      'kubelet.grace.prestop-bounded',
    );
    const graceTimer = runtimeDuration(grace, runtimeOverheadSeconds.kubeletTimer, 'kubelet.grace.prestop-bounded');
    hookMaxSeconds = hookRuns.maxSeconds;
    const hookTakes = pod.engine.pick(hookRuns);
    const timerFires = pod.engine.pick(graceTimer);
    // the wait ends with whichever comes first: near the grace, which one that is stays open
    const waited: Delay = {
      minSeconds: Math.min(hookRuns.minSeconds, graceTimer.minSeconds),
      nominalSeconds: Math.min(hookRuns.nominalSeconds, graceTimer.nominalSeconds),
      maxSeconds: Math.min(hookRuns.maxSeconds, graceTimer.maxSeconds),
      rule: 'kubelet.grace.prestop-bounded',
    };
    const seconds = Math.min(hookTakes, timerFires);
    // an exec or HTTP handler also ends when the container's main process dies (its namespace goes with it), a
    // kubelet-side sleep does not
    const ended: Resumed = yield sleeps
      ? wait(m, waited, seconds)
      : until(m, () => c.runtime !== 'running', waited, seconds);
    const diedFirst = !sleeps && ended.timedOut !== true && c.runtime !== 'running';
    // the drawn duration itself, not a difference of two float times (30.000 s must not count as 29 whole seconds)
    const elapsed = diedFirst ? ended.t - m.t : seconds;
    m = ended;
    const finished = !diedFirst && hookTakes <= timerFires;
    if (diedFirst) {
      // an exec or HTTP handler fails at once in a container that is already dead
      failedPreStop(pod, name, m);
    } else if (finished) {
      m = containerPoint(pod, name, 'preStop.finished', m, 'term.prestop-before-term');
      if (hook.result === 'fail' && !sleeps) failedPreStop(pod, name, m);
      termRule = 'term.prestop-before-term';
    } else {
      termRule = 'term.grace-includes-prestop';
      abandonHook(pod, c, hookStart, m, hookRuns, hookTakes, sleeps);
      // the kubelet's timer starts when it calls the handler; the hook's own start, the point a node observes, comes
      // after the exec or request setup, so the timer's end may follow it by a little less than the grace (§5.2, §2.3)
      const setupSeconds = sleeps ? runtimeOverheadSeconds.kubeletTimer : runtimeOverheadSeconds.handler;
      m = { ...m, loSeconds: Math.max(0, m.loSeconds - setupSeconds) };
    }
    // executePreStopHook returns the whole seconds the wait took; the stop gets what is left (§5.2)
    grace -= Math.floor(elapsed);
    graceLo -= Math.floor(waited.maxSeconds);
    graceHi -= Math.floor(waited.minSeconds);
  }
  // a sidecar waits for its turn, and how long depends on the other containers: its stop window may shrink to the
  // minimum under some timing (§3.4)
  if (request.ordered && c.spec.role === 'sidecar') graceLo = 0;
  if (request.ordered && grace > 0 && !turnToStop(pod, c)) {
    const began = m.t;
    const turnTimer = runtimeDuration(grace, runtimeOverheadSeconds.kubeletTimer, 'kubelet.sidecar.termination-order');
    const timerFires = pod.engine.pick(turnTimer);
    const turn: Resumed = yield until(m, () => turnToStop(pod, c), turnTimer, timerFires);
    // the turn came after the hook here; under another timing the hook ends after the turn, up to its whole length
    // and when several containers had to stop first, another of them may be the last to exit (stopEndSpreadSeconds)
    m = turn.timedOut === true ? turn : { ...turn, hiSeconds: turn.hiSeconds + hookMaxSeconds + stopEndSpreadSeconds };
    termRule = 'kubelet.sidecar.termination-order';
    grace -= Math.floor(turn.timedOut === true ? timerFires : turn.t - began);
  } else if (turnRaces && hookMaxSeconds > 0) {
    // the hook ended after the turn here; under another timing the turn comes after the hook, at most when the
    // ordering wait gives up
    m = { ...m, hiSeconds: m.hiSeconds + Math.max(grace, 0) + runtimeOverheadSeconds.kubeletTimer };
  }
  // the 2 s floor, not the grace, times the KILL when the grace left is shorter (§5.2)
  const killRule: RuleId = grace < minimumStopGraceSeconds ? 'kubelet.grace.minimum' : 'term.kill-after-grace';
  grace = Math.max(grace, minimumStopGraceSeconds);
  graceLo = Math.max(graceLo, minimumStopGraceSeconds);
  graceHi = Math.max(graceHi, minimumStopGraceSeconds);
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
  m = deliverTerm(pod, c, m, termRule);
  // the runtime's own stop timer: SIGKILL comes g seconds after the stop signal, a little later on a real node
  const stopTimer = runtimeDuration(grace, runtimeOverheadSeconds.stopTimeout, 'term.kill-after-grace');
  const stopWindow: Delay = {
    minSeconds: graceLo,
    nominalSeconds: grace,
    maxSeconds: graceHi + runtimeOverheadSeconds.stopTimeout,
    rule: 'term.kill-after-grace',
  };
  const stopped: Moment = yield until(m, () => c.runtime !== 'running', stopWindow, pod.engine.pick(stopTimer));
  let end = stopped;
  if (c.runtime === 'running') {
    deliverKill(pod, c, stopped, killRule);
    end = yield until(stopped, () => c.runtime !== 'running');
  }
  c.killing = false;
  return end;
}

function failedPreStop(pod: PodModel, name: string, at: Moment): void {
  event(pod, at, 'events.failed-prestop', {
    reason: 'FailedPreStopHook',
    type: 'Warning',
    container: name,
    message: preStopFailedMessage,
  });
}

/**
 * The kill stopped waiting for the hook at the end of the grace; the hook is abandoned, not cancelled (§5.2). It may
 * still finish while the container is alive; an exec or HTTP handler that fails, or dies with its container, still
 * records FailedPreStopHook; a kubelet-side sleep just ends.
 */
function abandonHook(
  pod: PodModel,
  c: ContainerModel,
  hookStart: Moment,
  now: Moment,
  hookRuns: Delay,
  hookTakes: number,
  sleeps: boolean,
): void {
  const name = c.spec.name;
  const token = c.processToken;
  const fails = !sleeps && c.spec.preStop?.result === 'fail';
  let over = false;
  const ends = advance(hookStart, hookRuns, hookTakes);
  pod.engine.at(ends, (at) => {
    if (over) return;
    over = true;
    if (c.processToken === token && c.runtime === 'running') {
      containerPoint(pod, name, 'preStop.finished', at, 'kubelet.grace.prestop-bounded');
      if (fails) failedPreStop(pod, name, at);
    }
  });
  if (sleeps) return;
  pod.engine.spawn(
    (function* dies(): Chain {
      const gone: Resumed = yield until(now, () => over || c.processToken !== token || c.runtime !== 'running');
      if (over) return;
      over = true;
      failedPreStop(pod, name, gone);
    })(),
    now,
  );
}
