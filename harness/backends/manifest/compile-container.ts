/**
 * One container of the scenario as a v1 Container: its image and pull policy as written, the main script as its
 * command, its hooks and probes compiled (container-handlers.ts), the marker volume mounted.
 *
 * Of the case's other fields (`extra`), `command` and `args` are dropped — the generated script replaces them, the
 * behaviour block being the truth about what the process does — and the rest is kept: in the case library they are
 * `env`, `resources`, `ports` and `volumeMounts` of emptyDir volumes, none of which changes what the script does.
 */
import type { Container } from '../../../specs/vocabulary/index.ts';
import { markerMountPath } from './compiled-pod.ts';
import { containerHandlers } from './container-handlers.ts';
import type { PortBook } from './port-book.ts';
import { mainScript } from './run-script.ts';
import { Unexpressible } from './unexpressible.ts';

/** The name of the marker volume in every compiled pod. */
export const markerVolumeName = 'podconform-markers';

const replaced = new Set(['command', 'args']);

/** A compiled container and what the pod needs to know about it. */
export interface CompiledContainer {
  readonly container: Readonly<Record<string, unknown>>;
  readonly unmarked: ReadonlyArray<string>;
}

function mounts(container: Container): unknown[] {
  const own = container.extra['volumeMounts'];
  const list = Array.isArray(own) ? (own as unknown[]) : [];
  for (const mount of list) {
    const m = (mount ?? {}) as Record<string, unknown>;
    if (m['name'] === markerVolumeName || m['mountPath'] === markerMountPath) {
      throw new Unexpressible(`${container.name} mounts something at the marker path ${markerMountPath}`);
    }
  }
  return [...list, { name: markerVolumeName, mountPath: markerMountPath }];
}

/** Compiles `container`; throws Unexpressible for what cannot be acted out. */
export function compileContainer(container: Container, book: PortBook): CompiledContainer {
  const handlers = containerHandlers(container, book);
  const kept = Object.fromEntries(
    Object.entries(container.extra).filter(([key]) => !replaced.has(key) && key !== 'volumeMounts'),
  );
  const restartPolicy = container.role === 'sidecar' ? 'Always' : container.restartPolicy;
  return {
    container: {
      name: container.name,
      image: container.image,
      ...(container.imagePullPolicy === undefined ? {} : { imagePullPolicy: container.imagePullPolicy }),
      ...(restartPolicy === undefined ? {} : { restartPolicy }),
      command: ['sh', '-c', mainScript(container, handlers.extras)],
      ...kept,
      volumeMounts: mounts(container),
      ...(handlers.lifecycle === undefined ? {} : { lifecycle: handlers.lifecycle }),
      ...handlers.probes,
    },
    unmarked: handlers.unmarked,
  };
}
