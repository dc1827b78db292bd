/** A compiled Pod as people read and apply it: YAML, and the node directory its markers go to outside a run. */
import { stringify } from 'yaml';

/** Where a manifest printed for a person (`podconform manifest`, a report's reproduction) puts its markers. */
export function markerDirFor(caseId: string): string {
  return `/tmp/podconform/${caseId}`;
}

/** The compiled Pod as YAML: scripts as literal blocks, never folded, so they read as they run. */
export function manifestYaml(manifest: Readonly<Record<string, unknown>>): string {
  return stringify(manifest, { lineWidth: 0, blockQuote: 'literal' });
}
