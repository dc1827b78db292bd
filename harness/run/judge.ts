/** One scenario judged: the model's prediction against what a backend observed, as a verdict. */
import { predict } from '../../specs/model/index.ts';
import type { Observation, Prediction, Scenario } from '../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../backends/backend.ts';
import { diff, filterVerdict, type Verdict, type VerdictStatus, type Violation } from '../diff/index.ts';

/** The verdict on one scenario, with the prediction and the outcome it came from. */
export interface ScenarioResult {
  readonly verdict: Verdict;
  /** absent when the backend could not observe the run (the model is not asked then) */
  readonly prediction?: Prediction;
  readonly outcome: RunOutcome;
  /** set when the verdict is a clean pass on the nominal-only prediction (`nominalFirst`); `prediction` is that one */
  readonly judgedOnNominal?: true;
}

/** How to judge. */
export interface JudgeOptions {
  /** the differ's tolerance for this observation, in seconds */
  readonly toleranceSeconds: (observation: Observation) => number;
  /** which violations count (`--rules`); all when absent */
  readonly keep?: (violation: Violation) => boolean;
  /**
   * Judge against the model's nominal-only prediction first (a third of the model's work) and predict fully only
   * when that is not a clean pass. Same verdicts: see `passesOnNominal`.
   */
  readonly nominalFirst?: boolean;
}

/**
 * A failure of podconform's own code on one scenario — the model or the differ threw, or a built-in backend
 * reported that it broke. It is a bug to report (exit 4), never a verdict on the implementation and never
 * `unknown`, which is only for what an implementation could not show.
 */
export class InternalError extends Error {
  override readonly name = 'InternalError';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The model's prediction; throws InternalError when the model fails. */
function predictOrThrow(scenario: Scenario, nominalOnly = false): Prediction {
  try {
    return nominalOnly ? predict(scenario, { nominalOnly }) : predict(scenario);
  } catch (error) {
    throw new InternalError(`the model failed on scenario ${scenario.id}: ${message(error)}`, { cause: error });
  }
}

/**
 * Judges one outcome: an unobserved run is `unknown` (never `fail`), an observed one is diffed against the
 * model. Throws InternalError when the model, the differ or the backend itself failed.
 */
export function judgeOutcome(scenario: Scenario, outcome: RunOutcome, options: JudgeOptions): ScenarioResult {
  if (outcome.status === 'error') {
    const detail = outcome.detail === undefined ? '' : ` (${outcome.detail.split('\n')[0] ?? ''})`;
    throw new InternalError(`${outcome.reason} on scenario ${scenario.id}${detail}`);
  }
  if (outcome.status === 'unknown') {
    const detail = outcome.detail === undefined ? '' : ` (${outcome.detail.split('\n')[0] ?? ''})`;
    return {
      verdict: { status: 'unknown', violations: [], unobserved: [`backend: ${outcome.reason}${detail}`] },
      outcome,
    };
  }
  const toleranceSeconds = options.toleranceSeconds(outcome.observation);
  if (options.nominalFirst === true) {
    const quick = passesOnNominal(scenario, outcome.observation, toleranceSeconds);
    if (quick !== undefined)
      return { verdict: quick.verdict, prediction: quick.prediction, outcome, judgedOnNominal: true };
  }
  const prediction = predictOrThrow(scenario);
  const verdict = diff(prediction, outcome.observation, { toleranceSeconds });
  // The differ reports its own exceptions inside the verdict; they are podconform's bugs, not unknowns.
  if (verdict.error !== undefined) throw new InternalError(`${verdict.error} (scenario ${scenario.id})`);
  const keep = options.keep;
  return { verdict: keep ? filterVerdict(verdict, keep) : verdict, prediction, outcome };
}

/**
 * The verdict against the nominal-only prediction when it is a clean pass, else undefined. The nominal-only
 * prediction claims at least as much as the full one (its points and Events are certain more often, its final
 * values and occurrence counts narrower, and an Event it lacks is unexpected), with one gap: a point that only
 * another timing produces (a probe run, a readiness change) is absent from it, so its window is not judged, where
 * the full prediction would judge it. The shortcut therefore rests on measurement, not proof: verdict-identical on
 * every generated scenario compared so far, conformant and deviating (`podconform bench --identity N`, and
 * test/harness/run/nominal-first.test.ts). Requiring every observed point to be predicted would close the gap but
 * leaves the shortcut to a third of the scenarios, slower than always predicting fully.
 */
function passesOnNominal(
  scenario: Scenario,
  observation: Observation,
  toleranceSeconds: number,
): { readonly verdict: Verdict; readonly prediction: Prediction } | undefined {
  const prediction = predictOrThrow(scenario, true);
  const verdict = diff(prediction, observation, { toleranceSeconds });
  if (verdict.status !== 'pass' || verdict.unobserved.length > 0 || verdict.error !== undefined) return undefined;
  return { verdict, prediction };
}

/** A judged scenario's status, with `error` for an internal error. */
export type JudgedStatus = VerdictStatus | 'error';

/** judgeOutcome, with an internal error returned as a value (the property loop shrinks on it like on a failure). */
export type Judged =
  | { readonly status: VerdictStatus; readonly result: ScenarioResult }
  | { readonly status: 'error'; readonly error: string };

/** judgeOutcome that returns an internal error instead of throwing it; anything else thrown is rethrown. */
export function judgeCatching(scenario: Scenario, outcome: RunOutcome, options: JudgeOptions): Judged {
  try {
    const result = judgeOutcome(scenario, outcome, options);
    return { status: result.verdict.status, result };
  } catch (error) {
    if (error instanceof InternalError) return { status: 'error', error: error.message };
    throw error;
  }
}
