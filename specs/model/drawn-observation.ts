/**
 * What a kubelet whose every latency was drawn at random within the model's own windows would be seen to do: one run
 * of the model under a drawn latency profile, as an observation. The self-check requires the full prediction to
 * accept every such observation — the model's windows, certainties and alternatives must cover its own timings,
 * mixed ones included (one container early, another late).
 */
import type { Observation, Scenario } from '../vocabulary/index.ts';
import { nominalObservation } from './nominal-observation.ts';
import { predictionOfRuns } from './predict.ts';
import { runProfile } from './run-profile.ts';

/** One run of `scenario` with every delay drawn uniformly in its window from `next` (a PRNG giving [0, 1)). */
export function drawnObservation(scenario: Scenario, next: () => number): Observation {
  const run = runProfile(scenario, { kind: 'drawn', next });
  return nominalObservation(predictionOfRuns(scenario, [run]));
}
