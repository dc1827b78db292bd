/**
 * What one sync does, decided from the current state: which init container or sidecar to start next,
 * which regular containers to (re)start, which to kill after a probe failure, and whether the whole
 * pod is killed because nothing is left to run (KUBELET-FACTS §3.2, §3.3, §4; init.*, run.*,
 * kubelet.sidecar.*, kubelet.kill.whole-pod-never).
 */
import type { ProbeType } from '../vocabulary/index.ts';
import type { MessageTemplate } from '../vocabulary/index.ts';
import { killingMessage } from './messages.ts';
import { probeFailure, isStarted } from './probes.ts';
import { willRestart } from './restart-policy.ts';
import type { ContainerModel, PodModel } from './state.ts';

export interface PlannedKill {
  readonly container: ContainerModel;
  readonly message: MessageTemplate;
  readonly probe: ProbeType;
}

export type SyncPlan =
  | { readonly type: 'killPod'; readonly rule: string }
  | {
      readonly type: 'act';
      readonly kills: ReadonlyArray<PlannedKill>;
      readonly starts: ReadonlyArray<ContainerModel>;
      readonly initialized: boolean;
    };

function probeKill(c: ContainerModel, probe: ProbeType, restart: boolean): PlannedKill {
  const what = probe === 'livenessProbe' ? 'liveness' : 'startup';
  const message =
    c.spec.role === 'sidecar'
      ? `Init container ${c.spec.name} failed ${what} probe`
      : `Container ${c.spec.name} failed ${what} probe${restart ? ', will be restarted' : ''}`;
  return { container: c, message: killingMessage(message), probe };
}

export function decide(pod: PodModel): SyncPlan {
  const kills: PlannedKill[] = [];
  const starts: ContainerModel[] = [];
  const inits = pod.containers.filter((c) => c.spec.role !== 'regular');
  // computeInitContainerActions takes the pod as initialized when a regular container is Created or Running in the
  // runtime; an Exited one does not count (it cannot tell an old sandbox's containers from the current one's), so a
  // sidecar that exits while no regular container runs gates the regular containers again (KUBELET-FACTS §3.2)
  const podHasInitialized = pod.containers.some(
    (c) => c.spec.role === 'regular' && (c.runtime === 'running' || c.runtime === 'created'),
  );
  let initialized = true;
  for (const c of inits) {
    if (c.spec.role === 'init') {
      if (c.runtime === 'exited' && c.exitCode === 0) continue;
      if (podHasInitialized) continue;
      if (c.runtime === 'running' || c.runtime === 'created') {
        initialized = false;
        break;
      }
      if (c.runtime === 'exited' && (c.spec.restartPolicy ?? pod.scenario.pod.restartPolicy) === 'Never') {
        return { type: 'killPod', rule: 'kubelet.init.never-failure-kills-pod' };
      }
      starts.push(c);
      initialized = false;
      break;
    }
    // sidecar
    if (c.runtime === 'running') {
      const failed = c.killing ? undefined : probeFailure(c);
      if (failed) {
        kills.push(probeKill(c, failed, true));
        starts.push(c);
        if (!podHasInitialized) {
          initialized = false;
          break;
        }
        continue;
      }
      if (!isStarted(c) && !podHasInitialized) {
        initialized = false;
        break;
      }
      continue;
    }
    starts.push(c);
    if (!podHasInitialized) {
      initialized = false;
      break;
    }
  }
  if (!initialized) return { type: 'act', kills, starts, initialized };

  let kept = 0;
  for (const c of pod.containers) {
    if (c.spec.role !== 'regular') continue;
    if (c.runtime === 'running') {
      const failed = c.killing ? undefined : probeFailure(c);
      if (!failed) {
        kept += 1;
        continue;
      }
      // a container's own restartPolicy replaces the pod's here (Corrections 11)
      const restart = (c.spec.restartPolicy ?? pod.scenario.pod.restartPolicy) !== 'Never';
      kills.push(probeKill(c, failed, restart));
      if (restart) starts.push(c);
      continue;
    }
    if (willRestart(pod, c)) starts.push(c);
  }
  const regularStarts = starts.filter((c) => c.spec.role === 'regular').length;
  if (kept === 0 && regularStarts === 0) {
    return { type: 'killPod', rule: 'kubelet.kill.whole-pod-never' };
  }
  return { type: 'act', kills, starts, initialized };
}
