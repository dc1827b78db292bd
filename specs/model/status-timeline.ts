/**
 * kubectl's STATUS, READY and RESTARTS columns over the nominal timeline: the values after every status write the model
 * makes, after the deletion request (kubectl shows Terminating from the API object's deletionTimestamp, which the
 * kubelet does not write) and after the pod is gone. For reports and `predict`: what a person watching
 * `kubectl get pod -w` would have seen.
 */
import { allContainers, goneStatus, type Scenario } from '../vocabulary/index.ts';
import { finalState } from './final-state.ts';
import { runProfile } from './run-profile.ts';
import type { ApiPodView } from './status/api-view.ts';
import { readyColumn, restartsColumn } from './status/index.ts';

/** STATUS from `atSeconds` on, until the next step. */
export interface StatusStep {
  readonly atSeconds: number;
  readonly status: string;
}

/** One line of `kubectl get pod -w`: the three columns the kubelet's writes change, from `atSeconds` on. */
export interface WatchStep {
  readonly atSeconds: number;
  readonly status: string;
  /** READY as `ready/total` (regular containers and sidecars) */
  readonly ready: string;
  readonly restarts: number;
}

/**
 * The watch lines of the nominal run, each differing from the one before in some column; the first is at pod
 * creation. After the pod is gone the last line keeps READY and RESTARTS of the last status, as the watch's DELETED
 * event carries the last object.
 */
export function watchTimeline(scenario: Scenario): WatchStep[] {
  const run = runProfile(scenario, 'nominal');
  const containerNames = allContainers(scenario.pod).map((c) => c.name);
  // READY's total before the first write: regular containers and sidecars (status-column.ts readyColumn)
  const total = scenario.pod.containers.length + scenario.pod.initContainers.filter((c) => c.role === 'sidecar').length;
  const deletionAt = run.deletionAtSeconds;
  const shown = (view: ApiPodView | undefined, t: number): Omit<WatchStep, 'atSeconds'> => ({
    status: finalState(view, {
      gone: false,
      deletionRequested: deletionAt !== undefined && t >= deletionAt,
      containerNames,
      starts: run.starts,
    }).status,
    ready: view ? readyColumn(view) : `0/${total}`,
    restarts: view ? restartsColumn(view) : 0,
  });
  const moments: { readonly t: number; readonly view: ApiPodView | undefined }[] = [{ t: 0, view: undefined }];
  for (const w of run.written) moments.push({ t: w.t, view: w.view });
  if (deletionAt !== undefined) {
    const before = [...run.written].reverse().find((w) => w.t <= deletionAt);
    moments.push({ t: deletionAt, view: before?.view });
  }
  moments.sort((a, b) => a.t - b.t);
  const steps: WatchStep[] = [];
  let current: ApiPodView | undefined;
  for (const m of moments) {
    if (run.goneAtSeconds !== undefined && m.t >= run.goneAtSeconds) break;
    // A write replaces the view; the deletion moment keeps the view written before it.
    current = m.view ?? current;
    const columns = shown(current, m.t);
    const last = steps.at(-1);
    if (last?.status !== columns.status || last.ready !== columns.ready || last.restarts !== columns.restarts) {
      steps.push({ atSeconds: m.t, ...columns });
    }
  }
  if (run.goneAtSeconds !== undefined) {
    const last = steps.at(-1);
    steps.push({
      atSeconds: run.goneAtSeconds,
      status: goneStatus,
      ready: last?.ready ?? `0/${total}`,
      restarts: last?.restarts ?? 0,
    });
  }
  return steps;
}

/** The STATUS steps of the nominal run, each a change from the one before; the first is at pod creation. */
export function statusTimeline(scenario: Scenario): StatusStep[] {
  const steps: StatusStep[] = [];
  for (const w of watchTimeline(scenario)) {
    if (steps.at(-1)?.status !== w.status) steps.push({ atSeconds: w.atSeconds, status: w.status });
  }
  return steps;
}
