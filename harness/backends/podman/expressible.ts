/**
 * Whether podman can act a scenario out at all, decided before any pod runs: the manifest compiler must express it,
 * a delete's grace must be whole seconds (`pod stop -t` takes an integer), and its node world's images must be
 * realisable without a registry. `runPod` reports the same reasons as `unknown` when it meets such a scenario.
 */
import type { Action, Scenario } from '../../../specs/vocabulary/index.ts';
import { defaultTerminationGracePeriodSeconds } from '../../../specs/vocabulary/index.ts';
import { realiseImages } from './images.ts';
import type { Compile } from './run-pod.ts';

/** The grace of a delete action: the action's own, else the pod's, else the API default of 30 s. */
export function graceOf(action: Action, scenario: Scenario): number {
  return (
    action.gracePeriodSeconds ?? scenario.pod.terminationGracePeriodSeconds ?? defaultTerminationGracePeriodSeconds
  );
}

/** Why podman cannot delete as the scenario says: `pod stop -t` takes whole seconds; undefined when it can. */
export function fractionalGraceReason(scenario: Scenario): string | undefined {
  const bad = scenario.actions.find((a) => !Number.isInteger(graceOf(a, scenario)));
  return bad === undefined
    ? undefined
    : `not expressible on podman: delete grace ${graceOf(bad, scenario)} s is not a whole number of seconds`;
}

/** The reason podman cannot run `scenario`, or undefined. */
export function podmanCannotExpress(scenario: Scenario, compile: Compile): string | undefined {
  const pod = 'pc-expressible';
  const compiled = compile(scenario, { flavour: 'podman', podName: pod, markerHostDir: '/tmp/podconform/expressible' });
  if (compiled.status === 'unexpressible') return `not expressible on podman: ${compiled.reason}`;
  const grace = fractionalGraceReason(scenario);
  if (grace !== undefined) return grace;
  const images = realiseImages(compiled.pod.manifest, scenario, pod);
  return images.status === 'unexpressible' ? `not expressible on podman: ${images.reason}` : undefined;
}
