/**
 * The pod status the kubelet writes to the API: container states with the reason cache, readiness,
 * `started`; written at the start of every sync (describing the world before that sync's actions),
 * once when termination begins and not again until it ends; readiness reaches it through the status
 * manager at any time (KUBELET-FACTS §1.3, §6.3, §8, Corrections 4).
 */
import { advance, type Moment } from './engine/delay.ts';
import { latencies } from './latencies.ts';
import { podPoint, containerPoint } from './record.ts';
import { willRestart } from './restart-policy.ts';
import type { Phase, PointRef } from '../vocabulary/index.ts';
import type { ContainerModel, PodModel } from './state.ts';
import type { ApiContainerState, ApiContainerStatus, ApiPodView, ApiTerminatedState } from './status/api-view.ts';
import { computeConditions, computePhase, type PodConditions } from './status/index.ts';

/**
 * A view is immutable once built, and the one last published (`pod.api`) is read again by every later build (its
 * phase) and publish (its conditions): so each view's phase and conditions are computed once, on first use.
 */
const phaseMemo = new WeakMap<ApiPodView, Phase>();
const conditionsMemo = new WeakMap<ApiPodView, PodConditions>();

function phaseOf(view: ApiPodView): Phase {
  let phase = phaseMemo.get(view);
  if (phase === undefined) {
    phase = computePhase(view);
    phaseMemo.set(view, phase);
  }
  return phase;
}

/** The conditions written with a view: computed with the phase TerminatePod left them at, if it set one. */
function conditionsOf(view: ApiPodView): PodConditions {
  let conditions = conditionsMemo.get(view);
  if (conditions === undefined) {
    conditions = computeConditions(view.conditionsFrom ?? view, view.conditionsPhase ?? phaseOf(view));
    conditionsMemo.set(view, conditions);
  }
  return conditions;
}
import { isStarted, triggerReadiness } from './probes.ts';

function terminatedState(c: ContainerModel): ApiTerminatedState {
  const exitCode = c.exitCode ?? 0;
  const reason = exitCode === 0 ? 'Completed' : 'Error';
  return c.finishedAtSeconds !== undefined
    ? { type: 'terminated', exitCode, reason, finishedAtSeconds: c.finishedAtSeconds }
    : { type: 'terminated', exitCode, reason };
}

function isReady(c: ContainerModel): boolean {
  if (c.spec.role === 'init') return c.runtime === 'exited' && c.exitCode === 0;
  if (c.runtime !== 'running' || !isStarted(c)) return false;
  return c.spec.readinessProbe ? c.probes.readinessProbe?.result === 'success' : true;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * One container's API status. Built as one literal with the optional fields set afterwards rather than by spreading
 * a shared base: this runs for every container at every status build, and spreads are V8's slow path.
 */
function containerStatus(pod: PodModel, c: ContainerModel): ApiContainerStatus {
  let state: ApiContainerState;
  let lastState: ApiTerminatedState | undefined;
  switch (c.runtime) {
    case 'none': {
      const cached = c.reasonCache && willRestart(pod, c) ? c.reasonCache : undefined;
      const defaultReason = pod.scenario.pod.initContainers.length > 0 ? 'PodInitializing' : 'ContainerCreating';
      state = { type: 'waiting', reason: cached?.reason ?? defaultReason };
      break;
    }
    case 'created':
      state = { type: 'waiting' };
      break;
    case 'running':
      state = { type: 'running', startedAtSeconds: c.startedAt?.t ?? 0 };
      if (c.starts > 1) lastState = c.lastTerminated;
      break;
    case 'exited': {
      const terminated = terminatedState(c);
      if (c.reasonCache && willRestart(pod, c)) {
        state = { type: 'waiting', reason: c.reasonCache.reason };
        lastState = terminated;
      } else {
        state = terminated;
        lastState = c.lastTerminated;
      }
      break;
    }
  }
  const status: Mutable<ApiContainerStatus> = {
    name: c.spec.name,
    role: c.spec.role,
    state,
    restartCount: Math.max(0, c.starts - 1),
    ready: isReady(c),
    started: isStarted(c),
  };
  if (c.spec.restartPolicy) status.restartPolicy = c.spec.restartPolicy;
  if (lastState) status.lastState = lastState;
  return status;
}

/** The status the kubelet would write now. */
export function buildView(pod: PodModel, podIsTerminal: boolean): ApiPodView {
  // every spec container has a model (`byName` is built from the same lists), so none is left out
  const pick = (specs: ReadonlyArray<{ name: string }>): ApiContainerStatus[] => {
    const out: ApiContainerStatus[] = [];
    for (const { name } of specs) {
      const c = pod.byName.get(name);
      if (c) out.push(containerStatus(pod, c));
    }
    return out;
  };
  const view: Mutable<ApiPodView> = {
    restartPolicy: pod.scenario.pod.restartPolicy,
    initContainers: pick(pod.scenario.pod.initContainers),
    containers: pick(pod.scenario.pod.containers),
    deletionRequested: pod.deletion !== undefined,
    podIsTerminal,
    sandboxReady: pod.sandbox === 'ready',
    wasInitialized: pod.initializedEver,
  };
  // optional fields set afterwards, not spread in: this runs at every sync and every readiness check
  if (pod.forcedPhase) view.forcedPhase = pod.forcedPhase;
  if (pod.api) view.previousPhase = phaseOf(pod.api);
  return view;
}

/** Writes `view` as the API status at `at` and emits the readiness and condition points that changed. */
export function publishView(pod: PodModel, view: ApiPodView, at: Moment, pinned = false): void {
  const before = pod.api;
  pod.api = view;
  pod.apiPhase = view.conditionsPhase ?? phaseOf(view);
  // once a force delete removed the object, no status is written or seen (R19)
  if (pod.gone || pod.objectRemoved) return;
  pod.written.push({ t: at.t, view });
  const beforeConditions = before ? conditionsOf(before) : undefined;
  const conditions = conditionsOf(view);
  const wasReadyByName = before ? readyByName(before) : undefined;
  for (const s of [...view.initContainers, ...view.containers]) {
    if (s.role === 'init') continue;
    const was = wasReadyByName ? wasReadyByName.get(s.name) : false;
    if (s.ready !== (was ?? false)) {
      containerPoint(
        pod,
        s.name,
        s.ready ? 'ready' : 'unready',
        // anchored on the pod's creation, not the instance's start: how many starts a container has had by the write
        // that shows it ready or unready varies with the timing, and so would the start's occurrence number (R16)
        pinned ? at : looseAfterCreation(at),
        'kubelet.probe.readiness',
      );
    }
  }
  if (conditions.Initialized.status === 'True' && beforeConditions?.Initialized.status !== 'True') {
    podPoint(pod, 'initialized', pinned ? at : looseAfterCreation(at), 'kubelet.conditions.generate');
  }
  const wasReady = beforeConditions?.Ready.status === 'True';
  const isReadyNow = conditions.Ready.status === 'True';
  if (isReadyNow !== wasReady) {
    podPoint(
      pod,
      isReadyNow ? 'ready' : 'unready',
      pinned ? at : looseAfterCreation(at),
      'kubelet.conditions.generate',
    );
  }
}

/** Each container's `ready` in a view; the first status of a name wins, as a search from the front would find. */
function readyByName(view: ApiPodView): Map<string, boolean> {
  const ready = new Map<string, boolean>();
  for (const s of [...view.initContainers, ...view.containers]) if (!ready.has(s.name)) ready.set(s.name, s.ready);
  return ready;
}

/**
 * A status write at a sync shows changes when that sync happens, and what triggered the sync is often incidental
 * (another container's relist event, a probe result): such points are only pinned after the pod's creation, not to
 * the trigger (R16).
 */
function looseAfterCreation(at: Moment): Moment {
  return { t: at.t, anchor: podCreated, loSeconds: 0, hiSeconds: Number.MAX_SAFE_INTEGER };
}

const podCreated: PointRef = { scope: 'pod', name: 'created', occurrence: 1 };

/** generateAPIPodStatus at a sync's start. */
export function writeStatus(pod: PodModel, at: Moment): void {
  if (pod.statusFrozen) return;
  const view = buildView(pod, false);
  // a fresh view has no conditionsPhase, so these are the conditions computed with its own phase
  if (conditionsOf(view).Initialized.status === 'True') pod.initializedEver = true;
  publishView(pod, view, at);
  triggerReadiness(pod, at);
}

/** A readiness result changed: the status manager patches the container's `ready` at once, even while terminating. */
export function readinessChanged(pod: PodModel, c: ContainerModel, at: Moment): void {
  if (!pod.api) return;
  const ready = isReady(c);
  const patch = (list: ReadonlyArray<ApiContainerStatus>): ApiContainerStatus[] =>
    list.map((s) => (s.name === c.spec.name ? { ...s, ready } : s));
  const when = advance(at, latencies.readinessWrite, pod.engine.pick(latencies.readinessWrite));
  pod.engine.at(when, (m) => {
    const latest = pod.api;
    if (!latest || pod.gone) return;
    publishView(
      pod,
      { ...latest, initContainers: patch(latest.initContainers), containers: patch(latest.containers) },
      m,
      true,
    );
  });
}
