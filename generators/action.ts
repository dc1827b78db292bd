/** Arbitrary API actions on the pod: deletes at a time, with or without a grace-period override. */
import fc from 'fast-check';
import type { Action } from '../specs/vocabulary/index.ts';
import { gracePeriod } from './grace-period.ts';
import { gridSeconds } from './timing.ts';

/** Options for {@link action}. */
export interface ActionConstraints {
  /** Latest `at`, in seconds (default 30). */
  readonly maxAtSeconds?: number;
}

/** Builds a delete, leaving `gracePeriodSeconds` out (not `undefined`) when there is no override. */
export function deleteAction(atSeconds: number, gracePeriodSeconds: number | undefined): Action {
  return gracePeriodSeconds === undefined
    ? { type: 'delete', atSeconds }
    : { type: 'delete', atSeconds, gracePeriodSeconds };
}

/** A delete at a time on the grid; the override is absent, 0 (a forced delete), small, or larger. */
export function action(constraints: ActionConstraints = {}): fc.Arbitrary<Action> {
  return fc
    .tuple(gridSeconds(Math.floor((constraints.maxAtSeconds ?? 30) / 2), 2), gracePeriod())
    .map(([atSeconds, grace]) => deleteAction(atSeconds, grace));
}
