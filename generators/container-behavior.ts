/** Arbitrary container behaviours: a run for the first start and, optionally, other runs from a later start on. */
import fc from 'fast-check';
import type { ContainerBehavior } from '../specs/vocabulary/index.ts';
import { runBehavior, type RunBehaviorConstraints } from './run-behavior.ts';

/** Options for {@link containerBehavior}. */
export interface ContainerBehaviorConstraints {
  /** For the first start. */
  readonly base?: RunBehaviorConstraints;
  /** For the `restarts` entries. */
  readonly restart?: RunBehaviorConstraints;
  /** Most `restarts` entries (default 2). */
  readonly maxRestartEntries?: number;
}

/** A container behaviour whose `restarts` entries start at distinct, increasing starts (2, 3, ...). */
export function containerBehavior(constraints: ContainerBehaviorConstraints = {}): fc.Arbitrary<ContainerBehavior> {
  // Each entry is drawn as a gap after the previous one, so the `fromStart` values are distinct by construction.
  const entry = fc.tuple(fc.integer({ min: 1, max: 3 }), runBehavior(constraints.restart));
  return fc
    .tuple(runBehavior(constraints.base), fc.array(entry, { maxLength: constraints.maxRestartEntries ?? 2 }))
    .map(([base, entries]) => {
      let fromStart = 1;
      const restarts = entries.map(([gap, behavior]) => {
        fromStart += gap;
        return { fromStart, behavior };
      });
      return { base, restarts };
    });
}
