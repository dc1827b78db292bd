/**
 * The kubelet-owned pod conditions as `generateAPIPodStatus` sets them from `pkg/kubelet/status/generate.go`
 * (KUBELET-FACTS §6.3), for a pod without readiness gates.
 */
import type { ConditionStatus, ConditionType, Phase } from '../../vocabulary/index.ts';
import type { ApiContainerStatus, ApiPodView } from './api-view.ts';
import { hasAnyRegularContainerStarted } from './phase.ts';

/** One pod condition as the kubelet writes it; `reason`/`message` only where the kubelet sets them. */
export interface PodCondition {
  readonly status: ConditionStatus;
  readonly reason?: string;
  readonly message?: string;
}

/** The five kubelet-owned conditions of a pod, by type. */
export type PodConditions = Readonly<Record<ConditionType, PodCondition>>;

/** The conditions the kubelet writes for this status and the phase computed for it. */
export function computeConditions(view: ApiPodView, phase: Phase): PodConditions {
  const containersReady = containersReadyCondition(view, phase);
  return {
    // The pod is on a node, so the scheduler has set it; scheduling gates are out of scope.
    PodScheduled: { status: 'True' },
    // GeneratePodReadyToStartContainersCondition: True iff no new sandbox is needed.
    PodReadyToStartContainers: { status: view.sandboxReady ? 'True' : 'False' },
    Initialized: initializedCondition(view, phase),
    ContainersReady: containersReady,
    // GeneratePodReadyCondition copies ContainersReady when it is not True; with no readiness gates it is the same.
    Ready: containersReady,
  };
}

/** Go's `fmt.Sprintf("%s", []string{...})`, which the kubelet uses for the name lists in messages. */
function goStringList(names: ReadonlyArray<string>): string {
  return `[${names.join(' ')}]`;
}

/**
 * A regular init container counts as done when it terminated with exit 0: the kubelet reads `ready`, which
 * `prober_manager.go: UpdatePodStatus` sets exactly then, so the state is read here to spare view builders that step.
 * A sidecar counts as done once `started`.
 */
function initContainerDone(s: ApiContainerStatus): boolean {
  if (s.role === 'sidecar') return s.started;
  return s.state.type === 'terminated' && s.state.exitCode === 0;
}

/** `GeneratePodInitializedCondition` (1.35, default gates). */
function initializedCondition(view: ApiPodView, phase: Phase): PodCondition {
  const incomplete = view.initContainers.filter((s) => !initContainerDone(s)).map((s) => s.name);
  // Checked before anything else, so a Succeeded pod shows PodCompleted even without init containers.
  if (phase === 'Succeeded') return { status: 'True', reason: 'PodCompleted' };
  // A regular container running or terminated means the pod initialized before; sidecars may be restarting.
  if (hasAnyRegularContainerStarted(view)) return { status: 'True' };
  if (incomplete.length > 0) {
    return {
      status: 'False',
      reason: 'ContainersNotInitialized',
      message: `containers with incomplete status: ${goStringList(incomplete)}`,
    };
  }
  // Only the alpha RestartAllContainersOnContainerExits gate keeps an earlier True (oldPodStatus); in 1.35 with
  // default gates nothing is sticky, so `view.wasInitialized` is deliberately not read.
  return { status: 'True' };
}

/** `GenerateContainersReadyCondition`: sidecars (spec order) then regular containers (spec order) must be ready. */
function containersReadyCondition(view: ApiPodView, phase: Phase): PodCondition {
  if (phase === 'Succeeded') return { status: 'False', reason: 'PodCompleted' };
  // Containers of a Failed pod may still be stopping; the kubelet reports them unready regardless.
  if (phase === 'Failed') return { status: 'False', reason: 'PodFailed' };
  const unready = [...view.initContainers.filter((s) => s.role === 'sidecar'), ...view.containers]
    .filter((s) => !s.ready)
    .map((s) => s.name);
  if (unready.length > 0) {
    return {
      status: 'False',
      reason: 'ContainersNotReady',
      message: `containers with unready status: ${goStringList(unready)}`,
    };
  }
  return { status: 'True' };
}
