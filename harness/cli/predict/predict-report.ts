/**
 * Everything `predict` shows, computed once: the assumptions (and which decide the outcome), the watch lines, the
 * outcomes that go together, the folded probe runs and Events, and the full prediction. The text and JSON renderers
 * only format it.
 */
import { predict, watchTimeline, type WatchStep } from '../../../specs/model/index.ts';
import { podNamespace, type Prediction, type Scenario } from '../../../specs/vocabulary/index.ts';
import type { Assumption } from './assumptions.ts';
import { decidedOutcomes, type DecidedOutcome } from './decisive-assumptions.ts';
import { foldEvents, type FoldedEvent } from './folded-events.ts';
import { foldProbeRuns, type ProbeRuns } from './folded-probes.ts';
import { groupedOutcomes, looseValues, type LooseValue, type Outcome } from './outcomes.ts';
import { roundSeconds } from './time-text.ts';

export interface ReportedAssumption extends Assumption {
  /** absent: the other reading ends the same way (or the value was the user's own) */
  readonly decidesOutcome?: DecidedOutcome;
}

export interface PredictReport {
  readonly scenario: Scenario;
  readonly namespace?: string;
  readonly assumptions: ReadonlyArray<ReportedAssumption>;
  readonly watch: ReadonlyArray<WatchStep>;
  readonly outcomes: ReadonlyArray<Outcome>;
  readonly looseValues: ReadonlyArray<LooseValue>;
  readonly probes: ReadonlyArray<ProbeRuns>;
  readonly events: ReadonlyArray<FoldedEvent>;
  readonly prediction: Prediction;
}

/**
 * Predicts the (already assumed) scenario and gathers what the renderers show; `onProgress` hears how far the
 * prediction itself has got (predict's PredictOptions), for a progress line on long ones.
 */
export function buildPredictReport(
  scenario: Scenario,
  assumptions: ReadonlyArray<Assumption>,
  onProgress?: (fractionDone: number) => void,
): PredictReport {
  // the shares are what each step took on a day of 1-second probes: the prediction 40 %, predicting again with
  // each assumption's alternative 30 %, the outcomes per latency profile 20 %, the watch lines the rest
  const between = (from: number, to: number) => (share: number) => onProgress?.(from + (to - from) * share);
  const prediction = predict(scenario, onProgress === undefined ? {} : { onProgress: between(0, 0.4) });
  const decided = decidedOutcomes(scenario, assumptions);
  onProgress?.(0.7);
  const outcomes = groupedOutcomes(scenario);
  onProgress?.(0.9);
  const namespace = podNamespace(scenario.pod);
  return {
    scenario,
    ...(namespace !== undefined ? { namespace } : {}),
    assumptions: assumptions.map((a, i) => {
      const d = decided[i];
      return d === undefined ? a : { ...a, decidesOutcome: d };
    }),
    watch: watchTimeline(scenario).map((w) => ({ ...w, atSeconds: roundSeconds(w.atSeconds) })),
    outcomes,
    looseValues: looseValues(prediction, outcomes),
    probes: foldProbeRuns(scenario, prediction),
    events: foldEvents(prediction),
    prediction,
  };
}
