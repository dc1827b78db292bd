/**
 * Whether an exited container is started again (container/helpers.go ShouldContainerBeRestarted
 * with ContainerRestartRules, KUBELET-FACTS §4.1-§4.3, Corrections 11): sidecars always, others by
 * their own restartPolicy if they set one, else by the pod's; never once the pod is being deleted.
 */
import type { RestartPolicy } from '../../../specs/vocabulary/index.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { ContainerView } from './snapshot.ts';
import type { World } from './world.ts';

/** The policy that decides for this container: a sidecar's Always, its own, or the pod's. */
export function effectivePolicy(w: World, c: ContainerInfo): RestartPolicy {
  if (c.role === 'sidecar') return 'Always';
  return c.spec.restartPolicy ?? w.pod.restartPolicy;
}

/** The restart decision for one exited instance with `exitCode`. */
export function policyRestarts(w: World, c: ContainerInfo, exitCode: number): boolean {
  if (c.role === 'sidecar') return true;
  const policy = effectivePolicy(w, c);
  // a regular init container is restarted only after a failure (pod Always acts as OnFailure for it)
  if (c.role === 'init') return exitCode !== 0 && (policy !== 'Never' || w.dev['init-retry-under-never']);
  switch (policy) {
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
