/**
 * The STATUS, READY and RESTARTS columns of `kubectl get pod`, restated from
 * `pkg/printers/internalversion/printers.go: printPod` (KUBELET-FACTS §7).
 */
import type { Phase } from '../../vocabulary/index.ts';
import type { ApiContainerStatus, ApiPodView } from './api-view.ts';
import type { PodConditions } from './conditions.ts';
import { computeConditions } from './conditions.ts';
import { computePhase, isTerminalPhase } from './phase.ts';

/** `node.NodeUnreachablePodReason`: a deleted pod with this status.reason prints as `Unknown`. */
const nodeLostReason = 'NodeLost';

interface PrintedPod {
  readonly status: string;
  readonly readyContainers: number;
  readonly totalContainers: number;
  readonly restarts: number;
}

/** The STATUS column kubectl prints for this status, phase and conditions. */
export function computeStatusColumn(view: ApiPodView, phase: Phase, conditions: PodConditions): string {
  return printPod(view, phase, conditions).status;
}

/** The READY column, `ready/total`, where total counts regular containers and sidecars. */
export function readyColumn(view: ApiPodView, conditions: PodConditions = conditionsOf(view)): string {
  // READY does not depend on the phase, only on the Initialized condition (whether regular containers are scanned).
  const printed = printPod(view, computePhase(view), conditions);
  return `${printed.readyContainers}/${printed.totalContainers}`;
}

/** The RESTARTS column's number (kubectl appends "(X ago)" from the newest lastState, not modelled here). */
export function restartsColumn(view: ApiPodView, conditions: PodConditions = conditionsOf(view)): number {
  return printPod(view, computePhase(view), conditions).restarts;
}

function conditionsOf(view: ApiPodView): PodConditions {
  return computeConditions(view, computePhase(view));
}

/** Go's string order (bytes); container names are ASCII DNS labels, where UTF-16 order is the same. */
function byName(a: ApiContainerStatus, b: ApiContainerStatus): number {
  if (a.name < b.name) return -1;
  return a.name > b.name ? 1 : 0;
}

function terminatedLabel(exitCode: number, signal: number | undefined): string {
  return signal !== undefined && signal !== 0 ? `Signal:${signal}` : `ExitCode:${exitCode}`;
}

function printPod(view: ApiPodView, phase: Phase, conditions: PodConditions): PrintedPod {
  // status.reason is only ever set here by a forced phase (DeadlineExceeded, Evicted); SchedulingGated cannot occur
  // on a pod that reached the node.
  const statusReason = view.forcedPhase?.reason ?? '';
  let reason: string = statusReason !== '' ? statusReason : phase;
  const totalContainers = view.containers.length + view.initContainers.filter((s) => s.role === 'sidecar').length;
  let readyContainers = 0;
  let restarts = 0;
  let sidecarRestarts = 0;

  // Init statuses in spec order; the scan stops at the first unfinished one, so restarts and readiness of init
  // containers after it are never looked at.
  let initializing = false;
  for (const [i, s] of view.initContainers.entries()) {
    restarts += s.restartCount;
    if (s.role === 'sidecar') sidecarRestarts += s.restartCount;
    if (s.state.type === 'terminated' && s.state.exitCode === 0) continue;
    if (s.role === 'sidecar' && s.started) {
      if (s.ready) readyContainers++;
      continue;
    }
    if (s.state.type === 'terminated') {
      const r = s.state.reason ?? '';
      reason = r !== '' ? `Init:${r}` : `Init:${terminatedLabel(s.state.exitCode, s.state.signal)}`;
    } else if (s.state.type === 'waiting' && (s.state.reason ?? '') !== '' && s.state.reason !== 'PodInitializing') {
      reason = `Init:${s.state.reason ?? ''}`;
    } else {
      // M counts every init container, sidecars included.
      reason = `Init:${i}/${view.initContainers.length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditions.Initialized.status === 'True') {
    // Regular init containers' restarts drop out once the pod is initialized; sidecars' stay.
    restarts = sidecarRestarts;
    let hasRunning = false;
    // The kubelet sorts ContainerStatuses by name and kubectl scans them from last to first, so the alphabetically
    // first container that is not running decides.
    const byNameDescending = [...view.containers].sort(byName).reverse();
    for (const s of byNameDescending) {
      restarts += s.restartCount;
      const state = s.state;
      if (state.type === 'waiting' && (state.reason ?? '') !== '') {
        reason = state.reason ?? '';
      } else if (state.type === 'terminated') {
        const r = state.reason ?? '';
        reason = r !== '' ? r : terminatedLabel(state.exitCode, state.signal);
      } else if (s.ready && state.type === 'running') {
        hasRunning = true;
        readyContainers++;
      }
    }
    if (reason === 'Completed' && hasRunning) {
      reason = conditions.Ready.status === 'True' ? 'Running' : 'NotReady';
    }
  }

  if (view.deletionRequested && statusReason === nodeLostReason) {
    reason = 'Unknown';
  } else if (view.deletionRequested && !isTerminalPhase(phase)) {
    reason = 'Terminating';
  }
  return { status: reason, readyContainers, totalContainers, restarts };
}
