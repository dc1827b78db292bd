// The observation of recorded podman runs: which source gives which point, the final state, what podman cannot
// show, and the differ's verdict on what podman did (a failure must name the rule podman broke).
import { describe, expect, it } from 'vitest';
import { assembleObservation, type PodRunRecord } from '../../../../harness/backends/podman/observation.ts';
import { diff } from '../../../../harness/diff/diff.ts';
import type { Violation } from '../../../../harness/diff/violation.ts';
import { predict } from '../../../../specs/model/index.ts';
import type { Observation } from '../../../../specs/vocabulary/index.ts';
import { fixtureCase, recordedRun } from './recorded-run.ts';

function times(o: Observation, point: string): number[] {
  return o.points.filter((p) => p.point === point).map((p) => p.t);
}

function one(o: Observation, point: string): number {
  const [t, ...more] = times(o, point);
  if (t === undefined || more.length > 0) throw new Error(`${point}: expected once, got ${times(o, point).length}`);
  return t;
}

/** A failure on a point the backend declared it cannot see would be the suite crying wolf. */
function expectNoFailureOnHiddenPoints(violations: ReadonlyArray<Violation>, o: Observation): void {
  const hidden = new Set(o.unobservablePoints);
  for (const v of violations) {
    const name = ('point' in v ? v.point : '').replace(/#\d+$/, '').split('.').slice(1).join('.');
    expect(hidden.has(name)).toBe(false);
  }
}

describe('init-term-kill (init container, TERM ignored, pod stop -t 2)', () => {
  const o = assembleObservation(recordedRun('init-term-kill'));

  it('takes starts, exits and TERM from the markers and creation from the init events, in spec order', () => {
    expect(one(o, 'pod.created')).toBe(0);
    expect(one(o, 'init1.created')).toBeLessThan(one(o, 'init1.started'));
    expect(one(o, 'init1.exited') - one(o, 'init1.started')).toBeCloseTo(0.5, 1);
    expect(one(o, 'app.created')).toBeGreaterThan(one(o, 'init1.exited'));
    expect(one(o, 'quick.exited') - one(o, 'quick.started')).toBeCloseTo(0.3, 1);
    expect(one(o, 'pod.deleteRequested')).toBeCloseTo(3, 2);
    expect(one(o, 'app.term')).toBeGreaterThan(one(o, 'pod.deleteRequested'));
  });

  it('times the unmarkable SIGKILL by inspect FinishedAt, grace seconds after TERM', () => {
    expect(one(o, 'app.kill')).toBe(one(o, 'app.exited'));
    expect(one(o, 'app.kill') - one(o, 'app.term')).toBeGreaterThanOrEqual(2);
    expect(one(o, 'app.kill') - one(o, 'app.term')).toBeLessThan(2.2);
    expect(times(o, 'quick.kill')).toEqual([]);
  });

  it('reports the final state from inspect, a removed init container as terminated with its exit code, and the CRI reason', () => {
    expect(o.final.containers).toEqual({
      init1: { state: 'terminated', everStarted: true, restartCount: 0, exitCode: 0, reason: 'Completed' },
      app: { state: 'terminated', everStarted: true, restartCount: 0, exitCode: 137, reason: 'Error' },
      quick: { state: 'terminated', everStarted: true, restartCount: 0, exitCode: 3, reason: 'Error' },
    });
    expect(o.final.phase).toBeUndefined();
    expect(o.final.conditions).toBeUndefined();
    expect(o.events).toBeUndefined();
  });

  it('declares what podman cannot show, but never hooks: their markers are podman running them', () => {
    expect(o.unobservablePoints).toEqual(expect.arrayContaining(['ready', 'initialized', 'gone', 'pulled']));
    expect(o.unobservablePoints).not.toContain('preStop.started');
    expect(o.unobservablePoints).not.toContain('postStart.started');
    expect(o.unobservablePoints).not.toContain('started');
  });
});

describe('crash-loop-always (restartPolicy Always, exit 2 every 0.3 s)', () => {
  const record = recordedRun('crash-loop-always');
  const o = assembleObservation(record);

  it('sees every restart and no back-off between them', () => {
    const starts = times(o, 'crash.started');
    const exits = times(o, 'crash.exited');
    expect(starts.length).toBe(4);
    expect(times(o, 'crash.created').length).toBe(4);
    for (let i = 1; i < starts.length; i += 1) expect((starts[i] ?? 0) - (exits[i - 1] ?? 0)).toBeLessThan(0.5);
  });

  it('is judged by the differ: restarts the kubelet would still hold back, and a grace below the 2 s floor', () => {
    const { scenario } = fixtureCase('crash-loop-always');
    const verdict = diff(predict(scenario), o, { toleranceSeconds: o.clock.resolution });
    expect(verdict.status).toBe('fail');
    const rules = new Set(verdict.violations.map((v) => v.rule));
    // Within 2.5 s a kubelet restarts once (the back-off starts after that); podman restarted three times.
    expect(rules).toContain('kubelet.restart.should-restart');
    // pod stop -t 1 KILLs after 1 s; the kubelet raises any grace below 2 s to 2 s (KUBELET-FACTS Corrections).
    expect(rules).toContain('kubelet.grace.minimum');
    expectNoFailureOnHiddenPoints(verdict.violations, o);
  });

  it('takes an unmarked exit of an earlier run from its died event, less the lag', () => {
    const withoutFirstExit: PodRunRecord = {
      ...record,
      markers: record.markers.filter(
        (m, i, all) => !(m.event === 'exiting' && all.indexOf(m) === all.findIndex((x) => x.event === 'exiting')),
      ),
    };
    const died = record.events.find((e) => e.status === 'died' && e.name.endsWith('-crash'));
    const first = times(assembleObservation(withoutFirstExit), 'crash.exited')[0];
    expect(first).toBeCloseTo((died?.epochSeconds ?? 0) - record.diedLagSeconds - record.createdEpoch, 5);
    expect(times(assembleObservation(withoutFirstExit), 'crash.kill')).toEqual([]);
  });
});

describe('init-term-kill judged', () => {
  it('fails only on the start order podman does not keep (containers start in map order, PODMAN.md §2)', () => {
    const o = assembleObservation(recordedRun('init-term-kill'));
    const verdict = diff(predict(fixtureCase('init-term-kill').scenario), o, { toleranceSeconds: o.clock.resolution });
    expect(verdict.violations.map((v) => v.rule)).toEqual(['kubelet.start.serial']);
    expect(verdict.unobserved).toEqual(expect.arrayContaining(['pod.initialized', 'final.phase', 'events']));
  });
});

describe('crash-loop-backoff (restartPolicy Always, exit 1 after 1 s, 13 s observed)', () => {
  it('fails the back-off rule: podman restarts ~0.3 s after each exit where a kubelet waits 10 s, 20 s, ...', () => {
    const o = assembleObservation(recordedRun('crash-loop-backoff'));
    expect(times(o, 'crash.started').length).toBeGreaterThanOrEqual(8);
    const verdict = diff(predict(fixtureCase('crash-loop-backoff').scenario), o, {
      toleranceSeconds: o.clock.resolution,
    });
    expect(verdict.status).toBe('fail');
    expect(verdict.violations.some((v) => v.rule.startsWith('kubelet.backoff.'))).toBe(true);
    expectNoFailureOnHiddenPoints(verdict.violations, o);
  });
});

describe('the end of the observation (observeFor)', () => {
  it('leaves out what came after it, and shows a container that exited later as running at the end', () => {
    const record = recordedRun('init-term-kill');
    const killedAt = assembleObservation(record).points.find((p) => p.point === 'app.kill')?.t ?? 0;
    const o = assembleObservation({ ...record, endEpoch: record.createdEpoch + killedAt - 0.5 });
    expect(times(o, 'app.kill')).toEqual([]);
    expect(times(o, 'app.term').length).toBe(1);
    expect(o.final.containers?.['app']).toEqual({ state: 'running', everStarted: true, restartCount: 0 });
  });
});

describe('a pod podman never created (an image it could not find)', () => {
  it('leaves every container out (a waiting reason podman cannot show), with no point but the creation', () => {
    const record: PodRunRecord = {
      ...recordedRun('init-term-kill'),
      markers: [],
      events: [],
      inspected: [],
      deleteRequestedEpochs: [],
    };
    const o = assembleObservation(record);
    expect(o.points).toEqual([{ point: 'pod.created', t: 0 }]);
    expect(o.final.containers).toEqual({});
  });
});
