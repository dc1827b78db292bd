/** Emitting predicted points and Events, numbering occurrences per point kind. */
import type {
  Certainty,
  ContainerPointName,
  EventType,
  MessageTemplate,
  PodPointName,
  PointRef,
  PredictedEvent,
  PredictedPoint,
  RuleId,
} from '../vocabulary/index.ts';
import { anchoredAt, type Moment } from './engine/delay.ts';
import type { PodModel } from './state.ts';

/*
 * Predicted points and Events are built field by field, never by spreading another object: spreading objects of
 * several shapes takes V8's slow path (about 3 µs each, against 0.05 µs for a literal), and a prediction builds
 * hundreds of them. The fields go in the order of the vocabulary's interfaces, which is the order a prediction's
 * JSON has always shown (scripts/golden-predictions.ts compares it byte for byte).
 */

/** A point as recorded or merged, with the certainty and nominal flag it has in the prediction. */
export function predictedPoint(
  p: Omit<PredictedPoint, 'certainty' | 'nominal'>,
  certainty: Certainty,
  nominal: boolean,
): PredictedPoint {
  const { ref, follows, window, atSeconds, rule } = p;
  return follows
    ? { ref, follows, window, atSeconds, rule, certainty, nominal }
    : { ref, window, atSeconds, rule, certainty, nominal };
}

/** An Event as recorded or merged, with the certainty and nominal flag it has in the prediction. */
export function predictedEvent(
  e: EventFields,
  atSeconds: number,
  rule: RuleId,
  certainty: Certainty,
  nominal: boolean,
): PredictedEvent {
  const { reason, type, container, message } = e;
  return container !== undefined
    ? { reason, type, container, message, atSeconds, rule, certainty, nominal }
    : { reason, type, message, atSeconds, rule, certainty, nominal };
}

interface EventFields {
  readonly reason: string;
  readonly type: EventType;
  readonly message: MessageTemplate;
  readonly container?: string;
}

function nextOccurrence(pod: PodModel, key: string): number {
  const n = (pod.occurrences.get(key) ?? 0) + 1;
  pod.occurrences.set(key, n);
  return n;
}

function emit(pod: PodModel, ref: PointRef, at: Moment, rule: RuleId): Moment {
  const window = { minSeconds: at.loSeconds, maxSeconds: at.hiSeconds };
  const fields = at.anchor
    ? { ref, follows: at.anchor, window, atSeconds: at.t, rule }
    : { ref, window, atSeconds: at.t, rule };
  pod.points.push(predictedPoint(fields, 'certain', true));
  const m = anchoredAt(at.t, ref);
  pod.engine.notify(m);
  return m;
}

/** Records a container point at `at`; returns the moment anchored on it. */
export function containerPoint(
  pod: PodModel,
  container: string,
  name: ContainerPointName,
  at: Moment,
  rule: RuleId,
): Moment {
  const occurrence = nextOccurrence(pod, `${container}.${name}`);
  return emit(pod, { scope: 'container', container, name, occurrence }, at, rule);
}

/** Records a pod point at `at`; returns the moment anchored on it. */
export function podPoint(pod: PodModel, name: PodPointName, at: Moment, rule: RuleId): Moment {
  const occurrence = nextOccurrence(pod, `pod.${name}`);
  return emit(pod, { scope: 'pod', name, occurrence }, at, rule);
}

export function event(pod: PodModel, at: Moment, rule: RuleId, e: EventFields): void {
  pod.events.push(predictedEvent(e, at.t, rule, 'certain', true));
}
