/** The case library (`specs/cases/`, or any case files) run on a backend first, each case judged by its `expect`. */
import { findCaseFiles, formatProblem, loadCaseFile } from '../cases/index.ts';
import { evaluateExpectation, mergeStatus, type VerdictStatus } from '../diff/index.ts';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { RunTarget } from './target.ts';

/** One case's outcome on the backend. */
export interface LibraryCaseResult {
  readonly id: string;
  readonly file: string;
  readonly status: VerdictStatus;
  /** the entries that did not pass (for an unknown run: why the backend saw nothing) */
  readonly failures: ReadonlyArray<{ readonly expect: string; readonly message: string }>;
}

/** The library's outcome. */
export interface LibraryReport {
  readonly status: VerdictStatus;
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
  let status: VerdictStatus = 'pass';
  for (const file of found.files) {
    const loaded = await loadCaseFile(file);
    if (loaded.status === 'invalid') {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    const { scenario, expect } = loaded.caseFile;
    if (!only(scenario)) continue;
    const outcome = target.runSync ? target.runSync(scenario) : await target.run(scenario);
    let result: LibraryCaseResult;
    if (outcome.status === 'unknown') {
      result = { id: scenario.id, file, status: 'unknown', failures: [{ expect: 'backend', message: outcome.reason }] };
    } else {
      const verdict = evaluateExpectation(expect, outcome.observation, {
        toleranceSeconds: target.toleranceSeconds(outcome.observation),
      });
      result = {
        id: scenario.id,
        file,
        status: verdict.status,
        failures: verdict.entries
          .filter((e) => e.status !== 'pass')
          .map(({ expect: e, message }) => ({ expect: e, message })),
      };
    }
    status = mergeStatus(status, result.status);
    cases.push(result);
  }
  return { status, cases, problems };
}
