/** The run stage and the pod worker that drives it: start order, sync triggers and requeues. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about starting and running regular containers. */
export const runRules: ReadonlyArray<Rule> = [
  {
    id: 'run.created-in-parallel',
    area: 'run',
    origin: 'documents',
    standing: 'disputed',
    standingNote:
      'Contradicted by the sidebar of the very same text (run.sequential-start), which has creation and start happen one container at a time; concurrent running is the only reading compatible with both.',
    observable: true,
    statement:
      'After initialisation the regular containers are described as being created in parallel; the testable content is that they all end up running together, none waiting for another to exit.',
    sources: [
      quoted(seedFiles.book, "the pod's regular containers are all created in parallel"),
      quoted(seedFiles.runNotes, "the pod's regular containers are all created in parallel"),
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
    ],
    divergence: {
      documented: 'All regular containers are created in parallel.',
      kubelet:
        "Regular containers are pulled, created and started one after another in spec order within one sync, each waiting for the previous one's postStart to return; they then run concurrently.",
    },
  },
  {
    id: 'run.sequential-start',
    area: 'run',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: 'The text itself calls this an implementation detail that may change.',
    observable: true,
    statement:
      'Regular containers are created and started in list order, one completing its start before the next begins.',
    sources: [
      quoted(
        seedFiles.book,
        "It creates and starts the containers synchronously in the order they are defined in the pod's spec.",
      ),
      quoted(seedFiles.book, 'This is an implementation detail that might change in the future.'),
    ],
  },
  {
    id: 'run.per-container-sequence',
    area: 'run',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      '001 admits the independence is not complete because a postStart hook holds back later containers (hooks.poststart-blocks-next).',
    observable: true,
    statement:
      "Pulling, starting, restarting and running proceed for each container on its own track, so one container's history leaves its siblings untouched.",
    sources: [quoted(seedFiles.book, 'The following sequence runs independently for each container.')],
  },
  {
    id: 'run.container-start-definition',
    area: 'run',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: "The `C.started` point is the instant the container's main process begins executing.",
    sources: [quoted(seedFiles.book, 'The container starts when the main container process starts.')],
  },
  {
    id: 'run.pull-failure-isolated',
    area: 'run',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'An unpullable image affects only its own container: the rest of the pod starts and keeps running.',
    sources: [
      quoted(seedFiles.book, "If one of the container images can't be pulled, the other containers run anyway."),
      quoted(
        seedFiles.runNotes,
        "Even if a container image can't be pulled, the other containers in the pod are started nevertheless.",
      ),
    ],
  },
  {
    id: 'run.pull-delay-late-start',
    area: 'run',
    origin: 'documents',
    standing: 'vague',
    standingNote: "Phrased as 'may', with no bound on the delay.",
    observable: true,
    statement: 'A slow pull can make one container start considerably later than the others.',
    sources: [
      quoted(
        seedFiles.book,
        'If pulling the image takes a long time, the container may start well after all the others have already started.',
      ),
    ],
  },
  {
    id: 'run.terminated-others-continue',
    area: 'run',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "An exited container that its policy does not bring back remains Terminated, and the pod's other containers carry on unaffected.",
    sources: [
      quoted(
        seedFiles.book,
        'the other containers will continue running until the entire pod is shut down or until they fail as well',
      ),
    ],
  },
  {
    id: 'kubelet.sync.serial-worker',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Each pod has one worker that runs its syncs one at a time (set up and run, then terminate, then clean up), so a sync that blocks on a pull, a postStart hook or a preStop hook holds up everything else for that pod.',
    sources: [kubeletFact('KUBELET-FACTS §1.1', 'pkg/kubelet/pod_workers.go: podWorkerLoop')],
  },
  {
    id: 'kubelet.sync.uncancellable',
    area: 'run',
    origin: 'kubelet',
    standing: 'inferred',
    standingNote:
      'The code uses a non-cancellable context (TODO #113606); that a deletion therefore waits for the running sync is inferred, not written down.',
    observable: true,
    statement:
      "A deletion that arrives while a sync hangs on a postStart hook or an image pull cannot interrupt it; the pod's termination begins only after that sync returns.",
    sources: [kubeletFact('KUBELET-FACTS §1.1', 'pkg/kubelet/kubelet.go: SyncPod')],
  },
  {
    id: 'kubelet.sync.pleg-relist',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "The kubelet notices container state changes by relisting the runtime every second; a change wakes the pod's worker, so reactions to an exit lag it by up to about one second.",
    sources: [
      kubeletFact('KUBELET-FACTS §1.2', 'pkg/kubelet/kubelet.go: genericPlegRelistPeriod'),
      kubeletFact('Corrections 8', 'pkg/kubelet/pod_workers.go: podWorkerLoop'),
    ],
  },
  {
    id: 'kubelet.sync.probe-triggers',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "Besides relists, a sync is also triggered by a liveness Failure, by any change of a startup or readiness result, and by a probe worker setting a container's first result.",
    sources: [
      kubeletFact('KUBELET-FACTS §1.2', 'pkg/kubelet/kubelet.go: syncLoopIteration'),
      kubeletFact('Corrections 8', 'pkg/kubelet/kubelet.go: syncLoopIteration'),
    ],
  },
  {
    id: 'kubelet.sync.error-requeue',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    standingNote:
      'For CrashLoopBackOff, 1.35 requeues at the back-off expiry instead (kubelet.backoff.requeue-at-expiry).',
    observable: true,
    statement:
      'After each sync the worker queues the pod again: at once after a phase transition, after 60 s × U[1, 1.5) when the sync succeeded, after 1 s × U[1, 1.5) when the network is not ready, and after 10 s × U[1, 1.5) for any other error, image pull back-off included.',
    sources: [
      kubeletFact('KUBELET-FACTS §1.2', 'pkg/kubelet/pod_workers.go: completeWork'),
      kubeletFact('KUBELET-FACTS §13', 'pkg/kubelet/kubelet.go: backOffPeriod'),
    ],
  },
  {
    id: 'kubelet.sync.relist-before-termination',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Before every sync, the terminating and terminated ones included, the worker waits for a runtime relist newer than its previous sync, so up to about one second passes between a delete request and the first preStop hook or TERM.',
    sources: [kubeletFact('Corrections 5', 'pkg/kubelet/pod_workers.go: podWorkerLoop (podCache.GetNewerThan)')],
  },
  {
    id: 'kubelet.start.serial',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "Within one sync the containers to start are handled one at a time in spec order: back-off check, pull, create, start and a synchronous postStart; the next container is not pulled or created until the previous one's postStart has returned.",
    sources: [
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
  },
  {
    id: 'kubelet.start.failure-continues',
    area: 'run',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A regular container that fails to start does not stop the loop: the remaining regular containers are still started in the same sync; a failed regular init container aborts the sync, a failed sidecar start does not.',
    sources: [kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod')],
  },
];
