/** Emitting predicted points and Events, numbering occurrences per point kind. */
import type { ContainerPointName, EventType, PodPointName, PointRef, RuleId } from '../vocabulary/index.ts';
import { anchoredAt, type Moment } from './engine/delay.ts';
import type { PodModel } from './state.ts';

function nextOccurrence(pod: PodModel, key: string): number {
  const n = (pod.occurrences.get(key) ?? 0) + 1;
  pod.occurrences.set(key, n);
  return n;
}

function emit(pod: PodModel, ref: PointRef, at: Moment, rule: RuleId): Moment {
  pod.points.push({
    ref,
    ...(at.anchor ? { follows: at.anchor } : {}),
    window: { minSeconds: at.loSeconds, maxSeconds: at.hiSeconds },
    atSeconds: at.t,
    rule,
    certainty: 'certain',
    nominal: true,
  });
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

export function event(
  pod: PodModel,
  at: Moment,
  rule: RuleId,
  e: { readonly reason: string; readonly type: EventType; readonly message: string; readonly container?: string },
): void {
  pod.events.push({ ...e, atSeconds: at.t, rule, certainty: 'certain', nominal: true });
}
