/**
 * What one sync does, decided from one snapshot (kuberuntime_manager.go computePodActions and
 * kuberuntime_container.go computeInitContainerActions, KUBELET-FACTS §3.2, §3.3, Corrections 2,
 * 11, 16): which init and regular containers to start, which to kill first, or kill the whole pod.
 */
import type { KillReason } from './kill.ts';
import type { ContainerInfo } from './pod-info.ts';
import { effectivePolicy, policyRestarts, shouldContainerBeRestarted } from './restart-policy.ts';
import type { Instance } from './runtime.ts';
import type { ContainerView, Snapshot } from './snapshot.ts';
import type { World } from './world.ts';

/** A container to kill before anything is started. */
export interface KillAction {
  readonly inst: Instance;
  readonly message: string;
  readonly reason: KillReason;
}

/** The decisions of one sync. */
export interface PodActions {
  killPod: boolean;
  initToStart: ContainerInfo[];
  readonly containersToStart: ContainerInfo[];
  readonly toKill: KillAction[];
}

const none: ContainerView = {
  latest: undefined,
  latestState: undefined,
  previous: undefined,
  previousState: undefined,
  newestExited: undefined,
};

/** computePodActions for the snapshot. */
export function computePodActions(w: World, snap: Snapshot): PodActions {
  const a: PodActions = { killPod: false, initToStart: [], containersToStart: [], toKill: [] };
  if (w.dev['init-rerun-on-app-restart']) markReinit(w, snap);
  const initialized = computeInitContainerActions(w, snap, a);
  if (a.killPod || !initialized) return a;
  let keep = 0;
  for (const c of w.pod.regular) {
    const v = snap.of(c);
    if (v.latest === undefined || v.latestState !== 'running') {
      if (shouldContainerBeRestarted(w, c, v)) a.containersToStart.push(c);
      continue;
    }
    const id = v.latest.id;
    let message: string;
    let reason: KillReason;
    if (w.prober.liveness.get(id) === 'Failure') {
      message = `Container ${c.name} failed liveness probe`;
      reason = 'LivenessProbe';
    } else if (w.prober.startup.get(id) === 'Failure') {
      message = `Container ${c.name} failed startup probe`;
      reason = 'StartupProbe';
    } else if (w.dev['readiness-failure-restarts'] && w.prober.readinessFailurePublished(id)) {
      message = `Container ${c.name} failed readiness probe`;
      reason = 'LivenessProbe';
    } else {
      keep++;
      continue;
    }
    // the container's own policy, if it sets one, decides (Corrections 11)
    if (effectivePolicy(w, c) !== 'Never') {
      message += ', will be restarted';
      a.containersToStart.push(c);
    }
    a.toKill.push({ inst: v.latest, message, reason });
  }
  if (keep === 0 && a.containersToStart.length === 0) {
    // nothing runs and nothing will: stop the rest (sidecars are not restarted then)
    a.killPod = true;
    a.initToStart = [];
  }
  return a;
}

/** computeInitContainerActions: walks the init containers from the last; returns whether the pod is initialized. */
function computeInitContainerActions(w: World, snap: Snapshot, a: PodActions): boolean {
  const inits = w.pod.init;
  if (inits.length === 0) return true;
  if (w.dev['init-parallel']) return parallelInit(w, snap, a);
  // Exited regular containers do not count: after a reboot everything is Exited
  let podHasInitialized = false;
  for (const c of w.pod.regular) {
    const v = view(w, snap, c);
    if (v.latestState === 'created' || v.latestState === 'running') {
      podHasInitialized = true;
      break;
    }
  }
  let previouslyInitialized = podHasInitialized;
  const starts: ContainerInfo[] = [];
  for (let i = inits.length - 1; i >= 0; i--) {
    const c = inits[i];
    if (c === undefined) continue;
    const sidecar = c.role === 'sidecar' && !w.dev['sidecar-blocks-next-init'];
    const v = view(w, snap, c);
    const inst = v.latest;
    if (inst === undefined) {
      if (previouslyInitialized && sidecar) starts.push(c);
      continue;
    }
    if (previouslyInitialized && !sidecar) continue;
    switch (v.latestState) {
      case 'created':
      case undefined:
        starts.push(c);
        break;
      case 'running': {
        if (!sidecar) break;
        if (c.spec.startupProbe !== undefined && !w.dev['sidecar-startup-not-awaited']) {
          const startup = w.prober.startup.get(inst.id);
          // Unknown counts as not yet run (Corrections 16)
          if (startup !== 'Success') {
            if (startup === 'Failure') {
              a.toKill.push({ inst, message: `Init container ${c.name} failed startup probe`, reason: 'StartupProbe' });
              starts.push(c);
            }
            break;
          }
        }
        if (i === inits.length - 1) podHasInitialized = true;
        else if (!previouslyInitialized) pushNext(inits, i, starts);
        // liveness does not gate the next init container
        if (c.spec.livenessProbe !== undefined && w.prober.liveness.get(inst.id) === 'Failure') {
          a.toKill.push({ inst, message: `Init container ${c.name} failed liveness probe`, reason: 'LivenessProbe' });
          starts.push(c);
        }
        break;
      }
      case 'exited':
        if (sidecar) {
          starts.push(c);
          break;
        }
        if (inst.exitCode !== 0) {
          if (!policyRestarts(w, c, inst.exitCode)) {
            a.killPod = true;
            a.initToStart = [];
            return false;
          }
          starts.push(c);
          break;
        }
        if (i === inits.length - 1) podHasInitialized = true;
        else pushNext(inits, i, starts);
        break;
    }
    previouslyInitialized = true;
  }
  if (!previouslyInitialized) pushNext(inits, -1, starts);
  a.initToStart = starts.reverse();
  return podHasInitialized;
}

function pushNext(inits: ReadonlyArray<ContainerInfo>, i: number, starts: ContainerInfo[]): void {
  const next = inits[i + 1];
  if (next !== undefined) starts.push(next);
}

/** Deviation `init-parallel`: every init container without a record is started in one go. */
function parallelInit(w: World, snap: Snapshot, a: PodActions): boolean {
  let done = true;
  for (const c of w.pod.init) {
    const v = view(w, snap, c);
    const inst = v.latest;
    if (inst === undefined || v.latestState === 'created') {
      a.initToStart.push(c);
      done = false;
    } else if (v.latestState === 'running') {
      if (c.role === 'init') done = false;
    } else if (c.role === 'sidecar') {
      a.initToStart.push(c);
    } else if (inst.exitCode !== 0) {
      done = false;
      if (!policyRestarts(w, c, inst.exitCode)) {
        a.killPod = true;
        a.initToStart = [];
        return false;
      }
      a.initToStart.push(c);
    }
  }
  return done;
}

/** Deviation `init-rerun-on-app-restart`: a regular container due for a restart sends the pod back to init. */
function markReinit(w: World, snap: Snapshot): void {
  for (const c of w.pod.regular) {
    const v = snap.of(c);
    const inst = v.latest;
    if (inst === undefined || v.latestState !== 'exited' || inst.finishedAt <= w.worker.reinitAfter) continue;
    if (shouldContainerBeRestarted(w, c, v)) w.worker.reinitAfter = inst.finishedAt;
  }
}

/** The snapshot's view, minus what a re-initialisation forgot (deviation `init-rerun-on-app-restart`). */
function view(w: World, snap: Snapshot, c: ContainerInfo): ContainerView {
  const v = snap.of(c);
  if (v.latest !== undefined && v.latest.createdAt < w.worker.reinitAfter) return none;
  return v;
}
