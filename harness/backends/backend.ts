/**
 * One small interface for every implementation under test (sim, podman, kind, exec:). Backends
 * return outcomes as values and do not throw: what they could not observe is `unknown`, never `fail`.
 */
import type { Observation, Scenario } from '../../specs/vocabulary/index.ts';

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** named non-conformances the backend should exhibit (sim only) */
  readonly deviations?: ReadonlyArray<string>;
  /** seed for a backend's own randomness (sim jitter) */
  readonly seed?: number;
}

export type RunOutcome =
  | { readonly status: 'observed'; readonly observation: Observation; readonly stderr?: string }
  | { readonly status: 'unknown'; readonly reason: string; readonly detail?: string };

export type SetUpOutcome = { readonly status: 'ready' } | { readonly status: 'unavailable'; readonly reason: string };

export interface Backend {
  /** as the user names it: `sim`, `podman`, `kind`, `exec:COMMAND` */
  readonly name: string;
  /** how precise observed times are, in seconds; the differ's tolerance follows from it */
  readonly clockResolutionSeconds: number;
  setUp(): Promise<SetUpOutcome>;
  run(scenario: Scenario, options?: RunOptions): Promise<RunOutcome>;
  tearDown(): Promise<void>;
}
