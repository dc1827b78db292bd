/**
 * What a backend saw during one case (FORMAT.md "Observations and the exec: protocol"). Fields a
 * backend could not observe are absent; the checks that need them come out `unknown`, never `fail`.
 */
import type { ConditionStatus, ContainerStateName, EventType } from './status.ts';

export interface ObservedPoint {
  /** the point as text; a backend may report every start as `C.started`, the suite numbers them */
  readonly point: string;
  /** seconds since pod.created */
  readonly t: number;
}

export interface ObservedContainer {
  readonly state?: ContainerStateName;
  readonly reason?: string;
  readonly exitCode?: number;
  readonly restartCount?: number;
  readonly ready?: boolean;
  readonly everStarted?: boolean;
}

export interface ObservedCondition {
  readonly status: ConditionStatus;
  readonly reason?: string;
}

export interface ObservedFinal {
  readonly phase?: string;
  readonly status?: string;
  readonly gone?: boolean;
  readonly conditions?: Readonly<Record<string, ObservedCondition>>;
  readonly containers?: Readonly<Record<string, ObservedContainer>>;
}

export interface ObservedEvent {
  readonly reason: string;
  readonly container?: string;
  readonly type?: EventType;
  readonly message?: string;
  readonly t?: number;
}

export interface Observation {
  readonly points: ReadonlyArray<ObservedPoint>;
  readonly final: ObservedFinal;
  /** absent: the backend cannot see Events */
  readonly events?: ReadonlyArray<ObservedEvent>;
  readonly clock: { readonly resolution: number };
  /**
   * Point names (`postStart.started`, `ready`, `gone`) this backend cannot see at all: a check that needs one it
   * did not report is `unknown`, never `fail`. Not part of the exec: protocol; built-in real backends set it.
   */
  readonly unobservablePoints?: ReadonlyArray<string>;
  /**
   * kubectl's STATUS column each time it changed, seconds since pod.created (`(gone)` once the object is removed):
   * what `kubectl get pod -w` showed. Reports draw it; nothing is judged on it (the final value is). Not part of the
   * exec: protocol; the kube backend sets it from its pod watch.
   */
  readonly statusOverTime?: ReadonlyArray<{ readonly t: number; readonly status: string }>;
}
