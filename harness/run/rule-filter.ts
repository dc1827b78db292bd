/**
 * `--focus GLOB` and `--skip GLOB` (and `--rules`, the older name of `--focus`): which rules a run is about. Focus
 * runs only the cases that exercise a matching rule and counts only violations of matching rules; skip is the
 * reverse. Both given: a case runs when it exercises a focused rule and no skipped one.
 */
import { ruleMatcher } from './rule-glob.ts';

/** The filters as the command line gave them (comma-separated rule ids or globs). */
export interface RuleFilterText {
  readonly focus?: string;
  readonly skip?: string;
}

/** The filters as predicates. */
export interface RuleFilter {
  /** whether a violation of this rule counts */
  readonly counts: (rule: string) => boolean;
  /** whether a case exercising these rules is run */
  readonly selects: (rules: ReadonlyArray<string>) => boolean;
}

/** The globs of a comma-separated list, blanks dropped. */
export function globsOf(text: string): string[] {
  return text
    .split(',')
    .map((g) => g.trim())
    .filter((g) => g !== '');
}

/** The globs of `text` that match none of `ruleIds` (a typo would otherwise silently pass or skip everything). */
export function unmatchedGlobs(text: string, ruleIds: ReadonlyArray<string>): string[] {
  return globsOf(text).filter((g) => {
    const matches = ruleMatcher(g);
    return !ruleIds.some((id) => matches(id));
  });
}

/** The predicates for the given filters; undefined when neither is given (everything runs and counts). */
export function ruleFilter(text: RuleFilterText): RuleFilter | undefined {
  if (text.focus === undefined && text.skip === undefined) return undefined;
  const focus = text.focus === undefined ? undefined : ruleMatcher(text.focus);
  const skip = text.skip === undefined ? undefined : ruleMatcher(text.skip);
  return {
    counts: (rule) => (focus === undefined || focus(rule)) && (skip === undefined || !skip(rule)),
    // A case is about every rule it lists: skipping one of them skips the case, focusing one of them keeps it.
    selects: (rules) =>
      (focus === undefined || rules.some((r) => focus(r))) && (skip === undefined || !rules.some((r) => skip(r))),
  };
}
