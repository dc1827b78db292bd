/**
 * The Kubernetes objects the kube backend reads, in their wire form (JSON as `kubectl get -o json` prints it and
 * as a watch delivers it), reduced to the fields the observation needs. The typed client deserialises timestamps
 * into `Date`s while watches and fixtures carry RFC 3339 strings, so every timestamp is read through
 * `timestampSeconds`, which accepts both.
 */

/** A time as the API writes it (`2026-12-06T22:13:55Z`, or MicroTime with fractions), or the client's `Date`. */
export type WireTime = string | Date | null | undefined;

export interface WireTerminated {
  readonly exitCode: number;
  readonly signal?: number;
  readonly reason?: string;
  readonly message?: string;
  readonly startedAt?: WireTime;
  readonly finishedAt?: WireTime;
  readonly containerID?: string;
}

export interface WireContainerState {
  readonly waiting?: { readonly reason?: string; readonly message?: string } | null;
  readonly running?: { readonly startedAt?: WireTime } | null;
  readonly terminated?: WireTerminated | null;
}

export interface WireContainerStatus {
  readonly name: string;
  readonly state?: WireContainerState;
  readonly lastState?: WireContainerState;
  readonly ready: boolean;
  readonly started?: boolean;
  readonly restartCount: number;
  readonly image?: string;
  readonly imageID?: string;
  readonly containerID?: string;
}

export interface WireCondition {
  readonly type: string;
  readonly status: string;
  readonly reason?: string;
  readonly message?: string;
  readonly lastTransitionTime?: WireTime;
}

export interface WireContainerSpec {
  readonly name: string;
  readonly restartPolicy?: string;
}

export interface WirePod {
  readonly metadata: {
    readonly name: string;
    readonly namespace?: string;
    readonly uid?: string;
    readonly creationTimestamp?: WireTime;
    readonly deletionTimestamp?: WireTime;
    readonly labels?: Readonly<Record<string, string>>;
  };
  readonly spec?: {
    readonly nodeName?: string;
    readonly initContainers?: ReadonlyArray<WireContainerSpec>;
    readonly containers?: ReadonlyArray<WireContainerSpec>;
  };
  readonly status?: {
    readonly phase?: string;
    readonly reason?: string;
    readonly conditions?: ReadonlyArray<WireCondition>;
    readonly initContainerStatuses?: ReadonlyArray<WireContainerStatus>;
    readonly containerStatuses?: ReadonlyArray<WireContainerStatus>;
  };
}

export interface WireObjectReference {
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly uid?: string;
  readonly fieldPath?: string;
}

/** A core/v1 Event (the kubelet and the scheduler still record through the core API). */
export interface WireEvent {
  readonly metadata: { readonly name?: string; readonly namespace?: string };
  readonly involvedObject: WireObjectReference;
  readonly reason?: string;
  readonly message?: string;
  readonly type?: string;
  readonly source?: { readonly component?: string; readonly host?: string };
  readonly firstTimestamp?: WireTime;
  readonly lastTimestamp?: WireTime;
  readonly eventTime?: WireTime;
  readonly count?: number;
  readonly series?: { readonly count?: number; readonly lastObservedTime?: WireTime } | null;
  readonly reportingComponent?: string;
}

/** A namespace as the cleanup sees it. */
export interface WireNamespace {
  readonly metadata: {
    readonly name?: string;
    readonly labels?: Readonly<Record<string, string>>;
    readonly annotations?: Readonly<Record<string, string>>;
    readonly creationTimestamp?: WireTime;
  };
}

/** Seconds since the epoch of an API time; `undefined` for a missing, null or unreadable value. */
export function timestampSeconds(value: WireTime): number | undefined {
  if (value === null || value === undefined) return undefined;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (!Number.isFinite(ms)) return undefined;
  // Date.parse keeps only milliseconds of a MicroTime; that is finer than anything judged from it.
  return ms / 1000;
}
