/** One scenario judged: the model's prediction against what a backend observed, as a verdict. */
import { predict } from '../../specs/model/index.ts';
import type { Observation, Prediction, Scenario } from '../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../backends/backend.ts';
import { diff, filterVerdict, type Verdict, type Violation } from '../diff/index.ts';

/** The verdict on one scenario, with the prediction and the outcome it came from. */
export interface ScenarioResult {
  readonly verdict: Verdict;
  /** absent when the model itself failed on the scenario */
  readonly prediction?: Prediction;
  readonly outcome: RunOutcome;
}

/** How to judge. */
export interface JudgeOptions {
  /** the differ's tolerance for this observation, in seconds */
  readonly toleranceSeconds: (observation: Observation) => number;
  /** which violations count (`--rules`); all when absent */
  readonly keep?: (violation: Violation) => boolean;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The model's prediction, or why it could not make one. */
export function safePredict(
  scenario: Scenario,
): { readonly status: 'ok'; readonly prediction: Prediction } | { readonly status: 'error'; readonly message: string } {
  try {
    return { status: 'ok', prediction: predict(scenario) };
  } catch (error) {
    return { status: 'error', message: `the model failed on this scenario: ${message(error)}` };
  }
}

/** Judges one outcome: an unobserved run is `unknown` (never `fail`), an observed one is diffed against the model. */
export function judgeOutcome(scenario: Scenario, outcome: RunOutcome, options: JudgeOptions): ScenarioResult {
  if (outcome.status === 'unknown') {
    const detail = outcome.detail === undefined ? '' : ` (${outcome.detail.split('\n')[0] ?? ''})`;
    return {
      verdict: { status: 'unknown', violations: [], unobserved: [`backend: ${outcome.reason}${detail}`] },
      outcome,
    };
  }
  const predicted = safePredict(scenario);
  if (predicted.status === 'error') {
    return { verdict: { status: 'unknown', violations: [], unobserved: [], error: predicted.message }, outcome };
  }
  const verdict = diff(predicted.prediction, outcome.observation, {
    toleranceSeconds: options.toleranceSeconds(outcome.observation),
  });
  const keep = options.keep;
  return { verdict: keep ? filterVerdict(verdict, keep) : verdict, prediction: predicted.prediction, outcome };
}
