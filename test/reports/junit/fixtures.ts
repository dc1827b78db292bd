/** The hand-built results files under test/fixtures/reports/junit-*.json, and ways to look inside a rendered tree. */
import { readFileSync } from 'node:fs';
import type { ResultsFile } from '../../../reports/results/schema.ts';
import type { XmlElement } from '../../../reports/junit/xml.ts';

/** The fixtures by name: one passing run, one with failures, one unknown, one with errors, one hostile to XML. */
export const fixtureNames = ['pass', 'fail', 'unknown', 'error', 'escaping'] as const;

/** `test/fixtures/reports/junit-NAME.json` as a results file. */
export function loadFixture(name: (typeof fixtureNames)[number]): ResultsFile {
  const url = new URL(`../../fixtures/reports/junit-${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as ResultsFile;
}

/** The attribute's value, or undefined when the element leaves it out. */
export function attr(element: XmlElement, name: string): string | undefined {
  const value = element.attributes?.find(([key]) => key === name)?.[1];
  return value === undefined ? undefined : String(value);
}

/** The element's children with this tag name. */
export function childrenNamed(element: XmlElement, name: string): ReadonlyArray<XmlElement> {
  return (element.children ?? []).filter((child) => child.name === name);
}

/** The suite of this name; throws when the document has none, so a missing suite fails the test that asked. */
export function suiteNamed(root: XmlElement, name: string): XmlElement {
  const suite = childrenNamed(root, 'testsuite').find((s) => attr(s, 'name') === name);
  if (suite === undefined) throw new Error(`no testsuite named '${name}'`);
  return suite;
}

/** The testcase of this name in a suite; throws when there is none. */
export function testcaseNamed(suite: XmlElement, name: string): XmlElement {
  const testcase = childrenNamed(suite, 'testcase').find((t) => attr(t, 'name') === name);
  if (testcase === undefined) throw new Error(`no testcase named '${name}' in '${attr(suite, 'name') ?? ''}'`);
  return testcase;
}
