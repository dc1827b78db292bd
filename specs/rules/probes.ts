/** Startup, liveness and readiness probes: when they run, when results count, what a failure does. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about probes. */
export const probeRules: ReadonlyArray<Rule> = [
  {
    id: 'probe.startup-starts-with-container',
    area: 'probes',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'A configured startup probe starts running at the same moment as the main process and the PostStart hook.',
    sources: [
      quoted(
        seedFiles.book,
        'Together with the main container and the potential post-start hook process, the startup probe, if defined for the container, is started.',
      ),
    ],
  },
  {
    id: 'probe.liveness-after-startup',
    area: 'probes',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Liveness checks are held off until the startup probe succeeds; without a startup probe they begin immediately.',
    sources: [
      quoted(
        seedFiles.book,
        'When the startup probe is successful, or if the startup probe is not configured, the liveness probe is started.',
      ),
    ],
  },
  {
    id: 'probe.failure-threshold-terminates',
    area: 'probes',
    origin: 'documents',
    standing: 'firm',
    standingNote: "000 misprints the subject as 'the startup of the liveness probe'; 001 has 'startup or liveness'.",
    observable: true,
    statement:
      "Reaching `failureThreshold` consecutive failures of the startup or liveness probe causes the container's termination.",
    sources: [
      quoted(
        seedFiles.book,
        'If the startup or the liveness probe fails so often that it reaches the configured failure threshold, the container is terminated.',
      ),
    ],
  },
  {
    id: 'probe.restart-per-policy',
    area: 'probes',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: "Whether a probe-killed container comes back is the pod restart policy's call, as for any other exit.",
    sources: [
      quoted(
        seedFiles.book,
        "As with init containers, the pod's restartPolicy determines whether the container is then restarted or not.",
      ),
    ],
  },
  {
    id: 'probe.termination-sequence',
    area: 'probes',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote:
      "Newer Kubernetes lets a probe-level terminationGracePeriodSeconds replace the pod's value, which the documents do not mention (kubelet.grace.probe-override).",
    observable: true,
    statement:
      'Termination caused by a probe uses the deletion procedure (PreStop, then TERM, then KILL when the grace runs out), budgeted by `terminationGracePeriodSeconds`.',
    sources: [
      quoted(
        seedFiles.book,
        'follows the same sequence as when the container is terminated because it has failed its liveness probe',
      ),
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
  },
  {
    id: 'kubelet.probe.defaults',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Probe fields default to timeout 1 s, period 10 s, success threshold 1, failure threshold 3 and no initial delay; liveness and startup must use a success threshold of 1.',
    sources: [kubeletFact('KUBELET-FACTS §6.1', 'pkg/apis/core/v1/defaults.go: SetDefaults_Probe')],
  },
  {
    id: 'kubelet.probe.worker-ticks',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'One worker per container and probe type is created before the container exists; it probes immediately and then every `periodSeconds`, starting from readiness Failure, liveness Success and startup Unknown, and resets to those values for each new container instance.',
    sources: [
      kubeletFact('KUBELET-FACTS §6.2', 'pkg/kubelet/prober/worker.go: run, newWorker'),
      kubeletFact('KUBELET-FACTS §13', 'pkg/kubelet/prober/worker.go: newWorker'),
    ],
  },
  {
    id: 'kubelet.probe.initial-delay',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A tick is skipped while the whole seconds since the container's `startedAt` are fewer than `initialDelaySeconds`.",
    sources: [kubeletFact('KUBELET-FACTS §6.2', 'pkg/kubelet/prober/worker.go: doProbe')],
  },
  {
    id: 'kubelet.probe.startup-gates',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "Until a container counts as started, its liveness and readiness workers skip their ticks; once it has started, the startup worker skips; a container with a startup probe counts as started (`started: true`) only when that probe's published result is Success.",
    sources: [
      kubeletFact('KUBELET-FACTS §6.2', 'pkg/kubelet/prober/worker.go: doProbe'),
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/prober/prober_manager.go: isContainerStarted'),
    ],
  },
  {
    id: 'kubelet.probe.threshold',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A result is published only after `failureThreshold` consecutive Failures or `successThreshold` consecutive Successes; after a published liveness Failure or any published startup result the worker holds until a new container instance appears.',
    sources: [kubeletFact('KUBELET-FACTS §6.2', 'pkg/kubelet/prober/worker.go: doProbe')],
  },
  {
    id: 'kubelet.probe.errors-not-counted',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A probe attempt that errors (after up to 3 internal retries) is thrown away: the cached result and the consecutive counter stay as they were, so errors never count towards `failureThreshold`.',
    sources: [
      kubeletFact('Corrections 12', 'pkg/kubelet/prober/worker.go: doProbe'),
      kubeletFact('KUBELET-FACTS §6.2', 'pkg/kubelet/prober/prober.go: maxProbeRetries'),
    ],
  },
  {
    id: 'kubelet.probe.liveness-kill',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A published liveness Failure makes the next sync kill the container with reason LivenessProbe ("Container NAME failed liveness probe", plus ", will be restarted" unless the policy is Never); the restart then follows the policy and back-off.',
    sources: [
      kubeletFact('KUBELET-FACTS §3.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'kubelet.probe.startup-kill',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A published startup Failure makes the next sync kill the container with reason StartupProbe ("Container NAME failed startup probe", plus ", will be restarted" unless the policy is Never); the restart then follows the policy and back-off.',
    sources: [
      kubeletFact('KUBELET-FACTS §3.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'kubelet.probe.readiness',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A started, running container is ready when its readiness result is Success or it has no readiness probe, and not ready otherwise; a readiness Success before the container has started does not make it ready.',
    sources: [
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/prober/prober_manager.go: UpdatePodStatus'),
      kubeletFact('Corrections 7', 'pkg/kubelet/prober/prober_manager.go: UpdatePodStatus'),
    ],
  },
  {
    id: 'kubelet.probe.stop-on-delete',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'When the pod starts terminating, liveness and startup probing stop (a worker that sees `deletionTimestamp` caches Success and exits), so they can no longer kill a container during the grace period.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.3', 'pkg/kubelet/kubelet.go: SyncTerminatingPod (StopLivenessAndStartup)'),
      kubeletFact('KUBELET-FACTS §6.2', 'pkg/kubelet/prober/worker.go: doProbe'),
    ],
  },
  {
    id: 'kubelet.probe.readiness-during-termination',
    area: 'probes',
    origin: 'kubelet',
    standing: 'firm',
    standingNote:
      "The docs' sentence about a deleted pod becoming unready describes the EndpointSlice view, which marks terminating endpoints not ready.",
    observable: true,
    statement:
      'Readiness probing goes on while the pod terminates, until the containers stop; the kubelet does not force `Ready` to False on deletion.',
    sources: [
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/kubelet.go: SyncTerminatingPod'),
      kubeletFact('KUBELET-FACTS §12.8', 'pkg/kubelet/prober/prober_manager.go: UpdatePodStatus'),
    ],
  },
];
