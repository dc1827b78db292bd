/**
 * One small interface for every implementation under test (sim, podman, kind, exec:). Backends
 * return outcomes as values and do not throw: what they could not observe is `unknown`, never `fail`;
 * a failure of podconform's own code (a built-in backend that threw) is `error`, never `unknown`.
 */
import type { Observation, Scenario } from '../../specs/vocabulary/index.ts';

export interface RunOptions {
  readonly signal?: AbortSignal;
  /** named non-conformances the backend should exhibit (sim only) */
  readonly deviations?: ReadonlyArray<string>;
  /** seed for a backend's own randomness (sim jitter) */
  readonly seed?: number;
}

/**
 * What one run gave: an observation; `unknown` when the implementation could not be observed (a command that
 * died, hung or answered out of protocol); `error` when podconform's own backend code failed (a bug to report:
 * exit 4, never counted as unknown).
 */
export type RunOutcome =
  | { readonly status: 'observed'; readonly observation: Observation; readonly stderr?: string }
  | { readonly status: 'unknown'; readonly reason: string; readonly detail?: string }
  | { readonly status: 'error'; readonly reason: string; readonly detail?: string };

/**
 * `ready` may carry notices for the user (a cluster's version and the rule profile that applies, a plain warning
 * that version-dependent rules may differ); `unavailable` says in one line what is missing and how to get it.
 */
export type SetUpOutcome =
  | { readonly status: 'ready'; readonly notices?: ReadonlyArray<string> }
  | { readonly status: 'unavailable'; readonly reason: string };

export interface Backend {
  /** as the user names it: `sim`, `podman`, `kind`, `exec:COMMAND` */
  readonly name: string;
  /** how precise observed times are, in seconds; the differ's tolerance follows from it */
  readonly clockResolutionSeconds: number;
  /**
   * How many scenarios it runs at once unless `--parallel` says otherwise; `run` must accept that many concurrent
   * calls. Absent: one at a time.
   */
  readonly defaultParallelism?: number;
  /**
   * Why this backend cannot act the scenario out (a registry fault on podman, a grpc probe busybox cannot answer),
   * or undefined when it can. `run` reports such a scenario `unknown` with the same reason; the property loop draws
   * generated scenarios among those the backend can express, so that a run judges something.
   */
  cannotExpress?(scenario: Scenario): string | undefined;
  setUp(): Promise<SetUpOutcome>;
  run(scenario: Scenario, options?: RunOptions): Promise<RunOutcome>;
  tearDown(): Promise<void>;
}
