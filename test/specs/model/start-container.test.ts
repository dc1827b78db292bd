// Starting containers inside one sync (KUBELET-FACTS §2.1, §2.2, Corrections 9): pull → create → start → postStart,
// strictly one container after another, the postStart hook holding back the next container.
import { runtimeOverheadSeconds } from '../../../specs/model/latencies.ts';
import { describe, expect, it } from 'vitest';
import { latencies, predict } from '../../../specs/model/index.ts';
import {
  at,
  eventLines,
  eventsOf,
  exits,
  follows,
  forbidden,
  has,
  hook,
  only,
  point,
  regular,
  round,
  scenario,
  sleepHook,
  timelineOf,
  windowOf,
} from './build-scenario.ts';

const criStep: [number, number] = [latencies.criStep.minSeconds, latencies.criStep.maxSeconds];
const twoCriSteps: [number, number] = [round(2 * criStep[0]), round(2 * criStep[1])];

describe('serial start: pull, create, start, postStart, then the next container', () => {
  // a pulls busybox and has a 3 s postStart; b pulls another image; c reuses a's image.
  const p = predict(
    scenario({
      containers: [
        regular('a', { postStart: hook(3) }),
        regular('b', { image: 'nginx:1.25' }),
        regular('c', { image: 'busybox:1.36' }),
      ],
      observeFor: 20,
    }),
  );

  it('runs every step of one container before the next container begins', () => {
    const steps = ['pullStarted', 'pulled', 'created', 'started', 'postStart.started', 'postStart.finished'];
    const keys = ['a', 'b', 'c'].flatMap((c) => steps.map((s) => `${c}.${s}`));
    expect(only(p, keys)).toEqual([
      'a.pullStarted',
      'a.pulled',
      'a.created',
      'a.started',
      'a.postStart.started',
      'a.postStart.finished',
      'b.pullStarted',
      'b.pulled',
      'b.created',
      'b.started',
      'c.created',
      'c.started',
    ]);
  });

  it('chains each step on the one before it, one CRI step apart', () => {
    expect(follows(p, 'a.pulled')).toBe('a.pullStarted');
    expect(follows(p, 'a.created')).toBe('a.pulled');
    expect(windowOf(p, 'a.created')).toEqual(criStep);
    expect(follows(p, 'a.started')).toBe('a.created');
    expect(windowOf(p, 'a.started')).toEqual(criStep);
    expect(point(p, 'a.created').rule).toBe('pull.before-create');
    expect(point(p, 'a.started').rule).toBe('run.container-start-definition');
  });

  it('calls postStart once StartContainer returned, and the hook takes exactly its time', () => {
    expect(follows(p, 'a.postStart.started')).toBe('a.started');
    expect(windowOf(p, 'a.postStart.started')).toEqual([latencies.hookCall.minSeconds, latencies.hookCall.maxSeconds]);
    expect(point(p, 'a.postStart.started').rule).toBe('hooks.poststart-concurrent');
    expect(follows(p, 'a.postStart.finished')).toBe('a.postStart.started');
    expect(windowOf(p, 'a.postStart.finished')).toEqual([3, 3 + runtimeOverheadSeconds.handler]);
    expect(point(p, 'a.postStart.finished').rule).toBe('hooks.poststart-blocks-next');
  });

  it('holds the next container back until the postStart hook returned', () => {
    expect(follows(p, 'b.pullStarted')).toBe('a.postStart.finished');
    expect(windowOf(p, 'b.pullStarted')).toEqual(criStep);
    expect(at(p, 'b.pullStarted')).toBeGreaterThan(at(p, 'a.postStart.finished'));
  });

  it('pulls each image once: a later container of the same image finds it present', () => {
    expect(has(p, 'c.pullStarted')).toBe(false);
    expect(forbidden(p, 'c.pullStarted')).toBe(true);
    // ensure-image and create are two CRI steps after the previous container's start
    expect(follows(p, 'c.created')).toBe('b.started');
    expect(windowOf(p, 'c.created')).toEqual(twoCriSteps);
    const [present] = eventsOf(p, 'Pulled', 'c');
    expect(present).toMatchObject({ type: 'Normal', rule: 'kubelet.image.present' });
    expect(present?.message).toMatch(/^Container image "busybox:1\.36" already present on machine/);
  });

  it('starts from the first sync after the pod is created', () => {
    expect(follows(p, 'a.pullStarted')).toBe('pod.created');
    expect(windowOf(p, 'a.pullStarted')).toEqual([
      round(latencies.firstSync.minSeconds + latencies.criStep.minSeconds),
      round(latencies.firstSync.maxSeconds + latencies.criStep.maxSeconds),
    ]);
  });

  it('emits Pulling, Pulled, Created, Started with the 1.35 texts (Corrections 9)', () => {
    const lines = eventLines(p, 'a');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('Pulling: Pulling image "busybox:1.36"');
    expect(lines[1]).toMatch(/^Pulled: Successfully pulled image "busybox:1\.36" in /);
    expect(lines.slice(2)).toEqual(['Created: Container created', 'Started: Container started']);
    for (const reason of ['Pulling', 'Pulled', 'Created', 'Started']) {
      const [e] = eventsOf(p, reason, 'a');
      expect(e?.type).toBe('Normal');
    }
    expect(eventsOf(p, 'Created', 'a')[0]?.rule).toBe('kubelet.start.events');
    expect(eventsOf(p, 'Started', 'a')[0]?.rule).toBe('kubelet.start.events');
    // the 1.35 texts no longer carry the container name
    for (const e of [...eventsOf(p, 'Created'), ...eventsOf(p, 'Started')]) expect(e.message).not.toMatch(/[abc]$/);
  });

  it('emits Created at the created point and Started at the started point', () => {
    expect(eventsOf(p, 'Created', 'b')[0]?.atSeconds).toBe(at(p, 'b.created'));
    expect(eventsOf(p, 'Started', 'b')[0]?.atSeconds).toBe(at(p, 'b.started'));
    expect(eventsOf(p, 'Pulling', 'b')[0]?.atSeconds).toBe(at(p, 'b.pullStarted'));
  });

  it('leaves everything running and ready', () => {
    for (const name of ['a', 'b', 'c']) {
      expect(p.final.containers[name]?.state.nominal).toBe('running');
      expect(p.final.containers[name]?.restartCount.nominal).toBe(0);
    }
    expect(p.final.phase.nominal).toBe('Running');
  });
});

describe('postStart', () => {
  it('a sleep handler pauses the start for its seconds and succeeds', () => {
    const p = predict(
      scenario({ containers: [regular('a', { postStart: sleepHook(2) }), regular('b')], observeFor: 10 }),
    );
    expect(windowOf(p, 'a.postStart.finished')).toEqual([2, 2 + runtimeOverheadSeconds.kubeletTimer]);
    expect(follows(p, 'b.created')).toBe('a.postStart.finished');
    expect(eventsOf(p, 'FailedPostStartHook')).toEqual([]);
  });

  // DESIGN.md's own example: "`app2.created` follows `app1.postStart.finished` within [0, ε] by
  // `hooks.poststart-blocks-next`" (§2.1); starting b during a's hook must be reported under that rule
  it('cites hooks.poststart-blocks-next for the next container held back by the hook', () => {
    const p = predict(
      scenario({ containers: [regular('a', { postStart: sleepHook(2) }), regular('b')], observeFor: 10 }),
    );
    expect(follows(p, 'b.created')).toBe('a.postStart.finished');
    expect(point(p, 'b.created').rule).toBe('hooks.poststart-blocks-next');
  });

  it('runs beside the main process: a process that exits early is not held for the hook', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        containers: [regular('a', { postStart: hook(3), behavior: exits(0, 1) })],
        observeFor: 10,
      }),
    );
    expect(follows(p, 'a.exited')).toBe('a.started');
    expect(at(p, 'a.exited')).toBeLessThan(at(p, 'a.postStart.started') + 3);
  });

  it('an exec handler dies with the main process: the hook fails and never finishes (§2.3)', () => {
    const p = predict(
      scenario({
        restartPolicy: 'Never',
        containers: [regular('a', { postStart: hook(3), behavior: exits(0, 1) })],
        observeFor: 10,
      }),
    );
    expect(has(p, 'a.postStart.finished')).toBe(false);
    const [failed] = eventsOf(p, 'FailedPostStartHook', 'a');
    expect(failed).toMatchObject({ type: 'Warning', message: 'PostStartHook failed' });
    expect(failed?.atSeconds).toBe(at(p, 'a.exited'));
  });

  it('a hanging postStart keeps the next container from being pulled, created or started', () => {
    const p = predict(scenario({ containers: [regular('a', { postStart: hook(100) }), regular('b')], observeFor: 30 }));
    expect(timelineOf(p, 'a')).toEqual(['pullStarted', 'pulled', 'created', 'started', 'postStart.started']);
    expect(timelineOf(p, 'b')).toEqual([]);
    for (const n of ['b.created', 'b.started']) expect(forbidden(p, n)).toBe(true);
  });
});

describe('a failed start does not stop the other regular containers (§2.1)', () => {
  const p = predict(
    scenario({
      containers: [regular('a', { image: 'nosuch/img:1' }), regular('b')],
      node: { unpullable: ['nosuch/img:1'] },
      observeFor: 5,
    }),
  );

  it('starts b in the same sync, right after a failed to pull', () => {
    expect(only(p, ['a.pullStarted', 'a.pullFailed', 'b.pullStarted', 'b.created', 'b.started'])).toEqual([
      'a.pullStarted',
      'a.pullFailed',
      'b.pullStarted',
      'b.created',
      'b.started',
    ]);
    expect(follows(p, 'b.pullStarted')).toBe('a.pullFailed');
    expect(windowOf(p, 'b.pullStarted')).toEqual(criStep);
  });

  it('never creates a', () => {
    expect(has(p, 'a.created')).toBe(false);
    expect(forbidden(p, 'a.created')).toBe(true);
    expect(forbidden(p, 'a.started')).toBe(true);
    expect(p.final.containers['a']?.state.nominal).toBe('waiting');
    expect(p.final.containers['b']?.state.nominal).toBe('running');
  });
});

describe('restarted containers repeat the start sequence', () => {
  const p = predict(
    scenario({ containers: [regular('a', { postStart: hook(1), behavior: exits(1, 2) })], observeFor: 8 }),
  );

  it('numbers the second start and its hook #2', () => {
    const t = timelineOf(p, 'a');
    expect(t).toEqual(
      expect.arrayContaining(['created#2', 'started#2', 'postStart.started#2', 'postStart.finished#2']),
    );
    expect(follows(p, 'a.started#2')).toBe('a.created#2');
    expect(follows(p, 'a.postStart.started#2')).toBe('a.started#2');
  });

  it('emits Created and Started again for the new instance', () => {
    expect(eventsOf(p, 'Created', 'a')).toHaveLength(2);
    expect(eventsOf(p, 'Started', 'a')).toHaveLength(2);
    expect(eventsOf(p, 'Started', 'a')[1]?.atSeconds).toBe(at(p, 'a.started#2'));
  });
});
