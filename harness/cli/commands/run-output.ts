/** What `podconform run` prints: the text report (replay line first) and the `--json` object. */
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import type { LibraryReport, LibraryStatus } from '../../run/case-library.ts';
import type { PropertyReport, RunStatus } from '../../run/property.ts';
import { replayCommand } from '../../run/replay.ts';
import { exitCodes } from '../io.ts';

/** The `--json` output: these keys (counterexample only on failure, error only on an internal error). */
export interface RunJson {
  readonly backend: string;
  readonly seed: number;
  readonly runs: number;
  readonly status: RunStatus;
  readonly scenariosPerSecond: number;
  readonly counterexample?: {
    readonly case: string;
    readonly violations: ReadonlyArray<{ readonly rule: string; readonly message: string }>;
    readonly replay: string;
  };
  readonly error?: { readonly message: string; readonly case?: string; readonly replay?: string };
}

const rank: Readonly<Record<RunStatus, number>> = { pass: 0, unknown: 1, fail: 2, error: 3 };

/** The run's status from the library's and the property's: error over fail over unknown over pass. */
export function overallStatus(library: LibraryStatus | undefined, property: RunStatus): RunStatus {
  const l = library ?? 'pass';
  return rank[l] > rank[property] ? l : property;
}

/** 0 pass, 1 fail, 3 nothing could be judged (unknown), 4 podconform failed. */
export function exitCodeFor(status: RunStatus): number {
  switch (status) {
    case 'pass':
      return exitCodes.ok;
    case 'fail':
      return exitCodes.failed;
    case 'unknown':
      return exitCodes.nothingJudged;
    case 'error':
      return exitCodes.internalError;
  }
}

function libraryLines(library: LibraryReport, cwd: string): string[] {
  const count = (s: string): number => library.cases.filter((c) => c.status === s).length;
  const extra = [
    count('no expectations') > 0 ? `, ${count('no expectations')} with no expectations` : '',
    count('error') > 0 ? `, ${count('error')} ERROR` : '',
  ].join('');
  const lines = [
    `Case library: ${count('pass')} passed, ${count('fail')} failed, ${count('unknown')} unknown${extra} (${library.cases.length} cases)`,
  ];
  for (const c of library.cases) {
    if (c.status === 'pass') continue;
    if (c.status === 'no expectations') {
      lines.push(`  no expectations: ${c.id} has no expect block, nothing was judged  (${relative(cwd, c.file)})`);
      continue;
    }
    const first = c.failures[0];
    const more = c.failures.length > 1 ? ` (+${c.failures.length - 1} more)` : '';
    const label = c.status === 'fail' ? 'FAIL' : c.status === 'error' ? 'ERROR' : 'unknown';
    lines.push(
      `  ${label} ${c.id}: ${first?.expect ?? ''}: ${first?.message ?? ''}${more}  (${relative(cwd, c.file)})`,
    );
  }
  for (const p of library.problems) lines.push(`  problem: ${p}`);
  return lines;
}

function propertyLine(report: PropertyReport): string {
  const unknown = report.unknownCount > 0 ? `, ${report.unknownCount} unknown` : '';
  const rate = Math.round(report.scenariosPerSecond);
  const status = report.status === 'error' ? 'ERROR' : report.status;
  return `Property: ${report.runs} scenarios on ${report.backend} (seed ${report.seed}${unknown}): ${status} — ${rate} scenarios/s`;
}

/** The text report: replay line and counterexample (or internal error) first, then the library and the property. */
export function runText(
  report: PropertyReport,
  library: LibraryReport | undefined,
  status: RunStatus,
  cwd: string,
): string {
  const lines: string[] = [];
  const c = report.counterexample;
  const e = report.internalError;
  if (e !== undefined) {
    lines.push(e.replay);
    lines.push('');
    lines.push(`ERROR: podconform itself failed (a bug in podconform; please report it): ${e.message}`);
    lines.push(`The scenario it failed on, shrunk ${e.shrinks} times, as a case file:`);
    lines.push('---');
    lines.push(e.caseText.trimEnd());
    lines.push('---');
    lines.push('');
  }
  if (c !== undefined) {
    lines.push(c.replay);
    lines.push('');
    const seedNote =
      c.input.latencySeed === undefined
        ? ''
        : c.reproducesWithNominalLatencies
          ? ` (found with sim latency seed ${c.input.latencySeed}; it fails with nominal latencies too)`
          : ` (it fails only with sim latency seed ${c.input.latencySeed}: the replay reproduces it, the case file runs with nominal latencies)`;
    lines.push(`Counterexample after ${c.shrinks} shrinks, as a case file${seedNote}:`);
    lines.push('---');
    lines.push(c.caseText.trimEnd());
    lines.push('---');
    lines.push(`Violations (${c.result.verdict.violations.length}):`);
    for (const v of c.result.verdict.violations) lines.push(`  - ${v.message}`);
    lines.push('');
  }
  if (library !== undefined) lines.push(...libraryLines(library, cwd));
  lines.push(propertyLine(report));
  for (const u of report.unknowns) lines.push(`  unknown ${u.scenarioId}: ${u.why}`);
  if (report.error !== undefined) lines.push(`  ERROR: ${report.error}`);
  if (c === undefined && e === undefined && status !== 'pass') lines.push(`Replay: ${replayCommand(report.header)}`);
  return `${lines.join('\n')}\n`;
}

async function libraryCounterexample(library: LibraryReport, backend: string): Promise<RunJson['counterexample']> {
  const failed = library.cases.find((c) => c.status === 'fail');
  if (!failed) return undefined;
  const quoted = backend.startsWith('exec:') ? `exec:'${backend.slice(5)}'` : backend;
  return {
    case: await readFile(failed.file, 'utf8').catch(() => ''),
    violations: failed.failures.map((f) => ({ rule: f.expect, message: `${failed.id}: ${f.expect}: ${f.message}` })),
    replay: `npx podconform check --backend ${quoted} ${failed.file}`,
  };
}

function errorJson(report: PropertyReport, library: LibraryReport | undefined): RunJson['error'] {
  const e = report.internalError;
  if (e !== undefined) return { message: e.message, case: e.caseText, replay: e.replay };
  if (report.error !== undefined) return { message: report.error };
  const failed = library?.cases.find((c) => c.status === 'error');
  if (failed !== undefined) {
    return {
      message: `${failed.id}: ${failed.failures[0]?.message ?? ''}`,
      replay: `npx podconform check --backend ${report.backend} ${failed.file}`,
    };
  }
  return undefined;
}

/** The `--json` object. */
export async function runJson(
  report: PropertyReport,
  library: LibraryReport | undefined,
  status: RunStatus,
): Promise<RunJson> {
  const c = report.counterexample;
  const counterexample =
    c !== undefined
      ? {
          case: c.caseText,
          violations: c.result.verdict.violations.map((v) => ({ rule: v.rule, message: v.message })),
          replay: c.replay,
        }
      : status === 'fail' && library !== undefined
        ? await libraryCounterexample(library, report.backend)
        : undefined;
  const error = status === 'error' ? errorJson(report, library) : undefined;
  return {
    backend: report.backend,
    seed: report.seed,
    runs: report.runs,
    status,
    scenariosPerSecond: Math.round(report.scenariosPerSecond * 10) / 10,
    ...(counterexample === undefined ? {} : { counterexample }),
    ...(error === undefined ? {} : { error }),
  };
}
