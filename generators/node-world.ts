/** Arbitrary node worlds: registry up or down, images cached or unpullable, and how long a pull takes. */
import fc from 'fast-check';
import type { NodeWorld } from '../specs/vocabulary/index.ts';
import { defaultImage } from './image.ts';
import { gridSeconds } from './timing.ts';
import { simplestFirst } from './maybe.ts';

/** The world every pod meets unless a fault changes it: registry up, nothing cached or unpullable, instant pulls. */
export const healthyNode: NodeWorld = { registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 };

/** Options for {@link nodeWorld}. */
export interface NodeWorldConstraints {
  /** The images the node's lists are drawn from, usually the pod's (default busybox tags and an unknown image). */
  readonly images?: ReadonlyArray<string>;
  /** Longest pull, in seconds (default 10). */
  readonly maxPullTakesSeconds?: number;
}

/** A node world whose cached and unpullable lists are distinct subsets of the given images, in their order. */
export function nodeWorld(constraints: NodeWorldConstraints = {}): fc.Arbitrary<NodeWorld> {
  const images = [...new Set(constraints.images ?? [defaultImage, 'busybox:1.35', 'nosuch/img:1'])];
  const maxPull = constraints.maxPullTakesSeconds ?? 10;
  // One draw per image decides where it sits, so an image is never both cached and unpullable.
  const placement = fc.array(fc.constantFrom('nowhere' as const, 'cached' as const, 'unpullable' as const), {
    minLength: images.length,
    maxLength: images.length,
  });
  return fc
    .record({
      registry: fc.constantFrom('up' as const, 'down' as const),
      placement,
      pullTakesSeconds: fc.oneof(simplestFirst, fc.constant(0), gridSeconds(Math.floor(maxPull / 2), 2, 1)),
    })
    .map(({ registry, placement: where, pullTakesSeconds }) => ({
      registry,
      cached: images.filter((_, i) => where[i] === 'cached'),
      unpullable: images.filter((_, i) => where[i] === 'unpullable'),
      pullTakesSeconds,
    }));
}
