/** Scenarios back to case-file YAML, in the style people write by hand (FORMAT.md). */
import { Document, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { Expectation } from '../../specs/vocabulary/index.ts';
import { caseObject, type CaseContent } from './case-object.ts';
import { formatDuration } from './duration.ts';

// Collections that stay in block style however small: the pod's skeleton, containers and the expectation lists.
const blockPaths: ReadonlyArray<RegExp> = [
  /^$/,
  /^pod(\.spec)?$/,
  /^pod\.spec\.(initContainers|containers)(\[\])?$/,
  /^pod\.spec\.(initContainers|containers)\[\]\.(lifecycle(\.postStart|\.preStop)?|startupProbe|livenessProbe|readinessProbe)$/,
  /^actions(\[\])?$/,
  /^(expect|documented)(\.(containers|conditions|order|timing|events|events\.present|events\.absent))?$/,
];

// A flow collection longer than this reads worse than the block form.
const maxFlowLength = 100;

/** The case as YAML that `loadCaseText` reads back to the same scenario and expectations. */
export function writeCase(content: CaseContent): string {
  const doc = new Document(caseObject(content, formatDuration));
  style(doc.contents, '');
  showTemplates(doc, 'expect', content.expect);
  showTemplates(doc, 'documented', content.documented);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** A present event whose message was cut from a predicted template gets the whole template as a comment. */
function showTemplates(doc: Document, block: string, expect: Expectation | undefined): void {
  const present = doc.getIn([block, 'events', 'present'], true);
  if (expect === undefined || !isSeq(present)) return;
  expect.eventsPresent.forEach((e, i) => {
    const item = present.items[i];
    if (e.template === undefined || !(isMap(item) || isSeq(item))) return;
    // after a one-line entry; above an entry in block style, where a comment after it would trail its last line
    if (item.flow === true) item.comment = ` template: ${e.template}`;
    else item.commentBefore = ` template: ${e.template}`;
  });
}

function style(node: unknown, path: string): void {
  if (!isMap(node) && !isSeq(node)) return;
  if (!blockPaths.some((pattern) => pattern.test(path)) && fitsOnOneLine(node)) {
    node.flow = true;
    return;
  }
  if (isSeq(node)) {
    for (const item of node.items) style(item, `${path}[]`);
    return;
  }
  for (const pair of node.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    style(pair.value, path === '' ? key : `${path}.${key}`);
  }
}

function fitsOnOneLine(node: Node): boolean {
  const json = JSON.stringify(node.toJSON());
  // Flow style would escape line breaks inside strings; block style keeps scripts readable.
  return json.length <= maxFlowLength && !json.includes('\\n');
}
