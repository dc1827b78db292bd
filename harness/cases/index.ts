/** Case files (shared/cases/FORMAT.md): loading, finding, writing, and the exec: protocol's form of a case. */
export type { CaseFile, CaseProblem, LoadResult } from './case-file.ts';
export { formatProblem } from './case-file.ts';
export { formatDuration, parseDuration, type DurationParse } from './duration.ts';
export { loadCaseText } from './load-case.ts';
export { loadInputText, loadPodManifestText, type ManifestOptions } from './load-manifest.ts';
export {
  readManifestStream,
  type SkippedDocument,
  type StreamPod,
  type StreamProblem,
  type StreamRead,
} from './load-manifest-stream.ts';
export { podHoldingKinds } from './workload-pods.ts';
export { findCaseFiles, loadCaseFile } from './find-cases.ts';
export { writeCase } from './write-case.ts';
export type { CaseContent } from './case-object.ts';
export { toProtocolCase } from './protocol-case.ts';
