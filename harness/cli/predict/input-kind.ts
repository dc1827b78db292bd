/**
 * Whether `predict`'s input is a case file (shared/cases/FORMAT.md: top-level `pod:` and no `kind`) or a plain
 * manifest (anything with a `kind`: a Pod, a workload, a multi-document stream). Only a manifest's unwritten
 * behaviour gets assumed defaults; a case file says what it means, FORMAT.md's defaults included.
 */
import { isMap, parseAllDocuments } from 'yaml';

export function isCaseFileText(text: string): boolean {
  const first = parseAllDocuments(text, { prettyErrors: false });
  const doc = Array.isArray(first) ? first[0] : undefined;
  const root = doc?.contents;
  return isMap(root) && root.has('pod') && !root.has('kind');
}
