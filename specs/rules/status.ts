/** What the API and kubectl show: container states, phase, conditions and the STATUS column. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about pod and container status. */
export const statusRules: ReadonlyArray<Rule> = [
  {
    id: 'status.init-error-never',
    area: 'status',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "Under restart policy Never, a failed init container leaves the pod's STATUS at `Init:Error` permanently.",
    sources: [quoted(seedFiles.book, "The pod's status is displayed as Init:Error indefinitely.")],
  },
  {
    id: 'status.terminating',
    area: 'status',
    origin: 'documents',
    standing: 'firm',
    standingNote: "Called a phase in 002 and 003, but kubectl's STATUS column is the only place it exists.",
    observable: true,
    statement: "Between the delete request and the pod's disappearance, kubectl's STATUS reads Terminating.",
    sources: [
      quoted(seedFiles.book, 'its status is changed to Terminating'),
      kubeletFact('KUBELET-FACTS §7', 'pkg/printers/internalversion/printers.go: printPod'),
    ],
    divergence: {
      documented: 'The pod shows Terminating until it is gone.',
      kubelet:
        'kubectl shows Terminating only while the phase is not terminal; once the containers have stopped and the kubelet has set Succeeded or Failed, the column shows the container-derived label (Completed, Error) until the object is removed.',
    },
  },
  {
    id: 'status.poststart-fail-never-completed',
    area: 'status',
    origin: 'documents',
    standing: 'disputed',
    standingNote:
      "Holds only when the killed main process exits 0 on TERM, as the book's sample app does; otherwise STATUS reads Error. Both texts also misname the PostStart hook as the 'startup hook'.",
    observable: true,
    statement: "Under restart policy Never, after a PostStart failure the pod's STATUS reads `Completed`.",
    sources: [
      quoted(seedFiles.book, "the pod's status is shown as Completed even though the post-start hook failed"),
      quoted(seedFiles.runNotes, "the pod's status is shown as `Completed` even though the post-start hook failed"),
      kubeletFact('KUBELET-FACTS §11.1', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
      kubeletFact('KUBELET-FACTS §2.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
    divergence: {
      documented: 'The pod is shown as Completed after the failed PostStart hook.',
      kubelet:
        "The container is stopped like any kill and keeps the runtime's terminated reason: Completed (phase Succeeded) only if the main process exits 0 on TERM; exit 143 or a KILL (137) gives Error and phase Failed.",
    },
  },
  {
    id: 'status.image-pull-backoff',
    area: 'status',
    origin: 'documents',
    standing: 'firm',
    standingNote: 'The body spells it ImagePullBackoff, the heading ImagePullBackOff.',
    observable: true,
    statement:
      'An unpullable image (wrong name, absent pull secret, …) leaves its container waiting, reason `ImagePullBackOff`.',
    sources: [
      quoted(
        seedFiles.concepts,
        'The status ImagePullBackoff means that a container could not start because Kubernetes could not pull a container image',
      ),
      kubeletFact('KUBELET-FACTS §9.2', 'pkg/kubelet/images/image_manager.go: pullImage'),
      kubeletFact('KUBELET-FACTS §9.4', 'pkg/kubelet/images/image_manager.go: pullImage'),
    ],
    divergence: {
      documented: 'The container waits with reason ImagePullBackoff.',
      kubelet:
        'Right after each failed attempt the reason is ErrImagePull; only between attempts, while the pull back-off runs, is it ImagePullBackOff (with a capital O).',
    },
  },
  {
    id: 'kubelet.sync.status-before-actions',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A sync computes and writes the pod's API status from the runtime as it was before the sync acts, so while that sync blocks (a pull, a postStart hook) the API keeps showing the earlier state, such as ContainerCreating.",
    sources: [kubeletFact('KUBELET-FACTS §1.3', 'pkg/kubelet/kubelet.go: SyncPod (generateAPIPodStatus)')],
  },
  {
    id: 'kubelet.start.error-reasons',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A start that fails after the pull yields a waiting reason naming the step (CreateContainerConfigError, CreateContainerError, PreCreateHookError, PreStartHookError, RunContainerError, PostStartHookError) and a Warning `Failed` event "Error: <reason or message>".',
    sources: [
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
      kubeletFact('KUBELET-FACTS §8.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
  },
  {
    id: 'kubelet.status.container-state',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "Container statuses start as waiting with reason PodInitializing (pod has init containers) or ContainerCreating; a runtime state Created shows waiting with no reason, Running is running, and Exited is terminated with the runtime's exit code and reason (Completed, Error, OOMKilled, StartError); the newest instance gives `state`, the one before `lastState`.",
    sources: [
      kubeletFact('KUBELET-FACTS §8.1', 'pkg/kubelet/kubelet_pods.go: convertToAPIContainerStatuses'),
      kubeletFact('KUBELET-FACTS §8.3', 'containerd CRI helpers'),
    ],
  },
  {
    id: 'kubelet.status.reason-cache',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A container that will be restarted and whose last start failed shows waiting with that error as reason and message (CrashLoopBackOff, ImagePullBackOff, PostStartHookError, …), its terminated state moving to `lastState`; under `restartPolicy: Never` it stays terminated and start errors never show.',
    sources: [
      kubeletFact('KUBELET-FACTS §8.1', 'pkg/kubelet/reason_cache.go: Update'),
      kubeletFact('KUBELET-FACTS §8.1', 'pkg/kubelet/kubelet_pods.go: convertToAPIContainerStatuses'),
    ],
  },
  {
    id: 'kubelet.status.vanished-unknown',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'A container that was running and has vanished from the runtime is recorded as terminated ContainerStatusUnknown with exit 137, and its restart count goes up unless the pod is being deleted.',
    sources: [kubeletFact('KUBELET-FACTS §8.1', 'pkg/kubelet/kubelet_pods.go: convertToAPIContainerStatuses')],
  },
  {
    id: 'kubelet.status.not-refreshed-while-terminating',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    standingNote: 'Fixed only with the alpha EventedPLEG gate.',
    observable: true,
    statement:
      'While a pod terminates the kubelet writes its status once and then blocks in the kill, so a container that exits during termination keeps its last reported state (for example `ready: true`) until the terminal status is written.',
    sources: [kubeletFact('Corrections 4', 'pkg/kubelet/kubelet.go: SyncTerminatingPod')],
  },
  {
    id: 'kubelet.status.termination-message',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'The terminated message is read from `terminationMessagePath` (default /dev/termination-log, policy File); with FallbackToLogsOnError and a non-zero exit the log tail is used.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §8.3',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: convertToKubeContainerStatus, getTerminationMessage',
      ),
    ],
  },
  {
    id: 'kubelet.phase.get-phase',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'The phase is computed from the container statuses: a failed init container under Never gives Failed; a pending init container, a not-yet-started sidecar before any regular container has run, or a never-started waiting container gives Pending; a running container and no unknown ones give Running; when all regular containers have stopped, Always gives Running, all exits 0 gives Succeeded, Never gives Failed and OnFailure Running.',
    sources: [kubeletFact('KUBELET-FACTS §6.4', 'pkg/kubelet/kubelet_pods.go: getPhase')],
  },
  {
    id: 'kubelet.phase.terminal-sticky',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Once the status manager or the API holds a terminal phase, the pod never leaves it; reason and message are kept while the phase does not change.',
    sources: [kubeletFact('KUBELET-FACTS §6.4', 'pkg/kubelet/kubelet_pods.go: generateAPIPodStatus')],
  },
  {
    id: 'kubelet.phase.terminal-on-delete',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "After a deleted pod's containers have stopped its phase becomes Succeeded if every regular container exited 0, else Failed; regular containers never terminated (if the pod had initialised) and started init containers are marked terminated ContainerStatusUnknown, exit 137, and a pod still Pending or Running becomes Failed.",
    sources: [
      kubeletFact('KUBELET-FACTS §5.5', 'pkg/kubelet/status/status_manager.go: TerminatePod'),
      kubeletFact('KUBELET-FACTS §6.4', 'pkg/kubelet/kubelet_pods.go: getPhase'),
    ],
  },
  {
    id: 'kubelet.status-column.print-pod',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "kubectl's STATUS is the pod reason or phase, replaced by the first unfinished init container's label (`Init:<reason>`, `Init:ExitCode:N`, `Init:N/M`), else by the alphabetically first regular container's waiting or terminated reason, with Completed turned into Running or NotReady while a container still runs.",
    sources: [kubeletFact('KUBELET-FACTS §7', 'pkg/printers/internalversion/printers.go: printPod')],
  },
  {
    id: 'kubelet.status-column.terminating',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A pod with a `deletionTimestamp` shows Terminating while its phase is not terminal (Unknown when the node is lost); once the phase is Succeeded or Failed the column shows the container-derived label instead.',
    sources: [kubeletFact('KUBELET-FACTS §7', 'pkg/printers/internalversion/printers.go: printPod')],
  },
  {
    id: 'kubelet.status-column.ready-restarts',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'kubectl\'s READY column is ready/total, where total counts regular containers and sidecars and a started sidecar counts as ready when it is; RESTARTS sums the restart counts (init containers while initialising, else sidecars and regular containers) and adds "(X ago)" from the latest `lastState.finishedAt`.',
    sources: [kubeletFact('KUBELET-FACTS §7', 'pkg/printers/internalversion/printers.go: printPod')],
  },
  {
    id: 'kubelet.conditions.generate',
    area: 'status',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Initialized is True once every regular init container exited 0 and every sidecar started (and stays True once a regular container has started); ContainersReady needs every regular container and sidecar ready; Ready adds the readiness gates; reasons are ContainersNotInitialized, ContainersNotReady, PodCompleted or PodFailed.',
    sources: [kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/status/generate.go')],
  },
];
