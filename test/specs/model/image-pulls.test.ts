// Ensuring the image before create (KUBELET-FACTS §9): the effective pull policy, the node's cache, the registry, the
// per-image pull back-off (10 s doubling) and the image manager's Events.
import { describe, expect, it } from 'vitest';
import { latencies, predict } from '../../../specs/model/index.ts';
import type { Delay } from '../../../specs/model/engine/delay.ts';
import {
  at,
  eventLines,
  eventsOf,
  exits,
  follows,
  forbidden,
  has,
  neverEntry,
  only,
  point,
  regular,
  round,
  scenario,
  timelineOf,
  windowOf,
} from './build-scenario.ts';

/** The window of a chain of delays, as `[min, max]` rounded like `windowOf`. */
function sum(delays: ReadonlyArray<Delay>): [number, number] {
  return [round(delays.reduce((s, d) => s + d.minSeconds, 0)), round(delays.reduce((s, d) => s + d.maxSeconds, 0))];
}

describe('policy Always', () => {
  const p = predict(
    scenario({
      containers: [regular('app', { imagePullPolicy: 'Always', behavior: exits(1, 1) })],
      node: { cached: ['busybox:1.36'] },
      observeFor: 5,
    }),
  );

  it('pulls before the first start even though the image is cached', () => {
    expect(point(p, 'app.pullStarted').rule).toBe('pull.always-every-start');
    expect(follows(p, 'app.pulled')).toBe('app.pullStarted');
    expect(follows(p, 'app.created')).toBe('app.pulled');
  });

  it('pulls again before every restart', () => {
    expect(only(p, ['app.pullStarted', 'app.pulled', 'app.created', 'app.exited'])).toEqual([
      'app.pullStarted',
      'app.pulled',
      'app.created',
      'app.exited',
      'app.pullStarted#2',
      'app.pulled#2',
      'app.created#2',
      'app.exited#2',
    ]);
    expect(point(p, 'app.pullStarted#2').rule).toBe('pull.always-repull-on-restart');
    expect(follows(p, 'app.pullStarted#2')).toBe('app.exited');
    expect(follows(p, 'app.created#2')).toBe('app.pulled#2');
    expect(eventsOf(p, 'Pulling', 'app').map((e) => e.message)).toEqual([
      'Pulling image "busybox:1.36"',
      'Pulling image "busybox:1.36"',
    ]);
  });

  it('fails with the registry down even though the image is cached', () => {
    const down = predict(
      scenario({
        containers: [regular('app', { imagePullPolicy: 'Always' })],
        node: { registry: 'down', cached: ['busybox:1.36'] },
        observeFor: 20,
      }),
    );
    expect(has(down, 'app.pullFailed')).toBe(true);
    expect(point(down, 'app.pullFailed').rule).toBe('pull.always-registry-down');
    expect(forbidden(down, 'app.started')).toBe(true);
    // the sandbox's wake-up sync, a relist after the first, finds the pull back-off active; the sync after its error
    // requeue (10–15 s later) writes that ImagePullBackOff and pulls again, and fails again
    expect(point(down, 'app.pullStarted#2').rule).toBe('pull.always-every-start');
    expect(has(down, 'app.pullFailed#2')).toBe(true);
    expect(eventsOf(down, 'BackOff', 'app').map((e) => e.atSeconds)).toEqual([
      eventsOf(down, 'Failed', 'app').find((e) => e.message === 'Error: ImagePullBackOff')?.atSeconds,
    ]);
    // the status written last carries the start error of the sync before it; a sync at observeFor would write the
    // retry's ErrImagePull
    expect(down.final.containers['app']?.reason).toMatchObject({
      nominal: 'ImagePullBackOff',
      possible: ['ImagePullBackOff', 'ErrImagePull', 'RegistryUnavailable'],
    });
  });

  it('allows RegistryUnavailable only where the registry is unreachable, not for a refused image (Corrections 25)', () => {
    const refused = predict(
      scenario({
        containers: [regular('app', { image: 'x/y:1' })],
        node: { unpullable: ['x/y:1'] },
        observeFor: 20,
      }),
    );
    expect(refused.final.containers['app']?.reason.possible).toContain('ErrImagePull');
    expect(refused.final.containers['app']?.reason.possible).not.toContain('RegistryUnavailable');
    expect(refused.final.status.possible).not.toContain('RegistryUnavailable');
  });
});

describe('policy IfNotPresent', () => {
  it('skips the registry when the image is cached, and says so in a Pulled event', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { image: 'nginx:1.25' })],
        node: { cached: ['nginx:1.25'] },
        observeFor: 3,
      }),
    );
    expect(has(p, 'app.pullStarted')).toBe(false);
    expect(neverEntry(p, 'app.pullStarted')?.rule).toBe('pull.ifnotpresent-cached-skips');
    expect(follows(p, 'app.created')).toBe('pod.created');
    const lines = eventLines(p, 'app');
    expect(lines[0]?.startsWith('Pulled: Container image "nginx:1.25" already present on machine')).toBe(true);
    expect(lines.slice(1)).toEqual(['Created: Container created', 'Started: Container started']);
    expect(eventsOf(p, 'Pulled', 'app')[0]?.rule).toBe('kubelet.image.present');
  });

  it('runs a cached image with the registry down', () => {
    const p = predict(
      scenario({ containers: [regular('app')], node: { registry: 'down', cached: ['busybox:1.36'] }, observeFor: 3 }),
    );
    expect(has(p, 'app.started')).toBe(true);
    expect(has(p, 'app.pullStarted')).toBe(false);
  });

  it('pulls a missing image once; a restart finds it present', () => {
    const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 1) })], observeFor: 5 }));
    expect(point(p, 'app.pullStarted').rule).toBe('pull.ifnotpresent-missing-pulls');
    expect(has(p, 'app.started#2')).toBe(true);
    expect(has(p, 'app.pullStarted#2')).toBe(false);
    expect(forbidden(p, 'app.pullStarted#2')).toBe(true);
    expect(eventsOf(p, 'Pulled', 'app').map((e) => e.message)[1]).toMatch(
      /^Container image "busybox:1\.36" already present on machine/,
    );
  });

  it('caches an image pulled for one container for the containers after it', () => {
    const p = predict(scenario({ containers: [regular('a'), regular('b')], observeFor: 3 }));
    expect(has(p, 'a.pullStarted')).toBe(true);
    expect(has(p, 'b.pullStarted')).toBe(false);
    expect(eventsOf(p, 'Pulled', 'b')[0]?.message).toMatch(
      /^Container image "busybox:1\.36" already present on machine/,
    );
  });

  it('a pull takes the node pullTakes', () => {
    const slow = predict(scenario({ containers: [regular('app')], node: { pullTakesSeconds: 4 }, observeFor: 8 }));
    expect(windowOf(slow, 'app.pulled')[0]).toBe(4);
    expect(at(slow, 'app.pulled') - at(slow, 'app.pullStarted')).toBeGreaterThanOrEqual(4);
    expect(point(slow, 'app.pulled').rule).toBe('pull.before-create');
  });
});

describe('the Pulled message for an image already present (§9.2 item 4)', () => {
  // Defect: with KubeletEnsureSecretPulledImages (beta, on by default in 1.35) the kubelet checks that the pod may use
  // the cached image and says so: "Container image "X" already present on machine and can be accessed by the pod"
  // (KUBELET-FACTS §9.2 item 4; 1.35 clusters print exactly this beside "Container created"). The model keeps the
  // pre-1.35 text without the suffix.
  it('ends "and can be accessed by the pod" on 1.35', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { image: 'nginx:1.25' })],
        node: { cached: ['nginx:1.25'] },
        observeFor: 3,
      }),
    );
    expect(eventsOf(p, 'Pulled', 'app')[0]?.message).toBe(
      'Container image "nginx:1.25" already present on machine and can be accessed by the pod',
    );
  });
});

describe('policy Never', () => {
  it('uses a cached image', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { imagePullPolicy: 'Never' })],
        node: { cached: ['busybox:1.36'] },
        observeFor: 3,
      }),
    );
    expect(has(p, 'app.started')).toBe(true);
    expect(has(p, 'app.pullStarted')).toBe(false);
  });

  describe('with the image missing', () => {
    const p = predict(scenario({ containers: [regular('app', { imagePullPolicy: 'Never' })], observeFor: 30 }));

    it('never pulls, creates or starts', () => {
      expect(timelineOf(p, 'app')).toEqual([]);
      for (const n of ['app.pullStarted', 'app.created', 'app.started']) expect(forbidden(p, n)).toBe(true);
    });

    it('emits Warning ErrImageNeverPull and Failed "Error: ErrImageNeverPull" at every sync (§9.2 item 3)', () => {
      const never = eventsOf(p, 'ErrImageNeverPull', 'app');
      expect(never[0]).toMatchObject({
        type: 'Warning',
        message: 'Container image "busybox:1.36" is not present with pull policy of Never',
        rule: 'kubelet.image.never-pull',
      });
      expect(eventsOf(p, 'Failed', 'app')[0]).toMatchObject({ type: 'Warning', message: 'Error: ErrImageNeverPull' });
      expect(eventsOf(p, 'Failed', 'app').map((e) => e.atSeconds)).toEqual(never.map((e) => e.atSeconds));
      // the first sync, then the sandbox's wake-up sync a relist later, then every error requeue (10–15 s)
      expect(never).toHaveLength(4);
      const gaps = never.slice(1).map((e, i) => e.atSeconds - (never[i]?.atSeconds ?? 0));
      expect(gaps[0]).toBeCloseTo(latencies.relist.nominalSeconds, 6);
      for (const gap of gaps.slice(1)) {
        expect(gap).toBeGreaterThanOrEqual(latencies.errorRequeue.minSeconds);
        expect(gap).toBeLessThanOrEqual(latencies.errorRequeue.maxSeconds + 1);
      }
    });

    it('leaves the container waiting with reason ErrImageNeverPull, the pod Pending', () => {
      expect(p.final.containers['app']).toMatchObject({
        state: { nominal: 'waiting' },
        reason: { nominal: 'ErrImageNeverPull' },
        everStarted: { nominal: false },
      });
      expect(p.final.phase.nominal).toBe('Pending');
      expect(p.final.status.nominal).toBe('ErrImageNeverPull');
    });

    // what keeps app from being created is the Never policy with the image absent (§9.2 item 3), not the init order
    it('names the pull policy as the reason app is never created', () => {
      expect(neverEntry(p, 'app.created')?.rule).toMatch(/^(pull\.never-missing-fails|kubelet\.image\.never-pull)$/);
    });
  });
});

describe('policy defaults from the image reference (§9.1)', () => {
  const digest = `nginx@sha256:${'a'.repeat(64)}`;
  const p = predict(
    scenario({
      containers: [
        regular('untagged', { image: 'busybox' }),
        regular('latest', { image: 'busybox:latest' }),
        regular('digest', { image: digest }),
        regular('tagged', { image: 'nginx:1.25' }),
      ],
      node: { cached: ['busybox', 'busybox:latest', digest, 'nginx:1.25'] },
      observeFor: 5,
    }),
  );

  it('pulls an untagged or :latest image (Always) even when cached', () => {
    expect(point(p, 'untagged.pullStarted').rule).toBe('pull.always-every-start');
    expect(point(p, 'latest.pullStarted').rule).toBe('pull.always-every-start');
  });

  it('uses a cached digest or other tag (IfNotPresent)', () => {
    expect(has(p, 'digest.pullStarted')).toBe(false);
    expect(has(p, 'tagged.pullStarted')).toBe(false);
  });
});

describe('a failing pull and the image pull back-off (§9.2 item 5, §9.4)', () => {
  const p = predict(
    scenario({
      containers: [regular('app', { image: 'nosuch/img:1' })],
      node: { unpullable: ['nosuch/img:1'] },
      observeFor: 100,
    }),
  );

  it('fails the pull soon after it began', () => {
    expect(follows(p, 'app.pullFailed')).toBe('app.pullStarted');
    expect(windowOf(p, 'app.pullFailed')).toEqual([latencies.pullFailure.minSeconds, latencies.pullFailure.maxSeconds]);
    expect(point(p, 'app.pullFailed').rule).toBe('restart.image-pull-backoff');
    expect(has(p, 'app.pulled')).toBe(false);
    expect(forbidden(p, 'app.created')).toBe(true);
  });

  it('emits Failed with the pull error, then Failed "Error: ErrImagePull" (or another pull error name)', () => {
    const failed = eventsOf(p, 'Failed', 'app').filter((e) => e.atSeconds === at(p, 'app.pullFailed'));
    expect(failed.map((e) => e.type)).toEqual(['Warning', 'Warning']);
    // only the kubelet's prefix: the runtime's error text follows the colon (§9.2 item 5)
    expect(failed[0]?.message).toBe('Failed to pull image "nosuch/img:1": {error}');
    // evalCRIPullErr may name the error RegistryUnavailable or SignatureValidationFailed instead (Correction 25)
    expect(failed[1]?.message).toBe('Error: {pullReason}');
  });

  it('retries after 10 s, then 20 s, then 40 s, each measured from the last failure', () => {
    const gaps: Array<[string, string, number]> = [
      ['app.pullFailed', 'app.pullStarted#2', 10],
      ['app.pullFailed#2', 'app.pullStarted#3', 20],
      ['app.pullFailed#3', 'app.pullStarted#4', 40],
    ];
    for (const [from, to, backOff] of gaps) {
      expect(at(p, to) - at(p, from)).toBeGreaterThanOrEqual(backOff);
      // the pull happens at the first error requeue (10–15 s apart) after the back-off has passed
      expect(at(p, to) - at(p, from)).toBeLessThan(backOff + latencies.errorRequeue.maxSeconds + 1);
    }
    // the first retry comes from the sandbox's wake-up sync (a relist after the first sync), which found the back-off
    // active and was requeued: no earlier than 10 s after the earliest first failure
    expect(follows(p, 'app.pullStarted#2')).toBe('pod.created');
    const wakeUpThenRequeue: Delay[] = [
      latencies.firstSync,
      latencies.relist,
      latencies.criStep,
      latencies.errorRequeue,
      latencies.criStep,
    ];
    expect(windowOf(p, 'app.pullStarted#2')).toEqual(sum(wakeUpThenRequeue));
    expect(windowOf(p, 'app.pullStarted#2')[0]).toBeGreaterThanOrEqual(
      round(windowOf(p, 'app.pullStarted')[0] + windowOf(p, 'app.pullFailed')[0] + 10),
    );
    // the later ones follow the failure before: one error requeue per 10 s of back-off, the last of them pulling
    for (const [from, to, backOff] of gaps.slice(1)) {
      expect(follows(p, to)).toBe(from);
      const requeues = Array.from({ length: backOff / 10 }, () => [latencies.errorRequeue, latencies.criStep]).flat();
      expect(windowOf(p, to)).toEqual(sum(requeues));
      expect(windowOf(p, to)[0]).toBeGreaterThanOrEqual(backOff);
    }
  });

  it('between retries the sync finds the back-off active: Normal BackOff and Failed "Error: ImagePullBackOff"', () => {
    const backOffs = eventsOf(p, 'BackOff', 'app');
    for (const e of backOffs) {
      expect(e.type).toBe('Normal');
      expect(e.message).toBe('Back-off pulling image "nosuch/img:1"');
      expect(e.rule).toBe('kubelet.image.pull-backoff');
    }
    // every sync between a failure and the retry: the sandbox's wake-up sync a relist after the first sync, then the
    // error requeues (10–15 s apart) that still fall in the 10, 20 and 40 s back-offs
    const between = (from: string, to: string): number =>
      backOffs.filter((e) => e.atSeconds > at(p, from) && e.atSeconds < at(p, to)).length;
    expect(between('app.pullFailed', 'app.pullStarted#2')).toBe(1);
    expect(between('app.pullFailed#2', 'app.pullStarted#3')).toBe(1);
    expect(between('app.pullFailed#3', 'app.pullStarted#4')).toBe(3);
    expect(backOffs).toHaveLength(5);
    expect((backOffs[0]?.atSeconds ?? 0) - at(p, 'pod.initialized')).toBeCloseTo(
      latencies.relist.nominalSeconds + latencies.criStep.nominalSeconds,
      6,
    );
    const errors = eventsOf(p, 'Failed', 'app').filter((e) => e.message === 'Error: ImagePullBackOff');
    expect(errors.map((e) => e.atSeconds)).toEqual(backOffs.map((e) => e.atSeconds));
  });

  it('leaves the container waiting in ErrImagePull or ImagePullBackOff; the pod Pending', () => {
    const c = p.final.containers['app'];
    expect(c?.state.nominal).toBe('waiting');
    for (const r of c?.reason.possible ?? []) expect(['ErrImagePull', 'ImagePullBackOff']).toContain(r);
    expect(p.final.phase.nominal).toBe('Pending');
  });

  it('treats an unreachable registry like a failing pull', () => {
    const down = predict(scenario({ containers: [regular('app')], node: { registry: 'down' }, observeFor: 30 }));
    expect(point(down, 'app.pullFailed').rule).toBe('pull.always-registry-down');
    expect(eventsOf(down, 'Failed', 'app')[0]?.message).toBe('Failed to pull image "busybox:1.36": {error}');
    expect(windowOf(down, 'app.pullStarted#2')[0]).toBeGreaterThanOrEqual(10);
  });
});

describe('containers of one pod share the back-off of an image (§9.4)', () => {
  const p = predict(
    scenario({
      containers: [regular('a', { image: 'nosuch/img:1' }), regular('b', { image: 'nosuch/img:1' })],
      node: { unpullable: ['nosuch/img:1'] },
      observeFor: 5,
    }),
  );

  it('the second container finds the back-off its neighbour started and does not pull', () => {
    expect(has(p, 'a.pullFailed')).toBe(true);
    expect(has(p, 'b.pullStarted')).toBe(false);
    // in the first sync right after a's failure, and again in the sandbox's wake-up sync a relist later
    const backOffs = eventsOf(p, 'BackOff', 'b');
    expect(backOffs.map((e) => [e.type, e.message])).toEqual([
      ['Normal', 'Back-off pulling image "nosuch/img:1"'],
      ['Normal', 'Back-off pulling image "nosuch/img:1"'],
    ]);
    expect(backOffs[0]?.atSeconds).toBeLessThan(at(p, 'a.pullFailed') + 2 * latencies.criStep.maxSeconds);
    expect(backOffs[1]?.atSeconds).toBeGreaterThan(eventsOf(p, 'BackOff', 'a')[0]?.atSeconds ?? Infinity);
    const failed = eventsOf(p, 'Failed', 'b');
    expect(failed.map((e) => e.message)).toEqual(['Error: ImagePullBackOff', 'Error: ImagePullBackOff']);
    expect(failed.map((e) => e.atSeconds)).toEqual(backOffs.map((e) => e.atSeconds));
  });
});

describe('the Pulled message of a successful pull (§9.2 item 5)', () => {
  const p = predict(scenario({ containers: [regular('app')], observeFor: 3 }));

  // the durations and the size are the node's (Correction 17): holes, never a guessed value
  it('names the image as written, with holes for the two durations and the image size', () => {
    expect(eventsOf(p, 'Pulled', 'app')[0]?.message).toBe(
      'Successfully pulled image "busybox:1.36" in {duration} ({duration} including waiting). Image size: {bytes} bytes.',
    );
  });
});
