/**
 * The differ: a prediction (the model's causal graph of points, the final values it allows, its Events)
 * against one observation, as a three-valued verdict whose violations each read as a sentence.
 * Pure: no I/O, no clock.
 */
import type { Observation, Prediction } from '../../specs/vocabulary/index.ts';
import { diffEvents } from './diff-events.ts';
import { diffFinal } from './diff-final.ts';
import { diffPoints } from './diff-points.ts';
import { numberPoints } from './numbered-points.ts';
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
  const hidden = new Set(options.unobservablePoints ?? []);
  const points = diffPoints(
    prediction,
    numberPoints(observation),
    options.toleranceSeconds,
    (name) => !hidden.has(name),
  );
  const final = diffFinal(prediction.final, observation.final);
  const events = diffEvents(prediction.events, observation.events);
  const violations = [...points.violations, ...final.violations, ...events.violations];
  const unobserved = [...points.unobserved, ...final.unobserved, ...events.unobserved];
  return { status: statusOf(violations, unobserved), violations, unobserved };
}
