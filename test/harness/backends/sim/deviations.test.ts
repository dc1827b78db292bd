import { describe, expect, it } from 'vitest';
import type { Observation, Scenario } from '../../../../specs/vocabulary/index.ts';
import { pendingSimDeviations, simDeviations, simulate } from '../../../../harness/backends/sim/index.ts';
import { container, deleteAt, exits, hook, init, probe, runs, scenario, sidecar } from './build.ts';
import { at, count, must, observe, times } from './observe-helpers.ts';

/** A scenario built to expose one deviation, and what the deviation must change in its observation. */
interface Exposure {
  readonly scenario: Scenario;
  /** asserts the conformant run and the deviant run differ in the way the deviation says */
  readonly check: (conformant: Observation, deviant: Observation) => void;
}

const messages = (o: Observation, reason: string, c?: string): string[] =>
  (o.events ?? [])
    .filter((e) => e.reason === reason && (c === undefined || e.container === c))
    .map((e) => e.message ?? '');

const gap = (o: Observation, from: string, to: string): number => must(o, to) - must(o, from);

const exposures: Readonly<Record<string, Exposure>> = {
  'init-parallel': {
    scenario: scenario({
      initContainers: [init('init1', exits(0, 2)), init('init2', exits(0, 2))],
      containers: [container('app')],
    }),
    check: (ok, bad) => {
      expect(must(ok, 'init2.started')).toBeGreaterThan(must(ok, 'init1.exited'));
      expect(must(bad, 'init2.started')).toBeLessThan(must(bad, 'init1.exited'));
    },
  },
  'init-rerun-on-app-restart': {
    scenario: scenario({ initContainers: [init('init1', exits(0, 0.5))], containers: [container('app', exits(1, 1))] }),
    check: (ok, bad) => {
      expect(at(ok, 'init1.started', 2)).toBeUndefined();
      expect(must(bad, 'init1.started', 2)).toBeLessThan(must(bad, 'app.started', 2));
    },
  },
  'init-retry-under-never': {
    scenario: scenario({
      restartPolicy: 'Never',
      initContainers: [init('init1', exits(1, 1))],
      containers: [container('app')],
    }),
    check: (ok, bad) => {
      expect(ok.final.phase).toBe('Failed');
      expect(at(ok, 'init1.started', 2)).toBeUndefined();
      expect(at(bad, 'init1.started', 2)).toBeDefined();
      expect(bad.final.phase).toBe('Pending');
    },
  },
  'poststart-nonblocking': {
    scenario: scenario({ containers: [container('a', runs(), { postStart: hook(3) }), container('b')] }),
    check: (ok, bad) => {
      expect(must(ok, 'b.created')).toBeGreaterThan(must(ok, 'a.postStart.finished'));
      expect(must(bad, 'b.created')).toBeLessThan(must(bad, 'a.postStart.finished'));
    },
  },
  'poststart-failure-ignored': {
    scenario: scenario({
      restartPolicy: 'Never',
      containers: [container('app', runs(), { postStart: hook(0.5, 'fail') })],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.term')).toBeDefined();
      expect(ok.events?.some((e) => e.reason === 'FailedPostStartHook')).toBe(true);
      expect(at(bad, 'app.term')).toBeUndefined();
      expect(bad.final.containers?.['app']?.state).toBe('running');
    },
  },
  'term-before-prestop-finished': {
    scenario: scenario({
      grace: 10,
      containers: [container('app', runs(), { preStop: hook(3) })],
      actions: [deleteAt(2)],
    }),
    check: (ok, bad) => {
      expect(must(ok, 'app.term')).toBeGreaterThan(must(ok, 'app.preStop.finished'));
      expect(at(bad, 'app.preStop.finished') ?? Infinity).toBeGreaterThan(must(bad, 'app.term'));
    },
  },
  'prestop-skipped-on-delete': {
    scenario: scenario({
      grace: 10,
      containers: [container('app', runs(), { preStop: hook(1) })],
      actions: [deleteAt(2)],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.preStop.started')).toBeDefined();
      expect(at(bad, 'app.preStop.started')).toBeUndefined();
      expect(at(bad, 'app.term')).toBeDefined();
    },
  },
  'grace-timer-after-prestop': {
    scenario: scenario({
      grace: 6,
      containers: [container('app', runs('ignore'), { preStop: hook(4) })],
      actions: [deleteAt(2)],
    }),
    check: (ok, bad) => {
      expect(gap(ok, 'app.preStop.started', 'app.kill')).toBeCloseTo(6, 1);
      expect(gap(bad, 'app.preStop.started', 'app.kill')).toBeGreaterThan(9.9);
    },
  },
  'kill-without-term': {
    scenario: scenario({ grace: 10, containers: [container('app')], actions: [deleteAt(2)] }),
    check: (ok, bad) => {
      expect(at(ok, 'app.term')).toBeDefined();
      expect(at(ok, 'app.kill')).toBeUndefined();
      expect(at(bad, 'app.term')).toBeUndefined();
      expect(at(bad, 'app.kill')).toBeDefined();
    },
  },
  'sequential-termination': {
    scenario: scenario({
      grace: 10,
      containers: [container('a', runs('exit', 3)), container('b', runs('exit', 3))],
      actions: [deleteAt(2)],
    }),
    check: (ok, bad) => {
      expect(Math.abs(must(ok, 'a.term') - must(ok, 'b.term'))).toBeLessThan(0.1);
      expect(must(bad, 'b.term')).toBeGreaterThanOrEqual(must(bad, 'a.exited'));
    },
  },
  'no-minimum-grace': {
    scenario: scenario({
      grace: 5,
      containers: [container('app', runs('ignore'), { preStop: hook(60) })],
      actions: [deleteAt(2)],
    }),
    check: (ok, bad) => {
      expect(gap(ok, 'app.term', 'app.kill')).toBeCloseTo(2, 2);
      expect(gap(bad, 'app.term', 'app.kill')).toBeLessThan(0.5);
    },
  },
  'never-restarts-failed': {
    scenario: scenario({ restartPolicy: 'Never', containers: [container('app', exits(1, 1))] }),
    check: (ok, bad) => {
      expect(at(ok, 'app.started', 2)).toBeUndefined();
      expect(at(bad, 'app.started', 2)).toBeDefined();
    },
  },
  'onfailure-restarts-success': {
    scenario: scenario({ restartPolicy: 'OnFailure', containers: [container('app', exits(0, 1))] }),
    check: (ok, bad) => {
      expect(ok.final.phase).toBe('Succeeded');
      expect(at(ok, 'app.started', 2)).toBeUndefined();
      expect(at(bad, 'app.started', 2)).toBeDefined();
    },
  },
  'no-backoff': {
    scenario: scenario({ containers: [container('app', exits(1, 1))], observeFor: 20 }),
    check: (ok, bad) => {
      expect(count(ok, 'app.started')).toBeLessThanOrEqual(3);
      expect(count(bad, 'app.started')).toBeGreaterThanOrEqual(8);
    },
  },
  'first-restart-delayed': {
    scenario: scenario({ containers: [container('app', exits(1, 1))], observeFor: 20 }),
    check: (ok, bad) => {
      expect(must(ok, 'app.started', 2) - must(ok, 'app.exited')).toBeLessThan(1.2);
      expect(must(bad, 'app.started', 2) - must(bad, 'app.exited')).toBeGreaterThanOrEqual(10);
    },
  },
  'backoff-uncapped': {
    scenario: scenario({ containers: [container('app', exits(1, 0))], observeFor: 1400 }),
    check: (ok, bad) => {
      const maxGap = (o: Observation): number => {
        const s = times(o, 'app.started');
        return Math.max(...s.slice(1).map((t, i) => t - (s[i] ?? 0)));
      };
      expect(maxGap(ok)).toBeLessThan(303);
      expect(maxGap(bad)).toBeGreaterThan(310);
    },
  },
  'restart-count-frozen': {
    scenario: scenario({ containers: [container('app', exits(1, 1))] }),
    check: (ok, bad) => {
      expect(ok.final.containers?.['app']?.restartCount).toBeGreaterThanOrEqual(1);
      expect(bad.final.containers?.['app']?.restartCount).toBe(0);
    },
  },
  'ifnotpresent-pulls-cached': {
    scenario: scenario({ containers: [container('app', runs(), { imagePullPolicy: 'IfNotPresent' })] }),
    check: (ok, bad) => {
      expect(at(ok, 'app.pullStarted')).toBeUndefined();
      expect(at(bad, 'app.pullStarted')).toBeDefined();
    },
  },
  'always-uses-cache-when-registry-down': {
    scenario: scenario({
      node: { registry: 'down' },
      containers: [container('app', runs(), { imagePullPolicy: 'Always' })],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.started')).toBeUndefined();
      expect(at(bad, 'app.started')).toBeDefined();
    },
  },
  'latest-defaults-ifnotpresent': {
    scenario: scenario({
      node: { registry: 'down', cached: ['busybox:latest'] },
      containers: [container('app', runs(), { image: 'busybox' })],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.pullFailed')).toBeDefined();
      expect(at(ok, 'app.started')).toBeUndefined();
      expect(at(bad, 'app.pullStarted')).toBeUndefined();
      expect(at(bad, 'app.started')).toBeDefined();
    },
  },
  'pull-failure-blocks-pod': {
    scenario: scenario({
      node: { unpullable: ['nosuch/img:1'] },
      containers: [container('bad', runs(), { image: 'nosuch/img:1' }), container('good')],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'good.started')).toBeDefined();
      expect(at(bad, 'good.started')).toBeUndefined();
    },
  },
  'liveness-before-startup': {
    scenario: scenario({
      restartPolicy: 'Never',
      containers: [
        container('app', runs(), {
          startupProbe: probe({ type: 'until', seconds: 10 }, { periodSeconds: 1, failureThreshold: 30 }),
          livenessProbe: probe({ type: 'always' }, { periodSeconds: 1, failureThreshold: 1 }),
        }),
      ],
    }),
    check: (ok, bad) => {
      expect(must(ok, 'app.livenessProbe.ran')).toBeGreaterThan(must(ok, 'app.startupProbe.succeeded'));
      expect(must(bad, 'app.term')).toBeLessThan(5);
    },
  },
  'failure-threshold-off-by-one': {
    scenario: scenario({
      restartPolicy: 'Never',
      containers: [
        container('app', runs(), {
          livenessProbe: probe({ type: 'always' }, { periodSeconds: 1, failureThreshold: 3 }),
        }),
      ],
    }),
    check: (ok, bad) => {
      const runsBeforeTerm = (o: Observation): number =>
        times(o, 'app.livenessProbe.ran').filter((t) => t <= must(o, 'app.term')).length;
      expect(runsBeforeTerm(ok)).toBe(3);
      expect(runsBeforeTerm(bad)).toBe(4);
    },
  },
  'readiness-failure-restarts': {
    scenario: scenario({
      containers: [
        container('app', runs(), {
          readinessProbe: probe({ type: 'always' }, { periodSeconds: 1, failureThreshold: 1 }),
        }),
      ],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.started', 2)).toBeUndefined();
      expect(at(bad, 'app.started', 2)).toBeDefined();
    },
  },
  'sidecars-stopped-first': {
    scenario: scenario({
      grace: 10,
      initContainers: [sidecar('side')],
      containers: [container('app')],
      actions: [deleteAt(5)],
    }),
    check: (ok, bad) => {
      expect(must(ok, 'side.term')).toBeGreaterThan(must(ok, 'app.exited'));
      expect(must(bad, 'app.term')).toBeGreaterThan(must(bad, 'side.exited'));
    },
  },
  'sidecars-forward-order': {
    scenario: scenario({
      grace: 10,
      initContainers: [sidecar('s1'), sidecar('s2')],
      containers: [container('app')],
      actions: [deleteAt(5)],
    }),
    check: (ok, bad) => {
      expect(must(ok, 's1.term')).toBeGreaterThan(must(ok, 's2.exited'));
      expect(must(bad, 's2.term')).toBeGreaterThan(must(bad, 's1.exited'));
    },
  },
  'sidecar-startup-not-awaited': {
    scenario: scenario({
      initContainers: [
        sidecar('side', runs(), {
          startupProbe: probe({ type: 'until', seconds: 5 }, { periodSeconds: 1, failureThreshold: 30 }),
        }),
      ],
      containers: [container('app')],
    }),
    check: (ok, bad) => {
      expect(must(ok, 'app.started')).toBeGreaterThan(must(ok, 'side.startupProbe.succeeded'));
      expect(must(bad, 'app.started')).toBeLessThan(must(bad, 'side.startupProbe.succeeded'));
    },
  },
  'sidecar-blocks-next-init': {
    scenario: scenario({ initContainers: [sidecar('side')], containers: [container('app')] }),
    check: (ok, bad) => {
      expect(at(ok, 'app.started')).toBeDefined();
      expect(at(bad, 'app.started')).toBeUndefined();
    },
  },
  'phase-running-with-waiting-container': {
    scenario: scenario({
      node: { unpullable: ['nosuch/img:1'] },
      containers: [container('bad', runs(), { image: 'nosuch/img:1' }), container('good')],
    }),
    check: (ok, bad) => {
      expect(ok.final.phase).toBe('Pending');
      expect(bad.final.phase).toBe('Running');
    },
  },
  'status-column-phase-only': {
    scenario: scenario({
      restartPolicy: 'Never',
      initContainers: [init('init1', exits(1, 1))],
      containers: [container('app')],
    }),
    check: (ok, bad) => {
      expect(ok.final.status).toBe('Init:Error');
      expect(bad.final.status).toBe('Failed');
    },
  },
  'delete-grace-ignored': {
    scenario: scenario({
      grace: 30,
      containers: [container('app', runs('ignore'))],
      actions: [deleteAt(2, 3)],
      observeFor: 40,
    }),
    check: (ok, bad) => {
      expect(gap(ok, 'app.term', 'app.kill')).toBeCloseTo(3, 2);
      expect(gap(bad, 'app.term', 'app.kill')).toBeCloseTo(30, 2);
    },
  },
  'exited-container-signalled': {
    scenario: scenario({
      restartPolicy: 'Never',
      grace: 10,
      containers: [container('done', exits(0, 1)), container('app')],
      actions: [deleteAt(4)],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'done.term')).toBeUndefined();
      expect(at(bad, 'done.term')).toBeDefined();
    },
  },
  'grace-zero-skips-prestop': {
    scenario: scenario({
      grace: 30,
      containers: [container('app', runs(), { preStop: hook(5) })],
      actions: [deleteAt(2, 0)],
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.preStop.started')).toBeDefined();
      expect(at(bad, 'app.preStop.started')).toBeUndefined();
    },
  },
  'no-prestop-on-probe-kill': {
    scenario: scenario({
      restartPolicy: 'Always',
      containers: [
        container('app', runs(), {
          preStop: hook(1),
          livenessProbe: probe({ type: 'always' }, { periodSeconds: 1, failureThreshold: 2 }),
        }),
      ],
      observeFor: 10,
    }),
    check: (ok, bad) => {
      expect(at(ok, 'app.preStop.started')).toBeDefined();
      expect(at(bad, 'app.preStop.started')).toBeUndefined();
      expect(at(bad, 'app.term')).toBeDefined();
    },
  },
  'namespace-default-in-messages': {
    scenario: scenario({ namespace: 'shop', containers: [container('app', exits(1, 1))], observeFor: 20 }),
    check: (ok, bad) => {
      expect(messages(ok, 'Scheduled')).toEqual(['Successfully assigned shop/sim-test to node']);
      expect(messages(ok, 'BackOff', 'app').every((m) => m.includes('in pod sim-test_shop(uid)'))).toBe(true);
      expect(messages(bad, 'Scheduled')).toEqual(['Successfully assigned default/sim-test to node']);
      expect(messages(bad, 'BackOff', 'app').length).toBeGreaterThan(0);
      expect(messages(bad, 'BackOff', 'app').every((m) => m.includes('in pod sim-test_default(uid)'))).toBe(true);
    },
  },
  'prestop-failure-unreported': {
    scenario: scenario({
      containers: [container('app', runs(), { preStop: hook(1, 'fail') })],
      actions: [deleteAt(3)],
      observeFor: 20,
    }),
    check: (ok, bad) => {
      expect(messages(ok, 'FailedPreStopHook', 'app')).toEqual(['PreStopHook failed']);
      expect(messages(bad, 'FailedPreStopHook')).toEqual([]);
      // the stop itself goes on as before
      expect(must(bad, 'app.term')).toBeCloseTo(must(ok, 'app.term'), 5);
    },
  },
  'liveness-after-termination': {
    scenario: scenario({
      grace: 20,
      containers: [
        container('app', runs('ignore'), {
          livenessProbe: probe({ type: 'afterTerm', seconds: 0 }, { periodSeconds: 2, failureThreshold: 100 }),
        }),
      ],
      actions: [deleteAt(5)],
      observeFor: 40,
    }),
    check: (ok, bad) => {
      const term = must(ok, 'app.term');
      expect(times(ok, 'app.livenessProbe.ran').filter((t) => t >= term)).toEqual([]);
      expect(messages(ok, 'Unhealthy', 'app')).toEqual([]);
      expect(times(bad, 'app.livenessProbe.ran').filter((t) => t >= must(bad, 'app.term')).length).toBeGreaterThan(5);
      expect(messages(bad, 'Unhealthy', 'app').some((m) => m.startsWith('Liveness probe failed'))).toBe(true);
    },
  },
  'cached-image-fresh-pull-event': {
    scenario: scenario({ containers: [container('app', runs(), { imagePullPolicy: 'IfNotPresent' })] }),
    check: (ok, bad) => {
      expect(messages(ok, 'Pulled', 'app')).toEqual([
        'Container image "busybox:1.36" already present on machine and can be accessed by the pod',
      ]);
      expect(messages(bad, 'Pulled', 'app')[0]).toMatch(/^Successfully pulled image "busybox:1.36" in /);
      // nothing was pulled
      expect(at(bad, 'app.pullStarted')).toBeUndefined();
    },
  },
};

describe('sim deviations', () => {
  const all = [...simDeviations, ...pendingSimDeviations];

  it('has at least 25 named deviations, each naming the rule it breaks', () => {
    expect(simDeviations.length).toBeGreaterThanOrEqual(25);
    expect(new Set(all.map((d) => d.name)).size).toBe(all.length);
    for (const d of all) {
      expect(d.rule).toMatch(/^[a-z]+(\.[a-z0-9-]+)+$/);
      expect(d.description.length).toBeGreaterThan(20);
    }
  });

  it('has an exposing scenario for every deviation', () => {
    expect(Object.keys(exposures).sort()).toEqual(all.map((d) => d.name).sort());
  });

  for (const d of all) {
    it(`${d.name} changes what the sim does (${d.rule})`, () => {
      const exposure = exposures[d.name];
      if (exposure === undefined) throw new Error(`no exposing scenario for ${d.name}`);
      const conformant = observe(exposure.scenario);
      const deviant = observe(exposure.scenario, { deviations: [d.name] });
      exposure.check(conformant, deviant);
    });
  }

  it('rejects an unknown deviation as unknown, not as a failure', () => {
    const outcome = simulate(scenario({ containers: [container('app')] }), { deviations: ['no-such-thing'] });
    expect(outcome.status).toBe('unknown');
  });
});
