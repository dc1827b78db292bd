// Probe workers and what their results do (KUBELET-FACTS §6.2, §6.3, Corrections 2, 7, 11): startup gates liveness
// and readiness, thresholds, initialDelaySeconds, liveness and startup kills, readiness during termination.
import { runtimeOverheadSeconds } from '../../../specs/model/latencies.ts';
import { describe, expect, it } from 'vitest';
import { latencies, predict } from '../../../specs/model/index.ts';
import type { Prediction } from '../../../specs/vocabulary/index.ts';
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
  point,
  pointTexts,
  probe,
  regular,
  round,
  scenario,
  sidecar,
  windowOf,
} from './build-scenario.ts';

/**
 * The window of a point that a probe result at nominal time `resultAt` causes, anchored on `started`: which tick a
 * run falls on is pinned by no rule, so the gap since the start is widened by the container's longest probe period
 * plus 2.2 s either way (never below 0), then the delays from the result to the point are added.
 */
function aroundStart(
  p: Prediction,
  started: string,
  resultAt: number,
  periodSeconds: number,
  after: ReadonlyArray<{ readonly minSeconds: number; readonly maxSeconds: number }> = [],
): [number, number] {
  const since = resultAt - at(p, started);
  return [
    round(Math.max(0, since - periodSeconds - 2.2) + after.reduce((s, d) => s + d.minSeconds, 0)),
    // the result comes up to the handler's overhead after the run (an exec round trip, an HTTP request; §6.2)
    round(since + periodSeconds + 2.2 + runtimeOverheadSeconds.handler + after.reduce((s, d) => s + d.maxSeconds, 0)),
  ];
}

/** The nominal runs of one probe of one container, as point texts in time order. */
function runs(p: Prediction, container: string, type: string): string[] {
  return pointTexts(
    p,
    (x) => x.nominal && x.ref.scope === 'container' && x.ref.container === container && x.ref.name === `${type}.ran`,
  );
}

describe('the startup probe gates liveness and readiness (§6.2)', () => {
  const p = predict(
    scenario({
      containers: [
        regular('app', {
          startupProbe: probe({ periodSeconds: 1, failureThreshold: 30, fails: { type: 'until', seconds: 4 } }),
          livenessProbe: probe({ periodSeconds: 1 }),
          readinessProbe: probe({ periodSeconds: 10 }),
        }),
      ],
      observeFor: 12,
    }),
  );

  it('publishes startup success after the first passing run', () => {
    const succeeded = point(p, 'app.startupProbe.succeeded');
    expect(succeeded.rule).toBe('probe.liveness-after-startup');
    // at the first passing run (the probe takes no time) ...
    const startupRuns = runs(p, 'app', 'startupProbe');
    expect(succeeded.atSeconds).toBe(at(p, startupRuns.at(-1) ?? ''));
    expect(gap(p, 'app.started', 'app.startupProbe.succeeded')).toBeGreaterThanOrEqual(4);
    // ... anchored on the container's start, one period wide (the readiness probe's 10 s is the longest)
    expect(follows(p, 'app.startupProbe.succeeded')).toBe('app.started');
    expect(windowOf(p, 'app.startupProbe.succeeded')).toEqual(aroundStart(p, 'app.started', succeeded.atSeconds, 10));
    // the runs themselves are unpinned: possible at any time after the pod was created
    for (const r of startupRuns) {
      expect(follows(p, r)).toBe('pod.created');
      expect(point(p, r)).toMatchObject({
        window: { minSeconds: 0, maxSeconds: Number.MAX_SAFE_INTEGER },
        certainty: 'possible',
        rule: 'kubelet.probe.worker-ticks',
      });
    }
    // the first run comes after the status write that shows the container running (the sandbox's wake-up sync)
    expect(at(p, startupRuns[0] ?? '')).toBeGreaterThan(at(p, 'pod.initialized') + latencies.relist.nominalSeconds);
  });

  it('runs no liveness or readiness probe before that', () => {
    const t = at(p, 'app.startupProbe.succeeded');
    for (const r of [...runs(p, 'app', 'livenessProbe'), ...runs(p, 'app', 'readinessProbe')]) {
      expect(at(p, r)).toBeGreaterThan(t);
    }
    expect(runs(p, 'app', 'livenessProbe').length).toBeGreaterThan(0);
  });

  it('stops the startup probe once it succeeded', () => {
    for (const r of runs(p, 'app', 'startupProbe'))
      expect(at(p, r)).toBeLessThanOrEqual(at(p, 'app.startupProbe.succeeded'));
  });

  it('emits Warning Unhealthy "Startup probe failed: …" for each failed run', () => {
    // the nominal ones: which runs a worker makes depends on tick phases, so every probe may record others (Corrections 24)
    const failed = eventsOf(p, 'Unhealthy', 'app').filter((e) => e.nominal);
    expect(failed.length).toBe(runs(p, 'app', 'startupProbe').length - 1);
    for (const e of failed) {
      expect(e.type).toBe('Warning');
      expect(e.message.startsWith('Startup probe failed: ')).toBe(true);
      expect(e.rule).toBe('kubelet.probe.unhealthy-event');
    }
  });

  it('is ready soon after startup success: the readiness probe is triggered at once, not at its next tick', () => {
    // the readiness period is 10 s; the status write after the startup result triggers a readiness run
    const ready = at(p, 'app.ready');
    expect(ready).toBeGreaterThan(at(p, 'app.startupProbe.succeeded'));
    expect(ready - at(p, 'app.startupProbe.succeeded')).toBeLessThan(latencies.probeSync.maxSeconds + 0.5);
    // the first readiness run comes with the status write of the sync after the startup result, off its own ticks,
    // and the result reaches the API through the status manager at once
    const firstRun = at(p, runs(p, 'app', 'readinessProbe')[0] ?? '');
    expect(firstRun - at(p, 'app.startupProbe.succeeded')).toBeCloseTo(latencies.probeSync.nominalSeconds, 6);
    expect(ready - firstRun).toBeCloseTo(latencies.readinessWrite.nominalSeconds, 6);
    expect(point(p, 'app.ready').rule).toBe('kubelet.probe.readiness');
    // anchored on the container's start, one period wide around the run
    expect(follows(p, 'app.ready')).toBe('app.started');
    expect(windowOf(p, 'app.ready')).toEqual(aroundStart(p, 'app.started', firstRun, 10, [latencies.readinessWrite]));
  });
});

describe('initialDelaySeconds (§6.2)', () => {
  const p = predict(
    scenario({
      containers: [regular('app', { readinessProbe: probe({ periodSeconds: 1, initialDelaySeconds: 3 }) })],
      observeFor: 8,
    }),
  );

  it('skips every tick while the whole seconds since the start are below the delay', () => {
    const first = runs(p, 'app', 'readinessProbe')[0] ?? '';
    const since = at(p, first) - at(p, 'app.started');
    expect(Math.floor(since)).toBeGreaterThanOrEqual(3);
    // the first tick past the delay, one period at most
    expect(since).toBeLessThan(3 + 1 + 0.01);
  });

  it('keeps the container unready until then', () => {
    expect(at(p, 'app.ready')).toBeGreaterThanOrEqual(at(p, 'app.started') + 3);
  });
});

describe('thresholds (§6.2)', () => {
  it('a liveness failure is acted on only after failureThreshold consecutive failures', () => {
    const p = predict(
      scenario({
        containers: [
          regular('app', {
            livenessProbe: probe({ periodSeconds: 2, failureThreshold: 3, fails: { type: 'from', seconds: 3 } }),
          }),
        ],
        observeFor: 12,
      }),
    );
    const failed = eventsOf(p, 'Unhealthy', 'app').filter((e) => e.atSeconds < at(p, 'app.term'));
    expect(failed.map((e) => e.message)).toEqual([
      'Liveness probe failed: {output}',
      'Liveness probe failed: {output}',
      'Liveness probe failed: {output}',
    ]);
    const killing = eventsOf(p, 'Killing', 'app')[0];
    expect(killing?.message).toBe('Container app failed liveness probe, will be restarted');
    expect(killing?.atSeconds).toBeGreaterThan(failed[2]?.atSeconds ?? Infinity);
    // the kill comes a sync after the run that reached the threshold (Killing, then the stop) ...
    const thirdFailingRun = runs(p, 'app', 'livenessProbe').find((r) => at(p, r) === failed[2]?.atSeconds) ?? '';
    const kill = [latencies.probeSync, latencies.killStep, latencies.killStep];
    expect(at(p, 'app.term') - at(p, thirdFailingRun)).toBeCloseTo(
      kill.reduce((s, d) => s + d.nominalSeconds, 0),
      6,
    );
    // ... anchored on the container's start, one period (2 s) wide around that run
    expect(follows(p, 'app.term')).toBe('app.started');
    expect(windowOf(p, 'app.term')).toEqual(aroundStart(p, 'app.started', at(p, thirdFailingRun), 2, kill));
  });

  it('readiness turns true only after successThreshold consecutive successes', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { readinessProbe: probe({ periodSeconds: 1, successThreshold: 3 }) })],
        observeFor: 8,
      }),
    );
    const ready = at(p, 'app.ready');
    const before = runs(p, 'app', 'readinessProbe').filter((r) => at(p, r) <= ready);
    expect(before.length).toBeGreaterThanOrEqual(3);
  });

  it('a run longer than timeoutSeconds counts as a failure', () => {
    const p = predict(
      scenario({
        containers: [
          regular('app', { livenessProbe: probe({ periodSeconds: 1, failureThreshold: 2, takesSeconds: 2 }) }),
        ],
        observeFor: 6,
      }),
    );
    expect(eventsOf(p, 'Unhealthy', 'app').length).toBeGreaterThanOrEqual(2);
    expect(has(p, 'app.term')).toBe(true);
  });
});

describe('a liveness kill (§6.3, §5.2)', () => {
  const livenessKill = (graceOnProbe?: number): Prediction =>
    predict(
      scenario({
        terminationGracePeriodSeconds: 30,
        containers: [
          regular('app', {
            behavior: ignoresTerm,
            livenessProbe: probe({
              periodSeconds: 1,
              failureThreshold: 1,
              fails: { type: 'from', seconds: 2 },
              ...(graceOnProbe === undefined ? {} : { terminationGracePeriodSeconds: graceOnProbe }),
            }),
          }),
        ],
        observeFor: 40,
      }),
    );

  it('uses the probe-level grace when it is set', () => {
    const p = livenessKill(5);
    expect(follows(p, 'app.kill')).toBe('app.term');
    expect(windowOf(p, 'app.kill')).toEqual([5, 5 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('uses the pod grace otherwise', () => {
    const p = livenessKill();
    expect(windowOf(p, 'app.kill')).toEqual([30, 30 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('restarts the container at once, and the new instance is probed afresh', () => {
    const p = livenessKill(5);
    expect(follows(p, 'app.created#2')).toBe('app.exited');
    expect(gap(p, 'app.exited', 'app.started#2')).toBeLessThan(1);
    // no failure is carried over: the new instance runs its first 2 s without Unhealthy
    const unhealthyAfter = eventsOf(p, 'Unhealthy', 'app').filter(
      (e) => e.atSeconds > at(p, 'app.started#2') && e.atSeconds < at(p, 'app.started#2') + 2,
    );
    expect(unhealthyAfter).toEqual([]);
    expect(p.final.containers['app']?.restartCount.nominal).toBeGreaterThanOrEqual(1);
  });
});

describe('a startup probe that never passes (§6.3)', () => {
  const p = predict(
    scenario({
      containers: [
        regular('app', { startupProbe: probe({ periodSeconds: 1, failureThreshold: 2, fails: { type: 'always' } }) }),
      ],
      observeFor: 6,
    }),
  );

  it('kills the container with "Container app failed startup probe, will be restarted" and restarts it', () => {
    expect(eventsOf(p, 'Killing', 'app')[0]?.message).toBe('Container app failed startup probe, will be restarted');
    expect(has(p, 'app.started#2')).toBe(true);
    expect(has(p, 'app.startupProbe.succeeded')).toBe(false);
  });
});

describe('under restartPolicy Never (Corrections 2, §3.3)', () => {
  const liveness = probe({
    periodSeconds: 1,
    failureThreshold: 2,
    terminationGracePeriodSeconds: 3,
    fails: { type: 'always' },
  });

  describe('with nothing else running, a liveness failure kills the whole pod', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 10,
        containers: [regular('app', { behavior: ignoresTerm, livenessProbe: liveness })],
        observeFor: 30,
      }),
    );

    it('with Killing "Stopping container app"', () => {
      expect(eventsOf(p, 'Killing', 'app').map((e) => e.message)).toEqual(['Stopping container app']);
    });

    it('with the pod grace, not the probe grace', () => {
      expect(windowOf(p, 'app.kill')).toEqual([10, 10 + runtimeOverheadSeconds.stopTimeout]);
    });

    it('and the pod ends Failed without a restart', () => {
      expect(forbidden(p, 'app.started#2')).toBe(true);
      expect(p.final.phase.nominal).toBe('Failed');
      expect(p.final.containers['app']?.exitCode.nominal).toBe(137);
    });
  });

  describe('with another container running, only the failing one is killed', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 10,
        containers: [regular('app', { behavior: ignoresTerm, livenessProbe: liveness }), regular('other')],
        observeFor: 30,
      }),
    );

    it('with a message without ", will be restarted" and the probe grace', () => {
      expect(eventsOf(p, 'Killing', 'app').map((e) => e.message)).toEqual(['Container app failed liveness probe']);
      expect(windowOf(p, 'app.kill')).toEqual([3, 3 + runtimeOverheadSeconds.stopTimeout]);
      expect(eventsOf(p, 'Killing', 'other')).toEqual([]);
    });

    it('and not restarted; the pod keeps running', () => {
      expect(forbidden(p, 'app.started#2')).toBe(true);
      expect(p.final.phase.nominal).toBe('Running');
      expect(p.final.containers['other']?.state.nominal).toBe('running');
    });
  });
});

describe('a sidecar failing its liveness probe (Corrections 11)', () => {
  const p = predict(
    scenario({
      initContainers: [
        sidecar('sc', {
          livenessProbe: probe({ periodSeconds: 1, failureThreshold: 1, fails: { type: 'from', seconds: 2 } }),
        }),
      ],
      containers: [regular('app')],
      observeFor: 5,
    }),
  );

  it('is killed with "Init container sc failed liveness probe" and started again', () => {
    expect(eventsOf(p, 'Killing', 'sc').map((e) => e.message)).toEqual(['Init container sc failed liveness probe']);
    expect(has(p, 'sc.started#2')).toBe(true);
    expect(has(p, 'app.term')).toBe(false);
  });
});

describe('readiness during termination (§5.3, §6.3)', () => {
  const p = predict(
    scenario({
      terminationGracePeriodSeconds: 20,
      containers: [
        regular('app', {
          behavior: exitsOnTerm(0, 8),
          readinessProbe: probe({ periodSeconds: 1, failureThreshold: 1, fails: { type: 'afterTerm', seconds: 2 } }),
        }),
      ],
      actions: [deleteAt(5)],
      observeFor: 20,
    }),
  );

  it('keeps probing after the delete', () => {
    const after = runs(p, 'app', 'readinessProbe').filter((r) => at(p, r) > at(p, 'app.term'));
    expect(after.length).toBeGreaterThan(2);
    const failed = eventsOf(p, 'Unhealthy', 'app');
    expect(failed[0]?.message).toBe('Readiness probe failed: {output}');
    expect(failed[0]?.atSeconds).toBeGreaterThanOrEqual(at(p, 'app.term') + 2);
  });

  it('turns the container and the pod unready before the container exits', () => {
    expect(at(p, 'app.unready')).toBeLessThan(at(p, 'app.exited'));
    expect(at(p, 'pod.unready')).toBeLessThan(at(p, 'app.exited'));
    expect(point(p, 'app.unready').rule).toBe('kubelet.probe.readiness');
  });
});

describe('readiness without a readiness probe', () => {
  it('a started container is ready at the next status write', () => {
    // the first sync's status predates the start; the next write is the sandbox's wake-up sync, a relist later
    const p = predict(scenario({ containers: [regular('app')], observeFor: 3 }));
    expect(at(p, 'app.ready')).toBeGreaterThan(at(p, 'app.started'));
    expect(at(p, 'app.ready') - at(p, 'pod.initialized')).toBeCloseTo(latencies.relist.nominalSeconds, 6);
    // a status write is pinned only after the pod's creation, not to the sync's trigger nor to a start whose number
    // varies with the timing (R16)
    expect(follows(p, 'app.ready')).toBe('pod.created');
    expect(point(p, 'app.ready').window).toEqual({ minSeconds: 0, maxSeconds: Number.MAX_SAFE_INTEGER });
    expect(p.final.containers['app']?.ready.nominal).toBe(true);
    expect(p.final.conditions['Ready']?.status.nominal).toBe('True');
    // when the first sync is still pulling at that relist, the wake-up waits for it: ready a relist after the start
    const slowPull = predict(scenario({ containers: [regular('app')], node: { pullTakesSeconds: 3 }, observeFor: 8 }));
    expect(at(slowPull, 'app.ready') - at(slowPull, 'app.started')).toBeCloseTo(latencies.relist.nominalSeconds, 6);
  });
});

describe('readiness after the container exits (§1.3, §6.2, Corrections 4, 7, 12)', () => {
  // The status manager's view of the container, which the readiness worker reads, changes only at the next sync after
  // a relist has seen the exit (§1.2, §1.3); until then the worker still probes a "running" container and an exec
  // probe against it errors and is discarded (Corrections 7, 12). So the container turns unready at that status
  // write, up to a relist after its exit, as one without a readiness probe does.
  it('turns unready at the next status write, up to a relist after the exit', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        containers: [
          regular('app', { behavior: exits(1, 3), readinessProbe: probe({ periodSeconds: 10 }) }),
          regular('other'),
        ],
        observeFor: 10,
      }),
    );
    expect(at(p, 'app.unready') - at(p, 'app.exited')).toBeCloseTo(latencies.relist.nominalSeconds, 6);
    // a status write is pinned only after the pod's creation, not to the sync's trigger nor to a start whose number
    // varies with the timing (R16)
    expect(follows(p, 'app.unready')).toBe('pod.created');
    expect(point(p, 'app.unready').window).toEqual({ minSeconds: 0, maxSeconds: Number.MAX_SAFE_INTEGER });
  });

  // Defect: during termination the container statuses are not refreshed (Corrections 4), so the readiness worker
  // keeps seeing the exited container as running; its exec probe against the stopped container errors and the result
  // is discarded (Corrections 7, 12). The container stays ready, as one without a readiness probe does; the model
  // turns it unready as soon as it exits.
  it('stays ready when it exits during termination and its probe is exec', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 30,
        containers: [
          regular('a', { readinessProbe: probe({ periodSeconds: 1 }) }),
          regular('b', { behavior: ignoresTerm }),
        ],
        actions: [deleteAt(5)],
        observeFor: 15,
      }),
    );
    expect(at(p, 'a.exited')).toBeLessThan(15);
    expect(has(p, 'a.unready')).toBe(false);
    expect(p.final.containers['a']?.ready.nominal).toBe(true);
  });
});

describe('probes follow the kubelet status view, not the runtime (§1.3, §6.2)', () => {
  // Defect: a probe worker reads the container from the status manager (§6.2: "container not running → …"), and while
  // a postStart hook blocks the sync that status still shows the container waiting in ContainerCreating (§1.3); so no
  // probe runs until the sync after the hook writes the container as running. The model probes the running process
  // during the hook: it predicts Unhealthy events that never come and a liveness kill about 6 s too early.
  it('runs no probe while a hanging postStart keeps the container ContainerCreating', () => {
    const p = predict(
      scenario({
        containers: [
          regular('app', {
            postStart: hook(20),
            livenessProbe: probe({ periodSeconds: 2, failureThreshold: 3, fails: { type: 'always' } }),
          }),
        ],
        observeFor: 30,
      }),
    );
    const hookEnd = at(p, 'app.postStart.finished');
    expect(runs(p, 'app', 'livenessProbe').filter((r) => at(p, r) < hookEnd)).toEqual([]);
    expect(eventsOf(p, 'Unhealthy', 'app').filter((e) => e.atSeconds < hookEnd)).toEqual([]);
    // three failing runs, two seconds apart, once the status shows the container running
    expect(at(p, 'app.term') - hookEnd).toBeGreaterThanOrEqual(2 * 2);
  });
});

describe('a manual readiness trigger resets the ticker (Corrections 24)', () => {
  // readiness every 4 s from the first sync; the container is started and not yet ready when later status writes
  // trigger a readiness run at once: the next tick then comes a full period after that run, off the first grid
  const p = predict(
    scenario({
      containers: [
        regular('app', {
          readinessProbe: probe({ periodSeconds: 4, failureThreshold: 1, fails: { type: 'until', seconds: 9 } }),
        }),
      ],
      observeFor: 20,
    }),
  );
  it('runs the next tick a full period after the triggered run, off the grid the worker started on', () => {
    const times = runs(p, 'app', 'readinessProbe').map((r) => at(p, r));
    // the worker starts at the first sync (the first status write); its first tick finds nothing running yet
    const workerStart = at(p, 'pod.initialized');
    const triggered = times[0] ?? NaN;
    const offGrid = ((triggered - workerStart) / 4) % 1;
    expect(offGrid).toBeGreaterThan(0.01);
    expect(offGrid).toBeLessThan(0.99);
    for (let i = 1; i < times.length; i++) expect((times[i] ?? 0) - (times[i - 1] ?? 0)).toBeCloseTo(4, 6);
  });
});

describe('failures that last only a while after the start (§6.2: tick phase, startup gate)', () => {
  const withReadiness = (fields: Parameters<typeof regular>[1]): ReturnType<typeof predict> =>
    predict(scenario({ containers: [regular('app', fields)], observeFor: 40 }));
  const readinessFailed = (p: ReturnType<typeof predict>): string[] =>
    eventsOf(p, 'Unhealthy', 'app')
      .filter((e) => e.message.startsWith('Readiness probe failed'))
      .map((e) => e.certainty);

  it('behind a startupProbe, a readiness failure until 6 s is only possible: startup may succeed after it', () => {
    const p = withReadiness({
      startupProbe: probe({ periodSeconds: 10 }),
      readinessProbe: probe({ periodSeconds: 1, fails: { type: 'until', seconds: 6 } }),
    });
    expect(readinessFailed(p).length).toBeGreaterThan(0);
    expect(readinessFailed(p).every((c) => c === 'possible')).toBe(true);
  });

  it('without a gate, a failure lasting several periods is run into by every tick phase: certain', () => {
    const p = withReadiness({ readinessProbe: probe({ periodSeconds: 1, fails: { type: 'until', seconds: 6 } }) });
    expect(readinessFailed(p)).toContain('certain');
  });
});
