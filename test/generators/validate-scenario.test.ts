/** The validator finds what Kubernetes and FORMAT.md reject, and timings that break the generators' margins. */
import { describe, expect, it } from 'vitest';
import { validateScenario, type ScenarioProblem } from '../../generators/validate-scenario.ts';
import type { Container, Probe, Scenario } from '../../specs/vocabulary/index.ts';

const exitOnTerm = { type: 'exit', exitCode: 143, afterSeconds: 0 } as const;

function regular(name: string, extra: Partial<Container> = {}): Container {
  return {
    name,
    role: 'regular',
    image: 'busybox:1.36',
    behavior: { base: { onTerm: exitOnTerm }, restarts: [] },
    extra: {},
    ...extra,
  };
}

const probe: Probe = {
  action: { type: 'exec', command: ['true'] },
  initialDelaySeconds: 0,
  periodSeconds: 5,
  timeoutSeconds: 1,
  successThreshold: 1,
  failureThreshold: 3,
  fails: { type: 'never' },
  takesSeconds: 0,
};

const base: Scenario = {
  id: 'valid-case',
  rules: [],
  node: { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 },
  pod: {
    name: 'pod',
    restartPolicy: 'Always',
    initContainers: [],
    containers: [regular('app')],
    metadataExtra: {},
    specExtra: {},
  },
  actions: [],
  observeForSeconds: 10,
};

function withPod(pod: Partial<Scenario['pod']>, rest: Partial<Scenario> = {}): Scenario {
  return { ...base, ...rest, pod: { ...base.pod, ...pod } };
}

const paths = (problems: ReadonlyArray<ScenarioProblem>): string[] => problems.map((p) => p.path);

describe('validateScenario', () => {
  it('accepts a plain valid scenario, margins included', () => {
    expect(validateScenario(base, { margins: true })).toEqual([]);
  });

  it('rejects names that are not DNS labels, and names used twice', () => {
    expect(paths(validateScenario(withPod({ containers: [regular('my.app')] })))).toEqual(['pod.containers[0].name']);
    const init = { ...regular('app'), role: 'init' as const };
    expect(paths(validateScenario(withPod({ initContainers: [init] })))).toEqual(['pod.containers[0].name']);
    expect(paths(validateScenario({ ...base, id: 'Not Kebab' }))).toEqual(['id']);
  });

  it('rejects hooks and probes on a regular init container, but not on a sidecar', () => {
    const init: Container = { ...regular('init1'), role: 'init', livenessProbe: probe };
    expect(paths(validateScenario(withPod({ initContainers: [init] })))).toEqual(['pod.initContainers[0]']);
    const sidecar: Container = { ...init, name: 'sc1', role: 'sidecar' };
    expect(validateScenario(withPod({ initContainers: [sidecar] }))).toEqual([]);
  });

  it('rejects a liveness successThreshold other than 1 and a readiness probe with its own grace', () => {
    const c = regular('app', {
      livenessProbe: { ...probe, successThreshold: 2 },
      readinessProbe: { ...probe, terminationGracePeriodSeconds: 5 },
    });
    expect(paths(validateScenario(withPod({ containers: [c] })))).toEqual([
      'pod.containers[0].livenessProbe.successThreshold',
      'pod.containers[0].readinessProbe.terminationGracePeriodSeconds',
    ]);
  });

  it('rejects a sleep handler longer than the grace period, and periods below 1', () => {
    const c = regular('app', {
      preStop: { action: { type: 'sleep', seconds: 10 }, takesSeconds: 10, result: 'success' },
      readinessProbe: { ...probe, periodSeconds: 0 },
    });
    expect(paths(validateScenario(withPod({ containers: [c], terminationGracePeriodSeconds: 5 })))).toEqual([
      'pod.containers[0].preStop.action.seconds',
      'pod.containers[0].readinessProbe.periodSeconds',
    ]);
  });

  it('rejects bad image references, out-of-range exit codes and actions after observeFor', () => {
    const c = regular('app', {
      image: 'Busybox:1.36',
      behavior: { base: { exit: { exitCode: 300, afterSeconds: 1 }, onTerm: exitOnTerm }, restarts: [] },
    });
    expect(
      paths(validateScenario(withPod({ containers: [c] }, { actions: [{ type: 'delete', atSeconds: 12 }] }))),
    ).toEqual(['pod.containers[0].image', 'pod.containers[0].behavior.base.exit.exitCode', 'actions[0]']);
  });

  it('with margins: flags a delete near an exit, a preStop near the grace, and observeFor near a change', () => {
    const exits = regular('app', {
      behavior: { base: { exit: { exitCode: 1, afterSeconds: 6 }, onTerm: exitOnTerm }, restarts: [] },
    });
    const nearExit = withPod(
      { containers: [exits], restartPolicy: 'Never' },
      { actions: [{ type: 'delete', atSeconds: 7 }], observeForSeconds: 30 },
    );
    expect(validateScenario(nearExit, { margins: true }).map((p) => p.path)).toContain('delete');

    const slowPreStop = regular('app', {
      preStop: { action: { type: 'exec', command: ['true'] }, takesSeconds: 29, result: 'success' },
    });
    expect(paths(validateScenario(withPod({ containers: [slowPreStop] }), { margins: true }))).toEqual([
      'pod.app.preStop',
    ]);

    const early = withPod({ containers: [exits], restartPolicy: 'Never' }, { observeForSeconds: 7 });
    expect(paths(validateScenario(early, { margins: true }))).toContain('observeFor');
  });
});
