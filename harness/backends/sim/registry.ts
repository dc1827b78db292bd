/**
 * The registry as the node reaches it: down means every pull fails, an unpullable image always
 * fails ("not found"), anything else succeeds after `pullTakes` plus what the node adds; the error
 * texts are the runtime's own (node-texts.ts, KUBELET-FACTS Corrections 25).
 */
import type { Ms } from './clock.ts';
import { toMs } from './clock.ts';
import { normalizeImage } from './image-names.ts';
import type { PullTiming } from './latencies.ts';
import type { PullFailure } from './node-texts.ts';
import type { World } from './world.ts';

/** What one pull attempt does. */
export type PullOutcome =
  | { readonly status: 'ok'; readonly timing: PullTiming }
  | { readonly status: 'failed'; readonly takesMs: Ms; readonly failure: PullFailure };

/** The image registry behind the node. */
export class Registry {
  private readonly unpullable: Set<string>;

  constructor(private readonly w: World) {
    this.unpullable = new Set(w.node.unpullable.map(normalizeImage));
  }

  get up(): boolean {
    return this.w.node.registry === 'up';
  }

  /** One pull of `image` (as written in the spec; `imageKey` its normalised form). */
  pull(image: string, imageKey: string): PullOutcome {
    const w = this.w;
    if (!this.up || this.unpullable.has(imageKey)) {
      const cause = this.up ? 'unpullable' : 'registry-down';
      return {
        status: 'failed',
        takesMs: w.latencies.pullFailure(),
        failure: w.texts.pullFailure(image, imageKey, cause),
      };
    }
    return { status: 'ok', timing: w.latencies.pull(toMs(w.node.pullTakesSeconds)) };
  }
}
