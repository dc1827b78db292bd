/**
 * Probe workers: one per container and probe type, created at the pod's first sync and ticking every
 * periodSeconds from then; startup gates liveness and readiness; results are published after
 * failureThreshold / successThreshold consecutive runs (KUBELET-FACTS §6.2, §6.3; probe.*, kubelet.probe.*).
 */
import type { PointRef, Probe, ProbeType } from '../vocabulary/index.ts';
import { advance, exactDelay, type Moment } from './engine/delay.ts';
import { latencies, runtimeDuration, runtimeOverheadSeconds } from './latencies.ts';
import { containerPoint, event, possibleEvent } from './record.ts';
import { probeErroredMessage, probeFailedMessage } from './messages.ts';
import type { ContainerModel, PodModel, ProbeState } from './state.ts';
import { requestSync } from './sync-requests.ts';
import { readinessChanged } from './api-status.ts';
import { willRestart } from './restart-policy.ts';

const podCreated: PointRef = { scope: 'pod', name: 'created', occurrence: 1 };

function initialResult(type: ProbeType): ProbeState['result'] {
  // newWorker: readiness starts as Failure, liveness as Success, startup as Unknown
  switch (type) {
    case 'readinessProbe':
      return 'failure';
    case 'livenessProbe':
      return 'success';
    case 'startupProbe':
      return 'unknown';
  }
}

/**
 * A new container instance: the cached result goes back to its initial value and the hold is lifted, but the
 * run of identical results carries over (worker.go resets the result, not `resultRun`).
 */
export function resetProbes(c: ContainerModel): void {
  for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
    if (!c.spec[type]) continue;
    const before = c.probes[type];
    c.probes[type] = {
      consecutiveFailures: before?.consecutiveFailures ?? 0,
      consecutiveSuccesses: before?.consecutiveSuccesses ?? 0,
      onHold: false,
      result: initialResult(type),
    };
  }
}

/** `started` as isContainerStarted computes it. */
export function isStarted(c: ContainerModel): boolean {
  if (c.runtime !== 'running') return false;
  if (!c.spec.startupProbe) return true;
  return c.probes.startupProbe?.result === 'success';
}

function checkFails(probe: Probe, c: ContainerModel, atSeconds: number): boolean {
  if (probe.takesSeconds > probe.timeoutSeconds) return true;
  const since = atSeconds - (c.startedAt?.t ?? atSeconds);
  switch (probe.fails.type) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'from':
      return since >= probe.fails.seconds;
    case 'until':
      return since < probe.fails.seconds;
    case 'afterTerm':
      return c.termAtSeconds !== undefined && atSeconds - c.termAtSeconds >= probe.fails.seconds;
  }
}

/** Starts the probe workers of every container (probeManager.AddPod at the first sync). */
export function startProbeWorkers(pod: PodModel, at: Moment): void {
  for (const c of pod.containers) {
    for (const type of ['startupProbe', 'livenessProbe', 'readinessProbe'] as const) {
      const probe = c.spec[type];
      if (probe) scheduleTick(pod, c, type, probe, at, 0, restartTicker(c, type));
    }
  }
}

/** A new ticker generation for this worker: ticks scheduled by an older one are dropped. */
function restartTicker(c: ContainerModel, type: ProbeType): number {
  const generation = (c.tickers[type] ?? 0) + 1;
  c.tickers[type] = generation;
  return generation;
}

function scheduleTick(
  pod: PodModel,
  c: ContainerModel,
  type: ProbeType,
  probe: Probe,
  origin: Moment,
  k: number,
  generation: number,
): void {
  const offset = k * probe.periodSeconds;
  pod.engine.at(advance(origin, exactDelay(offset, 'kubelet.probe.worker-ticks'), offset), (m) => {
    if (c.tickers[type] !== generation) return;
    if (tick(pod, c, type, probe, m, false)) scheduleTick(pod, c, type, probe, origin, k + 1, generation);
  });
}

/** One tick of a worker; false when the worker exits. */
function tick(pod: PodModel, c: ContainerModel, type: ProbeType, probe: Probe, m: Moment, manual: boolean): boolean {
  // doProbe reads the stored status first: a Failed or Succeeded phase ends the worker (R20)
  if (pod.terminal || pod.gone || pod.apiPhase === 'Failed' || pod.apiPhase === 'Succeeded') return false;
  const state = c.probes[type];
  if (!state || !c.startedAt) return true;
  // doProbe's order: a worker on hold does nothing, not even for a stopped container (worker.go)
  if (state.onHold) return true;
  // the worker goes by the kubelet's own status, not the runtime: a container the status does not yet show
  // running (a sync blocked in postStart) is not probed, and one it still shows running (status frozen during
  // termination) is, even after it died (Corrections 4, 7)
  if (!apiShowsRunning(pod, c)) {
    if (!apiShowsStopped(pod, c)) return true;
    // container not running: the worker caches Failure, and keeps going only if it may be restarted (§6.2);
    // a liveness or startup change makes the pod worker sync (§1.2)
    if (!willRestart(pod, c)) return false;
    if (state.result !== 'failure') {
      state.result = 'failure';
      if (type === 'readinessProbe') readinessChanged(pod, c, m);
      else requestSync(pod, m, latencies.probeSync);
    }
    return true;
  }
  // liveness and startup workers do not see the delete (they keep the pod object they started with): those of
  // regular containers end at SyncTerminatingPod's StopLivenessAndStartup, which loops over spec.containers only;
  // a sidecar's run until RemovePod after killPod (Corrections 20)
  if (pod.statusFrozen && type !== 'readinessProbe' && c.spec.role === 'regular') return false;
  // doProbe's order: the initial delay and the startup gate come before the probe, also for a container the
  // (frozen) status still shows running after it died; `started` is what that status says (§6.2, Corrections 4)
  if (Math.floor(m.t - c.startedAt.t) < probe.initialDelaySeconds) return true;
  const started = !c.spec.startupProbe || c.probes.startupProbe?.result === 'success';
  if (type === 'startupProbe' && started) return true;
  if (type !== 'startupProbe' && !started) return true;
  if (c.runtime !== 'running') {
    // an exec probe against a stopped container errors: prober.probe records Warning Unhealthy with the runtime's
    // error text, and the worker discards the result, so nothing counts (Corrections 19, 12); network probes fail
    if (probe.action.type === 'exec') {
      if (!(manual && state.result === 'success')) probeErrored(pod, c, type, m);
      return true;
    }
    if (manual && state.result === 'success') return true;
    runProbe(pod, c, type, probe, state, m, true);
    return true;
  }
  if (manual && state.result === 'success') return true;
  runProbe(pod, c, type, probe, state, m);
  return true;
}

function probeErrored(pod: PodModel, c: ContainerModel, type: ProbeType, at: Moment): void {
  // whether a tick lands between the exit and the next status write is a race of the worker's ticker with the
  // relist clock: possible, never certain
  possibleEvent(pod, at, 'kubelet.probe.unhealthy-event', {
    reason: 'Unhealthy',
    type: 'Warning',
    container: c.spec.name,
    message: probeErroredMessage(type),
  });
}

function runProbe(
  pod: PodModel,
  c: ContainerModel,
  type: ProbeType,
  probe: Probe,
  state: ProbeState,
  at: Moment,
  againstStopped = false,
): void {
  const name = c.spec.name;
  // which tick a run falls on depends on when the worker started and when statuses were written, so single runs
  // are not pinned to anything; what a result causes is anchored on the container's start, one period wide
  const unpinned: Moment = { t: at.t, anchor: podCreated, loSeconds: 0, hiSeconds: Number.MAX_SAFE_INTEGER };
  containerPoint(pod, name, `${type}.ran`, unpinned, 'kubelet.probe.worker-ticks');
  const ran = ranMoment(c, at, type);
  const failed = againstStopped || checkFails(probe, c, at.t);
  const takes = Math.min(probe.takesSeconds, probe.timeoutSeconds);
  const token = c.processToken;
  // the check takes its own time plus the handler's overhead (an exec's round trip, an HTTP request) (§6.2)
  const runs = runtimeDuration(takes, runtimeOverheadSeconds.handler, 'kubelet.probe.threshold');
  pod.engine.at(advance(ran, runs, pod.engine.pick(runs)), (m) => {
    if (c.processToken !== token) return;
    if (failed) {
      state.consecutiveFailures += 1;
      state.consecutiveSuccesses = 0;
      event(pod, m, 'kubelet.probe.unhealthy-event', {
        reason: 'Unhealthy',
        type: 'Warning',
        container: name,
        message: probeFailedMessage(type),
      });
      if (state.consecutiveFailures >= probe.failureThreshold) publish(pod, c, type, state, 'failure', m);
    } else {
      state.consecutiveSuccesses += 1;
      state.consecutiveFailures = 0;
      if (state.consecutiveSuccesses >= probe.successThreshold) publish(pod, c, type, state, 'success', m);
    }
  });
}

/** Probe runs tick on the worker's own clock, so their window relative to the container's start is one period wide. */
function ranMoment(c: ContainerModel, at: Moment, type: ProbeType): Moment {
  const started = c.startedAt;
  if (!started?.anchor) return at;
  const since = at.t - started.t;
  const period = Math.max(
    c.spec.startupProbe?.periodSeconds ?? 0,
    c.spec.livenessProbe?.periodSeconds ?? 0,
    c.spec.readinessProbe?.periodSeconds ?? 0,
  );
  return {
    t: at.t,
    anchor: started.anchor,
    // a readiness run can also be triggered by any status write (UpdatePodStatus), not only by its ticker
    loSeconds: type === 'readinessProbe' ? 0 : Math.max(0, since - period - 2.2),
    hiSeconds: since + period + 2.2,
  };
}

function publish(
  pod: PodModel,
  c: ContainerModel,
  type: ProbeType,
  state: ProbeState,
  result: 'success' | 'failure',
  m: Moment,
): void {
  const changed = state.result !== result;
  state.result = result;
  // a published liveness or startup Failure holds the worker and restarts its run count (worker.go doProbe)
  if (result === 'failure' && type !== 'readinessProbe') state.consecutiveFailures = 0;
  switch (type) {
    case 'startupProbe': {
      state.onHold = true;
      const at =
        result === 'success'
          ? containerPoint(pod, c.spec.name, 'startupProbe.succeeded', m, 'probe.liveness-after-startup')
          : m;
      requestSync(pod, at, latencies.probeSync);
      return;
    }
    case 'livenessProbe':
      if (result === 'failure') {
        state.onHold = true;
        requestSync(pod, m, latencies.probeSync);
      }
      return;
    case 'readinessProbe':
      // a readiness change reaches the API through the status manager and also makes the worker sync (§1.2)
      if (changed) {
        readinessChanged(pod, c, m);
        requestSync(pod, m, latencies.probeSync);
      }
      return;
  }
}

/** UpdatePodStatus: a started container without a readiness Success gets a readiness run at once. */
export function triggerReadiness(pod: PodModel, at: Moment): void {
  for (const c of pod.containers) {
    const probe = c.spec.readinessProbe;
    if (!probe || c.runtime !== 'running' || !isStarted(c)) continue;
    // UpdatePodStatus sends the trigger only while the result is not Success; the worker then probes and resets its
    // ticker to a full period from this moment, so later ticks leave the grid they were on (Corrections 24)
    const sent = c.probes.readinessProbe?.result !== 'success';
    const goesOn = tick(pod, c, 'readinessProbe', probe, at, true);
    if (!sent) continue;
    const generation = restartTicker(c, 'readinessProbe');
    if (goesOn) scheduleTick(pod, c, 'readinessProbe', probe, at, 1, generation);
  }
}

/** Whether the last status the kubelet wrote shows the container stopped after a run. */
function apiShowsStopped(pod: PodModel, c: ContainerModel): boolean {
  const view = pod.api;
  if (!view || c.starts === 0 || c.runtime === 'running') return false;
  const status = [...view.initContainers, ...view.containers].find((s) => s.name === c.spec.name);
  return status?.state.type === 'terminated' || status?.lastState !== undefined;
}

/** Whether the last status the kubelet wrote shows this instance of the container running. */
function apiShowsRunning(pod: PodModel, c: ContainerModel): boolean {
  const view = pod.api;
  if (!view || !c.startedAt) return false;
  const status = [...view.initContainers, ...view.containers].find((s) => s.name === c.spec.name);
  return status?.state.type === 'running' && status.state.startedAtSeconds === c.startedAt.t;
}

/** A probe worker whose result failed (liveness or startup) asks for this container to be killed. */
export function probeFailure(c: ContainerModel): ProbeType | undefined {
  if (c.runtime !== 'running') return undefined;
  if (c.probes.livenessProbe?.result === 'failure') return 'livenessProbe';
  if (c.probes.startupProbe?.result === 'failure') return 'startupProbe';
  return undefined;
}
