/**
 * The API status the kubelet writes, as `generateAPIPodStatus` builds it from one runtime snapshot
 * (KUBELET-FACTS §6.3, §6.4, §8.1): container statuses with default waiting reasons and the reason
 * cache, the phase by getPhase, terminal phases sticky, activeDeadlineSeconds, and the conditions.
 */
import type { Phase } from '../../../specs/vocabulary/index.ts';
import type { Ms } from './clock.ts';
import { deadlineMessage } from './events.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { ProbeWorker } from './probe-worker.ts';
import { policyRestarts, shouldContainerBeRestarted } from './restart-policy.ts';
import type { Instance, RuntimeState } from './runtime.ts';
import type { Snapshot } from './snapshot.ts';
import type { World } from './world.ts';

/** A terminated container state (also the shape of lastState). */
export interface ApiTerminated {
  readonly type: 'terminated';
  readonly exitCode: number;
  readonly reason: string;
  readonly finishedAt: Ms;
}

/** A container state in the API. */
export type ApiState =
  | { readonly type: 'waiting'; readonly reason: string; readonly message: string }
  | { readonly type: 'running'; readonly startedAt: Ms }
  | ApiTerminated;

/** One container status; owned and updated in place by the status manager only. */
export interface ApiContainerStatus {
  readonly c: ContainerInfo;
  state: ApiState;
  lastState: ApiTerminated | undefined;
  restartCount: number;
  ready: boolean;
  started: boolean | undefined;
  /** the runtime instance id the status describes, 0 for none */
  containerId: number;
}

/** A pod condition. */
export interface ApiCondition {
  readonly status: 'True' | 'False';
  readonly reason: string;
}

/** The kubelet-owned conditions. */
export interface ApiConditions {
  readonly PodScheduled: ApiCondition;
  readonly PodReadyToStartContainers: ApiCondition;
  readonly Initialized: ApiCondition;
  ContainersReady: ApiCondition;
  Ready: ApiCondition;
}

/** The pod status as last written to the API. */
export interface ApiPodStatus {
  readonly phase: Phase;
  readonly reason: string;
  readonly message: string;
  readonly startTime: Ms;
  readonly init: ApiContainerStatus[];
  readonly regular: ApiContainerStatus[];
  readonly conditions: ApiConditions;
}

/** A freshly generated status and the readiness workers UpdatePodStatus asked to run at once. */
export interface GeneratedStatus {
  readonly status: ApiPodStatus;
  readonly readinessTriggers: ReadonlyArray<ProbeWorker>;
}

const conditionTrue: ApiCondition = { status: 'True', reason: '' };

function condition(ok: boolean, reason: string): ApiCondition {
  return ok ? conditionTrue : { status: 'False', reason };
}

/** Builds the API status from a runtime snapshot; `podIsTerminal` once every container has stopped. */
export function generateApiPodStatus(w: World, snap: Snapshot, podIsTerminal: boolean): GeneratedStatus {
  const old = w.status.current;
  const defaultReason = w.pod.init.length > 0 ? 'PodInitializing' : 'ContainerCreating';
  const init = w.pod.init.map((c) => containerStatus(w, c, old?.init[c.listIndex], snap, defaultReason));
  const regular = w.pod.regular.map((c) => containerStatus(w, c, old?.regular[c.listIndex], snap, defaultReason));
  // 1.35 (KEP-4781): getPhase sees the sidecar's previous `started` value (Corrections 6)
  for (const s of init) {
    if (s.c.role !== 'sidecar') continue;
    const o = old?.init[s.c.listIndex];
    s.started =
      o !== undefined && o.containerId === s.containerId && s.state.type === 'running' ? o.started : undefined;
  }
  let phase = getPhase(w, init, regular, podIsTerminal, hasAnyRegularContainerStarted(regular));
  const oldPhase = old?.phase;
  const oldTerminal = oldPhase === 'Succeeded' || oldPhase === 'Failed';
  if (phase !== 'Succeeded' && phase !== 'Failed' && oldTerminal) phase = oldPhase;
  let reason = '';
  let message = '';
  if (old !== undefined && phase === old.phase) {
    reason = old.reason;
    message = old.message;
  }
  const now = w.clock.now;
  const deadline = w.pod.activeDeadlineMs;
  if (old !== undefined && deadline !== undefined && now - old.startTime >= deadline) {
    // activeDeadlineHandler.ShouldEvict: the pod is forced Failed with its reason
    w.obs.event('Normal', 'DeadlineExceeded', deadlineMessage, undefined);
    phase = 'Failed';
    reason = 'DeadlineExceeded';
    message = deadlineMessage;
  }
  if (oldTerminal && phase !== oldPhase) phase = oldPhase;
  const readinessTriggers = w.prober.updatePodStatus(init, regular);
  const containersReady = containersReadyCondition(init, regular, phase);
  const conditions: ApiConditions = {
    PodScheduled: conditionTrue,
    PodReadyToStartContainers: condition(w.runtime.sandboxReady, ''),
    Initialized: initializedCondition(init, regular, phase),
    ContainersReady: containersReady,
    Ready: containersReady,
  };
  return {
    status: { phase, reason, message, startTime: old?.startTime ?? now, init, regular, conditions },
    readinessTriggers,
  };
}

function containerStatus(
  w: World,
  c: ContainerInfo,
  old: ApiContainerStatus | undefined,
  snap: Snapshot,
  defaultReason: string,
): ApiContainerStatus {
  const v = snap.of(c);
  let s: ApiContainerStatus;
  if (v.latest === undefined) {
    s =
      old !== undefined && old.state.type === 'terminated'
        ? { ...old, ready: false, started: undefined }
        : {
            c,
            state: { type: 'waiting', reason: defaultReason, message: '' },
            lastState: old?.lastState,
            restartCount: old?.restartCount ?? 0,
            ready: false,
            started: undefined,
            containerId: 0,
          };
  } else {
    s = {
      c,
      state: apiState(v.latest, v.latestState),
      lastState: v.previous !== undefined && v.previousState === 'exited' ? terminated(v.previous) : undefined,
      restartCount: v.latest.restartCount,
      ready: false,
      started: undefined,
      containerId: v.latest.id,
    };
  }
  // a container the next sync will (re)start shows its last start error (reason cache, §8.1)
  const initDone = c.role === 'init' && v.latestState === 'exited' && v.latest?.exitCode === 0;
  if (!initDone && shouldContainerBeRestarted(w, c, v)) {
    const err = w.reasons.get(c.index);
    if (err !== undefined) {
      if (s.state.type === 'terminated') s.lastState = s.state;
      s.state = { type: 'waiting', reason: err.reason, message: err.message };
    }
  }
  return s;
}

function apiState(inst: Instance, state: RuntimeState | undefined): ApiState {
  switch (state) {
    case 'running':
      return { type: 'running', startedAt: inst.startedAt };
    case 'exited':
      return terminated(inst);
    case 'created':
    case undefined:
      // a created, not started container waits with an empty reason
      return { type: 'waiting', reason: '', message: '' };
  }
}

function terminated(inst: Instance): ApiTerminated {
  return { type: 'terminated', exitCode: inst.exitCode, reason: inst.reason, finishedAt: inst.finishedAt };
}

function hasAnyRegularContainerStarted(regular: ReadonlyArray<ApiContainerStatus>): boolean {
  return regular.some((s) => s.state.type === 'running' || s.state.type === 'terminated');
}

/**
 * getPhase (kubelet_pods.go, 1.33+ form, §6.4) over the API container statuses. With
 * ContainerRestartRules a container's own restartPolicy decides whether it will run again, so "all
 * stopped" asks each stopped container; without own policies this is exactly the 1.33 table.
 */
export function getPhase(
  w: World,
  init: ReadonlyArray<ApiContainerStatus>,
  regular: ReadonlyArray<ApiContainerStatus>,
  podIsTerminal: boolean,
  podHasInitialized: boolean,
): Phase {
  let pendingInit = 0;
  let failedInit = 0;
  let pendingSidecar = 0;
  let running = 0;
  let waiting = 0;
  let stopped = 0;
  let succeeded = 0;
  let restarting = 0;
  for (const s of init) {
    const st = s.state;
    if (s.c.role === 'init') {
      const last = st.type === 'terminated' ? st : st.type === 'waiting' ? s.lastState : undefined;
      if (st.type === 'running' || last === undefined) pendingInit++;
      // a failed init container that will not be retried fails the pod
      else if (last.exitCode !== 0 && !policyRestarts(w, s.c, last.exitCode)) failedInit++;
      continue;
    }
    if (st.type === 'running') {
      if (s.started !== true) pendingSidecar++;
      running++;
    } else if (st.type === 'waiting' && s.lastState === undefined) {
      pendingSidecar++;
      waiting++;
    }
  }
  for (const s of regular) {
    const st = s.state;
    const last = st.type === 'terminated' ? st : st.type === 'waiting' ? s.lastState : undefined;
    if (st.type === 'running') running++;
    else if (last === undefined) waiting++;
    else {
      stopped++;
      if (st.type === 'terminated' && st.exitCode === 0) succeeded++;
      if (policyRestarts(w, s.c, last.exitCode)) restarting++;
    }
  }
  if (failedInit > 0) return 'Failed';
  if (pendingInit > 0 || (!podHasInitialized && pendingSidecar > 0)) return 'Pending';
  if (waiting > 0) {
    return w.dev['phase-running-with-waiting-container'] && running > 0 ? 'Running' : 'Pending';
  }
  if (running > 0) return 'Running';
  if (stopped > 0) {
    // every container stopped: terminal unless one of them will be started again
    if (!podIsTerminal && restarting > 0) return 'Running';
    return stopped === succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

function initializedCondition(
  init: ReadonlyArray<ApiContainerStatus>,
  regular: ReadonlyArray<ApiContainerStatus>,
  phase: Phase,
): ApiCondition {
  // status/generate.go GeneratePodInitializedCondition: a Succeeded pod reads PodCompleted before any other test,
  // with or without init containers (every init container's status is known here)
  if (phase === 'Succeeded') return { status: 'True', reason: 'PodCompleted' };
  if (init.length === 0 || hasAnyRegularContainerStarted(regular)) return conditionTrue;
  let incomplete = false;
  for (const s of init) {
    if (s.c.role === 'sidecar' ? s.started !== true : !s.ready) incomplete = true;
  }
  return condition(!incomplete, 'ContainersNotInitialized');
}

/** ContainersReady (and Ready: no readiness gates here) from regular containers and sidecars. */
export function containersReadyCondition(
  init: ReadonlyArray<ApiContainerStatus>,
  regular: ReadonlyArray<ApiContainerStatus>,
  phase: Phase,
): ApiCondition {
  if (phase === 'Succeeded') return { status: 'False', reason: 'PodCompleted' };
  if (phase === 'Failed') return { status: 'False', reason: 'PodFailed' };
  let unready = false;
  for (const s of init) if (s.c.role === 'sidecar' && !s.ready) unready = true;
  for (const s of regular) if (!s.ready) unready = true;
  return condition(!unready, 'ContainersNotReady');
}
