/**
 * The suite's own power: every non-conformance the sim can be told to have is caught within 300 generated
 * scenarios, and caught for its own sake — by a violation of a rule it breaks (its declared rule, or one its
 * target in harness/run/deviation-targets.ts lists, compared by rule id, violation type and point, never by
 * message) on a scenario the conformant sim passes (harness/run/deviation-catch.ts). A failure of some other
 * rule does not count, so a model or differ that stops predicting the deviation's rule fails here. Sim only.
 */
import { describe, expect, it } from 'vitest';
import { simDeviations } from '../../harness/backends/sim/index.ts';
import { catchDeviation, rulesBrokenBy } from '../../harness/run/deviation-catch.ts';
import { conformanceSettings } from './backend-under-test.ts';

const settings = conformanceSettings();
const seed = settings.seed ?? 1;
const runs = 300;

describe.runIf(settings.backend === 'sim')('every sim deviation is caught by a rule it breaks', () => {
  for (const deviation of simDeviations) {
    it(`${deviation.name} (${rulesBrokenBy(deviation.name).join(', ')})`, { timeout: 120_000 }, () => {
      // No shrinking: the catch itself is the claim; `bench --deviations --differential` times the shrink.
      const result = catchDeviation(deviation.name, { runs, seed, shrink: false });
      expect(
        result.caught,
        `${deviation.name}: no violation of ${result.rules.join(' / ')} on a scenario the conformant sim passes in ` +
          `${result.runs} runs (seed ${seed}); ${result.otherRuleFailures} scenarios failed only through other rules`,
      ).toBe(true);
      expect(result.violatedRules.every((r) => result.rules.includes(r))).toBe(true);
    });
  }
});
