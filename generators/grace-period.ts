/** Arbitrary grace periods: the pod's terminationGracePeriodSeconds, or a delete's override. */
import fc from 'fast-check';
import { simplestFirst } from './maybe.ts';

/** Options for {@link gracePeriod}. */
export interface GracePeriodConstraints {
  /** Allow `undefined`: field left out (pod: the API default 30 s; delete: the pod's own). Default true, drawn first. */
  readonly omitted?: boolean;
  /** Allow 0 (default true): a pod that is stopped without grace, or a forced delete. */
  readonly zero?: boolean;
  /** Larger values to draw from (default 10, 15, 20, 30, 45). */
  readonly larger?: ReadonlyArray<number>;
}

/** A grace period in whole seconds: left out, 0, small (1–5 s, where the 2 s floors matter), or a larger value. */
export function gracePeriod(constraints: GracePeriodConstraints = {}): fc.Arbitrary<number | undefined> {
  const options: fc.Arbitrary<number | undefined>[] = [];
  if (constraints.omitted ?? true) options.push(fc.constant(undefined));
  options.push(fc.integer({ min: (constraints.zero ?? true) ? 0 : 1, max: 5 }));
  options.push(fc.constantFrom(...(constraints.larger ?? [10, 15, 20, 30, 45])));
  return fc.oneof(simplestFirst, ...options);
}
