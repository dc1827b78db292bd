/** Restarts and back-off: which containers come back and when. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about restarting containers. */
export const restartRules: ReadonlyArray<Rule> = [
  {
    id: 'restart.regular-per-policy',
    area: 'restart',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'The documents never define the policies for regular containers (Always restarts after any exit, OnFailure after non-zero ones); the cases stick to Always and Never, which need no definition.',
    observable: true,
    statement: 'Once a regular container has exited, it is started anew whenever the restart policy permits.',
    sources: [
      quoted(
        seedFiles.book,
        "After the container has terminated, it will be restarted if the pod's restart policy allows it.",
      ),
      quoted(
        seedFiles.runNotes,
        "When the container terminates, it is restarted, if this provided for in the pod's restart policy",
      ),
    ],
  },
  {
    id: 'restart.never-stays-terminated',
    area: 'restart',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'An exited container the policy keeps down remains Terminated.',
    sources: [quoted(seedFiles.book, 'If not, the container will remain in the Terminated state')],
  },
  {
    id: 'restart.crashloop-backoff-event',
    area: 'restart',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      "The delays themselves are not given in the documents (kubelet.backoff.sequence has the kubelet's numbers).",
    observable: true,
    statement:
      "Restarts after failures are spaced out by a back-off, which the node announces with `BackOff` events ('Back-off restarting failed container').",
    sources: [quoted(seedFiles.hookNotes, 'Back-off restarting failed container')],
  },
  {
    id: 'restart.image-pull-backoff',
    area: 'restart',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Image pulls that fail are retried indefinitely, and the interval between tries keeps growing.',
    sources: [
      quoted(
        seedFiles.concepts,
        'The Backoff part indicates that Kubernetes will keep trying to pull the image, with an increasing back-off delay.',
      ),
    ],
  },
  {
    id: 'restart.image-pull-backoff-cap',
    area: 'restart',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: 'A compiled-in constant that can change between releases.',
    observable: true,
    statement: 'Retry intervals for failed pulls stop growing at 300 s.',
    sources: [
      quoted(
        seedFiles.concepts,
        'Kubernetes raises the delay between each attempt until it reaches a compiled-in limit, which is 300 seconds (5 minutes).',
      ),
    ],
  },
  {
    id: 'restart.poststart-fail-restart',
    area: 'restart',
    origin: 'documents',
    standing: 'inferred',
    standingNote:
      'Read off the example event listing, where Created, Started and FailedPostStartHook each appear twice.',
    observable: true,
    statement:
      'After a PostStart-failure kill, a restart policy that allows restarts brings the container back the same way as after a crash, running the PostStart hook once more.',
    sources: [quoted(seedFiles.hookNotes, 'Normal Killing 4s (x2 over 5s) kubelet FailedPostStartHook')],
  },
  {
    id: 'kubelet.restart.should-restart',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'The restart decision for a regular container is no while the pod has a `deletionTimestamp` or the container is running; yes when it has no runtime record or sits in state Created or Unknown; and for an exited container yes under Always, under OnFailure only after a non-zero exit, and never under Never.',
    sources: [kubeletFact('KUBELET-FACTS §4.1', 'pkg/kubelet/container/helpers.go: ShouldContainerBeRestarted')],
  },
  {
    id: 'kubelet.restart.not-while-terminating',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'While the pod terminates nothing is restarted, sidecars included: the worker no longer runs the setup sync and the restart decision refuses once `deletionTimestamp` is set.',
    sources: [kubeletFact('KUBELET-FACTS §3.4', 'pkg/kubelet/container/helpers.go: ShouldContainerBeRestarted')],
  },
  {
    id: 'kubelet.restart.count',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "`restartCount` is the previous instance's count plus one: it counts starts after the first, not crashes.",
    sources: [kubeletFact('KUBELET-FACTS §4.4', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer')],
  },
  {
    id: 'kubelet.restart.container-rules',
    area: 'restart',
    origin: 'kubelet',
    standing: 'version-dependent',
    standingNote: 'Gate ContainerRestartRules: alpha 1.34, beta and on by default in 1.35.',
    observable: true,
    statement:
      "A container that sets its own `restartPolicy` (and optional `restartPolicyRules` matched on exit codes) is restarted by that policy instead of the pod's; Always or OnFailure on the container restarts it even under pod policy Never.",
    sources: [
      kubeletFact('KUBELET-FACTS §4.3', 'pkg/api/v1/pod/util.go: ContainerShouldRestart'),
      kubeletFact('Corrections 11', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'kubelet.restart.all-containers',
    area: 'restart',
    origin: 'kubelet',
    standing: 'version-dependent',
    standingNote:
      'Gate RestartAllContainersOnContainerExits is alpha and off in 1.35 (beta in 1.36), so the default target never does this.',
    observable: false,
    statement:
      'A restart rule with action RestartAllContainers restarts the pod in place on a matching exit: running containers are killed with a grace override of 0 (no preStop, each still gets a 2 s stop window, Killing "killing"), and the init containers then run again in order with the same sandbox, IP and volumes.',
    sources: [
      kubeletFact('Corrections 14', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
      kubeletFact('KUBELET-FACTS §4.3', 'pkg/api/v1/pod/util.go: findMatchingContainerRestartRule'),
    ],
  },
  {
    id: 'kubelet.backoff.first-restart-immediate',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'The first restart of a crashed container is immediate: the back-off entry is created only at that restart.',
    sources: [
      kubeletFact('KUBELET-FACTS §4.4', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: doBackOff'),
      kubeletFact('Corrections 10', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: doBackOff'),
    ],
  },
  {
    id: 'kubelet.backoff.sequence',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "The delays between a container's exit and its restart are 0, 10, 20, 40, 80, 160, 300, 300, … seconds, each measured from the exited instance's `finishedAt`, without jitter.",
    sources: [
      kubeletFact('KUBELET-FACTS §4.4', 'staging/src/k8s.io/client-go/util/flowcontrol/backoff.go: Next'),
      kubeletFact('KUBELET-FACTS §13', 'pkg/kubelet/kubelet.go: initialCrashLoopBackOff, MaxCrashLoopBackOff'),
    ],
  },
  {
    id: 'kubelet.backoff.requeue-at-expiry',
    area: 'restart',
    origin: 'kubelet',
    standing: 'version-dependent',
    standingNote:
      'Known from the PR #133066 diff; no 1.35 copy of pod_workers.go was read, and whether the 60 s cap of newer copies is in 1.35 is not verified.',
    observable: true,
    statement:
      "A pod found in CrashLoopBackOff is requeued for the back-off's expiry (the exited instance's `finishedAt` plus the current back-off) × U[1, 1.5), so the restart comes at most half the remaining wait late, plus the sync ticker and relist delays.",
    sources: [
      kubeletFact('Corrections 10', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: doBackOff'),
      kubeletFact('Corrections 10', 'pkg/kubelet/pod_workers.go: completeWork'),
    ],
  },
  {
    id: 'kubelet.backoff.event',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Each sync that finds a container still in back-off emits Warning `BackOff` "Back-off restarting failed container NAME in pod POD_NS(UID)" and leaves it waiting with reason CrashLoopBackOff ("back-off Ns restarting failed container=NAME pod=…").',
    sources: [kubeletFact('KUBELET-FACTS §4.4', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: doBackOff')],
  },
  {
    id: 'kubelet.backoff.reset',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A back-off entry last updated more than 600 s before the container's new `finishedAt` counts as fresh: the container restarts at once and the sequence starts over.",
    sources: [kubeletFact('KUBELET-FACTS §4.4', 'pkg/kubelet/kubelet.go: NewMainKubelet (HasExpiredFunc)')],
  },
  {
    id: 'kubelet.backoff.key-per-spec',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      "The back-off is kept per pod, container name and container spec hash, so changing the container's image starts a fresh back-off.",
    sources: [kubeletFact('KUBELET-FACTS §4.4', 'pkg/kubelet/kuberuntime/helpers.go: GetStableKey')],
  },
  {
    id: 'kubelet.backoff.gates',
    area: 'restart',
    origin: 'kubelet',
    standing: 'version-dependent',
    standingNote:
      'ReduceDefaultCrashLoopBackOffDecay is alpha and off; KubeletCrashLoopBackOffMax is beta and on in 1.35 with a default of 300 s.',
    observable: false,
    statement:
      'Feature gates can change the back-off numbers: ReduceDefaultCrashLoopBackOffDecay makes them 1 s / 60 s, KubeletCrashLoopBackOffMax lets the kubelet configuration set the maximum (1–300 s).',
    sources: [
      kubeletFact('KUBELET-FACTS §4.4', 'pkg/kubelet/kubelet.go: newCrashLoopBackOff'),
      kubeletFact('KUBELET-FACTS §12.5', 'pkg/kubelet/kubelet.go: newCrashLoopBackOff'),
    ],
  },
];
