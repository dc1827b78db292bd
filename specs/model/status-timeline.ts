/**
 * kubectl's STATUS column over the nominal timeline: the value after every status write the model makes, after the
 * deletion request (kubectl shows Terminating from the API object's deletionTimestamp, which the kubelet does not
 * write) and after the pod is gone. For reports: what a person watching `kubectl get pod -w` would have seen.
 */
import { allContainers, goneStatus, type Scenario } from '../vocabulary/index.ts';
import { finalState } from './final-state.ts';
import { runProfile } from './run-profile.ts';
import type { ApiPodView } from './status/api-view.ts';

/** STATUS from `atSeconds` on, until the next step. */
export interface StatusStep {
  readonly atSeconds: number;
  readonly status: string;
}

/** The STATUS steps of the nominal run, each a change from the one before; the first is at pod creation. */
export function statusTimeline(scenario: Scenario): StatusStep[] {
  const run = runProfile(scenario, 'nominal');
  const containerNames = allContainers(scenario.pod).map((c) => c.name);
  const deletionAt = run.deletionAtSeconds;
  const shown = (view: ApiPodView | undefined, t: number): string =>
    finalState(view, {
      gone: false,
      deletionRequested: deletionAt !== undefined && t >= deletionAt,
      containerNames,
      starts: run.starts,
    }).status;
  const moments: { readonly t: number; readonly view: ApiPodView | undefined }[] = [{ t: 0, view: undefined }];
  for (const w of run.written) moments.push({ t: w.t, view: w.view });
  if (deletionAt !== undefined) {
    const before = [...run.written].reverse().find((w) => w.t <= deletionAt);
    moments.push({ t: deletionAt, view: before?.view });
  }
  moments.sort((a, b) => a.t - b.t);
  const steps: StatusStep[] = [];
  let current: ApiPodView | undefined;
  for (const m of moments) {
    if (run.goneAtSeconds !== undefined && m.t >= run.goneAtSeconds) break;
    // A write replaces the view; the deletion moment keeps the view written before it.
    current = m.view ?? current;
    const status = shown(current, m.t);
    if (steps.at(-1)?.status !== status) steps.push({ atSeconds: m.t, status });
  }
  if (run.goneAtSeconds !== undefined) steps.push({ atSeconds: run.goneAtSeconds, status: goneStatus });
  return steps;
}
