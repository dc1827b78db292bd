/**
 * Whether an exited container is started again (container/helpers.go ShouldContainerBeRestarted
 * with ContainerRestartRules, KUBELET-FACTS §4.1-§4.3): sidecars always, others by the pod policy,
 * never once the pod is being deleted.
 */
import type { ContainerInfo } from './pod-info.ts';
import type { ContainerView } from './snapshot.ts';
import type { World } from './world.ts';

/** The restart decision for one exited instance with `exitCode`. */
export function policyRestarts(w: World, c: ContainerInfo, exitCode: number): boolean {
  if (c.role === 'sidecar') return true;
  // a regular init container is restarted only after a failure (pod Always acts as OnFailure for it)
  if (c.role === 'init') return exitCode !== 0 && (w.pod.restartPolicy !== 'Never' || w.dev['init-retry-under-never']);
  switch (w.pod.restartPolicy) {
    case 'Always':
      return true;
    case 'OnFailure':
      return exitCode !== 0 || w.dev['onfailure-restarts-success'];
    case 'Never':
      return exitCode !== 0 && w.dev['never-restarts-failed'];
  }
}

/** ShouldContainerBeRestarted: no status -> yes; running -> no; created -> yes; exited -> policy. */
export function shouldContainerBeRestarted(w: World, c: ContainerInfo, v: ContainerView): boolean {
  if (w.api.deletionRequested) return false;
  if (v.latest === undefined) return true;
  switch (v.latestState) {
    case 'running':
      return false;
    case 'created':
    case undefined:
      return true;
    case 'exited':
      return policyRestarts(w, c, v.latest.exitCode);
  }
}
