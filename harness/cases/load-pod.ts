/** The pod: a Kubernetes Pod manifest (metadata + spec) with optional `behavior` blocks. */
import { restartPolicies, type Container, type PodSpec } from '../../specs/vocabulary/index.ts';
import { quote } from './describe-value.ts';
import { objectMetaFields, podSpecFields } from './k8s-fields.ts';
import { readContainer, type ContainerList } from './load-container.ts';
import type { KnownContainers } from './load-point.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** How the pod is named when `metadata.name` is absent (`undefined`: required), and whether it is a whole manifest. */
export interface PodOptions {
  readonly defaultName: string | undefined;
  /** a whole manifest may carry the `status` that `kubectl get -o yaml` adds; it describes a past run and is ignored */
  readonly manifest?: boolean;
}

/** The pod, and the container names written in it (for checking expectations even when the pod is bad). */
export interface PodRead {
  readonly pod: PodSpec | undefined;
  readonly containerNames: KnownContainers;
}

// Read here; every other PodSpec or ObjectMeta field is kept untouched.
const modelledSpec = new Set([
  'initContainers',
  'containers',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'runtimeClassName',
]);

const dnsSubdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Reads `pod:` of a case, or a whole Pod manifest (`apiVersion`, `kind`, `metadata`, `spec`). */
export function readPod(reader: Reader, field: Field, options: PodOptions): PodRead {
  const before = reader.problems.length;
  const keys = ['apiVersion', 'kind', 'metadata', 'spec', ...(options.manifest === true ? ['status'] : [])];
  const entries = reader.mapping(field, keys);
  if (entries === undefined) return { pod: undefined, containerNames: undefined };
  // A whole manifest must say what it is; inside a case, `pod:` already does.
  const apiVersion = options.manifest === true ? entries.require('apiVersion') : entries.get('apiVersion');
  if (apiVersion !== undefined) reader.oneOf(apiVersion, ['v1'] as const);
  const kind = options.manifest === true ? entries.require('kind') : entries.get('kind');
  if (kind !== undefined) reader.oneOf(kind, ['Pod'] as const);
  const metadataField = options.defaultName === undefined ? entries.require('metadata') : entries.get('metadata');
  const metadata = metadataField === undefined ? undefined : readMetadata(reader, metadataField, options);
  const specField = entries.require('spec');
  const spec = specField === undefined ? undefined : readSpec(reader, specField);
  const name = metadata?.name ?? options.defaultName;
  if (reader.problems.length > before || spec?.pod === undefined || name === undefined) {
    return { pod: undefined, containerNames: spec?.containerNames };
  }
  return {
    pod: { name, ...spec.pod, metadataExtra: metadata?.extra ?? {} },
    containerNames: spec.containerNames,
  };
}

function readMetadata(
  reader: Reader,
  field: Field,
  options: PodOptions,
): { readonly name: string | undefined; readonly extra: Record<string, unknown> } | undefined {
  const entries = reader.mapping(field, objectMetaFields);
  if (entries === undefined) return undefined;
  const nameField = options.defaultName === undefined ? entries.require('name') : entries.get('name');
  const name = nameField === undefined ? undefined : reader.string(nameField);
  if (nameField !== undefined && name !== undefined && (name.length > 253 || !dnsSubdomain.test(name))) {
    reader.report(nameField, `${quote(name)} is not a valid pod name (lowercase letters, digits, '-' and '.')`);
  }
  const extra: Record<string, unknown> = {};
  for (const [key, value] of entries.fields) if (key !== 'name') extra[key] = reader.data(value);
  return { name, extra };
}

type SpecRead = {
  readonly pod: Omit<PodSpec, 'name' | 'metadataExtra'> | undefined;
  readonly containerNames: KnownContainers;
};

function readSpec(reader: Reader, field: Field): SpecRead {
  const entries = reader.mapping(field, podSpecFields);
  if (entries === undefined) return { pod: undefined, containerNames: undefined };
  const restartPolicyField = entries.get('restartPolicy');
  const restartPolicy = restartPolicyField === undefined ? 'Always' : reader.oneOf(restartPolicyField, restartPolicies);
  const graceField = entries.get('terminationGracePeriodSeconds');
  const terminationGracePeriodSeconds = graceField === undefined ? undefined : reader.integer(graceField, 0);
  const deadlineField = entries.get('activeDeadlineSeconds');
  const activeDeadlineSeconds = deadlineField === undefined ? undefined : reader.integer(deadlineField, 1);
  const runtimeField = entries.get('runtimeClassName');
  const runtimeClassName = runtimeField === undefined ? undefined : reader.string(runtimeField);
  const names: string[] = [];
  const initField = entries.get('initContainers');
  const initContainers = initField === undefined ? [] : readContainers(reader, initField, 'initContainers', names);
  const containersField = entries.require('containers');
  const containers =
    containersField === undefined ? undefined : readContainers(reader, containersField, 'containers', names);
  if (containersField !== undefined && containers?.length === 0) {
    reader.report(containersField, 'a pod needs at least one container');
  }
  const specExtra: Record<string, unknown> = {};
  for (const [key, value] of entries.fields) if (!modelledSpec.has(key)) specExtra[key] = reader.data(value);
  const listsRead = (initField === undefined || initContainers !== undefined) && containers !== undefined;
  const containerNames = listsRead ? names : undefined;
  if (restartPolicy === undefined || initContainers === undefined || containers === undefined) {
    return { pod: undefined, containerNames };
  }
  return {
    pod: {
      restartPolicy,
      ...(terminationGracePeriodSeconds === undefined ? {} : { terminationGracePeriodSeconds }),
      ...(activeDeadlineSeconds === undefined ? {} : { activeDeadlineSeconds }),
      ...(runtimeClassName === undefined ? {} : { runtimeClassName }),
      initContainers,
      containers,
      specExtra,
    },
    containerNames,
  };
}

/** Reads a container list, adding each name to `names` and reporting names already taken. */
function readContainers(
  reader: Reader,
  field: Field,
  list: ContainerList,
  names: string[],
): ReadonlyArray<Container> | undefined {
  const items = reader.list(field);
  if (items === undefined) return undefined;
  const result: Container[] = [];
  let ok = true;
  for (const item of items) {
    const { name, nameField, container } = readContainer(reader, item, list);
    if (name !== undefined && names.includes(name)) {
      reader.report(nameField ?? item, `container name ${quote(name)} is used twice in the pod`);
      ok = false;
    }
    if (name !== undefined) names.push(name);
    if (container === undefined) ok = false;
    else result.push(container);
  }
  return ok ? result : undefined;
}
