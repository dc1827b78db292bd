/**
 * The pod a Kubernetes object would put on a node: a Pod itself, or the pod template of a workload (Deployment,
 * ReplicaSet, StatefulSet, DaemonSet, ReplicationController, Job, CronJob), read with the API server's rules for that
 * template (the restart policies its controller accepts, the namespace it creates the pod in, the pod's name).
 */
import { isMap, isScalar, type Node } from 'yaml';
import type { PodSpec } from '../../specs/vocabulary/index.ts';
import { quote } from './describe-value.ts';
import { readPod } from './load-pod.ts';
import { closest } from './suggest.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** How a kind holds its pod: the apiVersion that serves it, the path to the template, what its controller requires. */
interface PodHolder {
  readonly apiVersion: string;
  /** keys from the object to its pod template; empty for a Pod */
  readonly templatePath: ReadonlyArray<string>;
  /** the restart policies the API accepts for the template (absent: the Pod's own three) */
  readonly restartPolicies?: ReadonlyArray<string>;
  /** whether the API refuses activeDeadlineSeconds in the template (controllers that keep their pods running) */
  readonly noDeadline?: boolean;
}

// The API server's validation of each controller's template (apps/v1 ValidatePodTemplateSpecFor*, batch/v1 Job):
// a controller that replaces its pods forever only takes Always; a Job's pod must end, so Always is refused.
const keepsRunning = { restartPolicies: ['Always'], noDeadline: true } as const;
const runsToCompletion = { restartPolicies: ['OnFailure', 'Never'] } as const;

const podHolders: Readonly<Record<string, PodHolder>> = {
  Pod: { apiVersion: 'v1', templatePath: [] },
  Deployment: { apiVersion: 'apps/v1', templatePath: ['spec', 'template'], ...keepsRunning },
  ReplicaSet: { apiVersion: 'apps/v1', templatePath: ['spec', 'template'], ...keepsRunning },
  StatefulSet: { apiVersion: 'apps/v1', templatePath: ['spec', 'template'], ...keepsRunning },
  DaemonSet: { apiVersion: 'apps/v1', templatePath: ['spec', 'template'], ...keepsRunning },
  ReplicationController: { apiVersion: 'v1', templatePath: ['spec', 'template'], ...keepsRunning },
  Job: { apiVersion: 'batch/v1', templatePath: ['spec', 'template'], ...runsToCompletion },
  CronJob: { apiVersion: 'batch/v1', templatePath: ['spec', 'jobTemplate', 'spec', 'template'], ...runsToCompletion },
};

// The API server's rule for object names: a DNS subdomain.
const dnsSubdomain = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** The kinds whose pod podconform predicts. */
export const podHoldingKinds: ReadonlyArray<string> = Object.keys(podHolders);

// Built-in kinds that hold no pod: skipped with a note. A built-in kind missing from both lists is more likely a
// typo than a real object (a custom resource's group always has a dot and is skipped whatever its kind).
const builtinKindsWithoutPods: ReadonlyArray<string> = [
  'APIService',
  'CertificateSigningRequest',
  'ClusterRole',
  'ClusterRoleBinding',
  'ConfigMap',
  'ControllerRevision',
  'CSIDriver',
  'CustomResourceDefinition',
  'Endpoints',
  'EndpointSlice',
  'Event',
  'FlowSchema',
  'HorizontalPodAutoscaler',
  'Ingress',
  'IngressClass',
  'Lease',
  'LimitRange',
  'MutatingWebhookConfiguration',
  'Namespace',
  'NetworkPolicy',
  'PersistentVolume',
  'PersistentVolumeClaim',
  'PodDisruptionBudget',
  'PodTemplate',
  'PriorityClass',
  'PriorityLevelConfiguration',
  'ResourceQuota',
  'Role',
  'RoleBinding',
  'RuntimeClass',
  'Secret',
  'Service',
  'ServiceAccount',
  'StorageClass',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration',
  'VolumeAttachment',
];

/** What one document holds: a pod to predict, nothing to predict (with why), or problems already on the reader. */
export type DocumentPod =
  | {
      readonly status: 'pod';
      readonly kind: string;
      /** the object's own name (the workload's, or the Pod's) */
      readonly objectName: string;
      readonly pod: PodSpec;
      /** true when the controller would name the pod unpredictably and podconform chose the name */
      readonly nameChosen: boolean;
    }
  | { readonly status: 'skipped'; readonly kind: string; readonly objectName: string | undefined }
  | { readonly status: 'invalid' };

/** The `kind` written at the top of a document, if it is a string (a case file has none). */
export function kindOf(root: Field): string | undefined {
  if (!isMap(root.node)) return undefined;
  const kind = root.node.get('kind', true);
  return isScalar(kind) && typeof kind.value === 'string' ? kind.value : undefined;
}

/** Reads the pod of one Kubernetes object; problems go to `reader`, each located by line and field. */
export function readDocumentPod(reader: Reader, root: Field): DocumentPod {
  const kindField = reader.child(root, 'kind', isMap(root.node) ? root.node.get('kind', true) : undefined);
  const kind = kindOf(root);
  if (kind === undefined) {
    reader.report(kindField, 'missing: every document must be a Kubernetes object with apiVersion and kind');
    return { status: 'invalid' };
  }
  const holder = Object.hasOwn(podHolders, kind) ? podHolders[kind] : undefined;
  if (holder === undefined) {
    if (isBuiltinGroup(scalarAt(root, ['apiVersion'])) && !builtinKindsWithoutPods.includes(kind)) {
      const guess = closest(kind, podHoldingKinds);
      const hint = guess === undefined ? '' : ` (did you mean '${guess}'?)`;
      reader.report(
        kindField,
        `${quote(kind)} is not a Kubernetes kind podconform knows${hint}; pods come from ${podHoldingKinds.join(', ')}`,
      );
      return { status: 'invalid' };
    }
    return { status: 'skipped', kind, objectName: scalarAt(root, ['metadata', 'name']) };
  }
  return holder.templatePath.length === 0 ? readPlainPod(reader, root) : readTemplatePod(reader, root, kind, holder);
}

function readPlainPod(reader: Reader, root: Field): DocumentPod {
  const { pod } = readPod(reader, root, { defaultName: undefined, manifest: true });
  if (pod === undefined) return { status: 'invalid' };
  return { status: 'pod', kind: 'Pod', objectName: pod.name, pod, nameChosen: false };
}

function readTemplatePod(reader: Reader, root: Field, kind: string, holder: PodHolder): DocumentPod {
  const before = reader.problems.length;
  const entries = reader.mapping(root, ['apiVersion', 'kind', 'metadata', 'spec', 'status']);
  if (entries === undefined) return { status: 'invalid' };
  const apiVersionField = entries.require('apiVersion');
  const apiVersion = apiVersionField === undefined ? undefined : reader.string(apiVersionField);
  if (apiVersionField !== undefined && apiVersion !== undefined && apiVersion !== holder.apiVersion) {
    reader.report(apiVersionField, `${quote(apiVersion)} does not serve ${kind}: write ${holder.apiVersion}`);
  }
  const metadataField = entries.require('metadata');
  const metadata = metadataField === undefined ? undefined : reader.entries(metadataField);
  const nameField = metadata?.require('name');
  const objectName = nameField === undefined ? undefined : reader.string(nameField);
  if (nameField !== undefined && objectName !== undefined && !dnsSubdomain.test(objectName)) {
    reader.report(nameField, `${quote(objectName)} is not a valid name (lowercase letters, digits, '-' and '.')`);
  }
  const namespaceField = metadata?.get('namespace');
  const namespace = namespaceField === undefined ? undefined : reader.string(namespaceField);
  const template = descend(reader, entries.require('spec'), holder.templatePath.slice(1));
  if (template === undefined || objectName === undefined || reader.problems.length > before) {
    return { status: 'invalid' };
  }
  checkControllerRules(reader, template, kind, holder);
  // A StatefulSet names its pods by ordinal; every other controller adds a random suffix no one can predict.
  const ordinalName = kind === 'StatefulSet' ? `${objectName}-0` : undefined;
  const defaultName = ordinalName ?? `${objectName}-pod`;
  const { pod } = readPod(reader, template, { defaultName });
  if (pod === undefined || reader.problems.length > before) return { status: 'invalid' };
  // The controller creates the pod in the workload's namespace, whatever the template says.
  const templateMetadata = Object.fromEntries(Object.entries(pod.metadataExtra).filter(([key]) => key !== 'namespace'));
  const metadataExtra = namespace === undefined ? templateMetadata : { ...templateMetadata, namespace };
  const name = ordinalName ?? pod.name;
  return {
    status: 'pod',
    kind,
    objectName,
    pod: { ...pod, name, metadataExtra },
    nameChosen: ordinalName === undefined,
  };
}

/** Follows `keys` down from `field` (each a mapping), reporting the first key that is missing. */
function descend(reader: Reader, field: Field | undefined, keys: ReadonlyArray<string>): Field | undefined {
  let at = field;
  for (const key of keys) {
    if (at === undefined) return undefined;
    at = reader.entries(at)?.require(key);
  }
  return at;
}

/** The restart policy and deadline rules the API server applies to a controller's template. */
function checkControllerRules(reader: Reader, template: Field, kind: string, holder: PodHolder): void {
  const spec = childOf(reader, template, 'spec');
  if (spec === undefined || !isMap(spec.node)) return;
  const allowed = holder.restartPolicies;
  if (allowed !== undefined) {
    const policyField = childOf(reader, spec, 'restartPolicy');
    const policy = policyField === undefined ? undefined : scalarAt(policyField, []);
    const accepted = allowed.join(' or ');
    if (policyField === undefined && !allowed.includes('Always')) {
      reader.report(
        reader.child(spec, 'restartPolicy', undefined),
        `missing: a ${kind}'s pod must say ${accepted} (the API defaults it to Always and refuses that)`,
      );
    } else if (policyField !== undefined && policy !== undefined && !allowed.includes(policy)) {
      reader.report(policyField, `${quote(policy)} is refused for a ${kind}'s pod: it must be ${accepted}`);
    }
  }
  const deadline = childOf(reader, spec, 'activeDeadlineSeconds');
  if (holder.noDeadline === true && deadline !== undefined) {
    reader.report(deadline, `not supported in a ${kind}'s pod (its controller keeps the pod running)`);
  }
}

function childOf(reader: Reader, parent: Field, key: string): Field | undefined {
  if (!isMap(parent.node)) return undefined;
  const pair = parent.node.items.find((item) => isScalar(item.key) && item.key.value === key);
  return pair === undefined ? undefined : reader.child(parent, key, pair.value as Node | null, pair.key);
}

/** The string at a path of plain keys below `field`, without reporting anything (a peek, not a read). */
function scalarAt(field: Field, keys: ReadonlyArray<string>): string | undefined {
  let node: unknown = field.node;
  for (const key of keys) {
    if (!isMap(node)) return undefined;
    node = node.get(key, true);
  }
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

/** Whether an apiVersion belongs to Kubernetes itself (a custom resource's group always contains a dot). */
function isBuiltinGroup(apiVersion: string | undefined): boolean {
  if (apiVersion === undefined) return true;
  const slash = apiVersion.indexOf('/');
  const group = slash === -1 ? '' : apiVersion.slice(0, slash);
  return !group.includes('.') || group.endsWith('.k8s.io');
}
