/**
 * The manifest compiler: a scenario becomes a v1 Pod whose busybox scripts act out its behaviour block and mark
 * what they do on a hostPath volume (markers.ts), for any Kubernetes cluster or podman 4.3's `kube play`.
 *
 * The two flavours differ only where podman needs it (PODMAN.md):
 * - the marker volume is `hostPath` type `DirectoryOrCreate` on a cluster (the node creates it), `Directory` on
 *   podman (4.3 does not create it; the backend makes the directory before `kube play`);
 * - a container running as another user than root is unexpressible on a cluster only (run-as-root.ts);
 * - a registry fault (`registry: down`) is unexpressible on podman: there is no registry the suite can take down
 *   (PODMAN.md §2: no pull-delay or registry-down knob); a cluster backend realises it with a local registry.
 * Everything podman ignores (sidecar restartPolicy, hooks, probes, terminationGracePeriodSeconds) is still written:
 * the backend judges what podman does with it, and what it does wrong is a conformance failure, not a compile error.
 *
 * Actions (deletions) and the rest of the node world (cached, unpullable images, pull time) are the backend's to
 * realise; the manifest names every image so that the backend can load, tag or withhold it.
 */
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { CompileOptions, CompileOutcome } from './compiled-pod.ts';
import { compileContainer, markerVolumeName } from './compile-container.ts';
import { handlerPorts } from './container-handlers.ts';
import { PortBook } from './port-book.ts';
import { checkRunsAsRoot } from './run-as-root.ts';
import { Unexpressible, wholeSeconds } from './unexpressible.ts';

function record(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function metadata(scenario: Scenario, options: CompileOptions): Record<string, unknown> {
  const extra = scenario.pod.metadataExtra;
  const labels = { ...record(extra['labels']), ...(options.labels ?? {}) };
  return {
    ...extra,
    name: options.podName,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    ...(Object.keys(labels).length > 0 ? { labels } : {}),
  };
}

function volumes(scenario: Scenario, options: CompileOptions): unknown[] {
  const own = scenario.pod.specExtra['volumes'];
  const list = Array.isArray(own) ? (own as unknown[]) : [];
  if (list.some((v) => record(v)['name'] === markerVolumeName)) {
    throw new Unexpressible(`the pod already has a volume named ${markerVolumeName}`);
  }
  const type = options.flavour === 'kube' ? 'DirectoryOrCreate' : 'Directory';
  return [...list, { name: markerVolumeName, hostPath: { path: options.markerHostDir, type } }];
}

function compileOrThrow(scenario: Scenario, options: CompileOptions): CompileOutcome {
  if (options.flavour === 'podman' && scenario.node.registry === 'down') {
    throw new Unexpressible('podman has no registry the suite can take down');
  }
  const pod = scenario.pod;
  const all = [...pod.initContainers, ...pod.containers];
  checkRunsAsRoot(pod, all, options.flavour);
  const book = new PortBook(new Set(all.flatMap(handlerPorts)));
  const init = pod.initContainers.map((c) => ({ name: c.name, c: compileContainer(c, book) }));
  const regular = pod.containers.map((c) => ({ name: c.name, c: compileContainer(c, book) }));
  const spec: Record<string, unknown> = {
    ...pod.specExtra,
    restartPolicy: pod.restartPolicy,
    ...(pod.terminationGracePeriodSeconds === undefined
      ? {}
      : {
          terminationGracePeriodSeconds: wholeSeconds(
            pod.terminationGracePeriodSeconds,
            'terminationGracePeriodSeconds',
          ),
        }),
    ...(pod.activeDeadlineSeconds === undefined
      ? {}
      : { activeDeadlineSeconds: wholeSeconds(pod.activeDeadlineSeconds, 'activeDeadlineSeconds') }),
    ...(pod.runtimeClassName === undefined ? {} : { runtimeClassName: pod.runtimeClassName }),
    ...(init.length > 0 ? { initContainers: init.map((x) => x.c.container) } : {}),
    containers: regular.map((x) => x.c.container),
    volumes: volumes(scenario, options),
  };
  const unmarked = [...new Set([...init, ...regular].flatMap((x) => x.c.unmarked))].sort();
  return {
    status: 'ok',
    pod: {
      manifest: { apiVersion: 'v1', kind: 'Pod', metadata: metadata(scenario, options), spec },
      images: [...new Set(all.map((c) => c.image))],
      unmarkedPoints: unmarked,
    },
  };
}

/** Compiles `scenario` into a Pod for `options.flavour`, or says why it cannot be acted out there. */
export function compileManifest(scenario: Scenario, options: CompileOptions): CompileOutcome {
  try {
    return compileOrThrow(scenario, options);
  } catch (error) {
    if (error instanceof Unexpressible) return { status: 'unexpressible', reason: error.message };
    throw error;
  }
}
