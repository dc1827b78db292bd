/**
 * The STATUS column of `kubectl get pod` (printers.go printPod, KUBELET-FACTS §7), the simulator's
 * own implementation: init containers in spec order, regular containers sorted by name and read
 * from the last, `Completed` turned back into Running/NotReady while one still runs, Terminating.
 */
import type { ApiContainerStatus, ApiPodStatus, ApiState } from './status.ts';
import type { World } from './world.ts';

/** The STATUS text for the status as the API holds it. */
export function printPod(w: World, status: ApiPodStatus): string {
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (w.dev['status-column-phase-only']) return w.api.deletionRequested && !terminal ? 'Terminating' : status.phase;
  let reason = status.reason === '' ? status.phase : status.reason;
  let initializing = false;
  const initCount = status.init.length;
  for (let i = 0; i < initCount; i++) {
    const s = status.init[i];
    if (s === undefined) continue;
    const st = s.state;
    if (st.type === 'terminated' && st.exitCode === 0) continue;
    if (s.c.role === 'sidecar' && s.started === true) continue;
    if (st.type === 'terminated') reason = `Init:${terminatedReason(st)}`;
    else if (st.type === 'waiting' && st.reason !== '' && st.reason !== 'PodInitializing') reason = `Init:${st.reason}`;
    else reason = `Init:${i}/${initCount}`;
    initializing = true;
    break;
  }
  if (!initializing || status.conditions.Initialized.status === 'True') {
    const sorted = [...status.regular].sort(byName);
    let hasRunning = false;
    for (let i = sorted.length - 1; i >= 0; i--) {
      const s = sorted[i];
      if (s === undefined) continue;
      const st: ApiState = s.state;
      if (st.type === 'waiting' && st.reason !== '') reason = st.reason;
      else if (st.type === 'terminated') reason = terminatedReason(st);
      else if (s.ready && st.type === 'running') hasRunning = true;
    }
    if (reason === 'Completed' && hasRunning)
      reason = status.conditions.Ready.status === 'True' ? 'Running' : 'NotReady';
  }
  if (w.api.deletionRequested && !terminal) reason = 'Terminating';
  return reason;
}

function terminatedReason(st: { readonly reason: string; readonly exitCode: number }): string {
  return st.reason === '' ? `ExitCode:${st.exitCode}` : st.reason;
}

function byName(a: ApiContainerStatus, b: ApiContainerStatus): number {
  return a.c.name < b.c.name ? -1 : a.c.name > b.c.name ? 1 : 0;
}
