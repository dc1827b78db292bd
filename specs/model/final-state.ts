/** The final pod state as an observer sees it: phase, kubectl STATUS, conditions, containers. */
import type { ConditionStatus, ContainerStateName, Phase } from '../vocabulary/index.ts';
import type { ApiContainerStatus, ApiPodView } from './status/api-view.ts';
import { computeConditions, computePhase, computeStatusColumn } from './status/index.ts';

export interface FinalContainer {
  readonly state: ContainerStateName;
  readonly reason: string | undefined;
  readonly exitCode: number | undefined;
  readonly restartCount: number;
  readonly ready: boolean;
  readonly everStarted: boolean;
}

export interface FinalState {
  readonly phase: Phase;
  readonly status: string;
  readonly gone: boolean;
  readonly conditions: Readonly<
    Record<string, { readonly status: ConditionStatus; readonly reason: string | undefined }>
  >;
  readonly containers: Readonly<Record<string, FinalContainer>>;
}

function finalContainer(s: ApiContainerStatus | undefined, everStarted: boolean): FinalContainer {
  if (!s) {
    return { state: 'waiting', reason: undefined, exitCode: undefined, restartCount: 0, ready: false, everStarted };
  }
  switch (s.state.type) {
    case 'waiting':
      return {
        state: 'waiting',
        reason: s.state.reason,
        exitCode: undefined,
        restartCount: s.restartCount,
        ready: s.ready,
        everStarted,
      };
    case 'running':
      return {
        state: 'running',
        reason: undefined,
        exitCode: undefined,
        restartCount: s.restartCount,
        ready: s.ready,
        everStarted,
      };
    case 'terminated':
      return {
        state: 'terminated',
        reason: s.state.reason,
        exitCode: s.state.exitCode,
        restartCount: s.restartCount,
        ready: s.ready,
        everStarted,
      };
  }
}

/** What kubectl shows for a status view; `deletionRequested` is the API object's, which the kubelet does not write. */
export function finalState(
  view: ApiPodView | undefined,
  opts: {
    readonly gone: boolean;
    readonly deletionRequested: boolean;
    readonly containerNames: ReadonlyArray<string>;
    readonly starts: ReadonlyMap<string, number>;
  },
): FinalState {
  const containers: Record<string, FinalContainer> = {};
  if (!view) {
    for (const name of opts.containerNames)
      containers[name] = finalContainer(undefined, (opts.starts.get(name) ?? 0) > 0);
    return { phase: 'Pending', status: 'Pending', gone: opts.gone, conditions: {}, containers };
  }
  const seen: ApiPodView = { ...view, deletionRequested: opts.deletionRequested };
  const phase = computePhase(seen);
  const conditions = computeConditions(seen.conditionsFrom ?? seen, seen.conditionsPhase ?? phase);
  const status = computeStatusColumn(seen, phase, conditions);
  for (const s of [...seen.initContainers, ...seen.containers]) {
    containers[s.name] = finalContainer(s, (opts.starts.get(s.name) ?? 0) > 0);
  }
  const conditionsOut: Record<string, { status: ConditionStatus; reason: string | undefined }> = {};
  for (const [type, c] of Object.entries(conditions)) conditionsOut[type] = { status: c.status, reason: c.reason };
  return { phase, status, gone: opts.gone, conditions: conditionsOut, containers };
}
