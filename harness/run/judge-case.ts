/**
 * A case file's `expect` block judged against one run's outcome — the one judgement `check` and the case-library
 * stage of `run` share. A case with nothing to judge says so (`no expectations`) instead of passing.
 */
import type { CaseFile } from '../cases/index.ts';
import { evaluateExpectation } from '../diff/index.ts';
import type { RunOutcome } from '../backends/backend.ts';

/** A case's status: a verdict, `no expectations` when its expect block holds nothing, `error` when podconform failed. */
export type CaseStatus = 'pass' | 'fail' | 'unknown' | 'no expectations' | 'error';

/** One expectation entry that did not pass, or (unknown/error) why nothing could be judged. */
export interface CaseFailure {
  readonly expect: string;
  readonly message: string;
  /** `unknown`: the entry could not be judged; absent or `fail`: it failed */
  readonly status?: 'fail' | 'unknown';
}

/** How one case fared. */
export interface CaseJudgement {
  readonly status: CaseStatus;
  readonly failures: ReadonlyArray<CaseFailure>;
  /** the documents' claims (`documented:`) the observation does not bear out */
  readonly divergences: ReadonlyArray<CaseFailure>;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Judges the case's `expect` (and lists its `documented` divergences) against what the run gave, windows and orders
 * at `toleranceSeconds` (the backend's timing tolerance; 0 for the model and the sim).
 */
export function judgeCase(caseFile: CaseFile, outcome: RunOutcome, toleranceSeconds = 0): CaseJudgement {
  if (outcome.status !== 'observed') {
    return { status: outcome.status, failures: [{ expect: 'backend', message: outcome.reason }], divergences: [] };
  }
  try {
    const verdict = evaluateExpectation(caseFile.expect, outcome.observation, { toleranceSeconds });
    const divergences = caseFile.documented
      ? evaluateExpectation(caseFile.documented, outcome.observation, { toleranceSeconds })
          .entries.filter((e) => e.status === 'fail')
          .map(({ expect, message: m }) => ({ expect, message: m }))
      : [];
    // Failed entries first: the first line a user reads is what the implementation did wrong.
    const failures = [
      ...verdict.entries.filter((e) => e.status === 'fail'),
      ...verdict.entries.filter((e) => e.status === 'unknown'),
    ].map(({ expect, message: m, status }) => ({
      expect,
      message: m,
      status: status === 'fail' ? ('fail' as const) : ('unknown' as const),
    }));
    const status = verdict.entries.length === 0 ? 'no expectations' : verdict.status;
    return { status, failures, divergences };
  } catch (error) {
    // The differ is podconform's own code: its exception is an error to report, not a verdict on the backend.
    return {
      status: 'error',
      failures: [{ expect: 'differ', message: `the differ failed: ${message(error)}` }],
      divergences: [],
    };
  }
}
