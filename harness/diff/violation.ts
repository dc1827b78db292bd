/**
 * What the differ can find wrong with an observation, one variant per kind of disagreement, each
 * explained once in `violationInfo` so reports render from the table (STYLE practice 6).
 */
import type { RuleId, Window } from '../../specs/vocabulary/index.ts';

/** A value a final-state field can take, as the differ compares it (`undefined`: no value, e.g. no reason). */
export type FinalValue = string | number | boolean | undefined;

interface ViolationBase {
  /** the rule the prediction cites for what was violated */
  readonly rule: RuleId;
  /** one sentence: the rule, what was predicted, what was seen */
  readonly message: string;
}

/** One disagreement between a prediction and an observation. */
export type Violation =
  | (ViolationBase & {
      readonly type: 'missing-point';
      readonly point: string;
      readonly follows?: string;
    })
  | (ViolationBase & {
      readonly type: 'window';
      readonly point: string;
      /** absent: the window is taken from pod creation (API actions) */
      readonly follows?: string;
      readonly window: Window;
      readonly deltaSeconds: number;
    })
  | (ViolationBase & {
      readonly type: 'order';
      readonly point: string;
      readonly follows: string;
      readonly window: Window;
      readonly deltaSeconds: number;
    })
  | (ViolationBase & {
      readonly type: 'forbidden-point';
      readonly point: string;
      readonly atSeconds: number;
    })
  | (ViolationBase & {
      readonly type: 'final-value';
      /** e.g. `phase`, `containers.app.exitCode`, `conditions.Ready.status` */
      readonly field: string;
      readonly possible: ReadonlyArray<FinalValue>;
      readonly observed: FinalValue;
    })
  | (ViolationBase & {
      readonly type: 'missing-event';
      readonly reason: string;
      readonly container?: string;
      /** the predicted message template (specs/vocabulary/message-template.ts) */
      readonly eventMessage: string;
    })
  | (ViolationBase & {
      readonly type: 'unexpected-event';
      readonly reason: string;
      readonly container?: string;
      readonly eventMessage?: string;
      readonly atSeconds?: number;
    });

/** The kinds of violation. */
export type ViolationType = Violation['type'];

/** A title and an explanation for every kind of violation; the compiler demands one for each new kind. */
export const violationInfo: Readonly<Record<ViolationType, { readonly title: string; readonly explanation: string }>> =
  {
    'missing-point': {
      title: 'A predicted point did not occur',
      explanation:
        'The model predicts this point whatever the timing within its windows (certainty `certain`), but the backend never reported it before the final state was taken.',
    },
    window: {
      title: 'A point came outside its predicted window',
      explanation:
        'The point occurred, after the point it follows, but the delay between the two lies outside the window the rule allows, widened by the backend tolerance.',
    },
    order: {
      title: 'A point came before the point it follows',
      explanation:
        'The rule says this point is caused by (and so comes after) another one; the backend reported it earlier than its cause.',
    },
    'forbidden-point': {
      title: 'A point that must never occur did occur',
      explanation:
        'No timing within the predicted windows lets this point (or this occurrence of it, e.g. a third start) happen, yet the backend reported it.',
    },
    'final-value': {
      title: 'A final value is not one the rules allow',
      explanation:
        'At observeFor (or when the pod was gone) a status field held a value outside the set of values the model allows for any timing within its windows.',
    },
    'missing-event': {
      title: 'A predicted Event was not reported',
      explanation:
        'The model predicts this Event (reason, container and message) for every timing, but the backend reported no matching Event. The message is a template: `{duration}`, `{bytes}`, `{uid}`, `{namespace}`, `{node}`, `{pullReason}`, `{error}` and `{output}` stand for what only the node knows.',
    },
    'unexpected-event': {
      title: 'An Event the rules never produce here',
      explanation:
        'The backend reported an Event whose reason the model never predicts for that container (nor for the pod), for any timing.',
    },
  };
