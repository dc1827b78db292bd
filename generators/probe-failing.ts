/** Arbitrary probe failure plans (FORMAT.md probe `fails`). */
import fc from 'fast-check';
import type { ProbeFailing } from '../specs/vocabulary/index.ts';
import { gridSeconds } from './timing.ts';
import { simplestFirst } from './maybe.ts';

/** Options for {@link probeFailing}. */
export interface ProbeFailingConstraints {
  /** Plans to draw from, simplest first (default all five). */
  readonly types?: ReadonlyArray<ProbeFailing['type']>;
  /** Largest `from`/`until`/`afterTerm`, in seconds (default 30). */
  readonly maxSeconds?: number;
}

/** A failure plan: never, always, from or until a time since the container's start, or from a time after SIGTERM. */
export function probeFailing(constraints: ProbeFailingConstraints = {}): fc.Arbitrary<ProbeFailing> {
  const types = constraints.types ?? ['never', 'always', 'from', 'until', 'afterTerm'];
  const seconds = gridSeconds(Math.floor((constraints.maxSeconds ?? 30) / 2), 2);
  const options = types.map((type): fc.Arbitrary<ProbeFailing> => {
    switch (type) {
      case 'never':
      case 'always':
        return fc.constant({ type });
      case 'from':
      case 'until':
      case 'afterTerm':
        return seconds.map((s) => ({ type, seconds: s }));
    }
  });
  return fc.oneof(simplestFirst, ...options);
}
