/**
 * Building blocks for container statuses: the kubelet's default waiting reasons, the runtime's terminated reasons,
 * the synthesized ContainerStatusUnknown state, and `statusManager.TerminatePod` (KUBELET-FACTS §5.5, §5.6, §8).
 */
import type { Phase } from '../../vocabulary/index.ts';
import type { ApiContainerStatus, ApiPodView, ApiTerminatedState } from './api-view.ts';
import { computePhase, isTerminalPhase } from './phase.ts';

/** Waiting reasons the kubelet gives a container that has no runtime state yet (`kubelet_pods.go` constants). */
export type DefaultWaitingReason = 'PodInitializing' | 'ContainerCreating';

/** Terminated reasons containerd's CRI server reports (KUBELET-FACTS §8.3). */
export type RuntimeTerminatedReason = 'Completed' | 'Error' | 'OOMKilled' | 'StartError';

/** Exit code containerd records for a container whose start failed. */
export const startErrorExitCode = 128;

/** Exit code the kubelet writes into the states it synthesizes as ContainerStatusUnknown. */
export const containerStatusUnknownExitCode = 137;

/** The waiting reason of a container before its first run: `PodInitializing` iff the pod has init containers. */
export function defaultWaitingReason(podHasInitContainers: boolean): DefaultWaitingReason {
  // convertToAPIContainerStatuses applies this to every spec container, the init containers' own statuses included.
  return podHasInitContainers ? 'PodInitializing' : 'ContainerCreating';
}

/** The reason containerd gives an exited container: StartError, then OOMKilled, else Completed for 0 and Error otherwise. */
export function runtimeTerminatedReason(
  exitCode: number,
  options: { readonly oomKilled?: boolean; readonly startError?: boolean } = {},
): RuntimeTerminatedReason {
  // containerd keeps a reason set when the exit was recorded (start failure, OOM) and only falls back to the exit code.
  if (options.startError === true) return 'StartError';
  if (options.oomKilled === true) return 'OOMKilled';
  return exitCode === 0 ? 'Completed' : 'Error';
}

/**
 * Why the kubelet synthesizes ContainerStatusUnknown: `podTerminated` (TerminatePod, or a container that vanished in
 * the runtime's Unknown state) or `vanishedWhileRunning` (the `lastState` of a container that was Running and is gone).
 */
export type ContainerStatusUnknownCause = 'podTerminated' | 'vanishedWhileRunning';

/** The terminated `ContainerStatusUnknown` state (exit 137) with the kubelet's message for that cause. */
export function containerStatusUnknown(cause: ContainerStatusUnknownCause = 'podTerminated'): ApiTerminatedState {
  switch (cause) {
    case 'podTerminated':
      return {
        type: 'terminated',
        exitCode: containerStatusUnknownExitCode,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was terminated',
      };
    case 'vanishedWhileRunning':
      // Two spaces after the first sentence, as in convertToAPIContainerStatuses.
      return {
        type: 'terminated',
        exitCode: containerStatusUnknownExitCode,
        reason: 'ContainerStatusUnknown',
        message: 'The container could not be located when the pod was deleted.  The container used to be Running',
      };
  }
}

/** The status `statusManager.TerminatePod` leaves behind, and its phase. */
export interface TerminatedPodStatus {
  /** the view with the synthesized states; `previousPhase` holds the phase written, so it stays put */
  readonly view: ApiPodView;
  /** always Succeeded or Failed */
  readonly phase: Phase;
}

/**
 * `status_manager.go: TerminatePod`, run at the end of SyncTerminatedPod on the last status written: containers
 * without a terminated state become ContainerStatusUnknown/137 and a Pending or Running phase becomes Failed.
 * Conditions are not recomputed by the kubelet here; they keep the values computed for the input view.
 */
export function terminatePodStatuses(view: ApiPodView): TerminatedPodStatus {
  const unknown = containerStatusUnknown('podTerminated');
  const markUnknown = (s: ApiContainerStatus): ApiContainerStatus =>
    s.state.type === 'terminated' ? s : { ...s, state: unknown };

  // Regular containers only once the pod shows evidence of having initialized: before that, their waiting state is
  // explained by the init containers' failure.
  const containers = hasPodInitialized(view) ? view.containers.map(markUnknown) : view.containers;
  const attempted = attemptedInitContainerCount(view.initContainers);
  const initContainers = view.initContainers.map((s, i) => (i < attempted ? markUnknown(s) : s));

  const before = computePhase(view);
  // Static pods keep a non-terminal phase (TODO #116484), but the view does not model static pods.
  const phase: Phase = isTerminalPhase(before) ? before : 'Failed';
  return { view: { ...view, initContainers, containers, previousPhase: phase }, phase };
}

/** `status_manager.go: hasPodInitialized`, from the statuses alone. */
function hasPodInitialized(view: ApiPodView): boolean {
  if (view.initContainers.length === 0) return true;
  // Any regular container that ever left Waiting.
  if (view.containers.some((s) => s.lastState !== undefined || s.state.type !== 'waiting')) return true;
  const last = view.initContainers[view.initContainers.length - 1];
  if (last === undefined) return false;
  if (last.role === 'sidecar') return last.state.type === 'running' && last.started;
  return (
    (last.lastState !== undefined && last.lastState.exitCode === 0) ||
    (last.state.type === 'terminated' && last.state.exitCode === 0)
  );
}

/**
 * `status_manager.go: initializedContainers`: how many init statuses, from the first, show evidence of a start; the
 * trailing ones still waiting without a `lastState` are left alone. When all are waiting the first one still counts,
 * so a pod deleted while its first init container could not be pulled shows `Init:ContainerStatusUnknown`.
 */
function attemptedInitContainerCount(statuses: ReadonlyArray<ApiContainerStatus>): number {
  for (let i = statuses.length - 1; i >= 0; i--) {
    const s = statuses[i];
    if (s !== undefined && (s.state.type !== 'waiting' || s.lastState !== undefined)) return i + 1;
  }
  return Math.min(1, statuses.length);
}
