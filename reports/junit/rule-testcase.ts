/** One `<testcase>` per rule the run exercised: the rule's property judged over every entry that touched it. */
import type { EntryFinding, ResultEntry } from '../results/schema.ts';
import type { RuleOutcome } from './rule-outcomes.ts';
import { findingLine, generatedName, oneLine } from './text.ts';
import type { XmlElement } from './xml.ts';

/** How an entry is named inside a rule's details: `case pc-hook-x (specs/cases/hooks/…)`, `scenario s-1 #4`. */
function entryLabel(entry: ResultEntry): string {
  if (entry.kind === 'case') return `case ${entry.id}${entry.file === undefined ? '' : ` (${entry.file})`}`;
  return entry.kind === 'counterexample' ? generatedName(entry) : `scenario ${generatedName(entry)}`;
}

/**
 * The entry's first divergence on this rule: its first finding that names the rule with the given status, else
 * its first finding of all (an entry whose `rules` list fails the rule without a finding naming it).
 */
function firstFinding(entry: ResultEntry, rule: string, status: 'fail' | 'unknown'): EntryFinding | undefined {
  return entry.findings.find((f) => f.rule === rule && f.status === status) ?? entry.findings[0];
}

/** Each entry in `entries`, its findings on this rule, its replay line and its case file. */
function perEntry(entries: ReadonlyArray<ResultEntry>, rule: string): string[] {
  return entries.flatMap((entry) => [
    `- ${entryLabel(entry)}`,
    ...entry.findings.filter((f) => f.rule === rule).map((f) => `    ${findingLine(f)}`),
    ...(entry.outcomeReason === undefined ? [] : [`    backend: ${entry.outcomeReason}`]),
    ...(entry.replay === undefined ? [] : [`    replay: ${entry.replay}`]),
  ]);
}

/** `judged in 5 entries: 3 pass, 1 fail, 1 unknown` */
function tally(outcome: RuleOutcome): string {
  const { passedIn, failedIn, unknownIn } = outcome;
  const total = passedIn.length + failedIn.length + unknownIn.length;
  return `judged in ${total} ${total === 1 ? 'entry' : 'entries'}: ${passedIn.length} pass, ${failedIn.length} fail, ${unknownIn.length} unknown`;
}

function outcomeElement(outcome: RuleOutcome): XmlElement | undefined {
  const { rule, status, failedIn, unknownIn } = outcome;
  switch (status) {
    case 'pass':
      return undefined;
    case 'fail': {
      const [first] = failedIn;
      const finding = first === undefined ? undefined : firstFinding(first, rule, 'fail');
      return {
        name: 'failure',
        attributes: [
          ['message', oneLine(finding?.message ?? `${rule} failed (the results file records no finding)`)],
          ['type', rule],
        ],
        text: [tally(outcome), 'failed in:', ...perEntry(failedIn, rule)].join('\n') + '\n',
      };
    }
    case 'unknown': {
      const [first] = unknownIn;
      const why =
        (first === undefined ? undefined : first.findings.find((f) => f.rule === rule && f.status === 'unknown'))
          ?.message ?? first?.outcomeReason;
      const count = `${unknownIn.length} ${unknownIn.length === 1 ? 'entry' : 'entries'}`;
      return {
        name: 'skipped',
        attributes: [
          ['message', oneLine(`unknown: no entry could judge it (${count})${why === undefined ? '' : `: ${why}`}`)],
        ],
        text: [tally(outcome), 'unknown in:', ...perEntry(unknownIn, rule)].join('\n') + '\n',
      };
    }
  }
}

/** The rule's testcase: `rules.<area>` / rule id, failed by the first entry that broke it, skipped when unknown. */
export function ruleTestcase(outcome: RuleOutcome): XmlElement {
  // A failure or a skip carries the tally in its text; a pass says it where CI shows a test's output.
  const children = [outcomeElement(outcome) ?? { name: 'system-out', text: `${tally(outcome)}\n` }];
  return {
    name: 'testcase',
    attributes: [
      ['name', outcome.rule],
      ['classname', `rules.${outcome.area ?? 'uncatalogued'}`],
    ],
    children,
  };
}
