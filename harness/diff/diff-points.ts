/**
 * Points: every `certain` predicted point must be observed; an observed point whose cause was observed
 * must lie in its window (± tolerance) after it; a forbidden point must not be observed.
 */
import { formatPointRef, type Prediction, type PredictedPoint } from '../../specs/vocabulary/index.ts';
import { seconds, windowText } from './format.ts';
import type { PointTimes } from './numbered-points.ts';
import type { Violation } from './violation.ts';

// Float sums such as 9.52 − 7.52 miss a window edge by 1e-15; a zero tolerance must still accept them.
const epsilon = 1e-9;

/** What the points of an observation tell against the prediction. */
export interface PointFindings {
  readonly violations: ReadonlyArray<Violation>;
  readonly unobserved: ReadonlyArray<string>;
}

/** `observable(pointName)`: whether the backend can see that kind of point at all (`started`, `ready`, `gone`). */
export function diffPoints(
  prediction: Prediction,
  times: PointTimes,
  toleranceSeconds: number,
  observable: (pointName: string) => boolean,
): PointFindings {
  const violations: Violation[] = [];
  const unobserved: string[] = [];
  const slack = toleranceSeconds + epsilon;
  for (const p of prediction.points) {
    const point = formatPointRef(p.ref);
    const t = times.get(point);
    if (t === undefined) {
      if (p.certainty !== 'certain') continue;
      if (!observable(p.ref.name)) {
        unobserved.push(point);
        continue;
      }
      violations.push(missing(p, point));
      continue;
    }
    const found = p.follows === undefined ? fromCreation(p, point, t, slack) : afterCause(p, point, t, times, slack);
    if (found) violations.push(withTolerance(found, toleranceSeconds));
  }
  for (const f of prediction.never) {
    const point = formatPointRef(f.ref);
    const t = times.get(point);
    if (t === undefined) continue;
    violations.push({
      type: 'forbidden-point',
      rule: f.rule,
      point,
      atSeconds: t,
      message: `${f.rule}: ${point} must never occur; it came at ${seconds(t)}`,
    });
  }
  return { violations, unobserved };
}

function missing(p: PredictedPoint, point: string): Violation {
  if (p.follows === undefined) {
    return {
      type: 'missing-point',
      rule: p.rule,
      point,
      message: `${p.rule}: ${point} should occur at ${seconds(p.atSeconds)}; it never came`,
    };
  }
  const follows = formatPointRef(p.follows);
  return {
    type: 'missing-point',
    rule: p.rule,
    point,
    follows,
    message: `${p.rule}: ${point} should follow ${follows} within ${windowText(p.window)}; it never came`,
  };
}

// API actions and pod.created have no cause: their window is taken from their nominal time.
function fromCreation(p: PredictedPoint, point: string, t: number, slack: number): Violation | undefined {
  const delta = t - p.atSeconds;
  if (delta >= p.window.minSeconds - slack && delta <= p.window.maxSeconds + slack) return undefined;
  const lo = p.atSeconds + p.window.minSeconds;
  const hi = p.atSeconds + p.window.maxSeconds;
  return {
    type: 'window',
    rule: p.rule,
    point,
    window: p.window,
    deltaSeconds: delta,
    message: `${p.rule}: ${point} should occur within [${seconds(lo)}, ${seconds(hi)}]; it came at ${seconds(t)}`,
  };
}

function afterCause(
  p: PredictedPoint,
  point: string,
  t: number,
  times: PointTimes,
  slack: number,
): Violation | undefined {
  if (p.follows === undefined) return undefined;
  const follows = formatPointRef(p.follows);
  const tCause = times.get(follows);
  // Without its cause there is nothing to measure from; a missing certain cause is reported on its own.
  if (tCause === undefined) return undefined;
  const delta = t - tCause;
  if (delta >= p.window.minSeconds - slack && delta <= p.window.maxSeconds + slack) return undefined;
  const predicted = `${p.rule}: ${point} should follow ${follows} within ${windowText(p.window)}`;
  if (delta < -slack) {
    return {
      type: 'order',
      rule: p.rule,
      point,
      follows,
      window: p.window,
      deltaSeconds: delta,
      message: `${predicted}; it came ${seconds(-delta)} before`,
    };
  }
  return {
    type: 'window',
    rule: p.rule,
    point,
    follows,
    window: p.window,
    deltaSeconds: delta,
    message: `${predicted}; it came ${seconds(delta)} after`,
  };
}

function withTolerance(v: Violation, toleranceSeconds: number): Violation {
  return toleranceSeconds > 0 ? { ...v, message: `${v.message} (tolerance ${seconds(toleranceSeconds)})` } : v;
}
