/**
 * The first-failure search for a real backend: the seed's scenarios are run `slots` at a time (a real pod spends
 * its `observeFor` waiting), in seed order, and the lowest failing index is what a single slot would have found.
 * The property loop then replays and shrinks that one scenario as it always does.
 */
import fc from 'fast-check';
import { mapConcurrent } from './concurrency.ts';
import { judgeCatching, type JudgeOptions, type Judged } from './judge.ts';
import type { FirstFailureSearch, PropertyInput, SearchedIndex } from './property.ts';
import type { RunTarget } from './target.ts';

/** What the search reports of each scenario as it is judged (a progress line, a report's entries). */
export type OnScenarioJudged = (index: number, input: PropertyInput, judged: Judged) => void;

/** A search over `inputs` (fast-check values of the property's own arbitrary, so index i is fc.check's value i). */
export function concurrentSearch(
  target: RunTarget,
  inputs: fc.Arbitrary<PropertyInput>,
  judgeOptions: JudgeOptions,
  slots: number,
  onScenario?: OnScenarioJudged,
): FirstFailureSearch {
  return async (seed, numRuns, onJudged) => {
    const values = fc.sample(inputs, { seed, numRuns });
    let firstFailing: number | undefined;
    let judged = 0;
    const results = await mapConcurrent(
      values,
      slots,
      async (input, index) => {
        const outcome = await target.run(input.scenario, input.latencySeed);
        const result = judgeCatching(input.scenario, outcome, judgeOptions);
        judged++;
        onJudged(judged);
        onScenario?.(index, input, result);
        if ((result.status === 'fail' || result.status === 'error') && (firstFailing ?? Infinity) > index) {
          firstFailing = index;
        }
        return { index, input, result };
      },
      // Scenarios below a failure found out of order are still run: one of them may fail first in seed order.
      { stop: () => firstFailing !== undefined },
    );
    const unknowns: SearchedIndex[] = results
      .filter((r) => r.result.status === 'unknown' && (firstFailing === undefined || r.index < firstFailing))
      .map((r) => ({
        index: r.index,
        status: 'unknown',
        scenarioId: r.input.scenario.id,
        why: r.result.status === 'unknown' ? whyUnknown(r.result.result.verdict) : '',
      }));
    return { ...(firstFailing === undefined ? {} : { firstFailing }), unknowns, judged };
  };
}

function whyUnknown(verdict: { readonly error?: string; readonly unobserved: ReadonlyArray<string> }): string {
  return verdict.error ?? verdict.unobserved.slice(0, 3).join('; ');
}
