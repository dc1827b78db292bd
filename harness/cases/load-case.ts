/** Case files (shared/cases/FORMAT.md): YAML text to a scenario and its expectations, or every problem with its line. */
import { emptyExpectation, type Expectation } from '../../specs/vocabulary/index.ts';
import type { LoadResult } from './case-file.ts';
import { quote } from './describe-value.ts';
import { readActions } from './load-actions.ts';
import { readExpectation } from './load-expectation.ts';
import { readNode } from './load-node.ts';
import { readPod } from './load-pod.ts';
import { parseYaml } from './parse-yaml.ts';
import type { Field, Reader } from './yaml-reader.ts';

const caseKeys = ['id', 'source', 'rules', 'node', 'pod', 'actions', 'observeFor', 'expect', 'documented'];
const kebabCase = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Loads a case file's text; `file` names it in problems. Never throws for bad input. */
export function loadCaseText(text: string, file: string): LoadResult {
  const parsed = parseYaml(text, file);
  if (parsed.status === 'invalid') return parsed;
  return readCase(parsed.reader, parsed.root);
}

/** Reads a parsed case document. */
export function readCase(reader: Reader, root: Field): LoadResult {
  const entries = reader.mapping(root, caseKeys);
  if (entries === undefined) return invalid(reader);
  const idField = entries.require('id');
  const id = idField === undefined ? undefined : reader.string(idField);
  if (idField !== undefined && id !== undefined && !kebabCase.test(id)) {
    reader.report(idField, `${quote(id)} is not kebab-case (lowercase words joined by '-', e.g. init-fail-never)`);
  }
  const sourceField = entries.get('source');
  const source = sourceField === undefined ? undefined : reader.string(sourceField);
  const rulesField = entries.get('rules');
  const rules = rulesField === undefined ? [] : reader.strings(rulesField);
  const node = readNode(reader, entries.get('node'));
  const podField = entries.require('pod');
  // Without a readable id the pod still gets a name, so that only the id is reported.
  const podRead = podField === undefined ? undefined : readPod(reader, podField, { defaultName: id ?? 'unnamed' });
  const actions = readActions(reader, entries.get('actions'));
  const observeForField = entries.require('observeFor');
  const observeForSeconds = observeForField === undefined ? undefined : reader.duration(observeForField);
  if (observeForField !== undefined && observeForSeconds === 0) {
    reader.report(observeForField, 'must be longer than 0s');
  }
  const options = { known: podRead?.containerNames, documented: false };
  const expectField = entries.get('expect');
  const expect = expectField === undefined ? emptyExpectation : readExpectation(reader, expectField, options);
  const documentedField = entries.get('documented');
  const documented: Expectation | undefined =
    documentedField === undefined
      ? undefined
      : readExpectation(reader, documentedField, { ...options, documented: true });
  const pod = podRead?.pod;
  if (reader.problems.length > 0 || id === undefined || rules === undefined || node === undefined) {
    return invalid(reader);
  }
  if (pod === undefined || actions === undefined || observeForSeconds === undefined || expect === undefined) {
    return invalid(reader);
  }
  return {
    status: 'ok',
    caseFile: {
      path: reader.file,
      scenario: {
        id,
        ...(source === undefined ? {} : { source }),
        rules,
        node,
        pod,
        actions,
        observeForSeconds,
      },
      expect,
      ...(documented === undefined ? {} : { documented }),
    },
  };
}

/** The problems in line order (the reader finds them in the order it reads, which is nearly that). */
export function invalid(reader: Reader): Extract<LoadResult, { status: 'invalid' }> {
  // Every path that fails reports first; this guards against a silent failure all the same.
  if (reader.problems.length === 0) reader.report({ path: '', line: 1 }, 'could not be read');
  return { status: 'invalid', problems: [...reader.problems].sort((a, b) => a.line - b.line) };
}
