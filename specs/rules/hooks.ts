/** PostStart and PreStop hooks: handlers, ordering, failures and delivery. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about container lifecycle hooks. */
export const hookRules: ReadonlyArray<Rule> = [
  {
    id: 'hooks.two-hooks',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'Only two lifecycle hooks exist for a container, PostStart and PreStop.',
    sources: [quoted(seedFiles.concepts, 'There are two hooks that are exposed to Containers')],
  },
  {
    id: 'hooks.handler-types',
    area: 'hooks',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: 'The PodLifecycleSleepAction default differs between Kubernetes releases.',
    observable: true,
    statement:
      'Three handler kinds are available for hooks (exec, httpGet, sleep), sleep being gated by PodLifecycleSleepAction.',
    sources: [
      quoted(seedFiles.concepts, 'There are three types of hook handlers that can be implemented for Containers'),
      quoted(
        seedFiles.concepts,
        'The "Sleep" action is available when the feature gate PodLifecycleSleepAction is enabled.',
      ),
    ],
  },
  {
    id: 'hooks.exec-in-container',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement:
      "Exec hook commands execute within the container's own cgroups and namespaces, so their CPU and memory count against the container.",
    sources: [
      quoted(
        seedFiles.concepts,
        'inside the cgroups and namespaces of the Container. Resources consumed by the command are counted against the Container.',
      ),
    ],
  },
  {
    id: 'hooks.kubelet-runs-network-handlers',
    area: 'hooks',
    origin: 'documents',
    standing: 'disputed',
    standingNote:
      'tcpSocket is not among the three handler types the same page lists; current Kubernetes keeps a tcpSocket lifecycle handler only for API compatibility and it fails when run.',
    observable: false,
    statement:
      'Exec hooks run inside the container, while httpGet, tcpSocket and sleep hooks are executed by the kubelet itself.',
    sources: [
      quoted(
        seedFiles.concepts,
        'httpGet, tcpSocket and sleep are executed by the kubelet process, and exec is executed in the container.',
      ),
    ],
  },
  {
    id: 'hooks.sleep-pauses',
    area: 'hooks',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote:
      "Gated by PodLifecycleSleepAction; the documents' 'pauses the container' overstates it, as the container's processes are not frozen, only the lifecycle step waits.",
    observable: true,
    statement: 'A sleep hook delays the lifecycle step for its configured duration and then reports success.',
    sources: [
      quoted(seedFiles.concepts, 'Sleep Pauses the container for a specified duration.'),
      quoted(seedFiles.hookNotes, 'pauses the container for a specified duraiton'),
    ],
  },
  {
    id: 'hooks.no-parameters',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: false,
    statement: 'No arguments are passed to a hook handler.',
    sources: [quoted(seedFiles.concepts, 'No parameters are passed to the handler.')],
  },
  {
    id: 'hooks.poststart-after-create',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'The PostStart hook fires immediately once container creation is done: `C.created` precedes `C.postStart.started`.',
    sources: [quoted(seedFiles.concepts, 'This hook is executed immediately after a container is created.')],
  },
  {
    id: 'hooks.poststart-concurrent',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'The PostStart hook and the main process run side by side; the process is not held for the hook, and the hook may just as well begin after the entrypoint.',
    sources: [
      quoted(seedFiles.concepts, 'there is no guarantee that the hook will execute before the container ENTRYPOINT'),
      quoted(seedFiles.book, 'it is invoked in parallel with the main container process'),
    ],
  },
  {
    id: 'hooks.poststart-blocks-running',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    standingNote: 'No waiting reason is given for this window; on a real node it is ContainerCreating.',
    observable: true,
    statement:
      'Until its PostStart hook returns a container is not reported as running (and cannot become ready); with a hook that never returns, it never is.',
    sources: [
      quoted(
        seedFiles.concepts,
        'if the hook takes too long to run or hangs, the Container cannot reach a running state.',
      ),
    ],
  },
  {
    id: 'hooks.poststart-blocks-next',
    area: 'hooks',
    origin: 'documents',
    standing: 'version-dependent',
    standingNote: 'The text calls this an implementation detail that may change.',
    observable: true,
    statement:
      'A PostStart hook in progress holds back the containers listed after its container: none of them is created or started before the hook returns.',
    sources: [
      quoted(
        seedFiles.book,
        'the execution of the post-start hook handler blocks the creation and start of the subsequent containers',
      ),
      quoted(seedFiles.runNotes, 'This is an implementation detail that might change in the future'),
    ],
  },
  {
    id: 'hooks.poststart-fail-kills',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'When the PostStart hook fails, the container is killed, and whether it runs again is up to the restart policy.',
    sources: [
      quoted(
        seedFiles.book,
        'The post-start hook runs asynchronously and must be successful for the container to continue running.',
      ),
      quoted(seedFiles.concepts, 'If either a PostStart or PreStop hook fails, it kills the Container.'),
    ],
  },
  {
    id: 'hooks.prestop-triggers',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'PreStop fires immediately before any termination of a container, be it requested through the API (pod deletion) or decided by the node (liveness or startup probe failure, preemption, resource contention).',
    sources: [
      quoted(
        seedFiles.concepts,
        'due to an API request or management event such as a liveness/startup probe failure, preemption, resource contention and others',
      ),
    ],
  },
  {
    id: 'hooks.prestop-not-on-terminated',
    area: 'hooks',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      'Silent on whether the kubelet even tries the call and whether a FailedPreStopHook event results; a case can only check that the exited container is not signalled.',
    observable: true,
    statement: 'Invoking PreStop on a container that has already exited or completed does not succeed.',
    sources: [
      quoted(
        seedFiles.concepts,
        'A call to the Prestop hook fails if the container is already in a terminated or completed state',
      ),
    ],
  },
  {
    id: 'hooks.prestop-fail-kills',
    area: 'hooks',
    origin: 'documents',
    standing: 'vague',
    standingNote:
      'By the time PreStop runs the container is already being stopped; the documents leave open whether TERM still follows or the container is killed at once.',
    observable: true,
    statement: 'When the PreStop hook fails, the container is killed.',
    sources: [
      quoted(seedFiles.concepts, 'If either a PostStart or PreStop hook fails, it kills the Container.'),
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
    divergence: {
      documented: 'A failing PreStop hook kills the container.',
      kubelet:
        'A failed preStop only adds a Warning FailedPreStopHook ("PreStopHook failed"); the stop goes on as usual with TERM, the remaining grace (at least 2 s) and then KILL.',
    },
  },
  {
    id: 'hooks.http-no-resend',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Delivery is normally single: an HTTP hook whose endpoint is unreachable is not retried.',
    sources: [
      quoted(
        seedFiles.concepts,
        'If, for example, an HTTP hook receiver is down and is unable to take traffic, there is no attempt to resend.',
      ),
    ],
  },
  {
    id: 'hooks.at-least-once',
    area: 'hooks',
    origin: 'documents',
    standing: 'vague',
    standingNote: 'Neither the conditions nor the number of repeats are given.',
    observable: false,
    statement:
      'Hooks are delivered at least once, so a handler may see the same event more than once (for example after a kubelet restart during delivery) and should be written for that.',
    sources: [
      quoted(seedFiles.concepts, 'Hook delivery is intended to be at least once'),
      quoted(seedFiles.concepts, 'if a kubelet restarts in the middle of sending a hook, the hook might be resent'),
    ],
  },
  {
    id: 'hooks.logs-not-in-events',
    area: 'hooks',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: "Hook handler output stays out of the pod's events; an event appears only when the handler fails.",
    sources: [quoted(seedFiles.concepts, 'The logs for a Hook handler are not exposed in Pod events.')],
  },
  {
    id: 'kubelet.poststart.failure-kill',
    area: 'hooks',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A failed postStart emits Warning `FailedPostStartHook` "PostStartHook failed", then the container is killed with a Normal `Killing` "FailedPostStartHook": its preStop runs first if it has one, the grace is the deletion grace or the spec\'s (never the probe-level one), and the start ends with PostStartHookError.',
    sources: [
      kubeletFact('KUBELET-FACTS §2.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
      kubeletFact('KUBELET-FACTS §2.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
    ],
  },
  {
    id: 'kubelet.hooks.exec-no-timeout',
    area: 'hooks',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      "An exec hook runs with no timeout, so a hanging exec postStart blocks the pod's worker until it returns or the container dies.",
    sources: [kubeletFact('KUBELET-FACTS §2.3', 'pkg/kubelet/lifecycle/handlers.go: handlerRunner.Run')],
  },
  {
    id: 'kubelet.hooks.http-fallback',
    area: 'hooks',
    origin: 'kubelet',
    standing: 'firm',
    observable: false,
    statement:
      'An httpGet hook is sent by the kubelet to the pod IP by default; an HTTPS request answered over plain HTTP is retried over HTTP with a Warning `LifecycleHTTPFallback`.',
    sources: [kubeletFact('KUBELET-FACTS §2.3', 'pkg/kubelet/lifecycle/handlers.go: handlerRunner.Run')],
  },
  {
    id: 'kubelet.hooks.prestop-failure-continues',
    area: 'hooks',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'A failed preStop emits Warning `FailedPreStopHook` "PreStopHook failed" and the stop continues unchanged: TERM, the remaining grace (at least 2 s), then KILL.',
    sources: [kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer')],
  },
];
