/**
 * The run record (STYLE practice 14): a versioned JSON file written first, rendered later; it opens with
 * the replay header and holds the counterexample's scenario, expectation, outcome and verdict.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { toProtocolCase } from '../cases/index.ts';
import type { LibraryReport } from './case-library.ts';
import type { PropertyReport } from './property.ts';
import { replayCommand, type ReplayHeader } from './replay.ts';

/** Bumped whenever a field changes meaning or is removed. */
export const runRecordSchemaVersion = 1;

/** What `--out DIR` holds for one `podconform run`. */
export interface RunRecord {
  readonly schemaVersion: typeof runRecordSchemaVersion;
  readonly replay: ReplayHeader & { readonly command: string };
  readonly kind: 'property-run';
  readonly backend: string;
  readonly status: PropertyReport['status'];
  readonly runs: number;
  readonly scenariosPerSecond: number;
  readonly elapsedMs: number;
  readonly unknownCount: number;
  readonly unknowns: PropertyReport['unknowns'];
  readonly library?: LibraryReport;
  readonly counterexample?: {
    readonly path: string;
    readonly shrinks: number;
    readonly latencySeed?: number;
    readonly scenario: unknown;
    readonly caseText: string;
    readonly prediction?: unknown;
    readonly outcome: unknown;
    readonly verdict: unknown;
  };
}

/** The record of a run, as plain data. */
export function runRecord(report: PropertyReport, library: LibraryReport | undefined): RunRecord {
  const c = report.counterexample;
  return {
    schemaVersion: runRecordSchemaVersion,
    replay: { ...report.header, command: replayCommand(report.header) },
    kind: 'property-run',
    backend: report.backend,
    status: report.status,
    runs: report.runs,
    scenariosPerSecond: report.scenariosPerSecond,
    elapsedMs: report.elapsedMs,
    unknownCount: report.unknownCount,
    unknowns: report.unknowns,
    ...(library === undefined ? {} : { library }),
    ...(c === undefined
      ? {}
      : {
          counterexample: {
            path: c.path,
            shrinks: c.shrinks,
            ...(c.input.latencySeed === undefined ? {} : { latencySeed: c.input.latencySeed }),
            scenario: toProtocolCase(c.input.scenario),
            caseText: c.caseText,
            ...(c.result.prediction === undefined ? {} : { prediction: c.result.prediction }),
            outcome: c.result.outcome,
            verdict: c.result.verdict,
          },
        }),
  };
}

/**
 * Creates `dir` and any missing parents; rejects with the failing mkdir's error. Written out rather than
 * `mkdir(dir, {recursive: true})`, which never settles for some paths (Node 20, e.g. `/proc/x`).
 */
export async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if ((await stat(dir)).isDirectory()) return;
      throw error;
    }
    const parent = dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeDirectory(parent);
    // A second ENOENT (the parent exists but takes no new entries) is final.
    await mkdir(dir);
  }
}

/** Writes the record as `DIR/run-<seed>.json` and returns the file's path. */
export async function writeRunRecord(dir: string, record: RunRecord): Promise<string> {
  await makeDirectory(dir);
  const file = join(dir, `run-${record.replay.seed}.json`);
  await writeFile(file, `${JSON.stringify(record, null, 2)}\n`, 'utf8');
  return file;
}
