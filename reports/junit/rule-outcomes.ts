/**
 * Every rule the run exercised, judged over all its entries: a rule fails when any entry failed it, is unknown
 * when no entry could judge it, and passes otherwise. This is the view a vendor reads first ("which rules does my
 * implementation break?"), so it is computed once here and the renderer only prints it.
 */
import type { ResultEntry, ResultsFile } from '../results/schema.ts';

/** A rule's outcome over the whole run, with the entries behind it in entry order. */
export interface RuleOutcome {
  readonly rule: string;
  /** the catalogue's area; absent when the results file does not list the rule */
  readonly area?: string;
  readonly status: 'pass' | 'fail' | 'unknown';
  readonly passedIn: ReadonlyArray<ResultEntry>;
  readonly failedIn: ReadonlyArray<ResultEntry>;
  readonly unknownIn: ReadonlyArray<ResultEntry>;
}

type RuleStatus = 'pass' | 'fail' | 'unknown';

/**
 * The entry's own outcome per rule: its `rules` list, plus any rule a finding names that the list leaves out (a
 * finding is a judgement on that rule too). Where both speak, the worse one counts: fail over unknown over pass.
 */
function rulesOf(entry: ResultEntry): ReadonlyMap<string, RuleStatus> {
  const worse = (a: RuleStatus | undefined, b: RuleStatus): RuleStatus =>
    a === 'fail' || b === 'fail' ? 'fail' : a === 'unknown' || b === 'unknown' ? 'unknown' : 'pass';
  const statuses = new Map<string, RuleStatus>();
  for (const { rule, status } of entry.rules) statuses.set(rule, worse(statuses.get(rule), status));
  for (const finding of entry.findings) {
    if (finding.rule !== undefined) statuses.set(finding.rule, worse(statuses.get(finding.rule), finding.status));
  }
  return statuses;
}

/** One outcome per rule any entry exercises, sorted by rule id so the file is stable from run to run. */
export function ruleOutcomes(results: ResultsFile): ReadonlyArray<RuleOutcome> {
  const byRule = new Map<string, { pass: ResultEntry[]; fail: ResultEntry[]; unknown: ResultEntry[] }>();
  for (const entry of results.entries) {
    for (const [rule, status] of rulesOf(entry)) {
      let buckets = byRule.get(rule);
      if (buckets === undefined) {
        buckets = { pass: [], fail: [], unknown: [] };
        byRule.set(rule, buckets);
      }
      buckets[status].push(entry);
    }
  }
  const areas = new Map(results.rules.map((info) => [info.id, info.area]));
  return [...byRule.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([rule, buckets]) => {
      const status: RuleStatus = buckets.fail.length > 0 ? 'fail' : buckets.pass.length > 0 ? 'pass' : 'unknown';
      const area = areas.get(rule);
      return {
        rule,
        ...(area === undefined ? {} : { area }),
        status,
        passedIn: buckets.pass,
        failedIn: buckets.fail,
        unknownIn: buckets.unknown,
      };
    });
}
