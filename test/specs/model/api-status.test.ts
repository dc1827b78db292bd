// What the API shows (KUBELET-FACTS §1.3, §5.5, §6.4, §7, §8, Corrections 4): a status written at the start of each
// sync (so stale while a sync blocks), waiting reasons from the reason cache, no refresh during termination, the
// Terminating column, terminal phases after deletion, activeDeadlineSeconds and an unusable runtime class.
import { runtimeOverheadSeconds } from '../../../specs/model/latencies.ts';
import { describe, expect, it } from 'vitest';
import { latencies, predict } from '../../../specs/model/index.ts';
import {
  at,
  deleteAt,
  eventsOf,
  exits,
  exitsOnTerm,
  follows,
  forbidden,
  has,
  hook,
  ignoresTerm,
  init,
  neverEntry,
  point,
  regular,
  scenario,
  sidecar,
  windowOf,
} from './build-scenario.ts';

/** The window of a point shown by a sync's status write: any time after its anchor (R16). */
const afterAnchor = { minSeconds: 0, maxSeconds: Number.MAX_SAFE_INTEGER };

describe('the status is written at the start of a sync, before its actions (§1.3)', () => {
  it('shows ContainerCreating while a postStart hook hangs, though the container runs', () => {
    const p = predict(scenario({ containers: [regular('app', { postStart: hook(100) })], observeFor: 20 }));
    expect(has(p, 'app.started')).toBe(true);
    expect(p.final.containers['app']).toMatchObject({
      state: { nominal: 'waiting', possible: ['waiting'], rule: 'kubelet.status.container-state' },
      reason: { nominal: 'ContainerCreating' },
      ready: { nominal: false },
      everStarted: { nominal: true },
    });
    expect(p.final.phase.nominal).toBe('Pending');
    expect(p.final.status.nominal).toBe('ContainerCreating');
    expect(has(p, 'app.ready')).toBe(false);
  });

  it('shows PodInitializing instead when the pod has init containers', () => {
    const p = predict(
      scenario({
        initContainers: [init('setup', { behavior: exits(0, 1) })],
        containers: [regular('app', { postStart: hook(100) })],
        observeFor: 20,
      }),
    );
    expect(p.final.containers['app']?.reason.nominal).toBe('PodInitializing');
    expect(p.final.status.nominal).toBe('PodInitializing');
  });

  it('writes the container ready at the next sync after it started', () => {
    // the first sync writes its status before it creates the sandbox and starts app; the sandbox wakes the worker
    // again a relist later, and that sync's status is the first to show app running and ready (§1.2, §1.4 step 5)
    const p = predict(scenario({ containers: [regular('app')], observeFor: 5 }));
    expect(at(p, 'app.ready')).toBeGreaterThan(at(p, 'app.started'));
    expect(at(p, 'app.ready') - at(p, 'pod.initialized')).toBeCloseTo(latencies.relist.nominalSeconds, 6);
    expect(point(p, 'pod.ready').rule).toBe('kubelet.conditions.generate');
    expect(at(p, 'pod.ready')).toBe(at(p, 'app.ready'));
    // what triggers a sync is often incidental, so what its status write shows is pinned only after the pod's
    // creation: how many starts come before that write varies with the timing (R16)
    expect(follows(p, 'app.ready')).toBe('pod.created');
    expect(point(p, 'app.ready').window).toEqual(afterAnchor);
    expect(follows(p, 'pod.ready')).toBe('pod.created');
    expect(point(p, 'pod.ready').window).toEqual(afterAnchor);
    // when the first sync is still pulling at that relist, the wake-up waits for it: ready a relist after the start
    const slowPull = predict(scenario({ containers: [regular('app')], node: { pullTakesSeconds: 3 }, observeFor: 8 }));
    expect(at(slowPull, 'app.ready') - at(slowPull, 'app.started')).toBeCloseTo(latencies.relist.nominalSeconds, 6);
  });

  it('sets Initialized at the first status write when there are no init containers', () => {
    const p = predict(scenario({ containers: [regular('app')], observeFor: 5 }));
    // written at the start of the first sync, before it pulls and starts anything
    expect(at(p, 'pod.initialized')).toBeCloseTo(latencies.firstSync.nominalSeconds, 6);
    expect(at(p, 'pod.initialized')).toBeLessThan(at(p, 'app.pullStarted'));
    // a status write is pinned only after the pod's creation (R16)
    expect(follows(p, 'pod.initialized')).toBe('pod.created');
    expect(point(p, 'pod.initialized').window).toEqual(afterAnchor);
  });
});

describe('waiting reasons come from the reason cache of the sync before (§8.1)', () => {
  const unpullable = (observeFor: number): ReturnType<typeof predict> =>
    predict(
      scenario({
        containers: [regular('app', { image: 'x/y:1' })],
        node: { unpullable: ['x/y:1'] },
        observeFor,
      }),
    );

  // the first sync (nominally at 0.1 s) writes its status before it creates the sandbox and pulls; the sandbox wakes
  // the worker again a relist later (nominally at 0.6 s), and that second sync writes the first pull error (§1.3, §1.4)
  it('ContainerCreating until a second sync writes the first pull error', () => {
    const p = unpullable(0.3);
    expect(p.final.containers['app']?.reason.nominal).toBe('ContainerCreating');
    expect(p.final.status.nominal).toBe('ContainerCreating');
    // the first status write came before the sandbox existed
    expect(p.final.conditions['PodReadyToStartContainers']?.status.nominal).toBe('False');
  });

  it('ErrImagePull after the second sync', () => {
    const p = unpullable(5);
    // the status written is the wake-up sync's; a sync at observeFor would write the ImagePullBackOff it then found
    expect(p.final.containers['app']?.reason).toEqual({
      nominal: 'ErrImagePull',
      possible: ['ErrImagePull', 'ImagePullBackOff'],
      rule: 'kubelet.status.reason-cache',
    });
    expect(p.final.status.nominal).toBe('ErrImagePull');
    expect(p.final.conditions['PodReadyToStartContainers']?.status.nominal).toBe('True');
  });

  it('ImagePullBackOff once a sync found the pull back-off active', () => {
    const p = unpullable(40);
    expect(p.final.containers['app']?.reason.nominal).toBe('ImagePullBackOff');
    expect(p.final.phase.nominal).toBe('Pending');
  });

  it('CrashLoopBackOff for a container in restart back-off', () => {
    const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 25 }));
    expect(p.final.containers['app']?.reason.possible).toContain('CrashLoopBackOff');
  });
});

describe('container statuses are not refreshed during termination (Corrections 4)', () => {
  const p = predict(
    scenario({
      terminationGracePeriodSeconds: 20,
      containers: [regular('a'), regular('b', { behavior: ignoresTerm })],
      actions: [deleteAt(5)],
      observeFor: 12,
    }),
  );

  it('a container that exited meanwhile still reads running and ready', () => {
    expect(at(p, 'a.exited')).toBeLessThan(12);
    expect(p.final.containers['a']).toMatchObject({ state: { nominal: 'running' }, ready: { nominal: true } });
    expect(has(p, 'a.unready')).toBe(false);
  });

  it('the pod is Running, its STATUS Terminating', () => {
    expect(p.final.phase.nominal).toBe('Running');
    expect(p.final.status).toMatchObject({ nominal: 'Terminating', rule: 'kubelet.status-column.print-pod' });
    expect(p.final.gone.nominal).toBe(false);
  });
});

describe('after a deletion (§5.5)', () => {
  it('a pod whose containers died by TERM (143) ends Failed, then disappears', () => {
    const p = predict(scenario({ containers: [regular('app')], actions: [deleteAt(3)], observeFor: 10 }));
    expect(p.final.gone.nominal).toBe(true);
    expect(p.final.phase.nominal).toBe('Failed');
    expect(p.final.containers['app']).toMatchObject({ state: { nominal: 'terminated' }, exitCode: { nominal: 143 } });
  });

  it('a pod whose containers exit 0 on TERM ends Succeeded', () => {
    const p = predict(
      scenario({ containers: [regular('app', { behavior: exitsOnTerm(0) })], actions: [deleteAt(3)], observeFor: 10 }),
    );
    expect(p.final.phase.nominal).toBe('Succeeded');
    expect(p.final.status.nominal).toBe('Completed');
  });

  it('a pod that never started a container ends Failed, the container ContainerStatusUnknown 137', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { imagePullPolicy: 'Never' })],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    expect(p.final.gone.nominal).toBe(true);
    expect(p.final.phase.nominal).toBe('Failed');
    expect(p.final.containers['app']).toMatchObject({
      state: { nominal: 'terminated' },
      reason: { nominal: 'ContainerStatusUnknown' },
      exitCode: { nominal: 137 },
      everStarted: { nominal: false },
    });
  });
});

describe('the phase of a pod in motion (§6.4, Corrections 6)', () => {
  it('one container running while another has never started (ImagePullBackOff): Pending', () => {
    const p = predict(
      scenario({
        containers: [regular('a'), regular('b', { image: 'x/y:1' })],
        node: { unpullable: ['x/y:1'] },
        observeFor: 40,
      }),
    );
    expect(p.final.containers['a']?.state.nominal).toBe('running');
    expect(p.final.phase).toMatchObject({ nominal: 'Pending', possible: ['Pending'] });
  });

  it('a sidecar running while the main container crash-loops: Running (1.35)', () => {
    const p = predict(
      scenario({
        initContainers: [sidecar('sc')],
        containers: [regular('app', { behavior: exits(1, 0.5) })],
        observeFor: 60,
      }),
    );
    expect(has(p, 'app.started#3')).toBe(true);
    expect(p.final.phase).toMatchObject({ nominal: 'Running', possible: ['Running'] });
  });

  it('every regular container done under OnFailure, the sidecar stopped: Succeeded', () => {
    const p = predict(
      scenario({
        restartPolicy: 'OnFailure',
        initContainers: [sidecar('sc')],
        containers: [regular('app', { behavior: exits(0, 1) })],
        observeFor: 20,
      }),
    );
    expect(has(p, 'sc.term')).toBe(true);
    expect(p.final.phase.nominal).toBe('Succeeded');
    expect(p.final.status.nominal).toBe('Completed');
  });
});

describe('activeDeadlineSeconds (§6.4, Corrections 8)', () => {
  const p = predict(
    scenario({
      activeDeadlineSeconds: 5,
      terminationGracePeriodSeconds: 3,
      containers: [regular('app', { behavior: ignoresTerm })],
      observeFor: 20,
    }),
  );

  it('emits Normal DeadlineExceeded on the sync tick after the deadline', () => {
    const [e] = eventsOf(p, 'DeadlineExceeded');
    expect(e).toMatchObject({
      type: 'Normal',
      message: 'Pod was active on the node longer than the specified deadline',
      rule: 'kubelet.deadline.active-deadline',
    });
    // counted from the pod's start (its first sync), noticed within the 1 s ticker
    expect(e?.atSeconds).toBeGreaterThanOrEqual(5);
    expect(e?.atSeconds).toBeLessThanOrEqual(latencies.firstSync.maxSeconds + 5 + latencies.deadlineTick.maxSeconds);
  });

  it('kills the running containers with the pod grace, as a pod-level kill', () => {
    expect(eventsOf(p, 'Killing', 'app').map((e) => e.message)).toEqual(['Stopping container app']);
    expect(at(p, 'app.term')).toBeGreaterThan(eventsOf(p, 'DeadlineExceeded')[0]?.atSeconds ?? Infinity);
    expect(windowOf(p, 'app.term')[0]).toBeGreaterThanOrEqual(5);
    expect(windowOf(p, 'app.kill')).toEqual([3, 3 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('leaves the pod Failed and in place, never restarting the container', () => {
    expect(p.final.phase.nominal).toBe('Failed');
    expect(p.final.gone.nominal).toBe(false);
    expect(forbidden(p, 'app.started#2')).toBe(true);
    expect(p.final.containers['app']?.exitCode.nominal).toBe(137);
  });
});

describe('a runtime class whose handler the runtime lacks', () => {
  const p = predict(scenario({ runtimeClassName: 'gvisor', containers: [regular('app')], observeFor: 30 }));

  it('fails every sandbox creation with Warning FailedCreatePodSandBox, retried after 10–15 s', () => {
    const failed = eventsOf(p, 'FailedCreatePodSandBox');
    expect(failed.length).toBeGreaterThanOrEqual(2);
    for (const e of failed) {
      expect(e.type).toBe('Warning');
      // the error after the colon is the runtime class manager's or the runtime's own: a hole
      expect(e.message).toBe('Failed to create pod sandbox: {error}');
      expect(e.rule).toBe('kubelet.sandbox.runtime-class');
      expect(e.container).toBeUndefined();
    }
    const gap = (failed[1]?.atSeconds ?? 0) - (failed[0]?.atSeconds ?? 0);
    expect(gap).toBeGreaterThanOrEqual(latencies.errorRequeue.minSeconds);
    expect(gap).toBeLessThanOrEqual(latencies.errorRequeue.maxSeconds);
  });

  it('never pulls or creates a container; the pod stays Pending', () => {
    expect(forbidden(p, 'app.pullStarted')).toBe(true);
    expect(forbidden(p, 'app.created')).toBe(true);
    expect(p.final.phase.nominal).toBe('Pending');
    expect(p.final.status.nominal).toBe('ContainerCreating');
    expect(p.final.conditions['PodReadyToStartContainers']?.status.nominal).toBe('False');
  });

  // nothing is created because the sandbox cannot be, so that is the rule a violation should name
  it('cites the sandbox failure for the container never created', () => {
    expect(neverEntry(p, 'app.created')?.rule).toMatch(/^(kubelet\.sandbox\.runtime-class|rtc\.unknown-fails)$/);
  });
});
