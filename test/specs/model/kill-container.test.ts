// Killing one container (KUBELET-FACTS §2.2, §5.2, §5.4, §1.4): the Killing event, the preStop hook bounded by the
// grace, SIGTERM, and SIGKILL after max(grace − floor(preStop), 2); a failed postStart hook as the typical trigger.
import { runtimeOverheadSeconds } from '../../../specs/model/latencies.ts';
import { describe, expect, it } from 'vitest';
import { predict } from '../../../specs/model/index.ts';
import {
  at,
  eventLines,
  eventsOf,
  exits,
  exitsOnTerm,
  follows,
  forbidden,
  gap,
  has,
  hook,
  ignoresTerm,
  only,
  point,
  probe,
  regular,
  scenario,
  windowOf,
} from './build-scenario.ts';

describe('a failed postStart hook (§2.2)', () => {
  const p = predict(
    scenario({
      terminationGracePeriodSeconds: 20,
      containers: [
        regular('app', {
          behavior: exitsOnTerm(143, 1),
          postStart: hook(1, 'fail'),
          preStop: hook(2),
          // a probe-level grace is not used for this kill
          livenessProbe: probe({ terminationGracePeriodSeconds: 3 }),
        }),
      ],
      observeFor: 8,
    }),
  );

  it('emits Warning FailedPostStartHook "PostStartHook failed" when the hook returns', () => {
    const [e] = eventsOf(p, 'FailedPostStartHook', 'app');
    expect(e).toMatchObject({ type: 'Warning', message: 'PostStartHook failed', rule: 'events.failed-poststart' });
    expect(e?.atSeconds).toBe(at(p, 'app.postStart.finished'));
  });

  it('then kills the container with Killing "FailedPostStartHook"', () => {
    const lines = eventLines(p, 'app');
    const failedAt = lines.indexOf('FailedPostStartHook: PostStartHook failed');
    expect(failedAt).toBeGreaterThan(lines.indexOf('Started: Container started'));
    expect(lines[failedAt + 1]).toBe('Killing: FailedPostStartHook');
    expect(eventsOf(p, 'Killing', 'app')[0]?.type).toBe('Normal');
  });

  it('runs the preStop hook first, then sends TERM', () => {
    expect(only(p, ['app.postStart.finished', 'app.preStop.started', 'app.preStop.finished', 'app.term'])).toEqual([
      'app.postStart.finished',
      'app.preStop.started',
      'app.preStop.finished',
      'app.term',
      'app.postStart.finished#2',
      'app.preStop.started#2',
      'app.preStop.finished#2',
      'app.term#2',
    ]);
    expect(follows(p, 'app.preStop.started')).toBe('app.postStart.finished');
    expect(point(p, 'app.preStop.started').rule).toBe('term.prestop-first');
    expect(windowOf(p, 'app.preStop.finished')).toEqual([2, 2 + runtimeOverheadSeconds.handler]);
    expect(follows(p, 'app.term')).toBe('app.preStop.finished');
    expect(point(p, 'app.term').rule).toBe('term.prestop-before-term');
  });

  it('restarts it under Always, the first restart at once', () => {
    expect(has(p, 'app.started#2')).toBe(true);
    expect(follows(p, 'app.created#2')).toBe('app.exited');
    expect(gap(p, 'app.exited', 'app.created#2')).toBeLessThan(2);
  });

  it('shows the start error PostStartHookError as the waiting reason while a restart is due (§8.1)', () => {
    expect(p.final.containers['app']?.state.nominal).toBe('waiting');
    expect(p.final.containers['app']?.reason.nominal).toBe('PostStartHookError');
    expect(p.final.status.nominal).toBe('PostStartHookError');
  });
});

describe('a failed postStart hook under restartPolicy Never (§11.1)', () => {
  it('ends Completed when the process exits 0 on TERM', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        containers: [regular('app', { behavior: exitsOnTerm(0), postStart: hook(1, 'fail') })],
        observeFor: 10,
      }),
    );
    expect(forbidden(p, 'app.started#2')).toBe(true);
    expect(p.final.containers['app']).toMatchObject({
      state: { nominal: 'terminated' },
      reason: { nominal: 'Completed' },
      exitCode: { nominal: 0 },
    });
    expect(p.final.phase.nominal).toBe('Succeeded');
    expect(p.final.status.nominal).toBe('Completed');
  });

  it('ends Error 137 after the spec grace when the process ignores TERM', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: 6,
        containers: [
          regular('app', {
            behavior: ignoresTerm,
            postStart: hook(1, 'fail'),
            livenessProbe: probe({ terminationGracePeriodSeconds: 1 }),
          }),
        ],
        observeFor: 15,
      }),
    );
    // the spec's grace, not the probe's: this kill is not a probe kill (§5.2)
    expect(follows(p, 'app.kill')).toBe('app.term');
    expect(windowOf(p, 'app.kill')).toEqual([6, 6 + runtimeOverheadSeconds.stopTimeout]);
    expect(point(p, 'app.kill').rule).toBe('term.kill-after-grace');
    expect(p.final.containers['app']).toMatchObject({
      state: { nominal: 'terminated' },
      reason: { nominal: 'Error' },
      exitCode: { nominal: 137 },
    });
    // under Never a start error never shows as a waiting reason
    expect(p.final.containers['app']?.reason.possible).not.toContain('PostStartHookError');
    expect(p.final.phase.nominal).toBe('Failed');
  });
});

describe('grace arithmetic of one kill (§5.2, §5.4)', () => {
  const failingHookPod = (grace: number, preStop?: ReturnType<typeof hook>): ReturnType<typeof predict> =>
    predict(
      scenario({
        restartPolicy: 'Never',
        terminationGracePeriodSeconds: grace,
        containers: [
          regular('app', {
            behavior: ignoresTerm,
            postStart: hook(1, 'fail'),
            ...(preStop ? { preStop } : {}),
          }),
        ],
        observeFor: 30,
      }),
    );

  it('KILL follows TERM after grace − floor(preStop seconds)', () => {
    const p = failingHookPod(10, hook(3.5));
    expect(windowOf(p, 'app.preStop.finished')).toEqual([3.5, 3.5 + runtimeOverheadSeconds.handler]);
    // a 3.5 s hook may take up to 0.5 s more on a real node, so 3 or 4 whole seconds come off the grace (§5.2)
    expect(windowOf(p, 'app.kill')).toEqual([6, 7 + runtimeOverheadSeconds.stopTimeout]);
    expect(gap(p, 'app.preStop.started', 'app.kill')).toBeCloseTo(10.5, 1);
  });

  it('never gives less than 2 s between TERM and KILL', () => {
    const p = failingHookPod(6, hook(5));
    expect(windowOf(p, 'app.kill')).toEqual([2, 2 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('skips preStop when the container-level grace is 0, and still waits 2 s before KILL', () => {
    const p = failingHookPod(0, hook(1));
    expect(has(p, 'app.preStop.started')).toBe(false);
    expect(forbidden(p, 'app.preStop.started')).toBe(true);
    expect(follows(p, 'app.term')).toBe('app.postStart.finished');
    expect(windowOf(p, 'app.kill')).toEqual([2, 2 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('stops waiting for a preStop hook at the grace and sends TERM then', () => {
    const p = failingHookPod(4, hook(60));
    expect(follows(p, 'app.term')).toBe('app.preStop.started');
    // the timer started at the handler call, a setup before the hook's own start (§5.2, §2.3)
    expect(windowOf(p, 'app.term')[0]).toBe(4 - runtimeOverheadSeconds.handler);
    expect(windowOf(p, 'app.kill')).toEqual([2, 2 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('a failing preStop hook emits FailedPreStopHook and the stop goes on', () => {
    const p = failingHookPod(10, hook(1, 'fail'));
    const [e] = eventsOf(p, 'FailedPreStopHook', 'app');
    expect(e).toMatchObject({ type: 'Warning', message: 'PreStopHook failed', rule: 'events.failed-prestop' });
    expect(e?.atSeconds).toBe(at(p, 'app.preStop.finished'));
    expect(follows(p, 'app.term')).toBe('app.preStop.finished');
    expect(windowOf(p, 'app.kill')).toEqual([9, 9 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('a process that exits on TERM gets no KILL', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        containers: [regular('app', { behavior: exitsOnTerm(143, 1), postStart: hook(1, 'fail') })],
        observeFor: 10,
      }),
    );
    expect(has(p, 'app.kill')).toBe(false);
    expect(follows(p, 'app.exited')).toBe('app.term');
    expect(windowOf(p, 'app.exited')[0]).toBe(1);
    expect(p.final.containers['app']?.exitCode.nominal).toBe(143);
  });
});

describe('kills decided inside one sync run one after another (§1.4 item 3, §5.3)', () => {
  const liveness = probe({
    periodSeconds: 1,
    failureThreshold: 1,
    terminationGracePeriodSeconds: 2,
    fails: { type: 'always' },
  });
  const p = predict(
    scenario({
      containers: [
        regular('a', { behavior: ignoresTerm, livenessProbe: liveness }),
        regular('b', { behavior: ignoresTerm, livenessProbe: liveness }),
      ],
      observeFor: 8,
    }),
  );

  it('kills the second container only once the first has exited', () => {
    const first = at(p, 'a.term') < at(p, 'b.term') ? 'a' : 'b';
    const second = first === 'a' ? 'b' : 'a';
    expect(at(p, `${second}.term`)).toBeGreaterThanOrEqual(at(p, `${first}.exited`));
    expect(eventsOf(p, 'Killing', second)[0]?.atSeconds).toBeGreaterThanOrEqual(at(p, `${first}.exited`));
  });
});

describe('a postStart that fails because the container died (§2.2 step 2, §5.2)', () => {
  const p = predict(
    scenario({
      restartPolicy: 'Never',
      containers: [regular('app', { postStart: hook(5), behavior: exits(1, 1) })],
      observeFor: 10,
    }),
  );

  it('emits FailedPostStartHook and sends no signal to the dead process', () => {
    expect(eventsOf(p, 'FailedPostStartHook', 'app')).toHaveLength(1);
    expect(has(p, 'app.term')).toBe(false);
  });

  // startContainer calls killContainer whatever the container's state, and killContainer records the Killing event
  // before anything else (§2.2 step 2, §5.2)
  it('still emits Killing "FailedPostStartHook"', () => {
    expect(eventsOf(p, 'Killing', 'app').map((e) => e.message)).toEqual(['FailedPostStartHook']);
  });
});

describe('an exec preStop of a container already dead when a postStart failure kills it (§2.2 step 3, §2.3)', () => {
  it('never starts: ExecSync fails before any command runs, and only FailedPreStopHook is reported', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Always',
        containers: [
          regular('app', {
            behavior: exits(0, 2, { type: 'ignore' }),
            postStart: hook(17),
            preStop: hook(1),
          }),
        ],
        observeFor: 6,
      }),
    );
    expect(eventsOf(p, 'Killing', 'app').map((e) => e.message)).toContain('FailedPostStartHook');
    expect(has(p, 'app.preStop.started')).toBe(false);
    // one per instance: each dies in its postStart
    expect(eventsOf(p, 'FailedPreStopHook', 'app').length).toBe(eventsOf(p, 'Killing', 'app').length);
  });
});
