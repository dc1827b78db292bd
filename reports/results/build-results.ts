/** The whole results.json from a run's judged entries: counts, overall status, and the rules the entries name. */
import { hostname } from 'node:os';
import {
  resultsKind,
  resultsSchemaVersion,
  type EntryStatus,
  type ResultEntry,
  type ResultsFile,
  type ResultsSummary,
  type RunStatus,
} from './schema.ts';
import { documentationDivergences, rulesInfo } from './rule-info.ts';
import { toolInfo } from './tool-info.ts';

/** The Kubernetes version whose documented behaviour and kubelet the model predicts (default feature gates). */
export const modelKubernetesVersion = '1.35';

/** Counts of the entries by status. */
export function summaryOf(entries: ReadonlyArray<ResultEntry>): ResultsSummary {
  const count = (status: EntryStatus): number => entries.filter((e) => e.status === status).length;
  return {
    total: entries.length,
    pass: count('pass'),
    fail: count('fail'),
    unknown: count('unknown'),
    error: count('error'),
    noExpectations: count('no expectations'),
  };
}

/**
 * error over fail; then a run that judged nothing (no entry passed) is unknown, else pass — as the exit codes
 * read it: some unknown entries beside passing ones are listed, not a failure.
 */
function statusOf(summary: ResultsSummary): RunStatus {
  if (summary.error > 0) return 'error';
  if (summary.fail > 0) return 'fail';
  return summary.pass === 0 ? 'unknown' : 'pass';
}

/** Assembles the record; `tool` is read from the package (and git) unless given. */
export function resultsFile(input: {
  readonly command: 'run' | 'check';
  readonly argv: ReadonlyArray<string>;
  readonly replay: string;
  readonly seed?: number;
  readonly startedAt: Date;
  readonly finishedAt: Date;
  readonly backend: { readonly name: string; readonly version?: string; readonly notices: ReadonlyArray<string> };
  readonly filters: ResultsFile['filters'];
  readonly entries: ReadonlyArray<ResultEntry>;
  readonly problems: ReadonlyArray<string>;
  readonly tool?: ResultsFile['tool'];
  /** the machine that ran it (default: this one's name) */
  readonly hostname?: string;
}): ResultsFile {
  const summary = summaryOf(input.entries);
  const named = input.entries.flatMap((e) => [
    ...e.rules.map((r) => r.rule),
    ...e.findings.flatMap((f) => f.rule ?? []),
  ]);
  return {
    schemaVersion: resultsSchemaVersion,
    kind: resultsKind,
    tool: input.tool ?? toolInfo(),
    command: input.command,
    argv: [...input.argv],
    replay: input.replay,
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    hostname: input.hostname ?? hostname(),
    startedAt: input.startedAt.toISOString(),
    finishedAt: input.finishedAt.toISOString(),
    backend: { ...input.backend, notices: [...input.backend.notices] },
    kubernetesVersion: modelKubernetesVersion,
    filters: input.filters,
    status: statusOf(summary),
    summary,
    entries: [...input.entries],
    rules: rulesInfo(named),
    documentationDivergences: documentationDivergences(),
    problems: [...input.problems],
  };
}
