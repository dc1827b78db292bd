/** One entry of `initContainers` or `containers`: the fields the lifecycle reads, the rest kept in `extra`. */
import {
  pullPolicies,
  probeTypes,
  restartPolicies,
  type Container,
  type ContainerRole,
  type Hook,
  type Probe,
  type RestartPolicy,
} from '../../specs/vocabulary/index.ts';
import { quote } from './describe-value.ts';
import { containerFields, lifecycleFields } from './k8s-fields.ts';
import { readContainerBehavior } from './load-behavior.ts';
import { readHook } from './load-hook.ts';
import { readProbe } from './load-probe.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** Where the container is listed. */
export type ContainerList = 'initContainers' | 'containers';

// Read here (or refused below); every other Container field is kept untouched in `extra`.
const modelled = new Set(['name', 'image', 'imagePullPolicy', 'restartPolicy', 'lifecycle', 'behavior', ...probeTypes]);

// Real Kubernetes fields that change the lifecycle in ways the model does not know.
const unsupported: Readonly<Record<string, string>> = {
  restartPolicyRules: 'not modelled: per-container restart rules (ContainerRestartRules)',
};

const dnsLabel = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Reads a container; `name` is returned separately so duplicates can be reported even when the rest is bad. */
export function readContainer(
  reader: Reader,
  field: Field,
  list: ContainerList,
): { readonly name: string | undefined; readonly nameField?: Field; readonly container: Container | undefined } {
  const before = reader.problems.length;
  const entries = reader.mapping(field, [...containerFields, 'behavior']);
  if (entries === undefined) return { name: undefined, container: undefined };
  const nameField = entries.require('name');
  const name = nameField === undefined ? undefined : reader.string(nameField);
  if (nameField !== undefined && name !== undefined && !dnsLabel.test(name)) {
    reader.report(
      nameField,
      `${quote(name)} is not a valid container name (lowercase letters, digits and '-', at most 63)`,
    );
  }
  const imageField = entries.require('image');
  const image = imageField === undefined ? undefined : reader.string(imageField);
  if (imageField !== undefined && image === '') reader.report(imageField, 'the image must not be empty');
  const pullPolicyField = entries.get('imagePullPolicy');
  const imagePullPolicy = pullPolicyField === undefined ? undefined : reader.oneOf(pullPolicyField, pullPolicies);
  const roleAndPolicy = readRole(reader, entries.get('restartPolicy'), list);
  const role = roleAndPolicy?.role;
  const ownPolicy = roleAndPolicy?.policy;
  const behavior = readContainerBehavior(reader, entries.get('behavior'));
  const hooks = readLifecycle(reader, entries.get('lifecycle'));
  const probes: Partial<Record<(typeof probeTypes)[number], Probe>> = {};
  for (const probeType of probeTypes) {
    const probeField = entries.get(probeType);
    const probe = probeField === undefined ? undefined : readProbe(reader, probeField, probeType);
    if (probe !== undefined) probes[probeType] = probe;
  }
  if (role === 'init') {
    // Kubernetes rejects hooks and probes on init containers that are not sidecars.
    for (const key of ['lifecycle', ...probeTypes]) {
      const misplaced = entries.get(key);
      if (misplaced !== undefined)
        reader.report(misplaced, `not allowed on an init container unless it is a sidecar (restartPolicy: Always)`);
    }
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of entries.fields) {
    const why = unsupported[key];
    if (why !== undefined) reader.report(value, why);
    else if (!modelled.has(key)) extra[key] = reader.data(value);
  }
  const located = nameField === undefined ? {} : { nameField };
  if (reader.problems.length > before || name === undefined || image === undefined) {
    return { name, ...located, container: undefined };
  }
  if (role === undefined || behavior === undefined || hooks === undefined)
    return { name, ...located, container: undefined };
  return {
    name,
    ...located,
    container: {
      name,
      role,
      image,
      ...(imagePullPolicy === undefined ? {} : { imagePullPolicy }),
      ...(ownPolicy === undefined ? {} : { restartPolicy: ownPolicy }),
      behavior,
      ...hooks,
      ...probes,
      extra,
    },
  };
}

/**
 * A regular container may set its own restartPolicy (ContainerRestartRules, beta and on by default in 1.35); an
 * init container's Always makes it a sidecar, OnFailure or Never is its own policy.
 */
function readRole(
  reader: Reader,
  field: Field | undefined,
  list: ContainerList,
): { readonly role: ContainerRole; readonly policy?: RestartPolicy } | undefined {
  if (field === undefined) return { role: list === 'containers' ? 'regular' : 'init' };
  const value = reader.oneOf(field, restartPolicies);
  if (value === undefined) return undefined;
  if (list === 'containers') return { role: 'regular', policy: value };
  return value === 'Always' ? { role: 'sidecar' } : { role: 'init', policy: value };
}

function readLifecycle(
  reader: Reader,
  field: Field | undefined,
): { readonly postStart?: Hook; readonly preStop?: Hook } | undefined {
  if (field === undefined) return {};
  const entries = reader.mapping(field, [...lifecycleFields, 'stopSignal']);
  if (entries === undefined) return undefined;
  const stopSignal = entries.get('stopSignal');
  if (stopSignal !== undefined) reader.report(stopSignal, 'a custom stop signal is not modelled by podconform');
  const postStartField = entries.get('postStart');
  const preStopField = entries.get('preStop');
  const postStart = postStartField === undefined ? undefined : readHook(reader, postStartField);
  const preStop = preStopField === undefined ? undefined : readHook(reader, preStopField);
  if (
    (postStartField !== undefined && postStart === undefined) ||
    (preStopField !== undefined && preStop === undefined)
  ) {
    return undefined;
  }
  if (stopSignal !== undefined) return undefined;
  return { ...(postStart === undefined ? {} : { postStart }), ...(preStop === undefined ? {} : { preStop }) };
}
