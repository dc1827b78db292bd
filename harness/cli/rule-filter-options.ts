/** `--focus`, `--skip` and `--rules` (run's older name for `--focus`) read from the command line and checked. */
import { allRules } from '../../specs/rules/index.ts';
import { unmatchedGlobs, type RuleFilterText } from '../run/rule-filter.ts';

/** The filters as given (for results.json and the replay line) and as the run uses them. */
export interface RuleFilterOptions {
  /** exactly what was typed, per option */
  readonly given: { readonly focus?: string; readonly skip?: string; readonly rules?: string };
  /** `--rules` folded into `focus` */
  readonly text: RuleFilterText;
}

export type RuleFilterParse =
  | { readonly status: 'ok'; readonly options: RuleFilterOptions }
  | { readonly status: 'error'; readonly message: string };

const ruleIds = allRules.map((r) => r.id);

/** Reads the filter options; a glob that matches no rule of the catalogue is an error, as a typo would be. */
export function ruleFilterOptions(values: ReadonlyMap<string, string>): RuleFilterParse {
  const focus = values.get('focus');
  const skip = values.get('skip');
  const rules = values.get('rules');
  if (rules !== undefined && focus !== undefined) {
    return { status: 'error', message: '--rules is the older name of --focus: give one of them' };
  }
  for (const [name, text] of [
    ['focus', focus],
    ['skip', skip],
    ['rules', rules],
  ] as const) {
    if (text === undefined) continue;
    const unmatched = unmatchedGlobs(text, ruleIds);
    if (unmatched.length > 0 || text.trim() === '') {
      return {
        status: 'error',
        message: `--${name} '${unmatched.join(',') || text}' matches no rule (see podconform rules)`,
      };
    }
  }
  const focused = focus ?? rules;
  return {
    status: 'ok',
    options: {
      given: {
        ...(focus === undefined ? {} : { focus }),
        ...(skip === undefined ? {} : { skip }),
        ...(rules === undefined ? {} : { rules }),
      },
      text: { ...(focused === undefined ? {} : { focus: focused }), ...(skip === undefined ? {} : { skip }) },
    },
  };
}
