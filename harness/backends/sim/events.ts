/**
 * Kubernetes Events with their 1.35 texts (KUBELET-FACTS §2.1, §2.2, §9.2, §10 and Corrections 9):
 * one function per message so every producer uses the same wording.
 */
import type { Ms } from './clock.ts';

/** `Successfully assigned` message of the scheduler's Scheduled event. */
export function scheduledMessage(pod: string): string {
  return `Successfully assigned default/${pod} to node`;
}

export const createdMessage = 'Container created';
export const startedMessage = 'Container started';
export const postStartFailedMessage = 'PostStartHook failed';
export const preStopFailedMessage = 'PreStopHook failed';
export const deadlineMessage = 'Pod was active on the node longer than the specified deadline';

export function pullingMessage(image: string): string {
  return `Pulling image "${image}"`;
}

export function pulledMessage(image: string, took: Ms): string {
  const d = goDuration(took);
  return `Successfully pulled image "${image}" in ${d} (${d} including waiting). Image size: 2155812 bytes.`;
}

export function alreadyPresentMessage(image: string): string {
  return `Container image "${image}" already present on machine`;
}

export function neverPullMessage(image: string): string {
  return `Container image "${image}" is not present with pull policy of Never`;
}

export function pullFailedMessage(image: string, error: string): string {
  return `Failed to pull image "${image}": ${error}`;
}

export function pullBackOffMessage(image: string): string {
  return `Back-off pulling image "${image}"`;
}

export function startErrorMessage(reason: string): string {
  return `Error: ${reason}`;
}

export function crashBackOffMessage(container: string, pod: string, uid: string): string {
  return `Back-off restarting failed container ${container} in pod ${pod}_default(${uid})`;
}

export function stoppingMessage(container: string): string {
  return `Stopping container ${container}`;
}

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
