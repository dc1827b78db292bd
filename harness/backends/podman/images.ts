/**
 * The scenario's node world (cached, unpullable images, the registry) realised on podman, which has no registry here
 * and one image store shared by every pod at once (PODMAN.md §1, §2). Each container's image either must be there
 * (on the node, or pullable from an up registry) or must not (a pull that fails, `Never` with nothing cached). What
 * must be there is the local busybox image tagged under the name; what must not is renamed, in this pod's manifest
 * only, to a name no one ever tags, so that a name another scenario needs present cannot leak into this one. The
 * name is never observed (podman has no Events or waiting reasons to carry it).
 */
import type { Container, NodeWorld, PullPolicy, Scenario } from '../../../specs/vocabulary/index.ts';
import { allContainers } from '../../../specs/vocabulary/index.ts';
import type { PodManifest } from '../manifest/compiled-pod.ts';

/** The image every present name is a tag of (scripts/setup-podman.sh builds it). */
export const baseImage = 'localhost/busybox:1';

/** How one image reference sits on the node. */
export interface ImageFacts {
  readonly reference: string;
  readonly cached: boolean;
  /** a pull of it would succeed */
  readonly pullable: boolean;
}

/** The API server's default pull policy: Always for `:latest` or no tag, else IfNotPresent (KUBELET-FACTS §9.1). */
function defaultPolicy(reference: string): PullPolicy {
  if (reference.includes('@')) return 'IfNotPresent';
  const lastPart = reference.slice(reference.lastIndexOf('/') + 1);
  const colon = lastPart.lastIndexOf(':');
  return colon < 0 || lastPart.slice(colon + 1) === 'latest' ? 'Always' : 'IfNotPresent';
}

/** Whether an image is on the node, and whether a pull of it would succeed. */
export function imageFacts(reference: string, node: NodeWorld): ImageFacts {
  const cached = node.cached.includes(reference);
  return { reference, cached, pullable: node.registry === 'up' && !node.unpullable.includes(reference) };
}

/** What one container's image becomes on podman. */
export interface ImageChoice {
  /** the reference written into the manifest */
  readonly reference: string;
  /** present: tag the base image under `reference` before playing */
  readonly present: boolean;
  /** the pull policy written into the manifest; absent: leave it as compiled */
  readonly pullPolicy?: PullPolicy;
  /** a kubelet would pull it successfully (which takes the node's `pullTakes`; podman here pulls nothing) */
  readonly pulls?: boolean;
}

/**
 * Decides one container's image. `Always` with a pull that would succeed becomes `IfNotPresent` on a present image:
 * podman cannot reach any registry, and the pull itself is not observable (unobservable.ts), while the outcome (the
 * container runs that image) is the same. `Always` with a failing pull stays `Always`: podman's pull then fails too.
 */
export function chooseImage(container: Container, node: NodeWorld, absentName: string): ImageChoice {
  const facts = imageFacts(container.image, node);
  const policy = container.imagePullPolicy ?? defaultPolicy(container.image);
  switch (policy) {
    case 'Never':
      return facts.cached ? { reference: container.image, present: true } : { reference: absentName, present: false };
    case 'IfNotPresent':
      if (facts.cached) return { reference: container.image, present: true };
      return facts.pullable
        ? { reference: container.image, present: true, pulls: true }
        : { reference: absentName, present: false };
    case 'Always':
      return facts.pullable
        ? {
            reference: container.image,
            present: true,
            pulls: true,
            ...(container.imagePullPolicy === undefined ? {} : { pullPolicy: 'IfNotPresent' as const }),
          }
        : { reference: absentName, present: false };
  }
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** The manifest with every container's image chosen, and the references that must be present; or why not. */
export function realiseImages(
  manifest: PodManifest,
  scenario: Scenario,
  podName: string,
):
  | { readonly status: 'ok'; readonly manifest: PodManifest; readonly present: ReadonlyArray<string> }
  | { readonly status: 'unexpressible'; readonly reason: string } {
  const spec = record(manifest['spec']);
  if (!spec) return { status: 'unexpressible', reason: 'the compiled manifest has no spec' };
  const byName = new Map(allContainers(scenario.pod).map((c, i) => [c.name, { c, i }]));
  const present = new Set<string>();
  const problems: string[] = [];
  const pulling: string[] = [];
  const rewrite = (list: unknown): unknown =>
    Array.isArray(list)
      ? (list as ReadonlyArray<unknown>).map((item) => {
          const entry = record(item);
          const found = byName.get(typeof entry?.['name'] === 'string' ? entry['name'] : '');
          if (!entry || !found) return item;
          const choice = chooseImage(found.c, scenario.node, `localhost/podconform-absent:${podName}-${found.i}`);
          if (choice.pulls) pulling.push(found.c.name);
          if (choice.present) {
            // A digest names content; without a registry there is no way to make that content appear.
            if (choice.reference.includes('@')) problems.push(`${found.c.name}'s image ${choice.reference}`);
            present.add(choice.reference);
          }
          return {
            ...entry,
            image: choice.reference,
            ...(choice.pullPolicy === undefined ? {} : { imagePullPolicy: choice.pullPolicy }),
          };
        })
      : list;
  const rewritten = {
    ...manifest,
    spec: { ...spec, initContainers: rewrite(spec['initContainers']), containers: rewrite(spec['containers']) },
  };
  if (spec['initContainers'] === undefined) delete (rewritten.spec as Record<string, unknown>)['initContainers'];
  // A pull that takes time shifts every later point; podman pulls nothing here and has no pull-delay knob (PODMAN.md §2).
  if (scenario.node.pullTakesSeconds > 0 && pulling.length > 0) {
    return {
      status: 'unexpressible',
      reason: `podman cannot make a pull take ${scenario.node.pullTakesSeconds} s (no registry, no pull delay): ${pulling.join(', ')} would pull`,
    };
  }
  if (problems.length > 0) {
    return {
      status: 'unexpressible',
      reason: `podman has no registry to provide a digest-pinned image that must be on the node: ${problems.join(', ')}`,
    };
  }
  return { status: 'ok', manifest: rewritten, present: [...present] };
}
