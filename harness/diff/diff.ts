/**
 * The differ: a prediction (the model's causal graph of points, the final values it allows, its Events)
 * against one observation, as a three-valued verdict whose violations each read as a sentence.
 * Pure: no I/O, no clock.
 */
import type { Observation, Prediction } from '../../specs/vocabulary/index.ts';
import { diffEvents } from './diff-events.ts';
import { diffFinal } from './diff-final.ts';
import { diffPoints } from './diff-points.ts';
import type { PointTimes } from './numbered-points.ts';
import { statusOf, type Verdict } from './verdict.ts';

/** How strictly to judge. */
export interface DiffOptions {
  /** how far a point may lie outside its window, in seconds (0 for `sim`) */
  readonly toleranceSeconds: number;
  /** point names (`ready`, `livenessProbe.ran`, `gone`) the backend cannot see at all: missing ones are `unknown` */
  readonly unobservablePoints?: ReadonlyArray<string>;
}

/** The verdict on one observation; a differ that throws yields `unknown` with the error attached, never a throw. */
export function diff(prediction: Prediction, observation: Observation, options: DiffOptions): Verdict {
  try {
    return diffOrThrow(prediction, observation, options);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { status: 'unknown', violations: [], unobserved: [], error: `the differ failed: ${message}` };
  }
}

function diffOrThrow(prediction: Prediction, observation: Observation, options: DiffOptions): Verdict {
  const hidden = new Set([...(options.unobservablePoints ?? []), ...(observation.unobservablePoints ?? [])]);
  const points = diffPoints(prediction, numbered(observation), options.toleranceSeconds, (name) => !hidden.has(name));
  const final = diffFinal(prediction.final, observation.final);
  const events = diffEvents(prediction.events, observation.events);
  const violations = [...points.violations, ...final.violations, ...events.violations];
  const unobserved = [...points.unobserved, ...final.unobserved, ...events.unobserved];
  return { status: statusOf(violations, unobserved), violations, unobserved };
}

/**
 * The same numbering as `numberPoints` (occurrences of a kind in time order, `#n` as reported ignored), keyed by
 * text without parsing each point: the differ runs thousands of times a second and a malformed point simply
 * matches nothing predicted.
 */
function numbered(observation: Observation): PointTimes {
  const byKey = new Map<string, number[]>();
  for (const p of observation.points) {
    const hash = p.point.lastIndexOf('#');
    const key = hash >= 0 && /^#\d+$/.test(p.point.slice(hash)) ? p.point.slice(0, hash) : p.point;
    const list = byKey.get(key);
    if (list) list.push(p.t);
    else byKey.set(key, [p.t]);
  }
  const times = new Map<string, number>();
  for (const [key, list] of byKey) {
    if (list.length > 1) list.sort((a, b) => a - b);
    list.forEach((t, i) => times.set(i === 0 ? key : `${key}#${i + 1}`, t));
  }
  return times;
}
