/**
 * What a scenario's node world asks of the node's image store and of the registry, image by image (FORMAT.md
 * `node`): a `cached` image must be on the node before the pod is created; any other image must be absent, and
 * its pull must reach a registry that is up (the image is served), that answers "not found" (`unpullable`), or
 * that is down (`registry: down`). Two scenarios can share a node at once only when their worlds agree.
 */
import {
  effectivePullPolicy,
  normalizeImageReference,
  parseImageReference,
  sameImage,
} from '../../../specs/images/index.ts';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import { allContainers } from '../../../specs/vocabulary/index.ts';

/** Where one image must be: on the node, served by the registry, or nowhere. */
export type ImageRole = 'cached' | 'pullable' | 'unpullable';

export interface PlannedImage {
  /** as the manifest writes it */
  readonly image: string;
  /** the node's key for it, `docker.io/library/busybox:1.36` */
  readonly key: string;
  readonly role: ImageRole;
  /**
   * Whether the registry serves it when it is up: a pullable image, and a cached one too (a container with
   * imagePullPolicy Always pulls it although it is on the node); never an unpullable one.
   */
  readonly served: boolean;
  /** the repository path a registry mirror is asked for (`library/busybox`) and the tag */
  readonly mirrorPath: string;
  readonly tag: string;
}

export interface ImagePlan {
  readonly images: ReadonlyArray<PlannedImage>;
  /** the registry state the scenario needs; `any` when no container can pull */
  readonly registry: 'up' | 'down' | 'any';
}

export type ImagePlanOutcome =
  { readonly status: 'ok'; readonly plan: ImagePlan } | { readonly status: 'unexpressible'; readonly reason: string };

/** The plan for a scenario's images (`images`: every reference its compiled manifest names). */
export function planImages(scenario: Scenario, images: ReadonlyArray<string>): ImagePlanOutcome {
  const node = scenario.node;
  const planned: PlannedImage[] = [];
  for (const image of new Set(images)) {
    const parsed = parseImageReference(image);
    const key = normalizeImageReference(image);
    // An invalid reference stops at InvalidImageName in the kubelet: nothing to place anywhere.
    if (parsed.status === 'invalid' || key === undefined) continue;
    const unpullable = node.unpullable.some((u) => sameImage(u, image));
    const role: ImageRole = node.cached.some((c) => sameImage(c, image))
      ? 'cached'
      : unpullable
        ? 'unpullable'
        : 'pullable';
    const { digest, tag } = parsed.reference;
    if (digest !== undefined && role !== 'unpullable') {
      return {
        status: 'unexpressible',
        reason: `image ${image} is pinned by digest; the suite can only place busybox under a tag, not under a digest it does not have`,
      };
    }
    const hostless = key.slice(key.indexOf('/') + 1);
    planned.push({
      image,
      key,
      role,
      served: !unpullable,
      mirrorPath: hostless.slice(0, hostless.lastIndexOf(':')),
      tag: tag ?? 'latest',
    });
  }
  const mayPull = allContainers(scenario.pod).some((c) => {
    const policy = effectivePullPolicy({ image: c.image, explicitPolicy: c.imagePullPolicy });
    if (policy === 'Never') return false;
    return policy === 'Always' || !node.cached.some((cached) => sameImage(cached, c.image));
  });
  return { status: 'ok', plan: { images: planned, registry: mayPull ? node.registry : 'any' } };
}

/**
 * Whether two scenarios can run on the same node at once: the same registry state (unless one never pulls), and
 * every image they share cached in both — an image one of them pulls or keeps absent changes what the other
 * finds on the node.
 */
export function plansCompatible(a: ImagePlan, b: ImagePlan): boolean {
  if (a.registry !== 'any' && b.registry !== 'any' && a.registry !== b.registry) return false;
  const roles = new Map(a.images.map((i) => [i.key, i.role]));
  return b.images.every((i) => {
    const other = roles.get(i.key);
    return other === undefined || (other === 'cached' && i.role === 'cached');
  });
}
