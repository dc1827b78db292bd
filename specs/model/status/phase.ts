/**
 * The pod phase the 1.35 kubelet writes: `kubelet_pods.go: getPhase` over the API container statuses,
 * then the merging done by `generateAPIPodStatus` (KUBELET-FACTS §6.4, Corrections 6).
 */
import type { Phase, RestartPolicy } from '../../vocabulary/index.ts';
import type { ApiContainerStatus, ApiPodView } from './api-view.ts';

/** True for Succeeded and Failed, the phases a pod never leaves. */
export function isTerminalPhase(phase: Phase): boolean {
  return phase === 'Succeeded' || phase === 'Failed';
}

/**
 * `container/helpers.go: HasAnyRegularContainerStarted`: some regular container's current state is
 * running or terminated (a container waiting with a `lastState` does not count).
 */
export function hasAnyRegularContainerStarted(view: ApiPodView): boolean {
  return view.containers.some((c) => c.state.type !== 'waiting');
}

/** The phase the kubelet writes for this status: a terminal phase already written, else a forced one, else `getPhase`. */
export function computePhase(view: ApiPodView): Phase {
  // generateAPIPodStatus ends by forcing the API's terminal phase back: nothing, not even an eviction, leaves it.
  if (view.previousPhase !== undefined && isTerminalPhase(view.previousPhase)) return view.previousPhase;
  // PodSyncHandlers.ShouldEvict (activeDeadlineSeconds, eviction) override whatever getPhase said.
  if (view.forcedPhase !== undefined) return view.forcedPhase.phase;
  return getPhase(view);
}

/**
 * `ContainerShouldRestart`: with `ContainerRestartRules` on (beta, default in 1.35) getPhase asks this per stopped
 * container, with the container's own restartPolicy where it sets one (see `policyOf`).
 */
function restartsAfter(policy: RestartPolicy, exitCode: number): boolean {
  switch (policy) {
    case 'Always':
      return true;
    case 'OnFailure':
      return exitCode !== 0;
    case 'Never':
      return false;
  }
}

interface Counters {
  pendingInit: number;
  failedInitNotRestartable: number;
  pendingSidecar: number;
  running: number;
  waiting: number;
  stopped: number;
  stoppedNotRestartable: number;
  succeeded: number;
}

/**
 * `getPhase` as of 1.35 with default gates. The `unknown` counter of the Go code is always 0 here: the view holds a
 * status for every spec container, as `convertToAPIContainerStatuses` defaults each one to Waiting.
 */
function getPhase(view: ApiPodView): Phase {
  const n: Counters = {
    pendingInit: 0,
    failedInitNotRestartable: 0,
    pendingSidecar: 0,
    running: 0,
    waiting: 0,
    stopped: 0,
    stoppedNotRestartable: 0,
    succeeded: 0,
  };
  for (const s of view.initContainers) {
    if (s.role === 'sidecar') countSidecar(n, s);
    else countRegularInit(n, s, s.restartPolicy ?? view.restartPolicy);
  }
  for (const s of view.containers) countRegular(n, s, s.restartPolicy ?? view.restartPolicy);

  // An init failure only fails the pod when it will not be retried, i.e. under restartPolicy Never.
  if (n.failedInitNotRestartable > 0) return 'Failed';
  // A sidecar that is not yet started only holds the pod in Pending until a regular container has run; with 1.35's
  // carried-over `started` (Corrections 6) a running sidecar no longer reads as not started between syncs.
  if (n.pendingInit > 0 || (n.pendingSidecar > 0 && !hasAnyRegularContainerStarted(view)) || n.waiting > 0) {
    return 'Pending';
  }
  if (n.running > 0) return 'Running';
  if (n.stopped > 0) {
    // SyncTerminatingPod: nothing will be restarted any more, whatever the policy says.
    if (view.podIsTerminal) return n.stopped === n.succeeded ? 'Succeeded' : 'Failed';
    if (n.stopped !== n.stoppedNotRestartable) return 'Running';
    return n.stopped === n.succeeded ? 'Succeeded' : 'Failed';
  }
  return 'Pending';
}

function countRegularInit(n: Counters, s: ApiContainerStatus, policy: RestartPolicy): void {
  switch (s.state.type) {
    case 'running':
      n.pendingInit++;
      return;
    case 'terminated':
      if (s.state.exitCode !== 0 && !restartsAfter(policy, s.state.exitCode)) n.failedInitNotRestartable++;
      return;
    case 'waiting':
      // Waiting after a run (lastState set) is a retry or a finished container, not a pending one.
      if (s.lastState === undefined) n.pendingInit++;
      else if (s.lastState.exitCode !== 0 && !restartsAfter(policy, s.lastState.exitCode)) n.failedInitNotRestartable++;
      return;
  }
}

function countSidecar(n: Counters, s: ApiContainerStatus): void {
  switch (s.state.type) {
    case 'running':
      n.running++;
      if (!s.started) n.pendingSidecar++;
      return;
    case 'terminated':
      // A stopped sidecar is neither running nor stopped for the phase.
      return;
    case 'waiting':
      if (s.lastState === undefined) {
        n.pendingSidecar++;
        n.waiting++;
      }
      return;
  }
}

function countRegular(n: Counters, s: ApiContainerStatus, policy: RestartPolicy): void {
  switch (s.state.type) {
    case 'running':
      n.running++;
      return;
    case 'terminated':
      n.stopped++;
      if (!restartsAfter(policy, s.state.exitCode)) n.stoppedNotRestartable++;
      if (s.state.exitCode === 0) n.succeeded++;
      return;
    case 'waiting':
      if (s.lastState === undefined) {
        n.waiting++;
      } else {
        // Stopped, but never counted as succeeded: the container is between two runs.
        n.stopped++;
        if (!restartsAfter(policy, s.lastState.exitCode)) n.stoppedNotRestartable++;
      }
      return;
  }
}
