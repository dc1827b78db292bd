/** Arbitrary SIGTERM handling of a main process (FORMAT.md `onTerm`). */
import fc from 'fast-check';
import type { TermHandling } from '../specs/vocabulary/index.ts';
import { gridSeconds } from './timing.ts';
import { simplestFirst } from './maybe.ts';

/** The exit code of a process that dies of SIGTERM (128 + 15), FORMAT.md's default for `onTerm: exit`. */
export const termExitCode = 143;

/** What every generated process does on SIGTERM unless a fault says otherwise: exits at once with 143. */
export const exitOnTerm: TermHandling = { type: 'exit', exitCode: termExitCode, afterSeconds: 0 };

/** Options for {@link termHandling}. */
export interface TermHandlingConstraints {
  /** Allow `ignore` (default true). */
  readonly ignore?: boolean;
  /** Largest delay between SIGTERM and the exit, in seconds (default 10; 0 allows only immediate exits). */
  readonly maxExitAfterSeconds?: number;
}

/** TERM handling: exit at once with 143 first, then with another code, then ignored, then a slow exit. */
export function termHandling(constraints: TermHandlingConstraints = {}): fc.Arbitrary<TermHandling> {
  const maxAfter = constraints.maxExitAfterSeconds ?? 10;
  const code = fc.oneof(simplestFirst, fc.constant(termExitCode), fc.constant(0), fc.integer({ min: 1, max: 255 }));
  const options: fc.Arbitrary<TermHandling>[] = [
    fc.constant(exitOnTerm),
    code.map((exitCode) => ({ type: 'exit' as const, exitCode, afterSeconds: 0 })),
  ];
  if (constraints.ignore ?? true) options.push(fc.constant({ type: 'ignore' as const }));
  if (maxAfter >= 1) {
    options.push(
      fc
        .tuple(code, gridSeconds(maxAfter, 1, 1))
        .map(([exitCode, afterSeconds]) => ({ type: 'exit' as const, exitCode, afterSeconds })),
    );
  }
  return fc.oneof(simplestFirst, ...options);
}
