/**
 * `podconform check <files|dirs>...`: each case's `expect` judged against the model's nominal
 * observation (or a backend's observation); `documented` blocks are listed as documentation
 * divergences, not failures. Exit 0 all pass, 1 any fails, 2 bad input, 3 backend unavailable.
 */
import { relative } from 'node:path';
import type { Observation } from '../../../specs/vocabulary/index.ts';
import { caseEntry } from '../../../reports/results/build-entry.ts';
import { resultsFile } from '../../../reports/results/build-results.ts';
import type { RunOutcome } from '../../backends/backend.ts';
import { findCaseFiles, formatProblem, loadCaseFile, type CaseFile, type CaseProblem } from '../../cases/index.ts';
import { judgeCase, type CaseJudgement, type CaseStatus } from '../../run/judge-case.ts';
import { checkReplayCommand, shellQuote } from '../../run/replay.ts';
import { ruleFilter } from '../../run/rule-filter.ts';
import { parseArgs } from '../args.ts';
import { builtinCasesDir } from '../builtin-cases.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { backendArgsOf, backendOptions, resolveBackend, type ObservationSource } from '../backend-choice.ts';
import { figuresOf, progressBar, progressDrawer } from '../progress-bar.ts';
import { emitReport, reportDestination, shownPath, withoutReport } from '../report-option.ts';
import { rerunFailed, rerunOption } from '../rerun-command.ts';
import { ruleFilterOptions } from '../rule-filter-options.ts';
import { mapConcurrent, slotUse, slotUseLine } from '../../run/concurrency.ts';

export interface CaseResult extends CaseJudgement {
  readonly id: string;
  readonly file: string;
  /** what the backend gave, and how long it took (for `--report`) */
  readonly caseFile: CaseFile;
  readonly outcome: RunOutcome;
  readonly durationMs: number;
}

/** The timing tolerance for one observation, in seconds. */
type Tolerance = (observation: Observation) => number;

async function judge(caseFile: CaseFile, source: ObservationSource, tolerance: Tolerance): Promise<CaseResult> {
  const started = performance.now();
  const outcome = await source.observe(caseFile.scenario);
  const durationMs = performance.now() - started;
  const toleranceSeconds = outcome.status === 'observed' ? tolerance(outcome.observation) : 0;
  return {
    id: caseFile.scenario.id,
    file: caseFile.path,
    caseFile,
    outcome,
    durationMs,
    ...judgeCase(caseFile, outcome, toleranceSeconds),
  };
}

const labels: Readonly<Record<CaseStatus, string>> = {
  pass: 'pass',
  fail: 'FAIL',
  unknown: 'unknown',
  'no expectations': 'no expectations',
  error: 'ERROR',
};

function line(result: CaseResult, cwd: string): string {
  const where = relative(cwd, result.file) || result.file;
  if (result.status === 'pass') return `pass     ${result.id}  (${where})`;
  if (result.status === 'no expectations') {
    return `${labels[result.status]}: ${result.id} has no expect block, nothing was judged  (${where})`;
  }
  const first = result.failures[0];
  const rest = result.failures.length > 1 ? ` (+${result.failures.length - 1} more)` : '';
  return `${labels[result.status].padEnd(8)} ${result.id}: ${first?.expect ?? ''}: ${first?.message ?? ''}${rest}  (${where})`;
}

export async function checkCommand(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ['json', 'verbose', 'include-unknown'],
    values: ['backend', 'tolerance', 'parallel', 'context', 'cluster', 'focus', 'skip', 'report', 'rerun-failed'],
  });
  if (parsed.status === 'error') {
    io.err(`podconform check: ${parsed.message}\n`);
    return exitCodes.badInput;
  }
  const { args } = parsed;
  const bad = (message: string): number => {
    io.err(`podconform check: ${message}\n`);
    return exitCodes.badInput;
  };
  const filters = ruleFilterOptions(args.values);
  if (filters.status === 'error') return bad(filters.message);
  const filter = ruleFilter(filters.options.text);
  const rerunPath = args.values.get('rerun-failed');
  if (rerunPath !== undefined && args.positionals.length > 0) {
    return bad(`--rerun-failed runs the entries of ${rerunPath}; give no case files with it`);
  }
  if (args.flags.has('include-unknown') && rerunPath === undefined)
    return bad('--include-unknown goes with --rerun-failed');
  // Checked before the backend is set up or anything runs: a bad path costs no waiting.
  const report = await reportDestination(args.values.get('report'), cwd);
  if (report.status === 'error') return bad(report.message);
  // The earlier record is read before the backend is set up: a bad one costs no cluster.
  const rerunLoad = await rerunOption({
    command: 'check',
    io,
    cwd,
    resultsPath: rerunPath,
    includeUnknown: args.flags.has('include-unknown'),
    ...(filter === undefined ? {} : { filter }),
  });
  if (rerunLoad.status === 'error') return rerunLoad.code;
  const rerun = rerunLoad.rerun;
  const startedAt = new Date();
  const parallelText = args.values.get('parallel');
  if (parallelText !== undefined && (!/^\d+$/.test(parallelText) || Number(parallelText) < 1)) {
    io.err(`podconform check: --parallel must be a whole number >= 1, got '${parallelText}'\n`);
    return exitCodes.badInput;
  }
  const backend = await resolveBackend(args.values.get('backend') ?? 'model', backendOptions(args.values));
  if (backend.status === 'error') {
    io.err(`podconform check: --backend: ${backend.message}\n`);
    return backend.exitCode;
  }
  for (const notice of backend.notices ?? []) io.err(`${backend.source.name}: ${notice}\n`);
  const slots = parallelText !== undefined ? Number(parallelText) : (backend.backend?.defaultParallelism ?? 1);
  const toleranceText = args.values.get('tolerance');
  if (toleranceText !== undefined && !/^\d+(\.\d+)?$/.test(toleranceText)) {
    io.err(`podconform check: --tolerance must be a number of seconds >= 0, got '${toleranceText}'\n`);
    return exitCodes.badInput;
  }
  const extra = toleranceText === undefined ? 0 : Number(toleranceText);
  // The model and the simulator share a virtual clock (tolerance 0); any other backend is as coarse as its clock.
  const real = backend.backend !== undefined && backend.backend.name !== 'sim' ? backend.backend : undefined;
  const tolerance: Tolerance = (o) =>
    Math.max(extra, real === undefined ? 0 : Math.max(real.clockResolutionSeconds, o.clock.resolution));
  const source = backend.source;
  if (rerun !== undefined) {
    const runsSeeded = backend.backend;
    try {
      return await rerunFailed({
        command: 'check',
        io,
        cwd,
        argv,
        rerun,
        backend: { name: source.name, notices: backend.notices ?? [], backendArgs: backendArgsOf(args.values) },
        // A seeded backend (the sim) meets the latency seed the entry was found with; the others ignore it.
        run: (scenario, seed) =>
          runsSeeded === undefined || seed === undefined
            ? source.observe(scenario)
            : runsSeeded.run(scenario, { seed }),
        judgeOptions: { toleranceSeconds: tolerance },
        slots,
        filters: filters.options.given,
        ...(report.destination === undefined ? {} : { report: report.destination }),
        json: args.flags.has('json'),
      });
    } finally {
      await source.close();
    }
  }
  const paths = args.positionals.length > 0 ? args.positionals : [builtinCasesDir];
  const found = await findCaseFiles(paths);
  const problems: CaseProblem[] = [...found.problems];
  const loaded: CaseFile[] = [];
  for (const file of found.files) {
    const result = await loadCaseFile(file);
    if (result.status === 'invalid') problems.push(...result.problems);
    // --focus/--skip choose cases by the rules they exercise (an expect entry names no rule to filter by).
    else if (filter === undefined || filter.selects(result.caseFile.scenario.rules)) loaded.push(result.caseFile);
  }
  const started = performance.now();
  const progress = progressDrawer(io, args.flags.has('json'));
  let results: CaseResult[];
  try {
    // Several cases at once on a backend that waits on real pods; lines still come out in file order.
    const done: CaseStatus[] = [];
    results = await mapConcurrent(loaded, slots, (caseFile) => judge(caseFile, source, tolerance), {
      onResult: (result) => {
        done.push(result.status);
        if (args.flags.has('json')) return;
        progress?.clear();
        io.out(`${line(result, cwd)}\n`);
        if (args.flags.has('verbose')) {
          for (const f of result.failures.slice(1)) io.out(`         ${f.expect}: ${f.message}\n`);
        }
        progress?.show(() => progressBar(figuresOf('cases', done, loaded.length, started)));
      },
    });
  } finally {
    progress?.clear();
    await source.close();
  }
  if (real !== undefined && loaded.length > 0) {
    const wall = (performance.now() - started) / 1000;
    io.err(
      `${slotUseLine(
        slotUse(
          wall,
          loaded.map((c) => c.scenario.observeForSeconds),
          slots,
        ),
      )}\n`,
    );
  }
  if (found.files.length === 0 && problems.length === 0) {
    problems.push({ file: paths.join(', '), line: 1, field: 'path', message: 'no *.case.yaml files found' });
  }
  const count = (status: CaseStatus): number => results.filter((r) => r.status === status).length;
  const summary = {
    pass: count('pass'),
    fail: count('fail'),
    unknown: count('unknown'),
    noExpectations: count('no expectations'),
    error: count('error'),
  };
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
  if (args.flags.has('json')) {
    io.out(
      `${JSON.stringify({
        backend: source.name,
        cases: results.map((r) => ({
          id: r.id,
          file: r.file,
          status: r.status,
          failures: r.failures,
          ...(r.divergences.length > 0 ? { divergences: r.divergences } : {}),
        })),
        summary,
        ...(problems.length > 0 ? { problems: problems.map(formatProblem) } : {}),
      })}\n`,
    );
  } else {
    const divergent = results.filter((r) => r.divergences.length > 0);
    if (divergent.length > 0) {
      io.out(`\nDocumentation divergences (the documents claim, the kubelet does otherwise):\n`);
      for (const r of divergent) {
        for (const d of r.divergences) io.out(`  ${r.id}: documented ${d.expect}: ${d.message}\n`);
      }
    }
    if (summary.unknown > 0 && summary.pass + summary.fail === 0) {
      io.out(`nothing could be judged: ${summary.unknown} unknown (the backend observed none of the cases)\n`);
    } else if (summary.unknown > 0) {
      io.out(`${summary.unknown} unknown (the backend could not observe everything)\n`);
    }
    if (summary.noExpectations > 0) io.out(`${summary.noExpectations} with no expectations (nothing judged)\n`);
    if (summary.error > 0) {
      io.out(`${summary.error} ERROR (podconform itself failed on them: a bug, please report it)\n`);
    }
    io.out(`${summary.pass} passed, ${summary.fail} failed\n`);
  }
  const code = checkExitCode(problems.length, summary);
  if (report.destination === undefined) return code;
  const record = resultsFile({
    command: 'check',
    argv,
    replay: `npx podconform check ${withoutReport(argv).map(shellQuote).join(' ')}`.trimEnd(),
    startedAt,
    finishedAt: new Date(),
    backend: { name: source.name, notices: backend.notices ?? [] },
    filters: filters.options.given,
    entries: results.map((r) => {
      const file = shownPath(cwd, r.file);
      return caseEntry({
        caseFile: r.caseFile,
        outcome: r.outcome,
        judgement: r,
        durationMs: r.durationMs,
        file,
        replay: checkReplayCommand(file, source.name, backendArgsOf(args.values)),
      });
    }),
    problems: problems.map(formatProblem),
  });
  const failed = await emitReport(io, cwd, 'podconform check', report.destination, record);
  return failed ?? code;
}

/**
 * The exit code: 2 bad input, 4 podconform failed, 1 a case failed, 3 nothing could be judged (every case
 * unknown or without expectations: a backend that cannot run the cases must not look like a pass), else 0.
 */
function checkExitCode(
  problems: number,
  summary: { readonly pass: number; readonly fail: number; readonly error: number },
): number {
  if (problems > 0) return exitCodes.badInput;
  if (summary.error > 0) return exitCodes.internalError;
  if (summary.fail > 0) return exitCodes.failed;
  if (summary.pass === 0) return exitCodes.nothingJudged;
  return exitCodes.ok;
}
