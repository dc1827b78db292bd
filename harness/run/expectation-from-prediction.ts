/**
 * A case file's `expect` block derived from a prediction, so a shrunk counterexample is a real regression
 * case: `podconform check` passes it on a conformant backend and fails it where the run failed.
 */
import {
  formatPointRef,
  isLiteralTemplate,
  longestLiteralPart,
  type ConditionExpectation,
  type ContainerExpectation,
  type EventExpectation,
  type Expectation,
  type NumberMatcher,
  type Predicted,
  type Prediction,
  type PointRef,
  type TimingExpectation,
  type ValueMatcher,
} from '../../specs/vocabulary/index.ts';
import type { Violation } from '../diff/index.ts';

/** The plain or `anyOf` matcher for a predicted value; none when "no value" is among the possibilities. */
function matcher<T extends string | number | boolean>(p: Predicted<T | undefined>): ValueMatcher<T> | undefined {
  const values: T[] = [];
  for (const v of p.possible) {
    if (v === undefined) return undefined;
    values.push(v);
  }
  const [first] = values;
  if (first === undefined) return undefined;
  return values.length === 1 ? { type: 'equals', value: first } : { type: 'anyOf', values };
}

function numberMatcher(p: Predicted<number | undefined>): NumberMatcher | undefined {
  return matcher(p);
}

// Window bounds such as 0.052000000000000005 are widened to whole milliseconds so the case file reads well.
function floorMs(seconds: number): number {
  return Math.max(0, Math.floor(seconds * 1000 + 1e-6) / 1000);
}

function ceilMs(seconds: number): number {
  return Math.ceil(seconds * 1000 - 1e-6) / 1000;
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The expectation for a prediction, timing widened by `toleranceSeconds`, plus an `absent` entry per unexpected Event seen. */
export function expectationFromPrediction(
  prediction: Prediction,
  options: { readonly toleranceSeconds?: number; readonly violations?: ReadonlyArray<Violation> } = {},
): Expectation {
  const tolerance = options.toleranceSeconds ?? 0;
  const final = prediction.final;
  const containers: ContainerExpectation[] = Object.entries(final.containers).map(([container, c]) => ({
    container,
    ...defined('state', matcher(c.state)),
    ...defined('reason', matcher(c.reason)),
    ...defined('exitCode', numberMatcher(c.exitCode)),
    ...defined('restartCount', numberMatcher(c.restartCount)),
    ...defined('ready', matcher(c.ready)),
    ...defined('everStarted', matcher(c.everStarted)),
  }));
  const conditions: ConditionExpectation[] = Object.entries(final.conditions).map(([type, c]) => ({
    condition: type as ConditionExpectation['condition'],
    ...defined('status', matcher(c.status)),
    ...defined('reason', matcher(c.reason)),
  }));
  const certain = new Set(prediction.points.filter((p) => p.certainty === 'certain').map((p) => formatPointRef(p.ref)));
  const timing: TimingExpectation[] = [];
  for (const p of prediction.points) {
    if (p.certainty !== 'certain' || p.follows === undefined || !certain.has(formatPointRef(p.follows))) continue;
    timing.push({
      type: 'from',
      from: p.follows,
      to: p.ref,
      minSeconds: floorMs(p.window.minSeconds - tolerance),
      maxSeconds: ceilMs(p.window.maxSeconds + tolerance),
    });
  }
  // Only the first occurrence of a point kind that never happens at all, and whatever was seen although forbidden.
  const violated = new Set((options.violations ?? []).flatMap((v) => (v.type === 'forbidden-point' ? [v.point] : [])));
  const never: PointRef[] = prediction.never
    .filter((f) => f.ref.occurrence === 1 || violated.has(formatPointRef(f.ref)))
    .map((f) => f.ref);
  const eventsPresent: EventExpectation[] = [];
  const seenEvent = new Set<string>();
  for (const e of prediction.events) {
    if (e.certainty !== 'certain') continue;
    // A case file's `message:` is a plain substring (FORMAT.md), so it may only hold text every conformant kubelet
    // prints: the template's longest literal part, never a hole's example value.
    const fragment = longestLiteralPart(e.message);
    const key = `${e.reason}|${e.container ?? ''}|${fragment}`;
    if (seenEvent.has(key)) continue;
    seenEvent.add(key);
    eventsPresent.push({
      reason: { type: 'equals', value: e.reason },
      ...(e.container === undefined ? {} : { container: { type: 'equals', value: e.container } }),
      ...(fragment === '' ? {} : { message: { type: 'equals', value: fragment } }),
      ...(isLiteralTemplate(e.message) ? {} : { template: e.message }),
    });
  }
  const eventsAbsent: EventExpectation[] = (options.violations ?? []).flatMap((v) =>
    v.type === 'unexpected-event' && v.container !== undefined
      ? [{ reason: { type: 'equals', value: v.reason }, container: { type: 'equals', value: v.container } }]
      : [],
  );
  return {
    ...defined('phase', matcher(final.phase)),
    ...defined('gone', matcher(final.gone)),
    ...defined('status', matcher(final.status)),
    containers,
    conditions,
    order: [],
    never,
    timing,
    eventsPresent,
    eventsAbsent,
  };
}
