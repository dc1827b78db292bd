/** The case library (`specs/cases/`, or any case files) run on a backend first, each case judged by its `expect`. */
import { findCaseFiles, formatProblem, loadCaseFile } from '../cases/index.ts';
import { judgeCase, type CaseFailure, type CaseStatus } from './judge-case.ts';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { RunTarget } from './target.ts';

/** One case's outcome on the backend. */
export interface LibraryCaseResult {
  readonly id: string;
  readonly file: string;
  readonly status: CaseStatus;
  /** the entries that did not pass (for an unknown run: why the backend saw nothing) */
  readonly failures: ReadonlyArray<CaseFailure>;
}

/** The library's status: `error` over `fail` over `unknown` over `pass`; cases with no expectations count for nothing. */
export type LibraryStatus = 'pass' | 'fail' | 'unknown' | 'error';

const rank: Readonly<Record<LibraryStatus, number>> = { pass: 0, unknown: 1, fail: 2, error: 3 };

/** The library's outcome. */
export interface LibraryReport {
  readonly status: LibraryStatus;
  readonly cases: ReadonlyArray<LibraryCaseResult>;
  /** files that could not be found or loaded, one line each */
  readonly problems: ReadonlyArray<string>;
}

/** Runs every case under `paths` (those `only` accepts) on the target with nominal latencies; a missing directory is an empty library. */
export async function runCaseLibrary(
  target: RunTarget,
  paths: ReadonlyArray<string>,
  only: (scenario: Scenario) => boolean = () => true,
): Promise<LibraryReport> {
  const found = await findCaseFiles(paths);
  const problems = found.problems.filter((p) => !p.message.includes('no such file')).map(formatProblem);
  const cases: LibraryCaseResult[] = [];
  let status: LibraryStatus = 'pass';
  for (const file of found.files) {
    const loaded = await loadCaseFile(file);
    if (loaded.status === 'invalid') {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    const { scenario } = loaded.caseFile;
    if (!only(scenario)) continue;
    const outcome = target.runSync ? target.runSync(scenario) : await target.run(scenario);
    const { status: caseStatus, failures } = judgeCase(
      loaded.caseFile,
      outcome,
      outcome.status === 'observed' ? target.toleranceSeconds(outcome.observation) : 0,
    );
    const result: LibraryCaseResult = { id: scenario.id, file, status: caseStatus, failures };
    if (caseStatus !== 'no expectations' && rank[caseStatus] > rank[status]) status = caseStatus;
    cases.push(result);
  }
  return { status, cases, problems };
}
