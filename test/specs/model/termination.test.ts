// Pod termination after a delete (KUBELET-FACTS §5, §3.4, Corrections 1, 3, 5): a fresh relist, then every running
// container killed in parallel with the pod's effective grace, sidecars last in reverse order, then pod.gone.
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
  gap,
  has,
  hook,
  ignoresTerm,
  init,
  neverEntry,
  only,
  point,
  pointTexts,
  probe,
  regular,
  round,
  scenario,
  sidecar,
  windowOf,
} from './build-scenario.ts';

const toKillStart: [number, number] = [
  round(latencies.relistBeforeTermination.minSeconds + latencies.killStep.minSeconds),
  round(latencies.relistBeforeTermination.maxSeconds + latencies.killStep.maxSeconds),
];

describe('a delete with the spec grace: preStop, TERM, KILL (§5.2)', () => {
  const p = predict(
    scenario({
      terminationGracePeriodSeconds: 10,
      containers: [regular('app', { behavior: ignoresTerm, preStop: hook(3.5) })],
      actions: [deleteAt(5)],
      observeFor: 30,
    }),
  );

  it('records the delete as pod.deleteRequested at its time', () => {
    expect(point(p, 'pod.deleteRequested')).toMatchObject({ atSeconds: 5, rule: 'term.delete-starts-termination' });
    expect(point(p, 'pod.deleteRequested').follows).toBeUndefined();
  });

  it('starts preStop after a fresh relist (Corrections 5), with Killing "Stopping container app"', () => {
    expect(follows(p, 'app.preStop.started')).toBe('pod.deleteRequested');
    expect(windowOf(p, 'app.preStop.started')).toEqual(toKillStart);
    expect(point(p, 'app.preStop.started').rule).toBe('term.prestop-first');
    const [killing] = eventsOf(p, 'Killing', 'app');
    expect(killing).toMatchObject({ type: 'Normal', message: 'Stopping container app', rule: 'kubelet.kill.parallel' });
    expect(killing?.atSeconds).toBeLessThanOrEqual(at(p, 'app.preStop.started'));
  });

  it('sends TERM when the hook returns and KILL max(g − floor(preStop), 2) = 7 s later', () => {
    expect(follows(p, 'app.term')).toBe('app.preStop.finished');
    expect(point(p, 'app.term').rule).toBe('term.prestop-before-term');
    expect(follows(p, 'app.kill')).toBe('app.term');
    // a 3.5 s hook may take up to 0.5 s more on a real node, so 3 or 4 whole seconds come off the grace (§5.2)
    expect(windowOf(p, 'app.kill')).toEqual([6, 7 + runtimeOverheadSeconds.stopTimeout]);
    // the grace counts from the preStop hook: 3.5 s of hook + 7 s of stop window
    expect(gap(p, 'app.preStop.started', 'app.kill')).toBeCloseTo(10.5, 1);
  });

  it('removes the pod object once every container has stopped', () => {
    expect(follows(p, 'pod.gone')).toBe('app.exited');
    expect(windowOf(p, 'pod.gone')).toEqual([latencies.removal.minSeconds, latencies.removal.maxSeconds]);
    expect(point(p, 'pod.gone').rule).toBe('kubelet.api.gone-after-terminated');
    expect(p.final.gone).toMatchObject({ nominal: true, possible: [true] });
  });

  it('ends Failed: the process died by SIGKILL (137)', () => {
    expect(p.final.containers['app']).toMatchObject({ state: { nominal: 'terminated' }, exitCode: { nominal: 137 } });
    expect(p.final.phase.nominal).toBe('Failed');
  });
});

describe('a preStop hook longer than the grace (§5.2)', () => {
  it('is waited for at most the grace: TERM at the grace, KILL 2 s later', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [regular('app', { behavior: ignoresTerm, preStop: hook(100) })],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    expect(follows(p, 'app.term')).toBe('app.preStop.started');
    // the timer started at the handler call, a setup before the hook's own start (§5.2, §2.3)
    expect(windowOf(p, 'app.term')[0]).toBe(5 - runtimeOverheadSeconds.handler);
    expect(windowOf(p, 'app.kill')).toEqual([2, 2 + runtimeOverheadSeconds.stopTimeout]);
    expect(has(p, 'app.preStop.finished')).toBe(false);
  });

  // the hook is abandoned, not cancelled: it "keeps running while the stop proceeds" (§5.2). The 6 s hook ends 1 s
  // after TERM, while the process (ignoring TERM) lives until KILL at 7 s, so the hook finishes
  it('still finishes when it ends before the container is killed', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [regular('app', { behavior: ignoresTerm, preStop: hook(6) })],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    expect(forbidden(p, 'app.preStop.finished')).toBe(false);
    expect(gap(p, 'app.preStop.started', 'app.preStop.finished')).toBeCloseTo(6, 1);
  });
});

describe('the delete grace (§5.1, §5.2, Corrections 1)', () => {
  it('a delete grace overrides the spec grace', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 30,
        containers: [regular('app', { behavior: ignoresTerm, preStop: hook(1) })],
        actions: [deleteAt(5, 4)],
        observeFor: 30,
      }),
    );
    expect(windowOf(p, 'app.kill')).toEqual([3, 3 + runtimeOverheadSeconds.stopTimeout]);
    expect(follows(p, 'pod.gone')).toBe('app.exited');
  });

  describe('a delete with grace 0 (a force delete)', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 4,
        containers: [regular('app', { behavior: ignoresTerm, preStop: hook(1) })],
        actions: [deleteAt(5, 0)],
        observeFor: 30,
      }),
    );

    it('removes the API object at once', () => {
      expect(follows(p, 'pod.gone')).toBe('pod.deleteRequested');
      expect(windowOf(p, 'pod.gone')).toEqual([latencies.forceRemoval.minSeconds, latencies.forceRemoval.maxSeconds]);
      expect(point(p, 'pod.gone').rule).toBe('kubelet.api.force-delete');
      expect(at(p, 'pod.gone')).toBeLessThan(at(p, 'app.preStop.started'));
    });

    it('still runs preStop and gives the full spec grace on the node (Corrections 1)', () => {
      expect(has(p, 'app.preStop.started')).toBe(true);
      expect(windowOf(p, 'app.preStop.finished')).toEqual([1, 1 + runtimeOverheadSeconds.handler]);
      expect(windowOf(p, 'app.kill')).toEqual([3, 3 + runtimeOverheadSeconds.stopTimeout]);
    });

    it('takes the final state when the object disappeared', () => {
      expect(p.final.gone.nominal).toBe(true);
      expect(p.final.status.nominal).toBe('Terminating');
    });
  });

  it('a delete of a pod already terminal removes it at once and signals nothing', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        containers: [regular('app', { behavior: exits(0, 1), preStop: hook(1) })],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    expect(follows(p, 'pod.gone')).toBe('pod.deleteRequested');
    expect(point(p, 'pod.gone').rule).toBe('kubelet.api.force-delete');
    expect(has(p, 'app.preStop.started')).toBe(false);
    expect(has(p, 'app.term')).toBe(false);
    expect(p.final.phase.nominal).toBe('Succeeded');
  });
});

describe('only running containers are signalled (§5.3)', () => {
  const p = predict(
    scenario({
      restartPolicy: 'OnFailure',
      containers: [regular('done', { behavior: exits(0, 1), preStop: hook(1) }), regular('app', { preStop: hook(1) })],
      actions: [deleteAt(5)],
      observeFor: 30,
    }),
  );

  it('runs preStop and TERM for the running container only', () => {
    expect(has(p, 'app.preStop.started')).toBe(true);
    expect(has(p, 'app.term')).toBe(true);
    expect(eventsOf(p, 'Killing', 'done')).toEqual([]);
  });

  it("lists the exited container's preStop, TERM and KILL as never", () => {
    expect(neverEntry(p, 'done.preStop.started')?.rule).toBe('hooks.prestop-not-on-terminated');
    expect(neverEntry(p, 'done.term')?.rule).toBe('term.only-running-containers');
    expect(neverEntry(p, 'done.kill')?.rule).toBe('term.only-running-containers');
  });
});

describe('all containers are stopped in parallel (§5.3)', () => {
  const p = predict(
    scenario({
      containers: [regular('a', { preStop: hook(1) }), regular('b', { preStop: hook(10) }), regular('c')],
      actions: [deleteAt(5)],
      observeFor: 30,
    }),
  );

  it('emits every Killing and starts every preStop at the same moment', () => {
    const killing = eventsOf(p, 'Killing');
    expect(killing.map((e) => e.container)).toEqual(['a', 'b', 'c']);
    expect(new Set(killing.map((e) => e.atSeconds)).size).toBe(1);
    expect(at(p, 'a.preStop.started')).toBe(at(p, 'b.preStop.started'));
  });

  it("does not hold one container's TERM for another container's preStop", () => {
    expect(follows(p, 'c.term')).toBe('pod.deleteRequested');
    expect(at(p, 'c.term')).toBeLessThan(at(p, 'a.term'));
    expect(at(p, 'a.term')).toBeLessThan(at(p, 'b.preStop.finished'));
    expect(only(p, ['c.term', 'a.term', 'b.term'])).toEqual(['c.term', 'a.term', 'b.term']);
  });

  it('removes the pod after the last container exited', () => {
    expect(follows(p, 'pod.gone')).toBe('b.exited');
  });
});

describe('sidecars stop after the regular containers, in reverse order (§3.4)', () => {
  const p = predict(
    scenario({
      terminationGracePeriodSeconds: 10,
      initContainers: [sidecar('sc1'), sidecar('sc2', { preStop: hook(1) })],
      containers: [regular('app', { behavior: exitsOnTerm(0, 3) }), regular('web', { behavior: exitsOnTerm(143, 1) })],
      actions: [deleteAt(5)],
      observeFor: 30,
    }),
  );

  it('starts every preStop at once, sidecars included, and TERMs the regular containers at once', () => {
    expect(at(p, 'sc2.preStop.started')).toBeLessThanOrEqual(at(p, 'app.term'));
    expect(at(p, 'app.term')).toBe(at(p, 'web.term'));
    expect(new Set(eventsOf(p, 'Killing').map((e) => e.atSeconds)).size).toBe(1);
  });

  it('TERMs sc2 once every regular container exited, then sc1 once sc2 exited', () => {
    expect(only(p, ['web.exited', 'app.exited', 'sc2.term', 'sc2.exited', 'sc1.term'])).toEqual([
      'web.exited',
      'app.exited',
      'sc2.term',
      'sc2.exited',
      'sc1.term',
    ]);
    expect(follows(p, 'sc2.term')).toBe('app.exited');
    expect(follows(p, 'sc1.term')).toBe('sc2.exited');
  });

  it('attributes the sidecar TERMs to the termination order, the regular ones to the parallel kill, the removal to the last exit', () => {
    // sc1's TERM waited for its turn (§3.4); app's came straight after the delete's kill step (§5.3)
    expect(point(p, 'sc1.term').rule).toBe('kubelet.sidecar.termination-order');
    expect(point(p, 'sc2.term').rule).toBe('kubelet.sidecar.termination-order');
    expect(point(p, 'app.term').rule).toBe('term.parallel-containers');
    expect(follows(p, 'pod.gone')).toBe('sc1.exited');
  });
});

describe('the grace left to a sidecar (§3.4)', () => {
  it('is the pod grace less the preStop seconds and the whole seconds waited, at least 2', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 10,
        initContainers: [sidecar('sc', { behavior: ignoresTerm, preStop: hook(2) })],
        containers: [regular('app', { behavior: exitsOnTerm(0, 4.5) })],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    // waited from the hook's end until app exited: 2.5 s → 2 whole seconds; 10 − 2 − 2 = 6
    const waited = gap(p, 'sc.preStop.finished', 'app.exited');
    expect(Math.floor(waited)).toBe(2);
    expect(follows(p, 'sc.term')).toBe('app.exited');
    // nominally 6; how long the sidecar waits for its turn depends on the other containers' timing, so under some
    // timing the stop window shrinks to the 2 s minimum, and without the wait it is 10 − 2 = 8 s (§3.4)
    expect(windowOf(p, 'sc.kill')).toEqual([2, 8 + runtimeOverheadSeconds.stopTimeout]);
    expect(gap(p, 'sc.term', 'sc.kill')).toBeCloseTo(6, 0);
  });

  it('a regular container that outlives the grace: the sidecar gets TERM at the grace and KILL 2 s later', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 10,
        initContainers: [sidecar('sc', { behavior: ignoresTerm })],
        containers: [regular('app', { behavior: ignoresTerm })],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    const start = eventsOf(p, 'Killing', 'sc')[0]?.atSeconds ?? NaN;
    expect(at(p, 'sc.term') - start).toBeGreaterThanOrEqual(10);
    expect(at(p, 'sc.term') - start).toBeLessThan(10.5);
    // nominally 2; the window allows the whole grace, which a sidecar whose turn comes at once keeps (§3.4)
    expect(windowOf(p, 'sc.kill')).toEqual([2, 10 + runtimeOverheadSeconds.stopTimeout]);
    expect(gap(p, 'sc.term', 'sc.kill')).toBeCloseTo(2, 0);
    expect(windowOf(p, 'app.kill')).toEqual([10, 10 + runtimeOverheadSeconds.stopTimeout]);
  });
});

describe('during termination', () => {
  it('a container that exits is not restarted (§3.4)', () => {
    const p = predict(
      scenario({ containers: [regular('app', { behavior: exitsOnTerm(1) })], actions: [deleteAt(5)], observeFor: 30 }),
    );
    expect(has(p, 'app.started#2')).toBe(false);
    expect(neverEntry(p, 'app.started#2')?.rule).toBe('kubelet.restart.should-restart');
  });

  it('liveness probing stops at SyncTerminatingPod, before TERM (§5.3, Corrections 20)', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 10,
        containers: [
          regular('app', {
            behavior: exitsOnTerm(0, 8),
            livenessProbe: probe({ periodSeconds: 1, failureThreshold: 1, fails: { type: 'afterTerm', seconds: 0 } }),
          }),
        ],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    const runs = pointTexts(p, (x) => x.nominal && x.ref.scope === 'container' && x.ref.name === 'livenessProbe.ran');
    // a tick between the delete and SyncTerminatingPod still runs; none comes after the kill began
    const killing = eventsOf(p, 'Killing', 'app')[0]?.atSeconds ?? 0;
    expect(runs.some((r) => at(p, r) > 5)).toBe(true);
    for (const r of runs) expect(at(p, r)).toBeLessThanOrEqual(killing);
    expect(eventsOf(p, 'Unhealthy', 'app').filter((e) => e.certainty === 'certain' || e.nominal)).toEqual([]);
    expect(eventsOf(p, 'Killing', 'app').map((e) => e.message)).toEqual(['Stopping container app']);
  });

  it('a regular init container still running gets TERM', () => {
    const p = predict(
      scenario({
        initContainers: [init('setup')],
        containers: [regular('app')],
        actions: [deleteAt(3)],
        observeFor: 30,
      }),
    );
    expect(follows(p, 'setup.term')).toBe('pod.deleteRequested');
    expect(forbidden(p, 'app.started')).toBe(true);
    expect(p.final.gone.nominal).toBe(true);
  });

  it('a delete during a hanging postStart takes effect only when the sync returns (§1.1)', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [regular('app', { postStart: hook(10) })],
        actions: [deleteAt(3)],
        observeFor: 30,
      }),
    );
    expect(at(p, 'app.term')).toBeGreaterThan(at(p, 'app.postStart.finished'));
    expect(eventsOf(p, 'Killing', 'app')[0]?.atSeconds).toBeGreaterThan(at(p, 'app.postStart.finished'));
  });
});
