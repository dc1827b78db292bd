/** One `<testcase>` per results entry: a case of a library, a generated scenario or the shrunk counterexample. */
import type { ResultEntry } from '../results/schema.ts';
import { entryDetails, findingLine, generatedName, oneLine, seconds } from './text.ts';
import type { XmlElement } from './xml.ts';

/** `cases.<area>` from the case file's folder (`specs/cases/hooks/x.case.yaml` → `cases.hooks`), else `cases`. */
function caseClassname(entry: ResultEntry): string {
  const folders = (entry.file ?? '').split(/[\\/]/).slice(0, -1);
  const area = folders.at(-1);
  return area === undefined || area === '' || area === '.' || area === '..' ? 'cases' : `cases.${area}`;
}

/**
 * What JUnit is told about the entry's verdict. `unknown` and `no expectations` are skips with the reason, never
 * passes and never failures (STYLE practice 7: unknown is not fail); `error` is podconform's own failure.
 */
function outcomeElement(entry: ResultEntry): XmlElement | undefined {
  const first = entry.findings[0];
  switch (entry.status) {
    case 'pass':
      return undefined;
    case 'fail':
      return {
        name: 'failure',
        attributes: [
          ['message', oneLine(first?.message ?? 'failed (the results file records no finding)')],
          ['type', first?.rule ?? first?.check],
        ],
        text: entryDetails(entry),
      };
    case 'unknown': {
      const why = entry.outcomeReason ?? entry.findings.find((f) => f.status === 'unknown')?.message;
      return {
        name: 'skipped',
        attributes: [['message', oneLine(`unknown: ${why ?? 'the backend could not show what was checked'}`)]],
        text: entryDetails(entry),
      };
    }
    case 'error':
      return {
        name: 'error',
        attributes: [
          ['message', oneLine(entry.outcomeReason ?? first?.message ?? 'podconform itself failed on this entry')],
          ['type', 'podconform'],
        ],
        text: entryDetails(entry),
      };
    case 'no expectations':
      return {
        name: 'skipped',
        attributes: [['message', 'no expectations: the case has no expect block, nothing was judged']],
      };
  }
}

/** The replay line (and, for a pass, any findings it still carries) where CI shows a test's output. */
function systemOut(entry: ResultEntry): XmlElement | undefined {
  const lines: string[] = [];
  if (entry.replay !== undefined) lines.push(`replay: ${entry.replay}`);
  if (entry.status === 'pass') lines.push(...entry.findings.map(findingLine));
  return lines.length === 0 ? undefined : { name: 'system-out', text: `${lines.join('\n')}\n` };
}

/** The entry's testcase; classname and name follow its kind (a case's area and id, a scenario's id and index). */
export function entryTestcase(entry: ResultEntry): XmlElement {
  const isCase = entry.kind === 'case';
  const children = [outcomeElement(entry), systemOut(entry)].filter((child) => child !== undefined);
  return {
    name: 'testcase',
    attributes: [
      ['name', isCase ? entry.id : generatedName(entry)],
      [
        'classname',
        isCase
          ? caseClassname(entry)
          : entry.kind === 'counterexample'
            ? 'scenarios.counterexample'
            : 'scenarios.generated',
      ],
      ['time', seconds(entry.durationMs)],
      ['file', entry.file],
    ],
    children,
  };
}
