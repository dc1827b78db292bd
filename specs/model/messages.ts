/**
 * The 1.35 Event messages the model predicts, as templates: literal where every conformant kubelet prints the same
 * text, a typed hole where only the node knows it (specs/vocabulary/message-template.ts). One function per message,
 * so every producer uses the same wording (KUBELET-FACTS §2.2, §5.2, §9.2, §10; Corrections 9, 11, 17, 18, 19, 25).
 */
import {
  hole,
  literalTemplate,
  messageTemplate,
  podNamespace,
  type Hole,
  type MessageTemplate,
  type PodSpec,
  type ProbeType,
} from '../vocabulary/index.ts';

// The namespace is known only when the manifest writes one (Correction 18); otherwise it is the node's to say.
function namespaceOf(pod: PodSpec): string | Hole {
  return podNamespace(pod) ?? hole.namespace;
}

/** Normal `Scheduled` (the scheduler's): the node's name is never known to the model (Correction 18). */
export function scheduledMessage(pod: PodSpec): MessageTemplate {
  return messageTemplate`Successfully assigned ${namespaceOf(pod)}/${pod.name} to ${hole.node}`;
}

/** Normal `Pulled` when the image is on the node; the "can be accessed by the pod" tail is 1.35's (Correction 17). */
export function alreadyPresentMessage(image: string): MessageTemplate {
  return messageTemplate`Container image "${image}" already present on machine and can be accessed by the pod`;
}

/** Warning `InspectFailed` for a reference the kubelet cannot parse: the parser's own words follow (§9.2 step 1). */
export function invalidImageNameMessage(image: string): MessageTemplate {
  return messageTemplate`Failed to apply default image tag "${image}": ${hole.error}`;
}

/** Warning `ErrImageNeverPull`. */
export function neverPullMessage(image: string): MessageTemplate {
  return messageTemplate`Container image "${image}" is not present with pull policy of Never`;
}

/** Normal `BackOff` while the pull back-off lasts; newer kubelets append the previous error, which a substring allows. */
export function pullBackOffMessage(image: string): MessageTemplate {
  return messageTemplate`Back-off pulling image "${image}"`;
}

/** Normal `Pulling`. */
export function pullingMessage(image: string): MessageTemplate {
  return messageTemplate`Pulling image "${image}"`;
}

/** Warning `Failed` from the image manager: what follows the colon is the runtime's own text (Correction 25). */
export function pullFailedMessage(image: string): MessageTemplate {
  return messageTemplate`Failed to pull image "${image}": ${hole.error}`;
}

/**
 * Normal `Pulled` after a fresh pull: the pull's duration, the duration including the queue wait, and the image
 * size are the node's (Correction 17); the image is exactly as written in the spec.
 */
export function pulledMessage(image: string): MessageTemplate {
  return messageTemplate`Successfully pulled image "${image}" in ${hole.duration} (${hole.duration} including waiting). Image size: ${hole.bytes} bytes.`;
}

/** Warning `Failed` from startContainer for a start error whose name is known (`Error: ImagePullBackOff`). */
export function startErrorMessage(reason: string): MessageTemplate {
  return messageTemplate`Error: ${reason}`;
}

/** Warning `Failed` from startContainer after a failed pull: ErrImagePull, or what evalCRIPullErr made of the runtime's error (Correction 25). */
export function pullStartErrorMessage(): MessageTemplate {
  return messageTemplate`Error: ${hole.pullReason}`;
}

/** Normal `Created` (1.35: no container name, Correction 9). */
export const createdMessage: MessageTemplate = literalTemplate('Container created');
/** Normal `Started` (1.35: no container name, Correction 9). */
export const startedMessage: MessageTemplate = literalTemplate('Container started');
/** Warning `FailedPostStartHook`: the handler's output is deliberately left out of the event (§2.2). */
export const postStartFailedMessage: MessageTemplate = literalTemplate('PostStartHook failed');
/** Warning `FailedPreStopHook` (§5.2). */
export const preStopFailedMessage: MessageTemplate = literalTemplate('PreStopHook failed');
/** Normal `DeadlineExceeded` (Correction 22). */
export const deadlineMessage: MessageTemplate = literalTemplate(
  'Pod was active on the node longer than the specified deadline',
);

/** Warning `BackOff` while CrashLoopBackOff lasts: `format.Pod` names the pod NAME_NAMESPACE(UID) (Correction 18). */
export function crashBackOffMessage(pod: PodSpec, container: string): MessageTemplate {
  return messageTemplate`Back-off restarting failed container ${container} in pod ${pod.name}_${namespaceOf(pod)}(${hole.uid})`;
}

/** A `Killing` message the kubelet writes itself (the container name at most), e.g. "Stopping container app". */
export function killingMessage(text: string): MessageTemplate {
  return literalTemplate(text);
}

const probeLabel: Readonly<Record<ProbeType, string>> = {
  startupProbe: 'Startup',
  livenessProbe: 'Liveness',
  readinessProbe: 'Readiness',
};

/** Warning `Unhealthy` for a failed probe attempt: the prober's output follows (§6.3). */
export function probeFailedMessage(type: ProbeType): MessageTemplate {
  return messageTemplate`${probeLabel[type]} probe failed: ${hole.output}`;
}

/** Warning `Unhealthy` for an errored probe attempt, e.g. an exec probe in a stopped container (Correction 19). */
export function probeErroredMessage(type: ProbeType): MessageTemplate {
  return messageTemplate`${probeLabel[type]} probe errored and resulted in unknown state: ${hole.error}`;
}

/**
 * Warning `FailedCreatePodSandBox`: the error is the runtime class manager's or the runtime's own (a RuntimeClass
 * the API knows but whose handler the runtime lacks), so only the kubelet's prefix is predicted.
 */
export function sandboxFailedMessage(): MessageTemplate {
  return messageTemplate`Failed to create pod sandbox: ${hole.error}`;
}
