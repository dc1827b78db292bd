/** The case library (`specs/cases/`, or any case files) run on a backend first, each case judged by its `expect`. */
import { findCaseFiles, formatProblem, loadCaseFile, type CaseFile } from '../cases/index.ts';
import { mapConcurrent } from './concurrency.ts';
import { judgeCase, type CaseFailure, type CaseJudgement, type CaseStatus } from './judge-case.ts';
import type { RunOutcome } from '../backends/backend.ts';
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

/** One case as it was run and judged, for a report that records every case (`run --report`). */
export interface LibraryCaseRun {
  readonly caseFile: CaseFile;
  readonly outcome: RunOutcome;
  readonly judgement: CaseJudgement;
  readonly durationMs: number;
}

/**
 * Runs every case under `paths` (those `only` accepts) on the target with nominal latencies, `slots` at a time on
 * a backend that waits on real pods; a missing directory is an empty library. `onCase` sees each case as it is
 * judged, with the number of cases to run.
 */
export async function runCaseLibrary(
  target: RunTarget,
  paths: ReadonlyArray<string>,
  only: (scenario: Scenario) => boolean = () => true,
  slots = 1,
  onCase?: (run: LibraryCaseRun, total: number) => void,
): Promise<LibraryReport> {
  const found = await findCaseFiles(paths);
  const problems = found.problems.filter((p) => !p.message.includes('no such file')).map(formatProblem);
  const loadedCases: { readonly file: string; readonly caseFile: CaseFile }[] = [];
  for (const file of found.files) {
    const loaded = await loadCaseFile(file);
    if (loaded.status === 'invalid') {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    if (only(loaded.caseFile.scenario)) loadedCases.push({ file, caseFile: loaded.caseFile });
  }
  const cases = await mapConcurrent(loadedCases, target.runSync ? 1 : slots, async ({ file, caseFile }) => {
    const { scenario } = caseFile;
    const started = performance.now();
    const outcome = target.runSync ? target.runSync(scenario) : await target.run(scenario);
    const durationMs = performance.now() - started;
    const judgement = judgeCase(
      caseFile,
      outcome,
      outcome.status === 'observed' ? target.toleranceSeconds(outcome.observation) : 0,
    );
    onCase?.({ caseFile, outcome, judgement, durationMs }, loadedCases.length);
    return { id: scenario.id, file, status: judgement.status, failures: judgement.failures };
  });
  let status: LibraryStatus = 'pass';
  for (const c of cases) if (c.status !== 'no expectations' && rank[c.status] > rank[status]) status = c.status;
  return { status, cases, problems };
}
