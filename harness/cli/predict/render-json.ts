/**
 * `predict --json`: the report as one JSON document (README "predict --json"), versioned. Times are rounded to the
 * clock's resolution, and a window with no upper bound has `maxSeconds: null` instead of Number.MAX_SAFE_INTEGER.
 */
import type { Prediction, Window } from '../../../specs/vocabulary/index.ts';
import type { PredictReport } from './predict-report.ts';
import { roundSeconds, unboundedSeconds } from './time-text.ts';

/** Bumped when a field changes meaning or disappears; new fields may appear within a version. */
export const predictJsonVersion = 1;

function window(w: Window): { readonly minSeconds: number; readonly maxSeconds: number | null } {
  return {
    minSeconds: roundSeconds(w.minSeconds),
    maxSeconds: w.maxSeconds >= unboundedSeconds ? null : roundSeconds(w.maxSeconds),
  };
}

function roundedPrediction(p: Prediction): unknown {
  return {
    ...p,
    observeForSeconds: roundSeconds(p.observeForSeconds),
    points: p.points.map((x) => ({ ...x, atSeconds: roundSeconds(x.atSeconds), window: window(x.window) })),
    events: p.events.map((e) => ({ ...e, atSeconds: roundSeconds(e.atSeconds) })),
  };
}

/** The JSON document as a value (the CLI puts several in an array when the input held several pods). */
export function predictJsonDocument(report: PredictReport): Record<string, unknown> {
  return {
    version: predictJsonVersion,
    pod: report.scenario.pod.name,
    namespace: report.namespace ?? null,
    observeForSeconds: roundSeconds(report.prediction.observeForSeconds),
    assumptions: report.assumptions.map((a) => ({
      subject: a.subject,
      assumed: a.assumed,
      why: a.why ?? null,
      source: a.source,
      flag: a.flag,
      annotation: a.annotation,
      setting: a.setting,
      decidesOutcome: a.decidesOutcome ?? null,
    })),
    watch: report.watch,
    outcomes: report.outcomes,
    looseValues: report.looseValues,
    probes: report.probes,
    events: report.events,
    prediction: roundedPrediction(report.prediction),
  };
}
