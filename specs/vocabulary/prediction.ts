/**
 * What the reference model predicts for a scenario: a causal graph of points (each with the point it
 * follows from, a delay window and the rule that says so), points that must never occur, the final
 * state with every value the rules allow, and the Events.
 */
import type { MessageTemplate } from './message-template.ts';
import type { PointRef } from './points.ts';
import type { ConditionStatus, ContainerStateName, EventType, Phase } from './status.ts';

/** A rule id from the catalogue (specs/rules), e.g. `init.sequential` or `kubelet.backoff.first-restart-immediate`. */
export type RuleId = string;

/** A closed interval of seconds. */
export interface Window {
  readonly minSeconds: number;
  readonly maxSeconds: number;
}

/**
 * `certain`: occurs whatever the timing within the windows. `possible`: occurs only for some timings
 * (near observeFor, or after a race), so neither its presence nor its absence is a violation.
 */
export type Certainty = 'certain' | 'possible';

export interface PredictedPoint {
  readonly ref: PointRef;
  /** the point it follows from; absent for pod.created and API actions */
  readonly follows?: PointRef;
  /** bounds on t(ref) − t(follows) */
  readonly window: Window;
  /** the nominal time since pod.created (every delay at its most likely value) */
  readonly atSeconds: number;
  readonly rule: RuleId;
  readonly certainty: Certainty;
  /** it occurs on the nominal timeline (false: only for some other timing) */
  readonly nominal: boolean;
}

export interface ForbiddenPoint {
  readonly ref: PointRef;
  readonly rule: RuleId;
}

/** A predicted value: the nominal one, every value the timing windows allow, and the rule that decides it. */
export interface Predicted<T> {
  readonly nominal: T;
  readonly possible: ReadonlyArray<T>;
  readonly rule: RuleId;
}

export interface PredictedContainer {
  readonly state: Predicted<ContainerStateName>;
  /** waiting/terminated reason; absent for running */
  readonly reason: Predicted<string | undefined>;
  readonly exitCode: Predicted<number | undefined>;
  readonly restartCount: Predicted<number>;
  readonly ready: Predicted<boolean>;
  readonly everStarted: Predicted<boolean>;
}

export interface PredictedCondition {
  readonly status: Predicted<ConditionStatus>;
  readonly reason: Predicted<string | undefined>;
}

export interface PredictedFinal {
  readonly phase: Predicted<Phase>;
  readonly status: Predicted<string>;
  readonly gone: Predicted<boolean>;
  readonly conditions: Readonly<Record<string, PredictedCondition>>;
  readonly containers: Readonly<Record<string, PredictedContainer>>;
}

export interface PredictedEvent {
  readonly reason: string;
  readonly type: EventType;
  readonly container?: string;
  /** literal text with typed holes for what only the node knows; an observed message matches when part of it does */
  readonly message: MessageTemplate;
  readonly atSeconds: number;
  readonly rule: RuleId;
  readonly certainty: Certainty;
  /** it occurs on the nominal timeline */
  readonly nominal: boolean;
}

/** Something the rules leave open; the model says so rather than guessing. */
export interface Undetermined {
  readonly subject: string;
  readonly why: string;
}

export interface Prediction {
  readonly scenarioId: string;
  /** the time the final state is taken: observeFor, or when the pod is gone */
  readonly observeForSeconds: number;
  readonly points: ReadonlyArray<PredictedPoint>;
  readonly never: ReadonlyArray<ForbiddenPoint>;
  readonly final: PredictedFinal;
  readonly events: ReadonlyArray<PredictedEvent>;
  readonly undetermined: ReadonlyArray<Undetermined>;
}
