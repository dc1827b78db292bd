/** Termination: deletion, grace periods, preStop, TERM and KILL. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about stopping containers and pods. */
export const terminationRules: ReadonlyArray<Rule> = [
  {
    id: 'term.delete-starts-termination',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'A delete request triggers termination of every container in the pod, and kubectl reports the pod as Terminating.',
    sources: [
      quoted(
        seedFiles.book,
        'When this happens, termination of all containers in the pod is initiated and its status is changed to Terminating.',
      ),
    ],
  },
  {
    id: 'term.prestop-first',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Termination of a container begins with its PreStop hook.',
    sources: [
      quoted(
        seedFiles.book,
        "If a container must be terminated, the container's pre-stop hook is called so that the application can shut down gracefully.",
      ),
    ],
  },
  {
    id: 'term.prestop-before-term',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: '`C.term` never precedes `C.preStop.finished`: the signal waits for the hook.',
    sources: [
      quoted(
        seedFiles.book,
        'When the pre-stop hook is completed, or if no pre-stop hook is defined, the TERM signal is sent',
      ),
      quoted(seedFiles.concepts, 'the hook must complete before the TERM signal to stop the container can be sent'),
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
    divergence: {
      documented: 'TERM waits until the PreStop hook has completed.',
      kubelet:
        'The kubelet waits for the hook at most the effective grace period; a hook still running then is left running (not cancelled) and TERM is sent anyway.',
    },
  },
  {
    id: 'term.no-prestop-term-at-once',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'A real kubelet first waits for a fresh runtime relist, up to about 1 s (kubelet.sync.relist-before-termination).',
    observable: true,
    statement: 'Without a PreStop hook, termination begins with TERM straight away.',
    sources: [
      quoted(seedFiles.book, 'so both containers should receive the TERM signal immediately when you delete the pod'),
    ],
  },
  {
    id: 'term.grace-default-30',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'The grace period is 30 s when the pod spec does not set one.',
    sources: [
      quoted(
        seedFiles.book,
        "This time can be configured using the terminationGracePeriodSeconds field in the pod's spec and defaults to 30 seconds.",
      ),
    ],
  },
  {
    id: 'term.grace-includes-prestop',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      "The code comment in 001's listing times the grace from TERM; that holds only for containers without a PreStop hook.",
    observable: true,
    statement:
      "One grace budget covers both the PreStop hook and the process's shutdown: the clock starts at the hook call, or at TERM when there is no hook.",
    sources: [
      quoted(seedFiles.book, 'The timer starts when the pre-stop hook is called or when the TERM signal is sent'),
      quoted(
        seedFiles.concepts,
        'applies to the total time it takes for both the Prestop hook to execute and for the Container to stop normally',
      ),
      quoted(
        seedFiles.concepts,
        "The Pod's termination grace period countdown begins before the Prestop hook is executed",
      ),
    ],
  },
  {
    id: 'term.kill-after-grace',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'When the grace period is exhausted, a process that has not exited receives KILL.',
    sources: [
      quoted(
        seedFiles.book,
        "If the process is still running after the termination grace period has expired, it's terminated by force via the KILL signal.",
      ),
    ],
  },
  {
    id: 'term.prestop-hang-killed-at-grace',
    area: 'termination',
    origin: 'documents',
    standing: 'disputed',
    standingNote:
      'Calls Terminating a phase, though it is only what kubectl prints (the phase remains Running); moreover a real kubelet sends TERM once the grace is spent and allows at least 2 s more before KILL.',
    observable: true,
    statement:
      'A PreStop hook that never returns leaves the pod Terminating for the whole grace period, after which the container is killed.',
    sources: [
      quoted(
        seedFiles.concepts,
        "the Pod's phase will be Terminating and remain there until the Pod is killed after its terminationGracePeriodSeconds expires",
      ),
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
      kubeletFact('KUBELET-FACTS §7', 'pkg/printers/internalversion/printers.go: printPod'),
    ],
    divergence: {
      documented: 'The pod stays in phase Terminating until it is killed when terminationGracePeriodSeconds expires.',
      kubelet:
        'The phase stays Running (Terminating is only the STATUS column); when the grace is used up the hook is abandoned but not cancelled, TERM is sent, and KILL follows no sooner than 2 s later.',
    },
  },
  {
    id: 'term.prestop-outcome-irrelevant',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "No PreStop outcome (success, failure or hang) extends a container's life beyond the pod's grace period.",
    sources: [
      quoted(
        seedFiles.concepts,
        "regardless of the outcome of the handler, the container will eventually terminate within the Pod's termination grace period",
      ),
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
    divergence: {
      documented: 'The container terminates within the grace period whatever the handler does.',
      kubelet:
        'A hook that uses up the grace period still leaves a minimum stop window of 2 s after TERM, so a container that ignores TERM is killed up to 2 s after the grace period.',
    },
  },
  {
    id: 'term.deletion-grace-from-spec',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "On deletion the pod gets `metadata.deletionGracePeriodSeconds`, whose value is the request's own grace or, failing that, `spec.terminationGracePeriodSeconds`.",
    sources: [
      quoted(seedFiles.book, 'By default, it gets its value from the spec.terminationGracePeriodSeconds field'),
    ],
  },
  {
    id: 'term.delete-grace-override',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "For a deletion that specifies a grace period (`kubectl delete --grace-period`), that value is used in place of the spec's.",
    sources: [
      quoted(
        seedFiles.book,
        'you can override this time when you execute the kubectl delete command using the --grace-period command line option',
      ),
    ],
  },
  {
    id: 'term.grace-zero-skips-prestop',
    area: 'termination',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote:
      'A zero grace is what the API calls force deletion (kubectl insists on --force); what the node does with the containers afterwards is not described, and it has varied across releases.',
    observable: true,
    statement: 'PreStop hooks are bypassed when the pod is deleted with zero grace.',
    sources: [
      quoted(seedFiles.book, "If you set this grace period to zero, the pod's pre-stop hooks are not executed."),
      kubeletFact('Corrections 1', 'pkg/kubelet/pod_workers.go: calculateEffectiveGracePeriod'),
    ],
    divergence: {
      documented: 'With a grace period of zero the PreStop hooks are not run.',
      kubelet:
        'In 1.33–1.35 the pod worker falls back to spec.terminationGracePeriodSeconds when the deletion grace is 0, so the node still runs preStop, sends TERM and allows the full spec grace; only the API object disappears at once.',
    },
  },
  {
    id: 'term.parallel-containers',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "Deletion terminates the pod's containers concurrently, each running its own PreStop → TERM → KILL course.",
    sources: [
      quoted(seedFiles.book, "the pod's containers are terminated in parallel"),
      quoted(seedFiles.runNotes, 'In contrast, the termination of containers is performed in parallel'),
      kubeletFact(
        'KUBELET-FACTS §3.4',
        'pkg/kubelet/kuberuntime/kuberuntime_termination_order.go: newTerminationOrdering, waitForTurn',
      ),
    ],
    divergence: {
      documented: 'All containers of the pod are terminated in parallel.',
      kubelet:
        'In a pod with sidecars every preStop starts at once, but sidecars get TERM only after all regular containers and all later sidecars have exited, in reverse spec order.',
    },
  },
  {
    id: 'term.prestop-all-at-once',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: "At deletion every container's PreStop hook is invoked simultaneously.",
    sources: [quoted(seedFiles.book, 'The pre-stop hooks of the containers are all invoked at the same time.')],
  },
  {
    id: 'term.prestop-blocks-own-only',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'A slow PreStop hook holds back only the container it belongs to; sibling containers stop on their own schedule.',
    sources: [
      quoted(
        seedFiles.book,
        'A long-running pre-stop hook does block the shutdown of the container in which it is defined',
      ),
    ],
  },
  {
    id: 'term.pod-gone-after-containers',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'The API object disappears (`pod.gone`) only after every container has exited (`C.exited`).',
    sources: [
      quoted(seedFiles.book, 'After all the containers in the pod have stopped running, the pod object is deleted.'),
      quoted(seedFiles.book, 'Both must stop before the pod object can be deleted.'),
      kubeletFact('KUBELET-FACTS §5.1', 'pkg/registry/core/pod/strategy.go: podStrategy.CheckGracefulDelete'),
      kubeletFact('Corrections 1', 'pkg/kubelet/pod_workers.go: calculateEffectiveGracePeriod'),
    ],
    divergence: {
      documented: 'The pod object is deleted only after all its containers have stopped.',
      kubelet:
        'A force deletion (grace 0) removes the API object at once while the node is still stopping the containers.',
    },
  },
  {
    id: 'term.term-handling-decides-duration',
    area: 'termination',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      "The main process's reaction to TERM sets the length of a deletion: exiting on TERM makes it short, ignoring TERM stretches it to the KILL at the grace deadline.",
    sources: [
      quoted(
        seedFiles.book,
        "doesn't stop when it receives the TERM signal, and is killed after the grace period expires",
      ),
      quoted(seedFiles.book, 'it begins to shut down as soon as it receives the TERM signal'),
    ],
  },
  {
    id: 'term.only-running-containers',
    area: 'termination',
    origin: 'documents',
    standing: 'inferred',
    standingNote:
      "Not stated outright; follows from 003's remark that PreStop fails for a container already terminated.",
    observable: true,
    statement:
      'Deletion signals only the containers that are still alive; an already exited container receives neither PreStop, TERM nor KILL.',
    sources: [
      quoted(
        seedFiles.concepts,
        'A call to the Prestop hook fails if the container is already in a terminated or completed state',
      ),
      kubeletFact(
        'KUBELET-FACTS §5.3',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainersWithSyncResult',
      ),
    ],
  },
  {
    id: 'kubelet.grace.effective',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    standingNote:
      'Corrections 1: the fallback for 0 holds in 1.33–1.35; only a newer copy with an `overridden` flag raises 0 to 1 s.',
    observable: true,
    statement:
      'The pod-level grace for a termination is the smallest of the deletion grace and any kubelet override, falling back to `spec.terminationGracePeriodSeconds` when none applies or the result is 0; it can only shrink, and it is passed to every container kill of that termination.',
    sources: [
      kubeletFact('Corrections 1', 'pkg/kubelet/pod_workers.go: calculateEffectiveGracePeriod'),
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/pod_workers.go: calculateEffectiveGracePeriod'),
    ],
  },
  {
    id: 'kubelet.grace.container-base',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A kill decided inside a sync (probe failure, postStart failure, spec change) uses the deletion grace if set, else the probe-level grace for probe kills, else the spec grace; a pod termination overrides this with the pod-level grace.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §5.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer (setTerminationGracePeriod)',
      ),
    ],
  },
  {
    id: 'kubelet.grace.prestop-bounded',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "A preStop hook runs only when the container's grace is above 0, and the kill waits for it at most that grace; the hook is not cancelled, and the whole seconds it took are taken off the grace before the stop.",
    sources: [kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer')],
  },
  {
    id: 'kubelet.grace.minimum',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'The runtime stop window is never below 2 s: with preStop duration P and grace G, TERM comes min(P, G) after the kill starts and KILL max(G − floor(min(P, G)), 2) s after TERM, which is the "one-off 2 s extension" a hook that uses up the grace gets.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: minimumGracePeriodInSeconds'),
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
  },
  {
    id: 'kubelet.grace.probe-override',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    standingNote:
      'Under restartPolicy Never with no other regular container kept, the whole pod is killed with the pod-level grace instead (kubelet.kill.whole-pod-never).',
    observable: true,
    statement:
      "A liveness or startup kill uses the probe's own `terminationGracePeriodSeconds` when set, even when larger than the pod's, unless a deletion grace is in force.",
    sources: [
      kubeletFact(
        'KUBELET-FACTS §5.2',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer (setTerminationGracePeriod)',
      ),
      kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
  },
  {
    id: 'kubelet.grace.zero-skips-prestop',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A preStop hook is skipped only when the container-level grace is 0, which happens for kills inside a sync of a pod whose `terminationGracePeriodSeconds` is 0; the container then still gets a 2 s stop window.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.4', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
      kubeletFact('KUBELET-FACTS §11.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
  },
  {
    id: 'kubelet.kill.only-running',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Pod termination kills only running containers; created but never started containers and exited ones are left alone.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §5.3',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainersWithSyncResult',
      ),
    ],
  },
  {
    id: 'kubelet.kill.parallel',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Pod termination kills all running containers in parallel and then stops the sandbox; kills decided inside a sync (probe, postStart, spec change) run one after another, unordered.',
    sources: [
      kubeletFact(
        'KUBELET-FACTS §5.3',
        'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainersWithSyncResult',
      ),
      kubeletFact('KUBELET-FACTS §1.4', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: SyncPod'),
    ],
  },
  {
    id: 'kubelet.kill.whole-pod-never',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Under `restartPolicy: Never`, a liveness or startup failure that leaves no other regular container running makes the kubelet kill the whole pod: Killing "Stopping container X", the pod-level grace (not the probe\'s), and the sandbox stopped.',
    sources: [kubeletFact('Corrections 2', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions')],
  },
  {
    id: 'kubelet.kill.abnormal-wait',
    area: 'termination',
    origin: 'kubelet',
    standing: 'disputed',
    standingNote:
      'Corrections 15: the function name and wording are unverified for 1.35; upstream implements the wait in killPodNow, used only for kubelet-initiated kills such as evictions.',
    observable: false,
    statement:
      'When the kubelet itself kills a pod (eviction and the like) it waits max(1.5 × grace, 10 s) and then emits Warning `ExceededGracePeriod`.',
    sources: [
      kubeletFact('Corrections 15', 'pkg/kubelet/pod_workers.go: killPodNow'),
      kubeletFact('KUBELET-FACTS §5.5', 'pkg/kubelet/pod_workers.go: TerminatePodAbnormallyAndWait'),
    ],
  },
  {
    id: 'kubelet.process.exit-codes',
    area: 'termination',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A process ended by TERM exits 143 and one ended by KILL exits 137, as computed by the runtime; one that handles TERM and exits 0 ends with exit 0 and reason Completed; the kubelet itself writes 137 only for ContainerStatusUnknown.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.6', 'pkg/kubelet/kubelet_pods.go: convertToAPIContainerStatuses'),
      kubeletFact('KUBELET-FACTS §13', 'containerd CRI helpers'),
    ],
  },
];
