/**
 * `junit.xml` from `results.json`: a pure renderer (STYLE practice 14) that CI systems read to show which cases,
 * scenarios and rules failed. Three suites: the cases, the generated scenarios, and the rules, one testcase per
 * rule the run exercised. The shape is the one Jenkins' JUnit and xUnit plugins, GitLab and most reporters read;
 * test/fixtures/junit/junit.xsd states it and the tests validate every rendering against it.
 */
import type { ResultEntry, ResultsFile } from '../results/schema.ts';
import { entryTestcase } from './entry-testcase.ts';
import { ruleOutcomes } from './rule-outcomes.ts';
import { ruleTestcase } from './rule-testcase.ts';
import { seconds } from './text.ts';
import { printXml, type XmlElement } from './xml.ts';

interface Counts {
  readonly tests: number;
  readonly failures: number;
  readonly errors: number;
  readonly skipped: number;
}

/** Counts read off the testcases themselves, so the totals can never disagree with what the file lists. */
function countTestcases(testcases: ReadonlyArray<XmlElement>): Counts {
  const has = (testcase: XmlElement, name: string): boolean =>
    (testcase.children ?? []).some((child) => child.name === name);
  return {
    tests: testcases.length,
    failures: testcases.filter((t) => has(t, 'failure')).length,
    errors: testcases.filter((t) => has(t, 'error')).length,
    skipped: testcases.filter((t) => has(t, 'skipped')).length,
  };
}

/**
 * The start as JUnit's `timestamp`: ISO 8601 without a zone and without fractions, the form Ant's schema demands
 * and every reporter reads. It is UTC; the `startedAt` property keeps the exact value with its zone.
 */
function junitTimestamp(iso: string): string | undefined {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString().slice(0, 19);
}

/** What the run was, as `<property>` elements: a CI page shows them beside the suite. */
function properties(results: ResultsFile): XmlElement {
  const pairs: Array<readonly [string, string | number | undefined]> = [
    ['podconform.version', results.tool.version],
    ['podconform.commit', results.tool.commit],
    ['command', results.command],
    ['replay', results.replay],
    ['seed', results.seed],
    ['backend', results.backend.name],
    ['backend.version', results.backend.version],
    ['kubernetesVersion', results.kubernetesVersion],
    ['filter.focus', results.filters.focus],
    ['filter.skip', results.filters.skip],
    ['filter.rules', results.filters.rules],
    ['startedAt', results.startedAt],
    ['finishedAt', results.finishedAt],
    ...results.backend.notices.map((notice) => ['backend.notice', notice] as const),
  ];
  return {
    name: 'properties',
    children: pairs
      .filter((pair): pair is readonly [string, string | number] => pair[1] !== undefined)
      .map(([name, value]) => ({
        name: 'property',
        attributes: [
          ['name', name],
          ['value', String(value)],
        ],
      })),
  };
}

function suite(
  results: ResultsFile,
  name: string,
  testcases: ReadonlyArray<XmlElement>,
  timeMs: number | undefined,
  extra: ReadonlyArray<XmlElement> = [],
): XmlElement {
  const counts = countTestcases(testcases);
  return {
    name: 'testsuite',
    attributes: [
      ['name', name],
      ['tests', counts.tests],
      ['failures', counts.failures],
      ['errors', counts.errors],
      ['skipped', counts.skipped],
      ['time', seconds(timeMs)],
      ['timestamp', junitTimestamp(results.startedAt)],
      ['hostname', results.hostname],
    ],
    children: [properties(results), ...testcases, ...extra],
  };
}

/** The entries' summed run time, or absent when none of them records one (a time of 0 would be a claim). */
function summedMs(entries: ReadonlyArray<ResultEntry>): number | undefined {
  const timed = entries.filter((entry) => entry.durationMs !== undefined);
  return timed.length === 0 ? undefined : timed.reduce((sum, entry) => sum + (entry.durationMs ?? 0), 0);
}

/** The run's wall time from its start and finish, when both are readable. */
function wallMs(results: ResultsFile): number | undefined {
  const started = Date.parse(results.startedAt);
  const finished = Date.parse(results.finishedAt);
  return Number.isNaN(started) || Number.isNaN(finished) ? undefined : finished - started;
}

/** The JUnit document as a tree, before printing: what the tests inspect. */
export function junitDocument(results: ResultsFile): XmlElement {
  const cases = results.entries.filter((entry) => entry.kind === 'case');
  const generated = results.entries.filter((entry) => entry.kind !== 'case');
  const suites: XmlElement[] = [];
  if (cases.length > 0 || results.problems.length > 0) {
    // Files that could not be loaded are cases that never ran: CI shows them in the suite's error output.
    const problems: XmlElement[] =
      results.problems.length === 0
        ? []
        : [{ name: 'system-err', text: `files that could not be loaded:\n${results.problems.join('\n')}\n` }];
    suites.push(suite(results, 'podconform cases', cases.map(entryTestcase), summedMs(cases), problems));
  }
  if (generated.length > 0) {
    suites.push(suite(results, 'podconform generated scenarios', generated.map(entryTestcase), summedMs(generated)));
  }
  const rules = ruleOutcomes(results);
  if (rules.length > 0) suites.push(suite(results, 'podconform rules', rules.map(ruleTestcase), undefined));

  const totals = countTestcases(suites.flatMap((s) => s.children ?? []).filter((c) => c.name === 'testcase'));
  return {
    name: 'testsuites',
    attributes: [
      ['name', `podconform ${results.command} on ${results.backend.name}`],
      ['tests', totals.tests],
      ['failures', totals.failures],
      ['errors', totals.errors],
      ['time', seconds(wallMs(results))],
    ],
    children: suites,
  };
}

/** The JUnit XML document for a results file; pure and deterministic (no clock, no host lookup). */
export function renderJunit(results: ResultsFile): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${printXml(junitDocument(results))}`;
}
