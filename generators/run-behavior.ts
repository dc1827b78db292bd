/** Arbitrary run behaviours: what a container's main process does during one start (FORMAT.md "Behaviour blocks"). */
import fc from 'fast-check';
import type { RunBehavior } from '../specs/vocabulary/index.ts';
import { termHandling, type TermHandlingConstraints } from './term-handling.ts';
import { gridSeconds } from './timing.ts';
import { simplestFirst } from './maybe.ts';

/** Options for {@link runBehavior}. */
export interface RunBehaviorConstraints {
  /** `sometimes` (default): exits on its own or runs until signalled; `always`/`never` fix that choice. */
  readonly exits?: 'sometimes' | 'always' | 'never';
  /** Largest `after`, in seconds (default 20). */
  readonly maxAfterSeconds?: number;
  /** Restricts the exit code (default: 0, 1 or any code up to 255). */
  readonly exitCodes?: ReadonlyArray<number>;
  /** Passed to the TERM handling. */
  readonly onTerm?: TermHandlingConstraints;
}

/** An exit code: 0 first (shrinks to success), then 1, then anything a process can return. */
export function exitCode(codes?: ReadonlyArray<number>): fc.Arbitrary<number> {
  if (codes !== undefined && codes.length > 0) return fc.constantFrom(...codes);
  return fc.oneof(simplestFirst, fc.constant(0), fc.constant(1), fc.integer({ min: 2, max: 255 }));
}

/** One run of a container's main process: an optional own exit (code after a time on the grid) and its TERM handling. */
export function runBehavior(constraints: RunBehaviorConstraints = {}): fc.Arbitrary<RunBehavior> {
  const maxAfter = constraints.maxAfterSeconds ?? 20;
  const exit = fc.record({
    exitCode: exitCode(constraints.exitCodes),
    afterSeconds: gridSeconds(Math.floor(maxAfter / 2), 2).map((s) => Math.max(s, 1)),
  });
  const onTerm = termHandling(constraints.onTerm);
  switch (constraints.exits ?? 'sometimes') {
    case 'never':
      return onTerm.map((t) => ({ onTerm: t }));
    case 'always':
      return fc.tuple(exit, onTerm).map(([e, t]) => ({ exit: e, onTerm: t }));
    case 'sometimes':
      // Running until signalled comes first: it is the simpler pod and what shrinking should reach.
      return fc
        .tuple(fc.option(exit, { nil: undefined, freq: 2 }), onTerm)
        .map(([e, t]) => (e === undefined ? { onTerm: t } : { exit: e, onTerm: t }));
  }
}
