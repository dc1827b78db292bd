/**
 * Kubernetes Events with their 1.35 texts (KUBELET-FACTS §2.1, §2.2, §9.2, §10 and Corrections 9):
 * one function per message so every producer uses the same wording.
 */
import type { Ms } from './clock.ts';

/** `Successfully assigned` message of the scheduler's Scheduled event. */
export function scheduledMessage(pod: string): string {
  return `Successfully assigned default/${pod} to node`;
}

/** Normal `Created` (1.35: no container name, Corrections 9). */
export const createdMessage = 'Container created';
/** Normal `Started` (1.35: no container name, Corrections 9). */
export const startedMessage = 'Container started';
/** Warning `FailedPostStartHook`; the handler's output is deliberately left out (§2.2). */
export const postStartFailedMessage = 'PostStartHook failed';
/** Warning `FailedPreStopHook` (§5.2). */
export const preStopFailedMessage = 'PreStopHook failed';
/** Normal `DeadlineExceeded`, also the pod's status.message. */
export const deadlineMessage = 'Pod was active on the node longer than the specified deadline';

/** Normal `Pulling`. */
export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`;
}

/** Normal `Pulled` after a pull, with Go's duration text. */
export function pulledMessage(image: string, took: Ms): string {
  const d = goDuration(took);
  return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: 2155812 bytes.`;
}

/** Normal `Pulled` when the image is on the node and the policy allows using it. */
export function alreadyPresentMessage(image: string): string {
  // KubeletEnsureSecretPulledImages (beta, on in 1.35) checks the pod may use the cached image (§9.2 step 4)
  return `Container image "${image}" already present on machine and can be accessed by the pod`;
}

/** Warning `ErrImageNeverPull`. */
export function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`;
}

/** Warning `Failed` from the image manager. */
export function pullFailedMessage(image: string, error: string): string {
  return `Failed to pull image "${image}": ${error}`;
}

/** Normal `BackOff` while the image pull back-off lasts. */
export function pullBackOffMessage(image: string): string {
  return `Back-off pulling image "${image}"`;
}

/** Warning `Failed` from startContainer for any start error. */
export function startErrorMessage(reason: string): string {
  return `Error: ${reason}`;
}

/** Warning `BackOff` while CrashLoopBackOff lasts (doBackOff). */
export function crashBackOffMessage(container: string, pod: string, uid: string): string {
  return `Back-off restarting failed container ${container} in pod ${pod}_default(${uid})`;
}

/** Normal `Killing` when the kill has no message of its own (pod termination). */
export function stoppingMessage(container: string): string {
  return `Stopping container ${container}`;
}

/** Warning `FailedCreatePodSandBox`: this node knows no RuntimeClass. */
export function sandboxFailedMessage(runtimeClass: string): string {
  return `Failed to create pod sandbox: runtimeclass.node.k8s.io "${runtimeClass}" not found`;
}

/** Go's time.Duration.String for whole milliseconds (`0s`, `850ms`, `1.2s`, `2m3s`). */
export function goDuration(ms: Ms): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const minutes = Math.floor(ms / 60000);
  const rest = (ms - minutes * 60000) / 1000;
  const seconds = `${rest}s`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}
