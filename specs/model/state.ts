/** The model's view of one pod while it predicts: containers, the pod worker, the API object. */
import type {
  Container,
  ContainerPointName,
  PodPointName,
  PointRef,
  PredictedEvent,
  PredictedPoint,
  ProbeType,
  Scenario,
} from '../vocabulary/index.ts';
import type { Engine } from './engine/engine.ts';
import type { Moment } from './engine/delay.ts';
import type { ApiPodView } from './status/api-view.ts';

export type RuntimeState = 'none' | 'created' | 'running' | 'exited';

export interface ProbeState {
  consecutiveFailures: number;
  consecutiveSuccesses: number;
  /** after a published liveness failure or startup result, until a new container */
  onHold: boolean;
  /** the published result */
  result: 'unknown' | 'success' | 'failure';
}

export interface CrashBackOff {
  periodSeconds: number;
  lastUpdateSeconds: number;
}

export interface ContainerModel {
  readonly spec: Container;
  /** starts so far (1 = first) */
  starts: number;
  runtime: RuntimeState;
  startedAt?: Moment;
  finishedAtSeconds?: number;
  exitCode?: number;
  /** the moment of the last exit, anchored on its `exited` point */
  exitedAt?: Moment;
  /** set when the current process got SIGTERM (for probes `afterTerm`) */
  termAtSeconds?: number;
  /** bumps on each start so stale exit stimuli of an earlier process are ignored */
  processToken: number;
  /** the last start error of this container (reason cache, KUBELET-FACTS §8.1) */
  reasonCache?: { readonly reason: string; readonly message: string };
  backOff?: CrashBackOff;
  /** killed and restarted in one sync while its previous back-off raced the kill: set until it starts again (§4.4) */
  backOffRaced?: boolean;
  readonly probes: Partial<Record<ProbeType, ProbeState>>;
  /** each probe worker's ticker generation: a manual trigger restarts the ticker and retires the old ticks */
  readonly tickers: Partial<Record<ProbeType, number>>;
  /** the kubelet decided to kill this container and the kill is under way */
  killing: boolean;
  /** the previous instance's terminated state (lastState) */
  lastTerminated?: {
    readonly type: 'terminated';
    readonly exitCode: number;
    readonly reason: string;
    readonly finishedAtSeconds: number;
  };
}

export interface PullBackOff {
  periodSeconds: number;
  lastFailureSeconds: number;
  /** the moment of the failed pull, anchored on its `pullFailed` point: a retry's own cause (§9.4) */
  failedAt?: Moment;
}

export interface PodModel {
  readonly scenario: Scenario;
  readonly engine: Engine;
  readonly containers: ReadonlyArray<ContainerModel>;
  readonly byName: ReadonlyMap<string, ContainerModel>;
  readonly cachedImages: Set<string>;
  readonly pullBackOff: Map<string, PullBackOff>;
  /** the pod worker is inside a sync or a kill it cannot leave */
  workerBusy: boolean;
  /** a sync was requested while the worker was busy */
  syncQueuedAfterBusy: boolean;
  /** a deletion arrived while the worker was busy: termination starts when it is free */
  terminationQueued: boolean;
  lastSyncStartSeconds?: number;
  /** something decided the pod must terminate (delete, active deadline) */
  terminationTrigger: (m: Moment) => void;
  /** begins SyncTerminatingPod now that the worker is free */
  startTermination: (m: Moment) => void;
  /** the time the pod was first synced (status.startTime) */
  startTimeSeconds?: number;
  initializedEver: boolean;
  /** the pod sandbox: created by the first sync that gets past the status write, stopped by a whole-pod kill */
  sandbox: 'none' | 'ready' | 'stopped';
  deletion?: { readonly atSeconds: number; readonly graceSeconds: number };
  /** SyncTerminatingPod has begun */
  terminating: boolean;
  /** the terminal status was written */
  terminal: boolean;
  gone: boolean;
  /** the API server removed the object at the delete (grace 0): statuses written after it are seen by nobody */
  objectRemoved: boolean;
  /** the API status when the object disappeared (the final state of a deleted pod) */
  apiAtGone?: ApiPodView;
  /** how often each container had started when the object disappeared */
  startsAtGone?: ReadonlyMap<string, number>;
  forcedPhase?: { readonly phase: 'Failed'; readonly reason: string };
  /** the status as last written to the API */
  api?: ApiPodView;
  /** every status written to the API, in order, with the moment it was written */
  readonly written: Array<{ readonly t: number; readonly view: ApiPodView }>;
  /** when the API object disappeared */
  goneAtSeconds?: number;
  /** its phase */
  apiPhase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** status writes are frozen during termination (Corrections 4) */
  statusFrozen: boolean;
  readonly points: PredictedPoint[];
  readonly events: PredictedEvent[];
  readonly occurrences: Map<string, number>;
}

export type PointName = { readonly pod: PodPointName } | { readonly container: ContainerPointName };

export function refKey(ref: PointRef): string {
  return ref.scope === 'pod' ? `pod.${ref.name}` : `${ref.container}.${ref.name}`;
}
