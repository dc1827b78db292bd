/** The initialisation stage: init containers one at a time, retried or fatal by restart policy. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about init containers. */
export const initRules: ReadonlyArray<Rule> = [
  {
    id: 'init.before-regular',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Regular containers wait for initialisation: none is created until the last init container has exited successfully.',
    sources: [
      quoted(seedFiles.book, 'All init containers must run to completion before the regular containers can start'),
      quoted(
        seedFiles.runNotes,
        "When all init containers are successfully completed, the pod's regular containers are all created in parallel",
      ),
    ],
  },
  {
    id: 'init.sequential',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Init containers are processed strictly in list order, and init container n+1 is started only after init container n has exited successfully.',
    sources: [
      quoted(seedFiles.initNotes, "They run in the order specified in the initContainers field in the pod's spec"),
      quoted(seedFiles.book, 'This process is repeated until all init containers are successfully completed.'),
    ],
  },
  {
    id: 'init.pull-before-each',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'The image of each init container is fetched lazily, after its predecessor has exited and immediately before its own creation.',
    sources: [
      quoted(
        seedFiles.book,
        'When the first init container is complete, the image for the next init container is pulled and the container is started.',
      ),
      quoted(
        seedFiles.initNotes,
        'Before each init container is started, its container image is pulled to the worker node',
      ),
    ],
  },
  {
    id: 'init.pull-policy-applies',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Pull policies govern init containers in the same way as any other container.',
    sources: [
      quoted(seedFiles.initNotes, 'determines whether the image is pulled every time, only the first time, or never'),
    ],
  },
  {
    id: 'init.retry-on-failure',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Under a pod restart policy of Always or OnFailure, a failing init container is retried, and nothing later in the pod starts meanwhile.',
    sources: [
      quoted(
        seedFiles.book,
        "the pod's restart policy is set to Always or OnFailure, the failed init container is restarted",
      ),
    ],
  },
  {
    id: 'init.never-fail-stops',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Under pod restart policy Never, one failing init container is fatal to start-up: no further init container and no regular container ever runs.',
    sources: [
      quoted(
        seedFiles.book,
        "If the policy is set to Never, the subsequent init containers and the pod's regular containers are never started.",
      ),
    ],
  },
  {
    id: 'init.never-fail-recreate',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'No automatic retry follows such a fatal init failure; the workload runs again only through deleting and re-creating the pod.',
    sources: [quoted(seedFiles.book, 'You must then delete and recreate the pod object to restart the application.')],
  },
  {
    id: 'init.run-once',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'Regular container restarts leave init containers alone: they have run once for this pod and are not started again.',
    sources: [
      quoted(
        seedFiles.book,
        "Even if one of the pod's main containers is terminated later, the pod's init containers are not re-executed.",
      ),
    ],
  },
  {
    id: 'init.rerun-on-pod-restart',
    area: 'init',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      "The documents speak of 'exceptional cases' without listing them (the kubelet re-runs them when the pod sandbox is recreated, KUBELET-FACTS §11.3).",
    observable: false,
    statement:
      'If the pod as a whole is restarted, its init containers may execute another time, which is why their work has to be repeatable.',
    sources: [
      quoted(
        seedFiles.book,
        "in exceptional cases, such as when Kubernetes must restart the entire pod, the pod's init containers might be executed again",
      ),
      kubeletFact('KUBELET-FACTS §11.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'init.term-on-delete',
    area: 'init',
    origin: 'documents',
    standing: 'inferred',
    standingNote:
      'Given as advice to handle TERM; that the init container then receives TERM and later KILL is derived from the termination rules.',
    observable: true,
    statement:
      'A delete that lands while an init container runs sends that container through TERM, the grace period and KILL like any other; an init container with a TERM handler exits promptly.',
    sources: [
      quoted(seedFiles.book, 'handle the TERM signal so that they shut down immediately if you delete the pod object'),
    ],
  },
  {
    id: 'kubelet.init.one-per-sync',
    area: 'init',
    origin: 'kubelet',
    standing: 'inferred',
    standingNote: 'Follows from computeInitContainerActions; the code does not say so in one place.',
    observable: true,
    statement:
      'Only one regular init container runs at a time, and the next is started in a later sync, after a relist has seen the previous one exit 0 (typically within a second).',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
    ],
  },
  {
    id: 'kubelet.init.regular-after-initialized',
    area: 'init',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Regular containers are considered only once initialisation is complete; then every regular container that needs starting is started in spec order within the same sync.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
      kubeletFact('KUBELET-FACTS §3.2', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'kubelet.init.never-failure-kills-pod',
    area: 'init',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Under pod `restartPolicy: Never`, a regular init container that exits non-zero (or is in an unknown state) makes the kubelet kill the pod; nothing later is started and the phase becomes Failed.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
      kubeletFact('KUBELET-FACTS §4.2', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'kubelet.init.restart-on-failure',
    area: 'init',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Under pod policy Always or OnFailure a failed regular init container is started again (Always behaves as OnFailure for init containers); an exit 0 is final.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §4.2',
        'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions (shouldRestartOnFailure)',
      ),
    ],
  },
  {
    id: 'kubelet.init.rerun-on-new-sandbox',
    area: 'init',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'When the pod needs a new sandbox, the kubelet kills everything, forgets the old init container records and runs the init containers again from the first; under Never a pod that already ran gets no new sandbox, and under OnFailure none is made once every regular container succeeded.',
    sources: [
      kubeletFact('KUBELET-FACTS §11.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
      kubeletFact('KUBELET-FACTS §1.5', 'pkg/kubelet/kuberuntime/util/util.go: PodSandboxChanged'),
    ],
  },
  {
    id: 'kubelet.init.image-change-ignored',
    area: 'init',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'After initialisation a regular init container is never run again for a change of its image; its spec hash is no longer compared.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §3.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: computeInitContainerActions',
      ),
    ],
  },
];
