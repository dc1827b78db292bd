/**
 * The final state: every observed value must be one the prediction allows. A value the observation does
 * not hold is `unknown`, never a failure.
 */
import type { ObservedFinal, Predicted, PredictedFinal } from '../../specs/vocabulary/index.ts';
import { possibleText, valueText } from './format.ts';
import type { FinalValue, Violation } from './violation.ts';

/** What the final state of an observation tells against the prediction. */
export interface FinalFindings {
  readonly violations: ReadonlyArray<Violation>;
  readonly unobserved: ReadonlyArray<string>;
}

/** `present`: the observation holds the field. */
interface Seen {
  readonly present: boolean;
  readonly value: FinalValue;
}

const absent: Seen = { present: false, value: undefined };

function seen(value: FinalValue): Seen {
  return value === undefined ? absent : { present: true, value };
}

/** Compares the observed final state with every value the prediction allows. */
export function diffFinal(predicted: PredictedFinal, observed: ObservedFinal): FinalFindings {
  const violations: Violation[] = [];
  const unobserved: string[] = [];
  const judge = <T extends FinalValue>(field: string, p: Predicted<T>, s: Seen): void => {
    const possible: ReadonlyArray<FinalValue> = p.possible;
    if (s.present) {
      if (!possible.includes(s.value)) {
        violations.push({
          type: 'final-value',
          rule: p.rule,
          field,
          possible,
          observed: s.value,
          message: `${p.rule}: ${field} should be ${possibleText(possible)}; it was ${valueText(s.value)}`,
        });
      }
      return;
    }
    // A field left out (a running container's reason) agrees with a prediction of "no value"; otherwise it was not seen.
    if (!possible.includes(undefined)) unobserved.push(`final.${field}`);
  };
  judge('phase', predicted.phase, seen(observed.phase));
  judge('status', predicted.status, seen(observed.status));
  judge('gone', predicted.gone, seen(observed.gone));
  for (const [type, c] of Object.entries(predicted.conditions)) {
    const o = observed.conditions?.[type];
    if (o === undefined) {
      unobserved.push(`final.conditions.${type}`);
      continue;
    }
    judge(`conditions.${type}.status`, c.status, seen(o.status));
    judge(`conditions.${type}.reason`, c.reason, seen(o.reason));
  }
  for (const [name, c] of Object.entries(predicted.containers)) {
    const o = observed.containers?.[name];
    if (o === undefined) {
      unobserved.push(`final.containers.${name}`);
      continue;
    }
    const at = `containers.${name}`;
    judge(`${at}.state`, c.state, seen(o.state));
    judge(`${at}.reason`, c.reason, seen(o.reason));
    judge(`${at}.exitCode`, c.exitCode, seen(o.exitCode));
    judge(`${at}.restartCount`, c.restartCount, seen(o.restartCount));
    judge(`${at}.ready`, c.ready, seen(o.ready));
    judge(`${at}.everStarted`, c.everStarted, seen(o.everStarted));
  }
  return { violations, unobserved };
}
