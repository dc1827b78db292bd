/** The podman backend (`--backend podman`): podman 4.3's `kube play` running the manifest compiler's pods. */
import { compileManifest } from '../manifest/index.ts';
import type { Backend } from '../backend.ts';
import { podmanCannotExpress } from './expressible.ts';
import { createPodmanBackend } from './podman-backend.ts';

export { createPodmanBackend, type PodmanBackendOptions } from './podman-backend.ts';
export { assembleObservation, type PodRunRecord } from './observation.ts';
export { podmanUnobservablePoints } from './unobservable.ts';

/** The backend as `--backend podman` names it, compiling with the project's manifest compiler. */
export function createPodman(): Backend {
  return {
    ...createPodmanBackend({ compile: compileManifest }),
    cannotExpress: (scenario) => podmanCannotExpress(scenario, compileManifest),
  };
}
