/**
 * The final state each latency profile of the model reaches, one whole state per profile: where the prediction's
 * `Predicted<T>.possible` lists the values of every field apart, these say which values occur together.
 */
import { allContainers, type Scenario } from '../vocabulary/index.ts';
import type { LatencyProfile } from './engine/delay.ts';
import { finalState, type FinalState } from './final-state.ts';
import { runProfile } from './run-profile.ts';
import { readyColumn, restartsColumn } from './status/index.ts';

/** The three corner profiles `predict` runs. */
export type CornerProfile = Extract<LatencyProfile, string>;

export interface ProfileFinal {
  readonly profile: CornerProfile;
  readonly final: FinalState;
  /** kubectl's READY column for that state (`ready/total`) */
  readonly ready: string;
  /** kubectl's RESTARTS column for that state */
  readonly restarts: number;
}

/** The final state of one profile's run, as `predict` computes it for the nominal value. */
export function profileFinal(scenario: Scenario, profile: CornerProfile): ProfileFinal {
  const run = runProfile(scenario, profile);
  const final = finalState(run.finalView, {
    gone: run.gone,
    deletionRequested: run.deletionRequested,
    containerNames: allContainers(scenario.pod).map((c) => c.name),
    starts: run.starts,
  });
  const total = scenario.pod.containers.length + scenario.pod.initContainers.filter((c) => c.role === 'sidecar').length;
  const view = run.finalView;
  return { profile, final, ready: view ? readyColumn(view) : `0/${total}`, restarts: view ? restartsColumn(view) : 0 };
}

/** The final states of the nominal, early and late runs, in that order. */
export function profileFinals(scenario: Scenario): ProfileFinal[] {
  return (['nominal', 'early', 'late'] as const).map((p) => profileFinal(scenario, p));
}
