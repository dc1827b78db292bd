/**
 * KUBELET-FACTS Corrections 17-25 and §5.2's abandoned preStop, each as the simulator must show it.
 * Every test builds a scenario where the corrected and the uncorrected kubelet differ.
 */
import { describe, expect, it } from 'vitest';
import type { Observation, ObservedEvent } from '../../../../specs/vocabulary/index.ts';
import { container, deleteAt, exits, hook, http, probe, runs, scenario, sidecar } from './build.ts';
import { at, must, observe, times } from './observe-helpers.ts';

const events = (o: Observation, reason: string, c?: string): ObservedEvent[] =>
  (o.events ?? []).filter((e) => e.reason === reason && (c === undefined || e.container === c));

/** Go's time.Duration text of whole milliseconds, back to milliseconds. */
function goMs(text: string): number {
  const m = /^(?:(\d+)h)?(?:(\d+)m(?!s))?(?:(\d+(?:\.\d{1,3})?)s)?$|^(\d+)ms$/.exec(text);
  if (m === null) throw new Error(`not a Go duration of whole ms: ${text}`);
  if (m[4] !== undefined) return Number(m[4]);
  return Math.round(Number(m[1] ?? 0) * 3_600_000 + Number(m[2] ?? 0) * 60_000 + Number(m[3] ?? 0) * 1000);
}

const pulledPattern =
  /^Successfully pulled image "(.+)" in (\S+) \((\S+) including waiting\)\. Image size: (\d+) bytes\.$/;

describe('Corrections 17: a fresh pull reports its own duration, the wait before it and the size', () => {
  const s = scenario({
    containers: [container('a', runs(), { image: 'nginx:1.27' }), container('b', runs(), { image: 'redis:7' })],
    node: { cached: [], pullTakesSeconds: 1.5 },
  });

  it('realistic: D1 >= the pull, D2 >= D1, Go duration text truncated to ms, a size per image', () => {
    const sizes = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const obs = observe(s, { realistic: true, seed });
      const pulled = events(obs, 'Pulled');
      expect(pulled.length).toBe(2);
      const perImage = new Map<string, string>();
      for (const e of pulled) {
        const m = pulledPattern.exec(e.message ?? '');
        if (m === null) throw new Error(`unexpected Pulled message: ${e.message ?? ''}`);
        const [, image, d1, d2, size] = m;
        const pullMs = goMs(d1 ?? '');
        expect(pullMs).toBeGreaterThanOrEqual(1500);
        expect(goMs(d2 ?? '')).toBeGreaterThanOrEqual(pullMs);
        // the event comes when the pull is done: D2 after the Pulling event, give or take the sub-ms rest
        const pulling = events(obs, 'Pulling', e.container).at(0)?.t ?? Number.NaN;
        expect(Math.abs((e.t ?? 0) - pulling - goMs(d2 ?? '') / 1000)).toBeLessThanOrEqual(0.001 + 1e-9);
        perImage.set(image ?? '', size ?? '');
      }
      expect(perImage.get('nginx:1.27')).not.toBe(perImage.get('redis:7'));
      for (const size of perImage.values()) sizes.add(size);
    }
    expect(sizes.size).toBeGreaterThan(40);
  });

  it('nominal: the same text with the world pull time and a fixed size', () => {
    const obs = observe(s);
    expect(events(obs, 'Pulled', 'a')[0]?.message).toBe(
      'Successfully pulled image "nginx:1.27" in 1.5s (1.5s including waiting). Image size: 2155812 bytes.',
    );
  });
});

describe('Corrections 18: messages naming the pod carry its namespace, UID and node', () => {
  const crashing = (namespace?: string) =>
    scenario({
      id: 'crash',
      ...(namespace === undefined ? {} : { namespace }),
      containers: [container('app', exits(1, 0.5))],
      observeFor: 40,
    });

  it('realistic: a drawn namespace (never default), a v4 UID and a node name other than "node"', () => {
    const namespaces = new Set<string>();
    for (let seed = 1; seed <= 30; seed++) {
      const obs = observe(crashing(), { realistic: true, seed });
      const scheduled = /^Successfully assigned (\S+)\/crash to (\S+)$/.exec(
        events(obs, 'Scheduled')[0]?.message ?? '',
      );
      if (scheduled === null) throw new Error('no Scheduled message');
      const [, ns, nodeName] = scheduled;
      expect(ns).not.toBe('default');
      expect(nodeName).not.toBe('node');
      namespaces.add(ns ?? '');
      const backOff = events(obs, 'BackOff', 'app');
      expect(backOff.length).toBeGreaterThan(0);
      for (const e of backOff) {
        expect(e.message).toMatch(
          new RegExp(
            `^Back-off restarting failed container app in pod crash_${ns ?? ''}\\([0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}\\)$`,
          ),
        );
      }
    }
    expect(namespaces.size).toBeGreaterThan(5);
  });

  it('keeps the namespace the manifest names, in both modes', () => {
    const real = observe(crashing('shop'), { realistic: true, seed: 7 });
    expect(events(real, 'Scheduled')[0]?.message).toMatch(/^Successfully assigned shop\/crash to /);
    expect(events(real, 'BackOff', 'app')[0]?.message).toMatch(/ in pod crash_shop\(/);
    const nominal = observe(crashing('shop'));
    expect(events(nominal, 'Scheduled')[0]?.message).toBe('Successfully assigned shop/crash to node');
    expect(events(nominal, 'BackOff', 'app')[0]?.message).toBe(
      'Back-off restarting failed container app in pod crash_shop(uid)',
    );
  });
});

describe('Corrections 19: an exec probe into a container that is gone records Unhealthy "errored"', () => {
  // app exits at about 2.06 s; the liveness tick at 2.1 s still finds it running in the cached status
  const s = scenario({
    restartPolicy: 'Never',
    containers: [
      container('app', exits(1, 1.9), {
        livenessProbe: probe({ type: 'never' }, { periodSeconds: 1, failureThreshold: 1 }),
      }),
    ],
    observeFor: 10,
  });

  it('records the error, throws the result away and counts nothing', () => {
    const obs = observe(s);
    const exited = must(obs, 'app.exited');
    const unhealthy = events(obs, 'Unhealthy', 'app');
    expect(unhealthy.length).toBe(1);
    expect(unhealthy[0]?.message).toMatch(/^Liveness probe errored and resulted in unknown state: rpc error: /);
    expect(unhealthy[0]?.t).toBeGreaterThan(exited);
    // no probe run is reported for it, and no failure was counted: nothing kills anything
    expect(times(obs, 'app.livenessProbe.ran').every((t) => t < exited)).toBe(true);
    expect(events(obs, 'Killing')).toEqual([]);
  });
});

describe('Corrections 20: liveness and startup stop at SyncTerminatingPod, not at the delete', () => {
  it('a liveness tick between the delete and SyncTerminatingPod still runs', () => {
    // b exits at about 5.2 s, so a sync follows the 5.5 s relist; the delete at 5.55 s must then wait for
    // the 6.5 s relist, and app's liveness tick at 6.1 s falls between the two
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        containers: [
          container('app', runs(), { livenessProbe: probe({ type: 'never' }, { periodSeconds: 1 }) }),
          container('b', exits(0, 5)),
        ],
        actions: [deleteAt(5.55)],
        observeFor: 20,
      }),
    );
    const deleted = must(obs, 'pod.deleteRequested');
    const term = must(obs, 'app.term');
    expect(term - deleted).toBeGreaterThan(0.5);
    expect(times(obs, 'app.livenessProbe.ran').some((t) => t > deleted && t < term)).toBe(true);
    expect(times(obs, 'app.livenessProbe.ran').some((t) => t >= term)).toBe(false);
  });

  it("a sidecar's liveness goes on while it waits for the regular containers", () => {
    const obs = observe(
      scenario({
        grace: 20,
        initContainers: [
          sidecar('side', runs('exit', 0), { livenessProbe: probe({ type: 'never' }, { periodSeconds: 1 }) }),
        ],
        containers: [
          container('app', runs('exit', 6), { livenessProbe: probe({ type: 'never' }, { periodSeconds: 1 }) }),
        ],
        actions: [deleteAt(5)],
        observeFor: 30,
      }),
    );
    const appTerm = must(obs, 'app.term');
    const sideTerm = must(obs, 'side.term');
    expect(sideTerm).toBeGreaterThan(appTerm + 5);
    expect(times(obs, 'side.livenessProbe.ran').filter((t) => t > appTerm && t < sideTerm).length).toBeGreaterThan(3);
    expect(times(obs, 'app.livenessProbe.ran').some((t) => t >= appTerm)).toBe(false);
  });
});

describe('Corrections 21: a delete can reach the kubelet within a few milliseconds', () => {
  it('delete -> TERM spans about [0, 1.1] s over seeds, with no 50 ms floor', () => {
    const s = scenario({ containers: [container('app')], actions: [deleteAt(7)], observeFor: 12 });
    const gaps: number[] = [];
    for (let seed = 0; seed < 300; seed++) {
      const obs = observe(s, { seed });
      gaps.push(must(obs, 'app.term') - must(obs, 'pod.deleteRequested'));
    }
    expect(Math.min(...gaps)).toBeLessThan(0.03);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(1.11);
  });
});

describe('Corrections 22: the active deadline records DeadlineExceeded at every status generation after it', () => {
  it('records Normal DeadlineExceeded from the noticing sync through termination', () => {
    const obs = observe(scenario({ activeDeadlineSeconds: 5, containers: [container('app')], observeFor: 15 }));
    const deadline = events(obs, 'DeadlineExceeded');
    // the noticing SyncPod, SyncTerminatingPod twice, SyncTerminatedPod
    expect(deadline.length).toBe(4);
    for (const e of deadline) {
      expect(e.type).toBe('Normal');
      expect(e.message).toBe('Pod was active on the node longer than the specified deadline');
      expect(e.t).toBeGreaterThanOrEqual(5);
    }
    expect(obs.final.phase).toBe('Failed');
  });
});

describe('Corrections 23: a kill acts on the relist snapshot its sync was given', () => {
  it('kills and runs the preStop of a container that exited after that relist', () => {
    // b exits at about 5.7 s; the delete reaches the worker at about 5.8 s, whose last relist (5.5 s) shows b running
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        containers: [container('app'), container('b', exits(0, 5.54), { preStop: hook(1) })],
        actions: [deleteAt(5.75)],
        observeFor: 20,
      }),
    );
    const exited = must(obs, 'b.exited');
    const killing = events(obs, 'Killing', 'b');
    expect(killing.map((e) => e.message)).toEqual(['Stopping container b']);
    expect(killing[0]?.t).toBeGreaterThan(exited);
    // the exec hook cannot run in a stopped container: it fails, and no signal reaches the dead process
    expect(events(obs, 'FailedPreStopHook', 'b').length).toBe(1);
    expect(at(obs, 'b.term')).toBeUndefined();
    expect(at(obs, 'b.preStop.started')).toBeUndefined();
  });
});

describe('Corrections 24: a worker publishes its first result for a new container, and readiness asks for a sync', () => {
  it('the sync that initial Failure requests runs the readiness probe once more, a relist later', () => {
    // the probe always fails, so after its first run no result changes: only the initial publish asks for a sync
    const obs = observe(
      scenario({
        containers: [
          container('app', runs(), {
            readinessProbe: probe({ type: 'always' }, { periodSeconds: 10, failureThreshold: 1 }),
          }),
        ],
        observeFor: 25,
      }),
    );
    const ran = times(obs, 'app.readinessProbe.ran');
    expect(ran.length).toBeGreaterThanOrEqual(4);
    const [first = 0, second = 0, third = 0] = ran;
    // the sync after the container's start triggers the first run; the sync the initial result asked for,
    // after the next relist, triggers the second
    expect(second - first).toBeGreaterThan(0);
    expect(second - first).toBeLessThanOrEqual(1.1);
    expect(third - second).toBeCloseTo(10, 5);
  });
});

describe('Corrections 24: a manual readiness trigger restarts the worker ticker', () => {
  it('runs the readiness probe when the first status shows the container started, then a full period later', () => {
    const obs = observe(
      scenario({
        containers: [container('app', runs(), { readinessProbe: probe({ type: 'never' }, { periodSeconds: 10 }) })],
        observeFor: 35,
      }),
    );
    const ran = times(obs, 'app.readinessProbe.ran');
    const created = 0.1;
    expect(ran.length).toBeGreaterThanOrEqual(3);
    const first = ran[0] ?? Number.NaN;
    // the trigger came with a sync after the container started, not on the creation grid
    expect(((first - created) * 1000) % 10_000).not.toBeCloseTo(0, 3);
    for (let i = 1; i < ran.length; i++) expect((ran[i] ?? 0) - (ran[i - 1] ?? 0)).toBeCloseTo(10, 5);
    expect(must(obs, 'app.ready')).toBeCloseTo(first, 1);
  });
});

describe('Corrections 25: pull errors are the runtime own texts, some of them RegistryUnavailable', () => {
  const down = scenario({
    containers: [container('app', runs(), { image: 'nginx:1.27' })],
    node: { registry: 'down', cached: [] },
    observeFor: 5,
  });

  it('realistic: containerd nodes give ErrImagePull, CRI-O nodes RegistryUnavailable', () => {
    const reasons = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const obs = observe(down, { realistic: true, seed });
      const failed = events(obs, 'Failed', 'app').map((e) => e.message ?? '');
      const pullError = failed.find((m) => m.startsWith('Failed to pull image "nginx:1.27": '));
      if (pullError === undefined) throw new Error(`no pull failure: ${failed.join(' | ')}`);
      // the Unknown-code wrapper is dropped since about 1.28
      expect(pullError).not.toContain('rpc error: code = Unknown desc =');
      const reason = obs.final.containers?.['app']?.reason ?? '';
      reasons.add(reason);
      expect(failed).toContain(`Error: ${reason}`);
      if (reason === 'RegistryUnavailable') expect(pullError).toContain('": RegistryUnavailable: ');
    }
    expect([...reasons].sort()).toEqual(['ErrImagePull', 'RegistryUnavailable']);
  });

  it('an unpullable image is ErrImagePull on every runtime', () => {
    const gone = scenario({
      containers: [container('app', runs(), { image: 'nginx:nope' })],
      node: { cached: [], unpullable: ['nginx:nope'] },
      observeFor: 5,
    });
    for (let seed = 1; seed <= 20; seed++) {
      const obs = observe(gone, { realistic: true, seed });
      expect(obs.final.containers?.['app']?.reason).toBe('ErrImagePull');
    }
  });
});

describe('§5.2: a preStop hook abandoned at the end of the grace still reports its failure', () => {
  it('an exec hook that dies with its container gives FailedPreStopHook at the kill', () => {
    const obs = observe(
      scenario({
        grace: 5,
        containers: [container('app', runs('ignore'), { preStop: hook(60) })],
        actions: [deleteAt(3)],
        observeFor: 30,
      }),
    );
    const kill = must(obs, 'app.kill');
    const failed = events(obs, 'FailedPreStopHook', 'app');
    expect(failed.map((e) => e.message)).toEqual(['PreStopHook failed']);
    expect(failed[0]?.t).toBeGreaterThanOrEqual(kill);
    expect(at(obs, 'app.preStop.finished')).toBeUndefined();
  });

  it('an HTTP hook still running after the grace fails when its container dies under it, and is reported then', () => {
    const obs = observe(
      scenario({
        grace: 3,
        containers: [container('app', runs('exit', 0), { preStop: hook(8, 'fail', http) })],
        actions: [deleteAt(2)],
        observeFor: 30,
      }),
    );
    const started = must(obs, 'app.preStop.started');
    const failed = events(obs, 'FailedPreStopHook', 'app');
    expect(failed.length).toBe(1);
    // the container's server answers the request: its exit on TERM closes the connection (§5.2)
    expect(must(obs, 'app.term')).toBeCloseTo(started + 3, 2);
    expect(failed[0]?.t).toBeGreaterThanOrEqual(must(obs, 'app.exited'));
    expect(failed[0]?.t).toBeLessThan(started + 8);
  });

  it('an HTTP hook meant to succeed fails too when its container dies before it is answered', () => {
    const obs = observe(
      scenario({
        grace: 3,
        containers: [container('app', runs('exit', 0), { preStop: hook(8, 'success', http) })],
        actions: [deleteAt(2)],
        observeFor: 30,
      }),
    );
    expect(events(obs, 'FailedPreStopHook', 'app').length).toBe(1);
    expect(at(obs, 'app.preStop.finished')).toBeUndefined();
  });
});
