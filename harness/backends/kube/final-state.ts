/**
 * The final state of a scenario from the last pod object the suite saw (at observeFor, or the object a watch
 * delivered with DELETED): phase, the STATUS column, every condition with its reason, and per container its state,
 * reason, exit code, restart count, readiness and whether it ever started.
 */
import type { ConditionStatus, ObservedContainer, ObservedFinal } from '../../../specs/vocabulary/index.ts';
import { statusColumn } from './status-column.ts';
import { timestampSeconds, type WireContainerState, type WireContainerStatus, type WirePod } from './wire.ts';

function conditionStatus(status: string): ConditionStatus | undefined {
  return status === 'True' || status === 'False' || status === 'Unknown' ? status : undefined;
}

/**
 * Whether a state shows a process that ran: running, or terminated with a real `startedAt` (a container whose
 * start failed, StartError, carries the zero time, 1970-01-01T00:00:00Z, and the kubelet's ContainerStatusUnknown
 * carries none).
 */
function showsStart(state: WireContainerState | undefined): boolean {
  if (state === undefined) return false;
  if (state.running) return true;
  const started = timestampSeconds(state.terminated?.startedAt);
  return started !== undefined && started > 0;
}

function observedContainer(s: WireContainerStatus, markedStart: boolean): ObservedContainer {
  const state = s.state ?? {};
  const everStarted = markedStart || showsStart(s.state) || showsStart(s.lastState);
  const common = { restartCount: s.restartCount, ready: s.ready, everStarted };
  if (state.terminated) {
    const reason = state.terminated.reason;
    return {
      state: 'terminated',
      exitCode: state.terminated.exitCode,
      ...(reason === undefined || reason === '' ? {} : { reason }),
      ...common,
    };
  }
  if (state.running) return { state: 'running', ...common };
  if (state.waiting) {
    const reason = state.waiting.reason;
    return { state: 'waiting', ...(reason === undefined || reason === '' ? {} : { reason }), ...common };
  }
  // An empty state says nothing about which state the container is in.
  return common;
}

/**
 * The observed final state. `startedContainers` are the containers whose `started` marker was read (a start the
 * API may no longer show once lastState moved on); `gone` is whether the object no longer existed at the end.
 */
export function finalState(
  pod: WirePod | undefined,
  options: { readonly gone: boolean; readonly startedContainers: ReadonlySet<string> },
): ObservedFinal {
  if (pod === undefined) return { gone: options.gone };
  const status = pod.status ?? {};
  const conditions: Record<string, { status: ConditionStatus; reason?: string }> = {};
  for (const c of status.conditions ?? []) {
    const value = conditionStatus(c.status);
    if (value === undefined) continue;
    conditions[c.type] =
      c.reason === undefined || c.reason === '' ? { status: value } : { status: value, reason: c.reason };
  }
  const containers: Record<string, ObservedContainer> = {};
  for (const s of [...(status.initContainerStatuses ?? []), ...(status.containerStatuses ?? [])]) {
    containers[s.name] = observedContainer(s, options.startedContainers.has(s.name));
  }
  return {
    ...(status.phase === undefined || status.phase === '' ? {} : { phase: status.phase }),
    status: statusColumn(pod),
    gone: options.gone,
    conditions,
    containers,
  };
}
