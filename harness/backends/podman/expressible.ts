/**
 * Whether podman can act a scenario out at all, decided before any pod runs: the manifest compiler must express it,
 * a delete's grace must be whole seconds (`pod stop -t` takes an integer), and its node world's images must be
 * realisable without a registry. `runPod` reports the same reasons as `unknown` when it meets such a scenario.
 */
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import { defaultTerminationGracePeriodSeconds } from '../../../specs/vocabulary/index.ts';
import { realiseImages } from './images.ts';
import type { Compile } from './run-pod.ts';

/** The reason podman cannot run `scenario`, or undefined. */
export function podmanCannotExpress(scenario: Scenario, compile: Compile): string | undefined {
  const pod = 'pc-expressible';
  const compiled = compile(scenario, { flavour: 'podman', podName: pod, markerHostDir: '/tmp/podconform/expressible' });
  if (compiled.status === 'unexpressible') return `not expressible on podman: ${compiled.reason}`;
  for (const action of scenario.actions) {
    const grace =
      action.gracePeriodSeconds ?? scenario.pod.terminationGracePeriodSeconds ?? defaultTerminationGracePeriodSeconds;
    if (!Number.isInteger(grace)) {
      return `not expressible on podman: delete grace ${grace} s is not a whole number of seconds`;
    }
  }
  const images = realiseImages(compiled.pod.manifest, scenario, pod);
  return images.status === 'unexpressible' ? `not expressible on podman: ${images.reason}` : undefined;
}
