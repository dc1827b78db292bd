// The observation of a cluster run, derived from pod objects, watch deliveries and Events exactly as the API
// returns them (test/fixtures/kube): a crash-looping pod, an init failure, a deleted pod, readiness flapping.
import { statusOverTime } from '../../../../harness/backends/kube/status-over-time.ts';
import { describe, expect, it } from 'vitest';
import { finalState } from '../../../../harness/backends/kube/final-state.ts';
import { deriveObservation, type RunRecord } from '../../../../harness/backends/kube/observation.ts';
import { observedEvents } from '../../../../harness/backends/kube/observed-events.ts';
import { watchPoints } from '../../../../harness/backends/kube/watch-points.ts';
import { epoch, eventsFixture, podFixture, watchFixture } from './fixtures.ts';

const none: ReadonlySet<string> = new Set();

describe('a crash-looping pod', () => {
  const pod = podFixture('crashloop-pod.json');

  it('ends waiting in CrashLoopBackOff with its restarts, unready, and started once (lastState)', () => {
    expect(finalState(pod, { gone: false, startedContainers: none })).toEqual({
      phase: 'Running',
      status: 'CrashLoopBackOff',
      gone: false,
      conditions: {
        PodReadyToStartContainers: { status: 'True' },
        Initialized: { status: 'True' },
        Ready: { status: 'False', reason: 'ContainersNotReady' },
        ContainersReady: { status: 'False', reason: 'ContainersNotReady' },
        PodScheduled: { status: 'True' },
      },
      containers: {
        app: { state: 'waiting', reason: 'CrashLoopBackOff', restartCount: 2, ready: false, everStarted: true },
      },
    });
  });

  it("expands an aggregated Event into its occurrences and leaves out the reader pod's", () => {
    const events = observedEvents(eventsFixture('crashloop-events.json'), {
      podName: 'crash',
      podUid: '5f0c2b9e-4b7d-4c1e-9a57-2f7d8c1e0a11',
      suiteNamespace: 'podconform-r1-1',
      caseNamespace: undefined,
      createdEpochSeconds: epoch('2026-12-06T22:00:00.400Z'),
    });
    const started = events.filter((e) => e.reason === 'Started');
    expect(started).toEqual([
      { reason: 'Started', container: 'app', type: 'Normal', message: 'Container started', t: 0.6 },
      { reason: 'Started', container: 'app', type: 'Normal', message: 'Container started', t: 12.6 },
      { reason: 'Started', container: 'app', type: 'Normal', message: 'Container started' },
    ]);
    expect(events.filter((e) => e.reason === 'BackOff').map((e) => e.t)).toEqual([2.6, 14.6]);
    expect(events.map((e) => e.container)).not.toContain('cat');
    // The scheduler's Event has no container and comes first, before pod.created's second was over.
    expect(events[0]).toEqual({
      reason: 'Scheduled',
      type: 'Normal',
      message: 'Successfully assigned podconform-r1-1/crash to podconform-control-plane',
      t: -0.4,
    });
    expect(events).toHaveLength(1 + 3 + 3 + 3 + 2);
  });

  it("writes the suite's namespace back as the case's in every message that names it", () => {
    const events = observedEvents(eventsFixture('crashloop-events.json'), {
      podName: 'crash',
      suiteNamespace: 'podconform-r1-1',
      caseNamespace: 'shop',
      createdEpochSeconds: epoch('2026-12-06T22:00:00Z'),
    });
    expect(events.find((e) => e.reason === 'Scheduled')?.message).toBe(
      'Successfully assigned shop/crash to podconform-control-plane',
    );
    expect(events.find((e) => e.reason === 'BackOff')?.message).toBe(
      'Back-off restarting failed container app in pod crash_shop(5f0c2b9e-4b7d-4c1e-9a57-2f7d8c1e0a11)',
    );
  });
});

describe('an init container failing under restartPolicy Never', () => {
  it('ends Failed with Init:Error, the app never started', () => {
    const final = finalState(podFixture('init-failure-pod.json'), {
      gone: false,
      startedContainers: new Set(['init1']),
    });
    expect(final.phase).toBe('Failed');
    expect(final.status).toBe('Init:Error');
    expect(final.conditions?.['Initialized']).toEqual({ status: 'False', reason: 'ContainersNotInitialized' });
    expect(final.conditions?.['Ready']).toEqual({ status: 'False', reason: 'PodFailed' });
    expect(final.containers).toEqual({
      init1: { state: 'terminated', reason: 'Error', exitCode: 1, restartCount: 0, ready: false, everStarted: true },
      app: { state: 'waiting', reason: 'PodInitializing', restartCount: 0, ready: false, everStarted: false },
    });
  });

  it('names the init container of an Event from its fieldPath', () => {
    const events = observedEvents(eventsFixture('init-failure-events.json'), {
      podName: 'init-fail',
      suiteNamespace: 'podconform-r1-2',
      caseNamespace: undefined,
      createdEpochSeconds: epoch('2026-12-06T22:01:00Z'),
    });
    expect(events.map((e) => `${e.reason}:${e.container ?? '-'}@${e.t ?? '?'}`)).toEqual([
      'Scheduled:-@0',
      'Pulled:init1@1',
      'Created:init1@1',
      'Started:init1@1',
    ]);
  });
});

describe('a deleted pod', () => {
  const t0 = epoch('2026-12-06T22:02:00.000Z');
  const arrivals = [0.01, 0.05, 0.3, 1.2, 15.02, 15.9, 16.0, 16.05].map((s) => t0 + s);
  const deliveries = watchFixture('deleted-pod.watch.json', arrivals);

  it('stamps initialized, ready, unready and gone with the arrival of the delivery that showed them', () => {
    expect(watchPoints(deliveries, t0, none)).toEqual([
      { point: 'pod.initialized', t: 0.3 },
      { point: 'app.ready', t: 1.2 },
      { point: 'pod.ready', t: 1.2 },
      { point: 'app.unready', t: 15.9 },
      { point: 'pod.unready', t: 15.9 },
      { point: 'pod.gone', t: 16.05 },
    ]);
  });

  it('takes the final state from the DELETED object: Failed, terminated by TERM, gone', () => {
    const record: RunRecord = {
      podName: 'doomed',
      suiteNamespace: 'podconform-r1-3',
      caseNamespace: undefined,
      createdEpochSeconds: t0,
      deleteRequestedEpochSeconds: [t0 + 15],
      deliveries,
      events: eventsFixture('deleted-pod-events.json'),
      markers: `app started ${t0 + 0.9}\napp term ${t0 + 15.05}\napp exiting ${t0 + 15.06} 143\n`,
      lastPod: deliveries[deliveries.length - 1]?.pod,
      gone: true,
      startupProbed: none,
      unmarkedPoints: ['preStop.started'],
      resolutionSeconds: 0.1,
    };
    const { observation, markerProblems } = deriveObservation(record);
    expect(markerProblems).toEqual([]);
    expect(observation.final).toMatchObject({
      phase: 'Failed',
      status: 'Error',
      gone: true,
      containers: { app: { state: 'terminated', reason: 'Error', exitCode: 143, everStarted: true } },
    });
    expect(observation.points.map((p) => `${p.point}@${p.t}`)).toEqual([
      'pod.created@0',
      'pod.initialized@0.3',
      'app.started@0.9',
      'app.ready@1.2',
      'pod.ready@1.2',
      'pod.deleteRequested@15',
      'app.term@15.05',
      'app.exited@15.06',
      'app.unready@15.9',
      'pod.unready@15.9',
      'pod.gone@16.05',
    ]);
    expect(observation.events?.find((e) => e.reason === 'Killing')).toEqual({
      reason: 'Killing',
      container: 'app',
      type: 'Normal',
      message: 'Stopping container app',
      t: 15,
    });
    expect(observation.unobservablePoints).toEqual([
      'pullStarted',
      'pulled',
      'pullFailed',
      'created',
      'kill',
      'preStop.started',
    ]);
    expect(observation.clock).toEqual({ resolution: 0.1 });
  });

  it('estimates an exit no script marked (SIGKILL) from finishedAt and the delivery that showed it', () => {
    // The same pod, but its process ignored TERM and was killed at the end of the grace period: no `exiting` marker.
    const { observation } = deriveObservation({
      podName: 'doomed',
      suiteNamespace: 'podconform-r1-3',
      caseNamespace: undefined,
      createdEpochSeconds: t0,
      deleteRequestedEpochSeconds: [t0 + 15],
      deliveries,
      events: [],
      markers: `app started ${t0 + 0.9}\napp term ${t0 + 15.05}\n`,
      lastPod: deliveries[deliveries.length - 1]?.pod,
      gone: true,
      startupProbed: none,
      unmarkedPoints: [],
      resolutionSeconds: 0.1,
    });
    // finishedAt 22:02:15 (15 s), first shown at 15.9 s: between 15 and 15.9, so 15.45 ± 0.45
    expect(observation.points.filter((p) => p.point === 'app.exited')).toEqual([{ point: 'app.exited', t: 15.45 }]);
    expect(observation.clock).toEqual({ resolution: 0.45 });
  });

  it('keeps STATUS over time as the watch showed it: each change at its arrival, then gone', () => {
    const steps = statusOverTime(deliveries, t0);
    expect(steps.map((s) => s.status)).toEqual(
      deliveries.reduce<string[]>((shown, d) => {
        const status =
          d.type === 'DELETED' ? '(gone)' : (finalState(d.pod, { gone: false, startedContainers: none }).status ?? '');
        return shown.at(-1) === status ? shown : [...shown, status];
      }, []),
    );
    expect(steps).toContainEqual({ t: 15.02, status: 'Terminating' });
    expect(steps.at(-1)).toEqual({ t: 16.05, status: '(gone)' });
    expect(steps[0]?.t).toBe(0.01);
  });

  it('prints Terminating while the deleted pod has not reached a terminal phase', () => {
    const deleting = deliveries[4]?.pod;
    expect(finalState(deleting, { gone: false, startedContainers: none }).status).toBe('Terminating');
  });

  it('reports broken marker lines beside the observation', () => {
    const record: RunRecord = {
      podName: 'doomed',
      suiteNamespace: 'podconform-r1-3',
      caseNamespace: undefined,
      createdEpochSeconds: t0,
      deleteRequestedEpochSeconds: [],
      deliveries: [],
      events: [],
      markers: 'app started\n',
      lastPod: undefined,
      gone: false,
      startupProbed: none,
      unmarkedPoints: [],
      resolutionSeconds: 0.1,
    };
    const { observation, markerProblems } = deriveObservation(record);
    expect(markerProblems).toEqual(['marker line 1: expected CONTAINER EVENT EPOCH [DETAIL]: app started']);
    expect(observation.final).toEqual({ gone: false });
    expect(observation.points).toEqual([{ point: 'pod.created', t: 0 }]);
  });
});

describe('a crash-looping pod, exits marked and unmarked', () => {
  const t0 = epoch('2026-12-06T22:00:00.000Z');
  const pod = podFixture('crashloop-pod.json');

  it('matches the exit a marker shows to the instance in lastState, and adds nothing', () => {
    const { observation } = deriveObservation({
      podName: 'crash',
      suiteNamespace: 'podconform-r1-1',
      caseNamespace: undefined,
      createdEpochSeconds: t0,
      deleteRequestedEpochSeconds: [],
      deliveries: [{ type: 'MODIFIED', atEpochSeconds: t0 + 14.6, pod }],
      events: [],
      markers: `app started ${t0 + 13.2}\napp exiting ${t0 + 14.21} 1\n`,
      lastPod: pod,
      gone: false,
      startupProbed: none,
      unmarkedPoints: [],
      resolutionSeconds: 0.2,
    });
    expect(observation.points.filter((p) => p.point === 'app.exited')).toEqual([{ point: 'app.exited', t: 14.21 }]);
    expect(observation.clock).toEqual({ resolution: 0.2 });
  });
});

describe('readiness flapping', () => {
  const t0 = epoch('2026-12-06T22:03:00.000Z');
  const deliveries = watchFixture(
    'readiness-flapping.watch.json',
    [0.9, 2.1, 5.3, 9.2].map((s) => t0 + s),
  );

  it('reports every readiness change of the container and of the pod, in order', () => {
    expect(watchPoints(deliveries, t0, none).map((p) => `${p.point}@${p.t}`)).toEqual([
      'pod.initialized@0.9',
      'app.ready@2.1',
      'pod.ready@2.1',
      'app.unready@5.3',
      'pod.unready@5.3',
      'app.ready@9.2',
      'pod.ready@9.2',
    ]);
  });

  it("reads a startup probe's success from `started` only for containers that have one", () => {
    expect(watchPoints(deliveries, t0, new Set(['app'])).filter((p) => p.point.includes('startup'))).toEqual([
      { point: 'app.startupProbe.succeeded', t: 0.9 },
    ]);
  });

  it('keeps the four failures of an aggregated Unhealthy Event', () => {
    const events = observedEvents(eventsFixture('readiness-flapping-events.json'), {
      podName: 'flappy',
      suiteNamespace: 'podconform-r1-4',
      caseNamespace: undefined,
      createdEpochSeconds: t0,
    });
    expect(events.map((e) => e.t)).toEqual([5, 8, undefined, undefined]);
    expect(events.every((e) => e.reason === 'Unhealthy' && e.type === 'Warning' && e.container === 'app')).toBe(true);
  });
});
