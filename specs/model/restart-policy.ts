/**
 * Whether an exited (or never started) container is started again: the pod's restartPolicy for
 * regular containers, retry-on-failure for init containers, any exit for sidecars — and nothing once
 * the pod is being deleted (KUBELET-FACTS §4.1, §4.2; rules restart.regular-per-policy,
 * init.retry-on-failure, kubelet.sidecar.restart-any-exit).
 */
import type { ContainerModel, PodModel } from './state.ts';

export function willRestart(pod: PodModel, c: ContainerModel): boolean {
  // ShouldContainerBeRestarted refuses once the pod has a deletionTimestamp; a pod terminating for another reason
  // (activeDeadlineSeconds, a terminal phase) still reads as restartable in its statuses (§4.1, §5.5)
  if (pod.deletion) return false;
  switch (c.runtime) {
    case 'none':
    case 'created':
      return true;
    case 'running':
      return false;
    case 'exited':
      break;
  }
  const policy = c.spec.restartPolicy ?? pod.scenario.pod.restartPolicy;
  switch (c.spec.role) {
    case 'sidecar':
      return true;
    case 'init':
      return c.exitCode !== 0 && policy !== 'Never';
    case 'regular':
      if (policy === 'Never') return false;
      if (policy === 'OnFailure') return c.exitCode !== 0;
      return true;
  }
}
