import { describe, expect, it } from 'vitest';
import { container, deleteAt, exits, hook, init, probe, runs, scenario, sidecar } from './build.ts';
import { observe } from './observe-helpers.ts';

describe('API status and the STATUS column', () => {
  it('reads Initialized True with reason PodCompleted for a Succeeded pod, init containers or not (generate.go)', () => {
    const done = observe(
      scenario({ restartPolicy: 'Never', containers: [container('app', exits(0, 1))], observeFor: 8 }),
    );
    expect(done.final.phase).toBe('Succeeded');
    expect(done.final.conditions?.['Initialized']).toEqual({ status: 'True', reason: 'PodCompleted' });
  });

  it('shows Init:N/M while init container N runs, then PodInitializing-free Running', () => {
    const during = observe(
      scenario({
        initContainers: [init('i1', exits(0, 1)), init('i2', exits(0, 20))],
        containers: [container('app')],
        observeFor: 8,
      }),
    );
    expect(during.final.status).toBe('Init:1/2');
    expect(during.final.phase).toBe('Pending');
    expect(during.final.containers?.['app']).toMatchObject({ state: 'waiting', reason: 'PodInitializing' });
    expect(during.final.conditions?.['Initialized']).toEqual({ status: 'False', reason: 'ContainersNotInitialized' });
  });

  it('shows the back-off reason only from the sync after the one that found it (status is written at sync start)', () => {
    const crashLooping = init('i1', exits(1, 0));
    // no sync between the back-off check and its expiry: the API still shows the exit
    const quiet = observe(scenario({ initContainers: [crashLooping], containers: [container('app')], observeFor: 8 }));
    expect(quiet.final.status).toBe('Init:Error');
    expect(quiet.final.containers?.['i1']).toMatchObject({ state: 'terminated', reason: 'Error', restartCount: 1 });
    // a readiness change makes the worker sync inside the back-off window
    const side = sidecar('side', runs(), {
      readinessProbe: probe({ type: 'from', seconds: 5 }, { periodSeconds: 1, failureThreshold: 1 }),
    });
    const busy = observe(
      scenario({ initContainers: [side, crashLooping], containers: [container('app')], observeFor: 8 }),
    );
    expect(busy.final.status).toBe('Init:CrashLoopBackOff');
    expect(busy.final.containers?.['i1']).toMatchObject({
      state: 'waiting',
      reason: 'CrashLoopBackOff',
      restartCount: 1,
    });
  });

  it('keeps the pre-start view while a postStart hook blocks the sync', () => {
    const obs = observe(scenario({ containers: [container('app', runs(), { postStart: hook(60) })], observeFor: 10 }));
    expect(obs.final).toMatchObject({ phase: 'Pending', status: 'ContainerCreating' });
  });

  it('says Terminating while a deleted pod stops, and the container reason once it is terminal', () => {
    const during = observe(
      scenario({ grace: 20, containers: [container('app', runs('ignore'))], actions: [deleteAt(2)], observeFor: 6 }),
    );
    expect(during.final).toMatchObject({ phase: 'Running', status: 'Terminating', gone: false });
    const done = observe(
      scenario({
        grace: 20,
        containers: [container('app', runs('exit', 0, 0))],
        actions: [deleteAt(2)],
        observeFor: 10,
      }),
    );
    expect(done.final).toMatchObject({ phase: 'Succeeded', status: 'Completed', gone: true });
  });

  it('counts a sidecar in READY and keeps the pod Running while its main container crash-loops (1.35, Corrections 6)', () => {
    const obs = observe(
      scenario({ initContainers: [sidecar('side')], containers: [container('app', exits(1, 1))], observeFor: 40 }),
    );
    expect(obs.final.phase).toBe('Running');
    expect(obs.final.conditions?.['Ready']).toEqual({ status: 'False', reason: 'ContainersNotReady' });
  });

  it('marks a pod past activeDeadlineSeconds Failed with reason DeadlineExceeded', () => {
    const obs = observe(
      scenario({ activeDeadlineSeconds: 3, containers: [container('app', runs('ignore'))], grace: 2, observeFor: 10 }),
    );
    expect(obs.final.phase).toBe('Failed');
    expect(obs.final.status).toBe('Error');
    expect(obs.events?.some((e) => e.reason === 'DeadlineExceeded')).toBe(true);
  });

  it('cannot create a sandbox for a RuntimeClass it does not know', () => {
    const obs = observe(scenario({ runtimeClassName: 'gvisor', containers: [container('app')], observeFor: 25 }));
    expect(obs.final).toMatchObject({ phase: 'Pending', status: 'ContainerCreating' });
    expect(obs.events?.filter((e) => e.reason === 'FailedCreatePodSandBox').length).toBeGreaterThanOrEqual(2);
    expect(obs.final.conditions?.['PodReadyToStartContainers']?.status).toBe('False');
  });
});
