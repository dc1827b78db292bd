// Init containers and sidecars (KUBELET-FACTS §3.2, §4.2, §11.3, Corrections 3, 16): one regular init container at a
// time, never re-run; a failure under Never kills the pod; sidecars gate what follows on their startup probe, restart
// on any exit, and are stopped last.
import { describe, expect, it } from 'vitest';
import { latencies, predict } from '../../../specs/model/index.ts';
import {
  at,
  eventsOf,
  exits,
  exitsOnTerm,
  findPoint,
  follows,
  forbidden,
  has,
  init,
  neverEntry,
  only,
  point,
  probe,
  regular,
  round,
  scenario,
  sidecar,
  windowOf,
} from './build-scenario.ts';
import { relistThenStart } from './expected-windows.ts';

describe('regular init containers run one at a time, in order, once (§3.2)', () => {
  const p = predict(
    scenario({
      initContainers: [init('i1', { behavior: exits(0, 1) }), init('i2', { behavior: exits(0, 1) })],
      containers: [regular('app', { behavior: exits(1, 2) })],
      observeFor: 12,
    }),
  );

  it('starts each only after the one before it exited, then the regular containers', () => {
    expect(
      only(p, ['i1.started', 'i1.exited', 'i2.created', 'i2.started', 'i2.exited', 'app.created', 'pod.initialized']),
    ).toEqual([
      'i1.started',
      'i1.exited',
      'i2.created',
      'i2.started',
      'i2.exited',
      'pod.initialized',
      'app.created',
      'app.created#2',
    ]);
  });

  it('starts the next one in a later sync, after a relist saw the exit', () => {
    expect(follows(p, 'i2.created')).toBe('i1.exited');
    expect(windowOf(p, 'i2.created')).toEqual(relistThenStart);
    expect(follows(p, 'app.created')).toBe('i2.exited');
    expect(windowOf(p, 'app.created')).toEqual(relistThenStart);
  });

  it('sets the Initialized condition when the last one has exited', () => {
    // at the status write of the sync a relist after the exit, before that sync starts app
    expect(at(p, 'pod.initialized') - at(p, 'i2.exited')).toBeCloseTo(latencies.relist.nominalSeconds, 6);
    expect(at(p, 'pod.initialized')).toBeLessThan(at(p, 'app.created'));
    // a status write is pinned only after the pod's creation, not to the sync's trigger (R16)
    expect(follows(p, 'pod.initialized')).toBe('pod.created');
    expect(point(p, 'pod.initialized').window).toEqual({ minSeconds: 0, maxSeconds: Number.MAX_SAFE_INTEGER });
    expect(point(p, 'pod.initialized').rule).toBe('kubelet.conditions.generate');
    expect(p.final.conditions['Initialized']?.status.nominal).toBe('True');
  });

  it('does not run them again when a regular container restarts', () => {
    expect(has(p, 'app.started#2')).toBe(true);
    for (const n of ['i1.started#2', 'i2.started#2', 'i1.created#2']) expect(forbidden(p, n)).toBe(true);
    for (const name of ['i1', 'i2']) {
      expect(p.final.containers[name]).toMatchObject({
        state: { nominal: 'terminated' },
        reason: { nominal: 'Completed' },
        exitCode: { nominal: 0 },
        restartCount: { nominal: 0 },
      });
    }
  });

  it('keeps the regular containers out of the way until then', () => {
    const before = predict(
      scenario({
        initContainers: [init('i1', { behavior: exits(0, 5) })],
        containers: [regular('app')],
        observeFor: 3,
      }),
    );
    expect(has(before, 'app.created')).toBe(false);
    expect(neverEntry(before, 'app.created')?.rule).toBe('init.before-regular');
    expect(before.final.containers['app']?.reason.nominal).toBe('PodInitializing');
    expect(before.final.phase.nominal).toBe('Pending');
    expect(before.final.status.nominal).toBe('Init:0/1');
  });

  // a violation of the init order must be reported under an init rule, so that `--rules 'init.*'` shows it
  // (DESIGN.md: each point names the rule for its link)
  it('cites the init-order rule for the link from one init container to the next', () => {
    expect(point(p, 'i2.created').rule).toMatch(/^(init\.sequential|kubelet\.init\.one-per-sync)$/);
  });

  // init containers are never re-run after a regular container's restart (§3.2, §11.3)
  it('cites init.run-once for an init container never started again', () => {
    expect(neverEntry(p, 'i1.started#2')?.rule).toBe('init.run-once');
  });
});

describe('an init container failing under restartPolicy Never (§4.2)', () => {
  const p = predict(
    scenario({
      restartPolicy: 'Never',
      initContainers: [init('i1', { behavior: exits(1, 1) })],
      containers: [regular('app')],
      observeFor: 10,
    }),
  );

  it('is not restarted and nothing after it starts', () => {
    expect(forbidden(p, 'i1.started#2')).toBe(true);
    expect(forbidden(p, 'app.created')).toBe(true);
  });

  it('fails the pod: phase Failed, STATUS Init:Error', () => {
    expect(p.final.phase).toMatchObject({ nominal: 'Failed', possible: ['Failed'] });
    expect(p.final.status.nominal).toBe('Init:Error');
    expect(p.final.containers['i1']).toMatchObject({ reason: { nominal: 'Error' }, exitCode: { nominal: 1 } });
    expect(p.final.containers['app']?.state.nominal).toBe('waiting');
    expect(p.final.conditions['Initialized']?.status.nominal).toBe('False');
  });

  it('stops a sidecar already running, with Killing "Stopping container sc"', () => {
    const withSidecar = predict(
      scenario({
        restartPolicy: 'Never',
        initContainers: [sidecar('sc'), init('i1', { behavior: exits(1, 1) })],
        containers: [regular('app')],
        observeFor: 10,
      }),
    );
    expect(at(withSidecar, 'sc.term')).toBeGreaterThan(at(withSidecar, 'i1.exited'));
    expect(eventsOf(withSidecar, 'Killing', 'sc').map((e) => e.message)).toEqual(['Stopping container sc']);
    expect(forbidden(withSidecar, 'sc.started#2')).toBe(true);
    expect(withSidecar.final.phase.nominal).toBe('Failed');
  });
});

describe('an init container failing under Always or OnFailure (§4.2)', () => {
  for (const restartPolicy of ['Always', 'OnFailure'] as const) {
    it(`is retried under ${restartPolicy}, at once and then with back-off, while the pod stays Pending`, () => {
      const p = predict(
        scenario({
          restartPolicy,
          initContainers: [init('i1', { behavior: exits(1, 1) })],
          containers: [regular('app')],
          observeFor: 30,
        }),
      );
      // the first restart at once: the sync a relist after the exit (up to two relists, Corrections 5) starts it
      expect(follows(p, 'i1.created#2')).toBe('i1.exited');
      expect(windowOf(p, 'i1.created#2')).toEqual(relistThenStart);
      expect(eventsOf(p, 'BackOff', 'i1')[0]?.atSeconds).toBeGreaterThan(at(p, 'i1.exited#2'));
      expect(follows(p, 'i1.created#3')).toBe('i1.exited#2');
      expect(windowOf(p, 'i1.created#3')[0]).toBeGreaterThanOrEqual(10);
      expect(forbidden(p, 'app.created')).toBe(true);
      expect(p.final.phase.nominal).toBe('Pending');
      for (const s of p.final.status.possible) expect(['Init:Error', 'Init:CrashLoopBackOff']).toContain(s);
      // predicted up to the pod's UID, which the API server assigns
      expect(eventsOf(p, 'BackOff', 'i1')[0]?.message).toBe(
        'Back-off restarting failed container i1 in pod demo_{namespace}({uid})',
      );
    });
  }
});

describe('a sidecar with a startup probe gates what follows it (§3.2, Corrections 16)', () => {
  const p = predict(
    scenario({
      initContainers: [
        sidecar('sc', {
          startupProbe: probe({ periodSeconds: 1, failureThreshold: 30, fails: { type: 'until', seconds: 5 } }),
        }),
        init('setup', { behavior: exits(0, 1) }),
      ],
      containers: [regular('app')],
      observeFor: 15,
    }),
  );

  it('starts the next init container only after the startup probe succeeded', () => {
    expect(at(p, 'setup.created')).toBeGreaterThan(at(p, 'sc.startupProbe.succeeded'));
    expect(follows(p, 'setup.created')).toBe('sc.startupProbe.succeeded');
    // a sync after the startup result, then the ensure-image and create steps
    expect(windowOf(p, 'setup.created')).toEqual([
      round(latencies.probeSync.minSeconds + 2 * latencies.criStep.minSeconds),
      round(latencies.probeSync.maxSeconds + 2 * latencies.criStep.maxSeconds),
    ]);
  });

  it('keeps the sidecar running beside the later init container and the regular one', () => {
    expect(only(p, ['sc.started', 'setup.started', 'setup.exited', 'app.started'])).toEqual([
      'sc.started',
      'setup.started',
      'setup.exited',
      'app.started',
    ]);
    expect(has(p, 'sc.exited')).toBe(false);
    expect(p.final.containers['sc']?.state.nominal).toBe('running');
  });

  // The next init container waits for the sidecar's startup result by kubelet.sidecar.start-gate (§3.2,
  // Corrections 16); the link is anchored on `sc.startupProbe.succeeded`.
  it('cites the sidecar start gate for that link', () => {
    expect(point(p, 'setup.created').rule).toBe('kubelet.sidecar.start-gate');
  });
});

describe('a sidecar without a startup probe', () => {
  it('lets the regular containers start at the next sync after it started', () => {
    // the first sync starts sc; the sandbox it created wakes the worker a relist later, and that sync starts app
    const p = predict(scenario({ initContainers: [sidecar('sc')], containers: [regular('app')], observeFor: 5 }));
    expect(at(p, 'app.created')).toBeGreaterThan(at(p, 'sc.started'));
    expect(follows(p, 'app.created')).toBe('pod.created');
    expect(windowOf(p, 'app.created')).toEqual([
      round(latencies.firstSync.minSeconds + relistThenStart[0]),
      round(latencies.firstSync.maxSeconds + relistThenStart[1]),
    ]);
    expect(p.final.containers['sc']?.ready.nominal).toBe(true);
    // when the first sync is still pulling at that relist, the wake-up is served after it: a relist after sc started
    const slowPull = predict(
      scenario({
        initContainers: [sidecar('sc')],
        containers: [regular('app')],
        node: { pullTakesSeconds: 3 },
        observeFor: 8,
      }),
    );
    expect(follows(slowPull, 'app.created')).toBe('sc.started');
    expect(windowOf(slowPull, 'app.created')).toEqual(relistThenStart);
    expect(point(slowPull, 'app.created').rule).toBe('kubelet.sidecar.start-gate');
  });
});

describe('a sidecar is restarted after any exit, whatever the pod policy (§4.2)', () => {
  const p = predict(
    scenario({
      restartPolicy: 'Never',
      initContainers: [sidecar('sc', { behavior: exits(0, 2) })],
      containers: [regular('app')],
      observeFor: 20,
    }),
  );

  it('the first restart at once, the next after a 10 s back-off', () => {
    expect(follows(p, 'sc.created#2')).toBe('sc.exited');
    expect(windowOf(p, 'sc.created#2')).toEqual(relistThenStart);
    expect(follows(p, 'sc.created#3')).toBe('sc.exited#2');
    expect(windowOf(p, 'sc.created#3')[0]).toBeGreaterThanOrEqual(10);
    expect(eventsOf(p, 'BackOff', 'sc')[0]).toMatchObject({
      type: 'Warning',
      // predicted up to the pod's UID, which the API server assigns
      message: 'Back-off restarting failed container sc in pod demo_{namespace}({uid})',
    });
  });

  it('leaves the regular container alone and the pod Running', () => {
    expect(has(p, 'app.term')).toBe(false);
    expect(p.final.phase.nominal).toBe('Running');
    expect(p.final.containers['sc']?.restartCount.nominal).toBeGreaterThanOrEqual(2);
  });
});

describe('sidecars are stopped when the regular containers are done (Corrections 3)', () => {
  const p = predict(
    scenario({
      restartPolicy: 'Never',
      initContainers: [
        sidecar('sc1', { behavior: exitsOnTerm(0, 1) }),
        sidecar('sc2', { behavior: exitsOnTerm(0, 1) }),
      ],
      containers: [regular('app', { behavior: exits(0, 2) })],
      observeFor: 15,
    }),
  );

  it('in reverse order, with the pod-level kill message', () => {
    expect(only(p, ['app.exited', 'sc2.term', 'sc2.exited', 'sc1.term', 'sc1.exited'])).toEqual([
      'app.exited',
      'sc2.term',
      'sc2.exited',
      'sc1.term',
      'sc1.exited',
    ]);
    expect(follows(p, 'sc1.term')).toBe('sc2.exited');
    expect(eventsOf(p, 'Killing').map((e) => e.message)).toEqual(['Stopping container sc1', 'Stopping container sc2']);
  });

  it('and the pod Succeeds: sidecars do not count for the phase', () => {
    expect(p.final.phase.nominal).toBe('Succeeded');
    expect(forbidden(p, 'sc1.started#2')).toBe(true);
  });
});

describe('a sidecar that exits while no regular container runs gates the regular containers again (§3.2)', () => {
  // computeInitContainerActions counts the pod as initialized only while a regular container is Created or Running:
  // the app exits at 10 s, the sidecar's second run at 5 + 5 s, so a sync that sees both exited restarts the sidecar
  // (in back-off for 10 s) and leaves the app until the sidecar runs again
  const p = predict(
    scenario({
      initContainers: [sidecar('sc1', { behavior: exits(1, 5) })],
      containers: [regular('app', { behavior: exits(0, 10) })],
      observeFor: 18,
    }),
  );

  it('does not claim the app restarts straight after its exit', () => {
    expect(has(p, 'app.exited')).toBe(true);
    const restart = findPoint(p, 'app.created#2');
    expect(restart === undefined || restart.certainty === 'possible').toBe(true);
  });
});
