/** Arbitrary fault plans: a short list of faults, empty first, so shrinking removes faults before anything else. */
import fc from 'fast-check';
import { type Fault, type FaultConstraints, fault } from './fault.ts';

/** The faults of one scenario, in the order they are applied (a later fault on the same thing wins). */
export type FaultPlan = ReadonlyArray<Fault>;

/** Options for {@link faultPlan}. */
export interface FaultPlanConstraints extends FaultConstraints {
  /** Fewest faults (default 0). */
  readonly minFaults?: number;
  /** Most faults (default 3): more rarely adds anything the shrinker would keep. */
  readonly maxFaults?: number;
}

/** A plan of 0 to `maxFaults` faults. */
export function faultPlan(constraints: FaultPlanConstraints = {}): fc.Arbitrary<FaultPlan> {
  return fc.array(fault(constraints), { minLength: constraints.minFaults ?? 0, maxLength: constraints.maxFaults ?? 3 });
}
