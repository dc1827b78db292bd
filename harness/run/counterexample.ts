/** A failing scenario as a case file: the scenario, the rules it broke, and `expect` derived from the prediction. */
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { writeCase } from '../cases/index.ts';
import { expectationFromPrediction } from './expectation-from-prediction.ts';
import type { ScenarioResult } from './judge.ts';

/** A scenario podconform itself failed on, as a case file without `expect` (there is no prediction to derive it from). */
export function internalErrorCase(scenario: Scenario, replay: string): string {
  return writeCase({ scenario: { ...scenario, source: `podconform internal error: ${replay}` } });
}

/** The case file text `podconform check` loads; `source` holds the replay command. */
export function counterexampleCase(
  scenario: Scenario,
  result: ScenarioResult,
  options: { readonly replay: string; readonly toleranceSeconds: number },
): string {
  const violated = result.verdict.violations.map((v) => v.rule);
  const rules = [...new Set([...scenario.rules, ...violated])].sort();
  const tagged: Scenario = { ...scenario, source: `podconform counterexample: ${options.replay}`, rules };
  if (result.prediction === undefined) return writeCase({ scenario: tagged });
  const expect = expectationFromPrediction(result.prediction, {
    toleranceSeconds: options.toleranceSeconds,
    violations: result.verdict.violations,
  });
  return writeCase({ scenario: tagged, expect });
}
