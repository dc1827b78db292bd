/**
 * The scenarios of a sim run judged again on the main thread, for a report that records every one. Worker threads
 * return only the indices that did not pass; the simulator is deterministic given the scenario and its latency
 * seed, and fast-check's value i of a seed is the same however it is generated, so judging `fc.sample` of the
 * property's own arbitrary gives each index the verdict the run gave it (test/harness/run/rejudge.test.ts).
 */
import fc from 'fast-check';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { judgeCatching, type JudgeOptions, type Judged } from './judge.ts';
import { propertyInputs, type PropertyInput } from './property.ts';
import type { RunTarget } from './target.ts';

/** One generated scenario, judged, at its index in the seed's order. */
export interface JudgedInput {
  readonly index: number;
  readonly input: PropertyInput;
  readonly judged: Judged;
  /** wall time of the backend's run, when it was measured */
  readonly durationMs?: number;
}

/**
 * Judges `count` scenarios of `seed` from index `from` (default 0) on a target that answers synchronously (the
 * sim).
 */
export function rejudgeSeed(options: {
  readonly target: RunTarget;
  readonly scenarios: fc.Arbitrary<Scenario>;
  readonly seed: number;
  readonly from?: number;
  readonly count: number;
  readonly judgeOptions: JudgeOptions;
}): JudgedInput[] {
  const { target } = options;
  const runSync = target.runSync;
  if (runSync === undefined) throw new Error(`rejudgeSeed needs a synchronous backend, not ${target.backend}`);
  if (options.count <= 0) return [];
  const from = options.from ?? 0;
  // fast-check's path i starts the sequence at value i: the same values as the run saw at those indices.
  const inputs = fc.sample(propertyInputs(target, options.scenarios), {
    seed: options.seed,
    numRuns: options.count,
    ...(from === 0 ? {} : { path: String(from) }),
  });
  return inputs.map((input, offset) => {
    const index = from + offset;
    const started = performance.now();
    const outcome = runSync(input.scenario, input.latencySeed);
    const durationMs = performance.now() - started;
    return { index, input, judged: judgeCatching(input.scenario, outcome, options.judgeOptions), durationMs };
  });
}
