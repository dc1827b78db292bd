/**
 * The pod status as the kubelet writes it to the API, reduced to what phase, conditions and the
 * kubectl STATUS column are computed from (KUBELET-FACTS §6.3, §6.4, §7, §8).
 */
import type { ContainerRole, Phase, RestartPolicy } from '../../vocabulary/index.ts';

export type ApiContainerState =
  | { readonly type: 'waiting'; readonly reason?: string; readonly message?: string }
  | { readonly type: 'running'; readonly startedAtSeconds: number }
  | {
      readonly type: 'terminated';
      readonly exitCode: number;
      /** runtime reason (Completed, Error, OOMKilled, StartError) or ContainerStatusUnknown; may be empty */
      readonly reason?: string;
      readonly signal?: number;
      readonly finishedAtSeconds?: number;
      /** runtime message plus termination message, or the kubelet's text for ContainerStatusUnknown */
      readonly message?: string;
    };

/** The terminated variant of a container state (also the shape of `lastState`). */
export type ApiTerminatedState = Extract<ApiContainerState, { type: 'terminated' }>;

export interface ApiContainerStatus {
  readonly name: string;
  readonly role: ContainerRole;
  readonly state: ApiContainerState;
  readonly lastState?: Extract<ApiContainerState, { type: 'terminated' }>;
  readonly restartCount: number;
  readonly ready: boolean;
  /** the `started` field: running and (no startup probe, or its result Success) */
  readonly started: boolean;
  /** the container's own restartPolicy (ContainerRestartRules), which replaces the pod's for it */
  readonly restartPolicy?: RestartPolicy;
}

export interface ApiPodView {
  readonly restartPolicy: RestartPolicy;
  /** statuses of spec.initContainers, in spec order (sidecars included) */
  readonly initContainers: ReadonlyArray<ApiContainerStatus>;
  /** statuses of spec.containers, in spec order */
  readonly containers: ReadonlyArray<ApiContainerStatus>;
  /** the pod object has a deletionTimestamp */
  readonly deletionRequested: boolean;
  /** the status is computed by SyncTerminatingPod after every container stopped */
  readonly podIsTerminal: boolean;
  /** a phase forced by the kubelet (activeDeadlineSeconds, eviction) with its status.reason */
  readonly forcedPhase?: { readonly phase: Phase; readonly reason: string };
  /** a phase already written to the API (terminal phases never change back) */
  readonly previousPhase?: Phase;
  /** no sandbox could be created yet (PodReadyToStartContainers False) */
  readonly sandboxReady: boolean;
  /** the Initialized condition was True once (it stays True) */
  readonly wasInitialized: boolean;
  /**
   * The phase the conditions were computed with, when it differs from the view's: TerminatePod changes phase and
   * container states but does not recompute the conditions (status_manager.go TerminatePod).
   */
  readonly conditionsPhase?: Phase;
  /**
   * The container statuses the conditions were computed from, when they differ from the view's: TerminatePod's
   * ContainerStatusUnknown states come after the last generateAPIPodStatus (status_manager.go TerminatePod, §5.5).
   */
  readonly conditionsFrom?: ApiPodView;
}
