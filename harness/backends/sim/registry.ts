/**
 * The registry as the node reaches it: down means every pull fails, an unpullable image always
 * fails ("not found"), anything else succeeds after `pullTakes`; failures come 0.05 s after the
 * pull started.
 */
import type { Ms } from './clock.ts';
import { toMs } from './clock.ts';
import { normalizeImage } from './image-names.ts';
import type { World } from './world.ts';

/** What one pull attempt does. */
export type PullOutcome =
  /** `takesMs` is at least one tick so the pull is seen to take time; `transferMs` is what the registry took */
  | { readonly status: 'ok'; readonly takesMs: Ms; readonly transferMs: Ms }
  | { readonly status: 'failed'; readonly takesMs: Ms; readonly error: string };

/** The image registry behind the node. */
export class Registry {
  private readonly unpullable: Set<string>;

  constructor(private readonly w: World) {
    this.unpullable = new Set(w.node.unpullable.map(normalizeImage));
  }

  get up(): boolean {
    return this.w.node.registry === 'up';
  }

  pull(imageKey: string): PullOutcome {
    const failAfter = this.w.latencies.pullFailure();
    if (!this.up) {
      return {
        status: 'failed',
        takesMs: failAfter,
        error: `rpc error: code = Unavailable desc = failed to pull and unpack image "${imageKey}": failed to resolve reference "${imageKey}": dial tcp: connect: connection refused`,
      };
    }
    if (this.unpullable.has(imageKey)) {
      return {
        status: 'failed',
        takesMs: failAfter,
        error: `rpc error: code = NotFound desc = failed to pull and unpack image "${imageKey}": failed to resolve reference "${imageKey}": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`,
      };
    }
    const transferMs = toMs(this.w.node.pullTakesSeconds);
    return { status: 'ok', takesMs: Math.max(transferMs, this.w.latencies.instant()), transferMs };
  }
}
