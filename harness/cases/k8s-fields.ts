/**
 * Field names of the Kubernetes API objects a case's pod is written in (core/v1, up to 1.34), so
 * that a misspelled field is reported instead of silently passed through as an unread extra.
 */

/** Every field of core/v1 ObjectMeta. */
export const objectMetaFields: ReadonlyArray<string> = [
  'name',
  'generateName',
  'namespace',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'labels',
  'annotations',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** Every field of core/v1 PodSpec. */
export const podSpecFields: ReadonlyArray<string> = [
  'volumes',
  'initContainers',
  'containers',
  'ephemeralContainers',
  'restartPolicy',
  'terminationGracePeriodSeconds',
  'activeDeadlineSeconds',
  'dnsPolicy',
  'nodeSelector',
  'serviceAccountName',
  'serviceAccount',
  'automountServiceAccountToken',
  'nodeName',
  'hostNetwork',
  'hostPID',
  'hostIPC',
  'shareProcessNamespace',
  'securityContext',
  'imagePullSecrets',
  'hostname',
  'subdomain',
  'affinity',
  'schedulerName',
  'tolerations',
  'hostAliases',
  'priorityClassName',
  'priority',
  'dnsConfig',
  'readinessGates',
  'runtimeClassName',
  'enableServiceLinks',
  'preemptionPolicy',
  'overhead',
  'topologySpreadConstraints',
  'setHostnameAsFQDN',
  'os',
  'hostUsers',
  'schedulingGates',
  'resourceClaims',
  'resources',
  'hostnameOverride',
];

/** Every field of core/v1 Container. */
export const containerFields: ReadonlyArray<string> = [
  'name',
  'image',
  'command',
  'args',
  'workingDir',
  'ports',
  'envFrom',
  'env',
  'resources',
  'resizePolicy',
  'restartPolicy',
  'restartPolicyRules',
  'volumeMounts',
  'volumeDevices',
  'livenessProbe',
  'readinessProbe',
  'startupProbe',
  'lifecycle',
  'terminationMessagePath',
  'terminationMessagePolicy',
  'imagePullPolicy',
  'securityContext',
  'stdin',
  'stdinOnce',
  'tty',
];

/** Every field of core/v1 Probe (its handler fields included). */
export const probeFields: ReadonlyArray<string> = [
  'exec',
  'httpGet',
  'tcpSocket',
  'grpc',
  'initialDelaySeconds',
  'timeoutSeconds',
  'periodSeconds',
  'successThreshold',
  'failureThreshold',
  'terminationGracePeriodSeconds',
];

/** The fields of core/v1 Lifecycle this suite models (`stopSignal` changes the signal and is not modelled). */
export const lifecycleFields: ReadonlyArray<string> = ['postStart', 'preStop'];

/** Every field of core/v1 LifecycleHandler. */
export const lifecycleHandlerFields: ReadonlyArray<string> = ['exec', 'httpGet', 'tcpSocket', 'sleep'];

/** Fields of each handler action. */
export const handlerActionFields = {
  exec: ['command'],
  httpGet: ['path', 'port', 'host', 'scheme', 'httpHeaders'],
  tcpSocket: ['port', 'host'],
  grpc: ['port', 'service'],
  sleep: ['seconds'],
} as const satisfies Readonly<Record<string, ReadonlyArray<string>>>;
