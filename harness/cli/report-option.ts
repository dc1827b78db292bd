/**
 * `--report DIR` for `run` and `check`: the directory is checked before the run (a bad path costs no waiting), and
 * after the run the results are written into a fresh subdirectory of it, the paths printed on stderr.
 */
import { isAbsolute, relative, resolve } from 'node:path';
import type { ResultsFile } from '../../reports/results/schema.ts';
import { checkWritable, freshRunDirectory, markLatest, runDirectoryName } from '../../reports/report-directory.ts';
import { writeReport, type ReportRenderer } from '../../reports/write-report.ts';
import { exitCodes, type CliIo } from './io.ts';

/** A path as the user can use it from where they are: relative below the working directory, else absolute. */
export function shownPath(cwd: string, file: string): string {
  const rel = relative(cwd, file);
  return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}

/** A checked `--report DIR`. */
export interface ReportDestination {
  /** as the user typed it (for messages) */
  readonly given: string;
  readonly dir: string;
}

/** The file system's error in one line: `EACCES: permission denied, mkdir '/x'`. */
export function fileError(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code !== undefined ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : String(error);
}

/** Checks `--report DIR` (when given) before the run: a message naming `--report` and the path when unusable. */
export async function reportDestination(
  given: string | undefined,
  cwd: string,
): Promise<
  | { readonly status: 'ok'; readonly destination?: ReportDestination }
  | { readonly status: 'error'; readonly message: string }
> {
  if (given === undefined) return { status: 'ok' };
  const dir = resolve(cwd, given);
  try {
    await checkWritable(dir);
  } catch (error) {
    return { status: 'error', message: `--report: cannot write a report to '${given}' (${fileError(error)})` };
  }
  return { status: 'ok', destination: { given, dir } };
}

/**
 * Writes the report of a finished run into a fresh subdirectory and prints where; returns an exit code when the
 * report could not be written whole (results.json is written first, so a renderer's failure loses nothing), else
 * undefined. `prefix` starts every line it prints (`podconform run`).
 */
export async function emitReport(
  io: CliIo,
  cwd: string,
  prefix: string,
  destination: ReportDestination,
  results: ResultsFile,
  renderers?: ReadonlyArray<ReportRenderer>,
): Promise<number | undefined> {
  const name = runDirectoryName(new Date(results.startedAt), results.command, results.seed);
  let written;
  try {
    const dir = await freshRunDirectory(destination.dir, name);
    written = await writeReport(dir, results, renderers);
    await markLatest(destination.dir, relative(destination.dir, dir));
  } catch (error) {
    io.err(`${prefix}: --report: cannot write the report to '${destination.given}' (${fileError(error)})\n`);
    return exitCodes.internalError;
  }
  for (const file of written.files) io.err(`report: ${shownPath(cwd, file)}\n`);
  for (const f of written.failures) {
    io.err(
      `${prefix}: --report: ${f.file} could not be rendered (a bug in podconform; results.json is written): ${f.message}\n`,
    );
  }
  return written.failures.length > 0 ? exitCodes.internalError : undefined;
}

/** The arguments without `--report DIR`: a replay line repeats the run, not where its report went. */
export function withoutReport(argv: ReadonlyArray<string>): string[] {
  const kept: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--report') i++;
    else if (!arg.startsWith('--report=')) kept.push(arg);
  }
  return kept;
}
