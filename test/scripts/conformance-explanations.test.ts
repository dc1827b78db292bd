// The report's causes are read from the failure itself: what podman printed, which points never came, what the pod
// holds; a failure no cause fits is reported as not explained rather than given a cause it lacks.
import { describe, expect, it } from 'vitest';
import { libraryScenario } from '../library-scenario.ts';
import { explainFailure } from '../../scripts/conformance-explanations.ts';

describe('explainFailure on podman', () => {
  it('names the refused sidecar from what kube play said, before any missing point', async () => {
    const scenario = await libraryScenario('specs/cases/sidecars/pc-sidecar-startup-gates-next-init.case.yaml');
    const cause = explainFailure('podman', {
      scenario,
      messages: ['pull.before-create: sc.created should follow sc.pulled within [0.00 s, 0.20 s]; it never came'],
      said: 'Error: cannot create an init container that has either of lifecycle, livenessProbe, readinessProbe, or startupProbe set',
    });
    expect(cause?.name).toBe('refuses an init container with a probe or hook');
    expect(cause?.why).toContain('play.go:572');
  });

  it('names ignored hooks from a hook point that never came', async () => {
    const scenario = await libraryScenario('specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml');
    const cause = explainFailure('podman', {
      scenario,
      messages: ['order [pod.deleteRequested, web.preStop.started]: web.preStop.started did not occur'],
    });
    expect(cause?.name).toBe('ignores lifecycle hooks');
  });

  it('names the start order from an order entry between one start and the next creation', async () => {
    const scenario = await libraryScenario('specs/cases/run/pc-run-start-in-spec-order.case.yaml');
    const cause = explainFailure('podman', {
      scenario,
      messages: ['order [alpha.started, mid.created]: alpha.started at 0.974s is not before mid.created at 0.795s'],
    });
    expect(cause?.name).toBe('starts app containers in its own order');
  });

  it('leaves a failure no known cause fits unexplained, and knows nothing of other backends', async () => {
    const scenario = await libraryScenario('specs/cases/restart/pc-restart-never-keeps-exit-code.case.yaml');
    const facts = { scenario, messages: ['containers.app.exitCode: expected 3, got 4'] };
    expect(explainFailure('podman', facts)).toBeUndefined();
    expect(explainFailure('kind', { ...facts, messages: ['app.preStop.started did not occur'] })).toBeUndefined();
  });
});
