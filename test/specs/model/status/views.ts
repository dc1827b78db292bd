// Terse builders for ApiPodView tables. Defaults follow what the kubelet writes: `started` iff running, `ready` iff
// running (regular containers, sidecars) or terminated with 0 (init containers); override where a case needs it.
import type { ContainerRole } from '../../../../specs/vocabulary/index.ts';
import type {
  ApiContainerState,
  ApiContainerStatus,
  ApiPodView,
  ApiTerminatedState,
} from '../../../../specs/model/status/index.ts';

export function waiting(reason?: string): ApiContainerState {
  return reason === undefined ? { type: 'waiting' } : { type: 'waiting', reason };
}

export function running(): ApiContainerState {
  return { type: 'running', startedAtSeconds: 1 };
}

/** A terminated state; `reason: ''` leaves the reason out (a runtime that gave none). */
export function terminated(exitCode: number, reason?: string, signal?: number): ApiTerminatedState {
  const base: ApiTerminatedState = { type: 'terminated', exitCode, finishedAtSeconds: 10 };
  const withReason: ApiTerminatedState =
    reason === '' ? base : { ...base, reason: reason ?? (exitCode === 0 ? 'Completed' : 'Error') };
  return signal === undefined ? withReason : { ...withReason, signal };
}

export interface StatusOptions {
  readonly ready?: boolean;
  readonly started?: boolean;
  readonly restartCount?: number;
  /** exit code of the previous run (reason Completed/Error) */
  readonly last?: number;
}

function status(role: ContainerRole, name: string, state: ApiContainerState, o: StatusOptions): ApiContainerStatus {
  const isRunning = state.type === 'running';
  const defaultReady = role === 'init' ? state.type === 'terminated' && state.exitCode === 0 : isRunning;
  const base: ApiContainerStatus = {
    name,
    role,
    state,
    restartCount: o.restartCount ?? (o.last === undefined ? 0 : 1),
    ready: o.ready ?? defaultReady,
    started: o.started ?? isRunning,
  };
  return o.last === undefined ? base : { ...base, lastState: terminated(o.last) };
}

export function init(name: string, state: ApiContainerState, o: StatusOptions = {}): ApiContainerStatus {
  return status('init', name, state, o);
}

export function sidecar(name: string, state: ApiContainerState, o: StatusOptions = {}): ApiContainerStatus {
  return status('sidecar', name, state, o);
}

export function app(name: string, state: ApiContainerState, o: StatusOptions = {}): ApiContainerStatus {
  return status('regular', name, state, o);
}

export interface PodOptions extends Partial<Omit<ApiPodView, 'initContainers' | 'containers'>> {
  readonly init?: ReadonlyArray<ApiContainerStatus>;
}

/** A view with the given regular containers; by default policy Always, scheduled, sandbox ready, not deleted. */
export function pod(containers: ReadonlyArray<ApiContainerStatus>, o: PodOptions = {}): ApiPodView {
  const { init: initContainers = [], ...rest } = o;
  return {
    restartPolicy: 'Always',
    deletionRequested: false,
    podIsTerminal: false,
    sandboxReady: true,
    wasInitialized: false,
    ...rest,
    initContainers,
    containers,
  };
}
