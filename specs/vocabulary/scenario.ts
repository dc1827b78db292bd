/**
 * The scenario: one pod, the node it runs on, and what is done to it — the typed form of a case
 * file without its expectations (shared/cases/FORMAT.md). Every duration is in seconds.
 */

export type RestartPolicy = 'Always' | 'OnFailure' | 'Never';
export const restartPolicies: ReadonlyArray<RestartPolicy> = ['Always', 'OnFailure', 'Never'];

export type PullPolicy = 'Always' | 'IfNotPresent' | 'Never';
export const pullPolicies: ReadonlyArray<PullPolicy> = ['Always', 'IfNotPresent', 'Never'];

/** Where a container sits in the pod: an init container, a sidecar (init + restartPolicy Always) or a regular one. */
export type ContainerRole = 'init' | 'sidecar' | 'regular';

/** What the main process does when it receives SIGTERM. */
export type TermHandling =
  { readonly type: 'exit'; readonly exitCode: number; readonly afterSeconds: number } | { readonly type: 'ignore' };

/** What the main process does during one run (one start of the container). */
export interface RunBehavior {
  /** Exits on its own with this code after this long; absent: runs until signalled. */
  readonly exit?: { readonly exitCode: number; readonly afterSeconds: number };
  readonly onTerm: TermHandling;
}

/** A container's behaviour: `base` for the first start, replaced from start `fromStart` on by an entry of `restarts`. */
export interface ContainerBehavior {
  readonly base: RunBehavior;
  readonly restarts: ReadonlyArray<{ readonly fromStart: number; readonly behavior: RunBehavior }>;
}

/** The Kubernetes handler of a hook or probe; only what the lifecycle needs is kept, the rest stays in `extra`. */
export type HandlerAction =
  | { readonly type: 'exec'; readonly command: ReadonlyArray<string> }
  | {
      readonly type: 'httpGet';
      readonly port: number | string;
      readonly path?: string;
      /** host, scheme, httpHeaders as written (absent: none written) */
      readonly extra?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'tcpSocket';
      readonly port: number | string;
      /** host as written (absent: none written) */
      readonly extra?: Readonly<Record<string, unknown>>;
    }
  | {
      readonly type: 'grpc';
      readonly port: number;
      /** service as written (absent: none written) */
      readonly extra?: Readonly<Record<string, unknown>>;
    }
  | { readonly type: 'sleep'; readonly seconds: number };

export type HookResult = 'success' | 'fail';

/** A postStart or preStop handler and how it behaves each time it runs. */
export interface Hook {
  readonly action: HandlerAction;
  readonly takesSeconds: number;
  readonly result: HookResult;
}

/** When a probe's check fails (FORMAT.md `fails`). */
export type ProbeFailing =
  | { readonly type: 'never' }
  | { readonly type: 'always' }
  /** fails from this long after the container's current start on */
  | { readonly type: 'from'; readonly seconds: number }
  /** fails until this long after the container's current start */
  | { readonly type: 'until'; readonly seconds: number }
  /** fails from this long after the container received SIGTERM on */
  | { readonly type: 'afterTerm'; readonly seconds: number };

export type ProbeType = 'startupProbe' | 'livenessProbe' | 'readinessProbe';
export const probeTypes: ReadonlyArray<ProbeType> = ['startupProbe', 'livenessProbe', 'readinessProbe'];

/** A probe with Kubernetes' defaults filled in. */
export interface Probe {
  readonly action: HandlerAction;
  readonly initialDelaySeconds: number;
  readonly periodSeconds: number;
  readonly timeoutSeconds: number;
  readonly successThreshold: number;
  readonly failureThreshold: number;
  /** probe-level grace for kills this probe causes (liveness/startup only) */
  readonly terminationGracePeriodSeconds?: number;
  readonly fails: ProbeFailing;
  /** how long one probe run takes; a run longer than timeoutSeconds fails */
  readonly takesSeconds: number;
}

export interface Container {
  readonly name: string;
  readonly role: ContainerRole;
  readonly image: string;
  /** the field as written; absent means the API server defaults it */
  readonly imagePullPolicy?: PullPolicy;
  /**
   * A regular or regular-init container's own restartPolicy, which replaces the pod's in its restart
   * decision (ContainerRestartRules, beta and on by default in 1.35). Sidecars have role 'sidecar' instead.
   */
  readonly restartPolicy?: RestartPolicy;
  readonly behavior: ContainerBehavior;
  readonly postStart?: Hook;
  readonly preStop?: Hook;
  readonly startupProbe?: Probe;
  readonly livenessProbe?: Probe;
  readonly readinessProbe?: Probe;
  /** Kubernetes fields the lifecycle does not read (command, args, volumeMounts, ...), kept for the writer and real backends. */
  readonly extra: Readonly<Record<string, unknown>>;
}

export interface PodSpec {
  readonly name: string;
  readonly restartPolicy: RestartPolicy;
  /** the spec field as written (absent: the API default of 30 s applies) */
  readonly terminationGracePeriodSeconds?: number;
  readonly activeDeadlineSeconds?: number;
  readonly runtimeClassName?: string;
  readonly initContainers: ReadonlyArray<Container>;
  readonly containers: ReadonlyArray<Container>;
  /** other metadata fields (labels, annotations, namespace) */
  readonly metadataExtra: Readonly<Record<string, unknown>>;
  /** other spec fields (volumes, ...) */
  readonly specExtra: Readonly<Record<string, unknown>>;
}

export interface NodeWorld {
  readonly registry: 'up' | 'down';
  /** images already on the node, as written */
  readonly cached: ReadonlyArray<string>;
  /** images whose pull always fails */
  readonly unpullable: ReadonlyArray<string>;
  /** how long one successful pull takes */
  readonly pullTakesSeconds: number;
}

/** Something done to the pod through the API at a time after its creation. */
export type Action = {
  readonly type: 'delete';
  readonly atSeconds: number;
  /** absent: the pod's terminationGracePeriodSeconds */
  readonly gracePeriodSeconds?: number;
};

export interface Scenario {
  readonly id: string;
  readonly source?: string;
  readonly rules: ReadonlyArray<string>;
  readonly node: NodeWorld;
  readonly pod: PodSpec;
  readonly actions: ReadonlyArray<Action>;
  readonly observeForSeconds: number;
}

/** The API server's default for terminationGracePeriodSeconds. */
export const defaultTerminationGracePeriodSeconds = 30;

/** All containers of the pod in spec order: init containers (sidecars included) first, then regular ones. */
export function allContainers(pod: PodSpec): ReadonlyArray<Container> {
  return [...pod.initContainers, ...pod.containers];
}

/** The namespace the manifest gives the pod (`metadata.namespace`); absent: the node decides, so no message may assume one. */
export function podNamespace(pod: PodSpec): string | undefined {
  const namespace = pod.metadataExtra['namespace'];
  return typeof namespace === 'string' && namespace !== '' ? namespace : undefined;
}

/** The behaviour of the `startNumber`-th start (1 = first) of a container. */
export function runBehaviorForStart(behavior: ContainerBehavior, startNumber: number): RunBehavior {
  let chosen = behavior.base;
  let chosenFrom = 1;
  for (const entry of behavior.restarts) {
    if (entry.fromStart <= startNumber && entry.fromStart >= chosenFrom) {
      chosen = entry.behavior;
      chosenFrom = entry.fromStart;
    }
  }
  return chosen;
}
