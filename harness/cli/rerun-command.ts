/**
 * `run --rerun-failed results.json` and `check --rerun-failed results.json`: the entries of an earlier record that
 * did not pass, run again on the backend given now — one line each, a summary, and with `--report` a new report.
 */
import { resolve } from 'node:path';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { caseEntry, scenarioEntry } from '../../reports/results/build-entry.ts';
import { resultsFile } from '../../reports/results/build-results.ts';
import { readResultsFile } from '../../reports/results/read-results.ts';
import type { ResultEntry, ResultsFile } from '../../reports/results/schema.ts';
import type { RunOutcome } from '../backends/backend.ts';
import { mapConcurrent } from '../run/concurrency.ts';
import type { JudgeOptions } from '../run/judge.ts';
import { rerunItems, rerunOne, rerunStatus, type RerunItem, type RerunResult } from '../run/rerun-failed.ts';
import type { RuleFilter } from '../run/rule-filter.ts';
import { checkReplayCommand, shellQuote } from '../run/replay.ts';
import { exitCodes, type CliIo } from './io.ts';
import { figuresOf, progressBar, progressDrawer } from './progress-bar.ts';
import { emitReport, shownPath, withoutReport, type ReportDestination } from './report-option.ts';

/** An earlier record and the entries of it to run again, read before any backend is set up. */
export interface LoadedRerun {
  readonly resultsPath: string;
  readonly previous: ResultsFile;
  readonly items: ReadonlyArray<RerunItem>;
  readonly includeUnknown: boolean;
}

/**
 * Reads `--rerun-failed results.json` and loads the entries to run again; on a problem prints it (one line each)
 * and returns the exit code. Called before the backend is set up: a bad record costs no cluster.
 */
export async function loadRerun(options: {
  readonly command: 'run' | 'check';
  readonly io: CliIo;
  readonly cwd: string;
  readonly resultsPath: string;
  readonly includeUnknown: boolean;
  readonly filter?: RuleFilter;
}): Promise<
  { readonly status: 'ok'; readonly rerun: LoadedRerun } | { readonly status: 'error'; readonly code: number }
> {
  const read = await readResultsFile(resolve(options.cwd, options.resultsPath));
  if (read.status === 'error') {
    options.io.err(`podconform ${options.command}: --rerun-failed: ${read.message}\n`);
    return { status: 'error', code: exitCodes.badInput };
  }
  const loaded = await rerunItems(read.results.entries, {
    resultsFile: options.resultsPath,
    cwd: options.cwd,
    includeUnknown: options.includeUnknown,
  });
  for (const p of loaded.problems) options.io.err(`${p}\n`);
  if (loaded.problems.length > 0) return { status: 'error', code: exitCodes.badInput };
  const filter = options.filter;
  const items = loaded.items.filter(
    (item) =>
      filter === undefined || filter.selects(item.how === 'case' ? item.caseFile.scenario.rules : item.scenario.rules),
  );
  return {
    status: 'ok',
    rerun: { resultsPath: options.resultsPath, previous: read.results, items, includeUnknown: options.includeUnknown },
  };
}

/** `--rerun-failed` as an option: nothing when it is absent, else the loaded record (or the exit code of a bad one). */
export async function rerunOption(options: {
  readonly command: 'run' | 'check';
  readonly io: CliIo;
  readonly cwd: string;
  readonly resultsPath: string | undefined;
  readonly includeUnknown: boolean;
  readonly filter?: RuleFilter;
}): Promise<
  { readonly status: 'ok'; readonly rerun?: LoadedRerun } | { readonly status: 'error'; readonly code: number }
> {
  const { resultsPath } = options;
  if (resultsPath === undefined) return { status: 'ok' };
  const loaded = await loadRerun({ ...options, resultsPath });
  return loaded.status === 'error' ? loaded : { status: 'ok', rerun: loaded.rerun };
}

/** Everything the rerun needs from the command that asked for it. */
export interface RerunRequest {
  readonly command: 'run' | 'check';
  readonly io: CliIo;
  readonly cwd: string;
  readonly argv: ReadonlyArray<string>;
  readonly rerun: LoadedRerun;
  /** `backendArgs`: `--context`/`--cluster` as given, repeated in replay lines */
  readonly backend: {
    readonly name: string;
    readonly notices: ReadonlyArray<string>;
    readonly backendArgs?: ReadonlyArray<string>;
  };
  readonly run: (scenario: Scenario, latencySeed: number | undefined) => Promise<RunOutcome>;
  readonly judgeOptions: JudgeOptions;
  readonly slots: number;
  readonly filters: ResultsFile['filters'];
  readonly report?: ReportDestination;
  readonly json: boolean;
}

function entryOf(
  result: RerunResult,
  context: {
    readonly sameBackend: boolean;
    readonly backend: string;
    readonly backendArgs: ReadonlyArray<string>;
    readonly cwd: string;
  },
  judgeOptions: JudgeOptions,
): ResultEntry {
  const { entry } = result.item;
  const { sameBackend } = context;
  if (result.how === 'case') {
    const file = shownPath(context.cwd, result.item.caseFile.path);
    return caseEntry({
      caseFile: result.item.caseFile,
      outcome: result.outcome,
      judgement: result.judgement,
      durationMs: result.durationMs,
      file,
      replay: checkReplayCommand(file, context.backend, context.backendArgs),
    });
  }
  return {
    ...scenarioEntry({
      kind: entry.kind === 'counterexample' ? 'counterexample' : 'scenario',
      scenario: result.item.scenario,
      judged: result.judged,
      ...(entry.index === undefined ? {} : { index: entry.index }),
      // The earlier replay line names the earlier backend: it repeats this entry only on that one.
      ...(entry.replay === undefined || !sameBackend ? {} : { replay: entry.replay }),
      ...(entry.shrinks === undefined ? {} : { shrinks: entry.shrinks }),
      durationMs: result.durationMs,
      toleranceSeconds:
        result.judged.status !== 'error' && result.judged.result.outcome.status === 'observed'
          ? judgeOptions.toleranceSeconds(result.judged.result.outcome.observation)
          : 0,
    }),
    ...(entry.latencySeed === undefined ? {} : { latencySeed: entry.latencySeed }),
  };
}

/** `FAIL     pc-init-order: order[0]: … (was fail; judged by its case file)` */
function line(result: RerunResult): string {
  const status = rerunStatus(result);
  const label = status === 'fail' ? 'FAIL' : status === 'error' ? 'ERROR' : status;
  const first =
    result.how === 'case'
      ? result.judgement.failures[0] === undefined
        ? ''
        : `${result.judgement.failures[0].expect}: ${result.judgement.failures[0].message}`
      : result.judged.status === 'error'
        ? result.judged.error
        : (result.judged.result.verdict.violations[0]?.message ?? result.judged.result.verdict.unobserved[0] ?? '');
  const how = result.how === 'case' ? 'judged by its case file' : 'judged against the model';
  return `${label.padEnd(8)} ${result.item.entry.id}${first === '' ? '' : `: ${first}`}  (was ${result.item.entry.status}; ${how})`;
}

function exitCodeOf(statuses: ReadonlyArray<ResultEntry['status']>): number {
  if (statuses.includes('error')) return exitCodes.internalError;
  if (statuses.includes('fail')) return exitCodes.failed;
  if (statuses.length > 0 && !statuses.includes('pass')) return exitCodes.nothingJudged;
  return exitCodes.ok;
}

/** Runs the rerun and returns the exit code. */
export async function rerunFailed(request: RerunRequest): Promise<number> {
  const { io, command } = request;
  const prefix = `podconform ${command}`;
  const startedAt = new Date();
  const { items, resultsPath } = request.rerun;
  const what = request.rerun.includeUnknown ? 'failed, erroneous or unknown' : 'failed or erroneous';
  if (!request.json) io.err(`rerunning ${items.length} ${what} entries of ${resultsPath} on ${request.backend.name}\n`);
  const progress = progressDrawer(io, request.json);
  const started = performance.now();
  const statuses: ResultEntry['status'][] = [];
  const results = await mapConcurrent(
    items,
    request.slots,
    (item) => rerunOne(item, request.run, request.judgeOptions),
    {
      onResult: (result) => {
        const status = rerunStatus(result);
        statuses.push(status);
        progress?.clear();
        if (!request.json) io.out(`${line(result)}\n`);
        progress?.show(() => progressBar(figuresOf('entries', statuses, items.length, started)));
      },
    },
  );
  progress?.clear();
  const count = (s: ResultEntry['status']): number => statuses.filter((x) => x === s).length;
  const summary = { pass: count('pass'), fail: count('fail'), unknown: count('unknown'), error: count('error') };
  if (request.json) {
    io.out(
      `${JSON.stringify({
        backend: request.backend.name,
        rerun: resultsPath,
        entries: results.map((r) => ({
          id: r.item.entry.id,
          kind: r.item.entry.kind,
          was: r.item.entry.status,
          status: rerunStatus(r),
        })),
        summary,
      })}\n`,
    );
  } else if (items.length === 0) {
    io.out(`nothing to rerun: ${resultsPath} has no ${what} entries\n`);
  } else {
    io.out(
      `reran ${items.length}: ${summary.pass} passed, ${summary.fail} failed, ${summary.unknown} unknown` +
        `${summary.error > 0 ? `, ${summary.error} ERROR` : ''}\n`,
    );
  }
  let code = exitCodeOf(statuses);
  if (request.report !== undefined) {
    const sameBackend = request.rerun.previous.backend.name === request.backend.name;
    const record = resultsFile({
      command,
      argv: request.argv,
      replay: `npx podconform ${command} ${withoutReport(request.argv).map(shellQuote).join(' ')}`,
      startedAt,
      finishedAt: new Date(),
      backend: { name: request.backend.name, notices: request.backend.notices },
      filters: request.filters,
      entries: results.map((r) =>
        entryOf(
          r,
          {
            sameBackend,
            backend: request.backend.name,
            backendArgs: request.backend.backendArgs ?? [],
            cwd: request.cwd,
          },
          request.judgeOptions,
        ),
      ),
      problems: [],
    });
    const failed = await emitReport(io, request.cwd, prefix, request.report, record);
    if (failed !== undefined) code = Math.max(code, failed);
  }
  return code;
}
