/**
 * What `predict` reads: one case file, or a stream of Kubernetes objects (`---` separated, as kubectl files and
 * rendered Helm charts are) from which every pod is taken — a Pod's, or a workload's pod template.
 */
import { isScalar, LineCounter, parseAllDocuments, type Document } from 'yaml';
import type { CaseFile, CaseProblem } from './case-file.ts';
import { readCase } from './load-case.ts';
import { caseOfManifestPod, type ManifestOptions } from './load-manifest.ts';
import { kindOf, readDocumentPod } from './workload-pods.ts';
import { Reader, type Field } from './yaml-reader.ts';

/** A pod found in a stream, ready to predict. */
export interface StreamPod {
  /** 1-based position of its document in the stream */
  readonly document: number;
  /** 1-based position in the document's `items` when that is a List (`kubectl get … -o yaml`) */
  readonly item?: number;
  readonly kind: string;
  readonly objectName: string;
  /** true when the controller would name the pod unpredictably and podconform chose the name */
  readonly nameChosen: boolean;
  readonly caseFile: CaseFile;
}

/** A document that holds no pod (a Service, a ConfigMap, a custom resource). */
export interface SkippedDocument {
  readonly document: number;
  readonly item?: number;
  readonly kind: string;
  readonly objectName: string | undefined;
}

/** A problem with the document it was found in (`undefined` for a case file, which is one document). */
export interface StreamProblem extends CaseProblem {
  readonly document: number | undefined;
}

/** The outcome of reading an input: a case, the pods of a stream, or every problem found. */
export type StreamRead =
  | { readonly status: 'case'; readonly caseFile: CaseFile }
  | {
      readonly status: 'manifests';
      readonly documents: number;
      readonly pods: ReadonlyArray<StreamPod>;
      readonly skipped: ReadonlyArray<SkippedDocument>;
    }
  | { readonly status: 'invalid'; readonly problems: ReadonlyArray<StreamProblem> };

/**
 * Reads `text` as a case file (one document without `kind`) or as a stream of Kubernetes objects. Empty documents
 * are passed over; so are objects that hold no pod, which the result lists. Never throws for bad input.
 */
export function readManifestStream(text: string, file: string, options: ManifestOptions): StreamRead {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const problems: StreamProblem[] = [];
  const parsed: Array<{ readonly document: number; readonly reader: Reader }> = [];
  documents.forEach((doc: Document.Parsed, index) => {
    const document = index + 1;
    if (doc.errors.length > 0) {
      // The parser often reports one mistake several times; its first report is the one that explains it.
      const error = doc.errors[0];
      const line = Math.max(1, lineCounter.linePos(error?.pos[0] ?? 0).line);
      const message = (error?.message ?? 'not valid YAML').replace(/\s+/g, ' ').trim();
      problems.push({ file, line, document, field: '(yaml)', message });
      return;
    }
    if (isScalar(doc.contents) && doc.contents.value === null) return;
    parsed.push({ document, reader: new Reader(file, doc, lineCounter) });
  });
  if (problems.length > 0) return { status: 'invalid', problems };
  const only = parsed.length === 1 ? parsed[0] : undefined;
  // A case file is a single document that is not a Kubernetes object.
  if (only !== undefined && kindOf(only.reader.root()) === undefined) {
    const loaded = readCase(only.reader, only.reader.root());
    if (loaded.status === 'ok') return { status: 'case', caseFile: loaded.caseFile };
    return { status: 'invalid', problems: loaded.problems.map((p) => ({ ...p, document: undefined })) };
  }
  if (parsed.length === 0) {
    return {
      status: 'invalid',
      problems: [{ file, line: 1, document: undefined, field: '(file)', message: 'empty: no Pod, workload or case' }],
    };
  }
  const pods: StreamPod[] = [];
  const skipped: SkippedDocument[] = [];
  for (const { document, reader } of parsed) {
    for (const { item, root } of objectsOf(reader)) {
      const before = reader.problems.length;
      const found = readDocumentPod(reader, root);
      const at = item === undefined ? { document } : { document, item };
      if (found.status === 'skipped') skipped.push({ ...at, kind: found.kind, objectName: found.objectName });
      if (found.status !== 'pod' || reader.problems.length > before) continue;
      const { kind, objectName, nameChosen, pod } = found;
      pods.push({ ...at, kind, objectName, nameChosen, caseFile: caseOfManifestPod(file, pod, options) });
    }
    const inOrder = [...reader.problems].sort((a, b) => a.line - b.line);
    problems.push(...inOrder.map((p) => ({ ...p, document })));
  }
  if (problems.length > 0) return { status: 'invalid', problems };
  return { status: 'manifests', documents: documents.length, pods, skipped };
}

/** The objects of one document: itself, or each of its `items` when it is a List (`kubectl get … -o yaml`). */
function objectsOf(reader: Reader): ReadonlyArray<{ readonly item?: number; readonly root: Field }> {
  const root = reader.root();
  if (kindOf(root) !== 'List') return [{ root }];
  const items = reader.entries(root)?.require('items');
  const list = items === undefined ? undefined : reader.list(items);
  return (list ?? []).map((field, index) => ({ item: index + 1, root: field }));
}
