/**
 * Kubernetes Events with their 1.35 texts (KUBELET-FACTS §2.1, §2.2, §9.2, §10 and Corrections 9):
 * one function per message so every producer uses the same wording.
 */
import type { Ms } from './clock.ts';

/** `Successfully assigned` message of the scheduler's Scheduled event (Corrections 18). */
export function scheduledMessage(namespace: string, pod: string, nodeName: string): string {
  return `Successfully assigned ${namespace}/${pod} to ${nodeName}`;
}

/** The pod as the kubelet names it in messages (format.Pod): `NAME_NAMESPACE(UID)`. */
export function podRef(pod: string, namespace: string, uid: string): string {
  return `${pod}_${namespace}(${uid})`;
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

/**
 * Normal `Pulled` after a fresh pull (Corrections 17): the pull's own duration, the duration from before
 * the serial puller's queue, both truncated to milliseconds and printed as Go durations, and the size.
 */
export function pulledMessage(image: string, pullMs: Ms, withWaitingMs: Ms, sizeBytes: number): string {
  return `Successfully pulled image "${image}" in ${goDuration(pullMs)} (${goDuration(withWaitingMs)} including waiting). Image size: ${sizeBytes} bytes.`;
}

/** Normal `Pulled` when the image is on the node and the policy allows using it. */
export function alreadyPresentMessage(image: string): string {
  // KubeletEnsureSecretPulledImages (beta, on in 1.35) checks the pod may use the cached image (§9.2 step 4)
  return `Container image "${image}" already present on machine and can be accessed by the pod`;
}

/** Warning `InspectFailed` for a reference that does not parse, with the parser's complaint as the kubelet words it. */
export function invalidImageNameMessage(image: string): string {
  return `Failed to apply default image tag "${image}": couldn't parse image name "${image}": invalid reference format`;
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

/** Warning `BackOff` while CrashLoopBackOff lasts (doBackOff); `pod` as `podRef` writes it. */
export function crashBackOffMessage(container: string, pod: string): string {
  return `Back-off restarting failed container ${container} in pod ${pod}`;
}

/** The CrashLoopBackOff waiting message (doBackOff). */
export function crashBackOffWaitingMessage(delayMs: Ms, container: string, pod: string): string {
  return `back-off ${goDuration(delayMs)} restarting failed container=${container} pod=${pod}`;
}

/** Warning `Unhealthy` for a failed probe attempt (prober.go probe); `type` Liveness, Readiness or Startup. */
export function probeFailedMessage(type: string, output: string): string {
  return `${type} probe failed: ${output}`;
}

/** Warning `Unhealthy` for a probe attempt that errored (Corrections 19): the result is unknown, nothing counted. */
export function probeErroredMessage(type: string, error: string): string {
  return `${type} probe errored and resulted in unknown state: ${error}`;
}

/** Normal `Killing` when the kill has no message of its own (pod termination). */
export function stoppingMessage(container: string): string {
  return `Stopping container ${container}`;
}

/** Warning `FailedCreatePodSandBox`: this node knows no RuntimeClass. */
export function sandboxFailedMessage(runtimeClass: string): string {
  return `Failed to create pod sandbox: runtimeclass.node.k8s.io "${runtimeClass}" not found`;
}

/** Go's time.Duration.String for whole milliseconds (`0s`, `850ms`, `1.2s`, `2m3.5s`, `1h0m0s`). */
export function goDuration(ms: Ms): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms - hours * 3_600_000) / 60_000);
  const seconds = `${(ms - hours * 3_600_000 - minutes * 60_000) / 1000}s`;
  if (hours > 0) return `${hours}h${minutes}m${seconds}`;
  return minutes > 0 ? `${minutes}m${seconds}` : seconds;
}
