/** Sidecars (init containers with restartPolicy Always): start gating, restarts and shutdown order. */
import type { Rule } from './rule.ts';
import { kubeletFact } from './rule.ts';

/** The rules about sidecar containers. */
export const sidecarRules: ReadonlyArray<Rule> = [
  {
    id: 'kubelet.sidecar.start-gate',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'The init container after a sidecar starts only once the sidecar is running and either has no startupProbe or its startup result is Success; an Unknown result counts as not started.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
      kubeletFact('Corrections 16', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions'),
    ],
  },
  {
    id: 'kubelet.sidecar.keeps-running',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A sidecar keeps running alongside the init containers after it and alongside the regular containers; its liveness probe can restart it but does not gate the next init container.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
    ],
  },
  {
    id: 'kubelet.sidecar.restart-any-exit',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A sidecar that exits, with any code and under any pod restart policy, is started again (subject to CrashLoopBackOff) as long as the pod is not terminating.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §4.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
      kubeletFact('KUBELET-FACTS §3.4', 'pkg/kubelet/container/helpers.go: ShouldContainerBeRestarted'),
    ],
  },
  {
    id: 'kubelet.sidecar.stopped-when-done',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'When no regular container is kept or restarted, the kubelet kills the pod and its sidecars are stopped and not restarted, so the pod can complete.',
    sources: [kubeletFact('KUBELET-FACTS §3.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions')],
  },
  {
    id: 'kubelet.sidecar.termination-order',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    standingNote:
      'Applies to pod termination and to whole-pod kills decided inside a sync; single-container kills are unordered.',
    observable: true,
    statement:
      'In a pod with sidecars every running container starts its own preStop at the same moment; a regular container goes on to TERM as soon as its preStop is done, while a sidecar, after its preStop, also waits until every regular container and every sidecar listed after it has exited (but no longer than its remaining grace), so sidecars receive TERM last and in reverse spec order.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.4',
        'pkg/kubelet/kuberuntime/kuberuntime_termination_order.go: newTerminationOrdering, waitForTurn',
      ),
      kubeletFact('Corrections 3', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killPodWithSyncResult'),
    ],
  },
  {
    id: 'kubelet.sidecar.stop-grace',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A sidecar's stop window is what the pod's grace leaves: the grace minus whole seconds of its preStop, minus whole seconds spent waiting for its turn, but never below 2 s; at worst TERM comes at about the grace and KILL 2 s later.",
    sources: [kubeletFact('KUBELET-FACTS §3.4', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer')],
  },
  {
    id: 'kubelet.sidecar.probes-after-exit',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A sidecar's probe worker keeps running after the sidecar exits, even under `restartPolicy: Never`; an exec probe against the stopped container errors (result discarded) while HTTP and TCP probes fail.",
    sources: [kubeletFact('Corrections 7', 'pkg/kubelet/prober/worker.go: doProbe')],
  },
  {
    id: 'kubelet.sidecar.phase-carry-over',
    area: 'sidecars',
    origin: 'kubelet',
    standing: 'version-dependent',
    standingNote:
      'New in 1.35 (KEP-4781, PR #134746); on 1.33/1.34 the same pod reads Pending most of the time between restarts.',
    observable: true,
    statement:
      'The phase computation keeps a sidecar\'s previous "started" value, so a pod whose sidecar runs while its main container waits in CrashLoopBackOff stays Running.',
    sources: [kubeletFact('Corrections 6', 'pkg/kubelet/kubelet_pods.go: getPhase')],
  },
];
