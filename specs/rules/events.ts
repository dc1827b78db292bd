/** Pod events: which reasons appear, in what order, with which messages. */
import type { Rule } from './rule.ts';
import { kubeletFact, quoted, seedFiles } from './rule.ts';

/** The rules about pod events. */
export const eventRules: ReadonlyArray<Rule> = [
  {
    id: 'events.failed-poststart',
    area: 'events',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'PostStart failures are recorded as events with reason `FailedPostStartHook`.',
    sources: [
      quoted(seedFiles.concepts, 'For PostStart, this is the FailedPostStartHook event'),
      quoted(seedFiles.hookNotes, 'Exec lifecycle hook ([badcommand]) for Container "lifecycle-demo-container" in Pod'),
      kubeletFact('KUBELET-FACTS §2.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
      kubeletFact('KUBELET-FACTS §12.3', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
    divergence: {
      documented: "The FailedPostStartHook event carries the handler's command and error output (002's listing).",
      kubelet:
        'Since about 1.26 the Warning FailedPostStartHook carries only the fixed message "PostStartHook failed".',
    },
  },
  {
    id: 'events.failed-prestop',
    area: 'events',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'PreStop failures are recorded as events with reason `FailedPreStopHook`.',
    sources: [quoted(seedFiles.concepts, 'for PreStop, this is the FailedPreStopHook event.')],
  },
  {
    id: 'events.poststart-fail-sequence',
    area: 'events',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement:
      'The event trail of a PostStart failure reads Created, Started, Warning `FailedPostStartHook`, `Killing` (with FailedPostStartHook as its message) and, once restarts are backed off, `BackOff`.',
    sources: [
      quoted(seedFiles.hookNotes, 'Normal Killing 4s (x2 over 5s) kubelet FailedPostStartHook'),
      quoted(seedFiles.hookNotes, 'Created container lifecycle-demo-container'),
      kubeletFact('Corrections 9', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
    divergence: {
      documented:
        'The listing shows Created and Started messages naming the container ("Created container lifecycle-demo-container").',
      kubelet:
        'From 1.35 the messages are the fixed texts "Container created" and "Container started"; the container is named only by the event\'s involvedObject.',
    },
  },
  {
    id: 'events.container-start-sequence',
    area: 'events',
    origin: 'documents',
    standing: 'firm',
    standingNote:
      'The same listing shows `nginx` (no tag) fetched a second time at the restart, which agrees with pull.default-policy-no-tag.',
    observable: true,
    statement:
      "When a container's image has to be fetched, the events are Pulling, Pulled, Created, Started, all following the scheduler's Scheduled.",
    sources: [
      quoted(seedFiles.hookNotes, 'Successfully pulled image "nginx" in 229.604315ms'),
      kubeletFact('KUBELET-FACTS §9.2', 'pkg/kubelet/images/image_manager.go: pullImage'),
      kubeletFact('Corrections 9', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
    divergence: {
      documented:
        'Pulled reads \'Successfully pulled image "nginx" in 229.604315ms\' and Created/Started name the container.',
      kubelet:
        'In 1.35 Pulled reads \'Successfully pulled image "X" in Ns (Ms including waiting). Image size: N bytes.\' and Created/Started read "Container created" and "Container started".',
    },
  },
  {
    id: 'kubelet.start.events',
    area: 'events',
    origin: 'kubelet',
    standing: 'firm',
    standingNote: 'The texts are those of 1.35; 1.33/1.34 used "Created container: NAME" and "Started container NAME".',
    observable: true,
    statement:
      'Creating and starting a container emit Normal `Created` with the text "Container created" and Normal `Started` with "Container started"; the container is identified only by the event\'s involvedObject field path.',
    sources: [
      kubeletFact('Corrections 9', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
      kubeletFact('KUBELET-FACTS §2.1', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: startContainer'),
    ],
  },
  {
    id: 'kubelet.kill.event',
    area: 'events',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Every container kill emits Normal `Killing`: "Stopping container NAME" in pod termination, otherwise the kill message ("Container NAME failed liveness probe", "… failed startup probe", "… definition changed", "FailedPostStartHook") with ", will be restarted" added when the container will be restarted.',
    sources: [
      kubeletFact('KUBELET-FACTS §5.2', 'pkg/kubelet/kuberuntime/kuberuntime_container.go: killContainer'),
      kubeletFact('KUBELET-FACTS §3.3', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
      kubeletFact('Corrections 11', 'pkg/kubelet/kuberuntime/kuberuntime_manager.go: computePodActions'),
    ],
  },
  {
    id: 'kubelet.probe.unhealthy-event',
    area: 'events',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Every failed probe attempt emits Warning `Unhealthy` "<Liveness|Readiness|Startup> probe failed: <output>"; an errored attempt emits "<Type> probe errored and resulted in unknown state: …"; a warning result emits `ProbeWarning` and counts as success.',
    sources: [kubeletFact('KUBELET-FACTS §6.3', 'pkg/kubelet/prober/prober.go: probe')],
  },
  {
    id: 'kubelet.events.reasons',
    area: 'events',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement:
      'Pod events come from the kubelet with a fixed vocabulary of reasons (Pulling, Pulled, Failed, BackOff, Created, Started, Killing, Unhealthy, FailedPostStartHook, FailedPreStopHook, FailedCreatePodSandBox, SandboxChanged, …); BackOff is Normal for image pulls and Warning for container restarts.',
    sources: [kubeletFact('KUBELET-FACTS §10', 'pkg/kubelet/events/event.go')],
  },
];
