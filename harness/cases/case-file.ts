/** A loaded case file, the problems a bad one has, and how a problem is printed (shared/cases/FORMAT.md). */
import type { Expectation, Scenario } from '../../specs/vocabulary/index.ts';

/** A case file that loaded: the scenario, what it expects, and optionally what the documents claim instead. */
export interface CaseFile {
  readonly path: string;
  readonly scenario: Scenario;
  readonly expect: Expectation;
  readonly documented?: Expectation;
}

/** One thing wrong with an input file, located by line and by the dotted path of the field. */
export interface CaseProblem {
  readonly file: string;
  /** 1-based */
  readonly line: number;
  /** dotted path such as `pod.spec.containers[1].behavior.after`; `(yaml)`, `(document)` or `(file)` for the whole input */
  readonly field: string;
  readonly message: string;
}

/** The outcome of loading one input: the case, or every problem found in it. */
export type LoadResult =
  | { readonly status: 'ok'; readonly caseFile: CaseFile }
  | { readonly status: 'invalid'; readonly problems: ReadonlyArray<CaseProblem> };

/** Prints a problem as one line: `file:line: field: what is wrong`. */
export function formatProblem(problem: CaseProblem): string {
  return `${problem.file}:${problem.line}: ${problem.field}: ${problem.message}`;
}
