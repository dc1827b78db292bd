/** The differ's three-valued outcome and how outcomes merge (STYLE practice 7: fail > unknown > pass). */
import type { Violation } from './violation.ts';

/** `unknown`: the backend could not observe something the verdict needs; never a failure. */
export type VerdictStatus = 'pass' | 'fail' | 'unknown';

/** What the differ concluded about one observation. */
export interface Verdict {
  readonly status: VerdictStatus;
  readonly violations: ReadonlyArray<Violation>;
  /** what could not be judged because the observation does not hold it, e.g. `final.containers.app.exitCode` */
  readonly unobserved: ReadonlyArray<string>;
  /** set when the differ itself threw; the verdict is then `unknown` */
  readonly error?: string;
}

const priority: Readonly<Record<VerdictStatus, number>> = { pass: 0, unknown: 1, fail: 2 };

/** The status violations and unobserved entries add up to. */
export function statusOf(violations: ReadonlyArray<unknown>, unobserved: ReadonlyArray<unknown>): VerdictStatus {
  if (violations.length > 0) return 'fail';
  return unobserved.length > 0 ? 'unknown' : 'pass';
}

/** The worse of two statuses: fail > unknown > pass. */
export function mergeStatus(a: VerdictStatus, b: VerdictStatus): VerdictStatus {
  return priority[a] >= priority[b] ? a : b;
}

/** Verdicts merged: every violation and unobserved entry kept, the status by priority. */
export function mergeVerdicts(verdicts: ReadonlyArray<Verdict>): Verdict {
  let status: VerdictStatus = 'pass';
  const violations: Violation[] = [];
  const unobserved: string[] = [];
  const errors: string[] = [];
  for (const v of verdicts) {
    status = mergeStatus(status, v.status);
    violations.push(...v.violations);
    unobserved.push(...v.unobserved);
    if (v.error !== undefined) errors.push(v.error);
  }
  return { status, violations, unobserved, ...(errors.length > 0 ? { error: errors.join('; ') } : {}) };
}

/** Keeps only the violations `keep` accepts and recomputes the status (`--rules GLOB`). */
export function filterVerdict(verdict: Verdict, keep: (violation: Violation) => boolean): Verdict {
  const violations = verdict.violations.filter(keep);
  const status = verdict.error !== undefined ? 'unknown' : statusOf(violations, verdict.unobserved);
  return { ...verdict, status, violations };
}
