/**
 * The STATUS column of `kubectl get pod`, computed from the pod object exactly as the API returns it: kubectl's
 * `printPod` (pkg/printers/internalversion/printers.go; KUBELET-FACTS §7) restated over the wire form. It is the
 * kube backend's own reading of the object, kept apart from the model's status view so that the model's printer
 * is judged against kubectl's rules rather than against itself.
 */
import type { WireContainerStatus, WireCondition, WirePod, WireTerminated } from './wire.ts';

// node.NodeUnreachablePodReason: a deleted pod with this status.reason prints as Unknown.
const nodeLostReason = 'NodeLost';

function terminatedText(t: WireTerminated): string {
  if (t.reason !== undefined && t.reason !== '') return t.reason;
  return t.signal !== undefined && t.signal !== 0 ? `Signal:${t.signal}` : `ExitCode:${t.exitCode}`;
}

function conditionTrue(conditions: ReadonlyArray<WireCondition>, type: string): boolean {
  return conditions.some((c) => c.type === type && c.status === 'True');
}

/** The text kubectl prints in the STATUS column for this pod object. */
export function statusColumn(pod: WirePod): string {
  const status = pod.status ?? {};
  const conditions = status.conditions ?? [];
  const phase = status.phase ?? '';
  let reason = status.reason !== undefined && status.reason !== '' ? status.reason : phase;
  if (conditions.some((c) => c.type === 'PodScheduled' && c.reason === 'SchedulingGated')) reason = 'SchedulingGated';

  const initSpecs = pod.spec?.initContainers ?? [];
  const restartable = new Set(initSpecs.filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (const [i, s] of initStatuses.entries()) {
    const state = s.state ?? {};
    if (state.terminated && state.terminated.exitCode === 0) continue;
    if (restartable.has(s.name) && s.started === true) continue;
    if (state.terminated) {
      reason = `Init:${terminatedText(state.terminated)}`;
    } else if (state.waiting && (state.waiting.reason ?? '') !== '' && state.waiting.reason !== 'PodInitializing') {
      reason = `Init:${state.waiting.reason ?? ''}`;
    } else {
      // M is the number of init containers in the spec, sidecars included.
      reason = `Init:${i}/${initSpecs.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(conditions, 'Initialized')) {
    let hasRunning = false;
    // kubectl reads containerStatuses from the last to the first, in the order the API holds them (the kubelet
    // sorts them by name), so the first one that is not running decides.
    const statuses: ReadonlyArray<WireContainerStatus> = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const s = statuses[i];
      if (s === undefined) continue;
      const state = s.state ?? {};
      if (state.waiting && (state.waiting.reason ?? '') !== '') reason = state.waiting.reason ?? '';
      else if (state.terminated) reason = terminatedText(state.terminated);
      else if (s.ready && state.running) hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning) reason = conditionTrue(conditions, 'Ready') ? 'Running' : 'NotReady';
  }

  const deleting = pod.metadata.deletionTimestamp !== undefined && pod.metadata.deletionTimestamp !== null;
  const terminal = phase === 'Succeeded' || phase === 'Failed';
  if (deleting && status.reason === nodeLostReason) reason = 'Unknown';
  else if (deleting && !terminal) reason = 'Terminating';
  return reason;
}
