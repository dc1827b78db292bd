/**
 * A batch: every scenario of a seed run and judged, none skipped after a failure — what a conformance report of a
 * real implementation needs (which rules it breaks, how often, and a replay line for each failing scenario), where
 * the property loop stops at its first failure to shrink it.
 */
import fc from 'fast-check';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { mapConcurrent } from './concurrency.ts';
import { judgeCatching, type JudgeOptions, type Judged } from './judge.ts';
import { propertyInputs } from './property.ts';
import { replayCommand } from './replay.ts';
import type { RunTarget } from './target.ts';

/** One scenario of the batch. */
export interface BatchEntry {
  readonly index: number;
  readonly scenario: Scenario;
  readonly judged: Judged;
  /** `npx podconform run --backend B --seed S --path INDEX --runs 1`: runs (and shrinks) this scenario again */
  readonly replay: string;
}

/** Runs the first `runs` scenarios of `seed` on `slots` slots; `onEntry` sees each as it is judged, in index order. */
export async function runBatch(options: {
  readonly target: RunTarget;
  readonly scenarios: fc.Arbitrary<Scenario>;
  readonly seed: number;
  readonly runs: number;
  readonly slots: number;
  readonly judgeOptions: JudgeOptions;
  readonly onEntry?: (entry: BatchEntry) => void;
}): Promise<BatchEntry[]> {
  const inputs = fc.sample(propertyInputs(options.target, options.scenarios), {
    seed: options.seed,
    numRuns: options.runs,
  });
  return mapConcurrent(
    inputs,
    options.slots,
    async (input, index) => {
      const outcome = await options.target.run(input.scenario, input.latencySeed);
      const replay = replayCommand({
        backend: options.target.backend,
        seed: options.seed,
        path: String(index),
        deviations: options.target.deviations,
        jitter: options.target.seeded,
      });
      return {
        index,
        scenario: input.scenario,
        judged: judgeCatching(input.scenario, outcome, options.judgeOptions),
        replay,
      };
    },
    options.onEntry === undefined ? {} : { onResult: options.onEntry },
  );
}

/** Per rule: the scenarios whose verdict names it (each scenario counted once per rule). */
export function failuresByRule(entries: ReadonlyArray<BatchEntry>): Map<string, BatchEntry[]> {
  const byRule = new Map<string, BatchEntry[]>();
  for (const entry of entries) {
    if (entry.judged.status !== 'fail') continue;
    const rules = new Set(entry.judged.result.verdict.violations.map((v) => v.rule));
    for (const rule of rules) {
      const list = byRule.get(rule);
      if (list) list.push(entry);
      else byRule.set(rule, [entry]);
    }
  }
  return byRule;
}
