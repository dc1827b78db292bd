/**
 * `podconform run`: the case library, then the property loop (generate → predict → run → diff) on a
 * backend. On failure the first line printed is the replay command, then the shrunk scenario as a case
 * file, then the violations. Exit 0 pass, 1 fail, 2 bad input, 3 the backend could not run (or nothing it
 * observed could be judged), 4 podconform itself failed.
 */
import { relative, resolve } from 'node:path';
import { simDeviations } from '../../backends/sim/index.ts';
import { scenarioArbitraries } from '../../../generators/scenario-arbitraries.ts';
import { runCaseLibrary, type LibraryCaseRun, type LibraryReport } from '../../run/case-library.ts';
import { familyScenarios, scenariosFor } from '../../run/deviation-targets.ts';
import { defaultWorkers, WorkerPool, workerSearch } from '../../run/parallel.ts';
import { concurrentSearch } from '../../run/concurrent-search.ts';
import { propertyInputs, runProperty, type PropertyOptions, type PropertyReport } from '../../run/property.ts';
import type { JudgedInput } from '../../run/rejudge.ts';
import { ruleFilter } from '../../run/rule-filter.ts';
import { SlotRecorder } from '../../run/slot-recorder.ts';
import type { Violation } from '../../diff/index.ts';
import { makeDirectory, runRecord, writeRunRecord } from '../../run/run-record.ts';
import { simRun, type SimRunSpec } from '../../run/sim-run.ts';
import { backendTarget, expressibleScenarios, type RunTarget } from '../../run/target.ts';
import { parseArgs } from '../args.ts';
import { backendArgsOf, backendOptions, resolveBackend } from '../backend-choice.ts';
import { builtinCasesDir } from '../builtin-cases.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { clockTime, figuresOf, progressBar, progressDrawer } from '../progress-bar.ts';
import { emitReport, reportDestination } from '../report-option.ts';
import { rerunFailed, rerunOption } from '../rerun-command.ts';
import { ruleFilterOptions } from '../rule-filter-options.ts';
import { exitCodeFor, overallStatus, runJson, runText } from './run-output.ts';
import { runResultsFile } from './run-results.ts';

export type { RunJson } from './run-output.ts';

/** Runs per backend when `--runs` is not given. */
export const defaultRuns: Readonly<Record<string, number>> = { sim: 300 };
const defaultRunsElsewhere = 100;
// Every shrink step on a real backend is a real pod run of up to its observeFor: five minutes, then report.
const defaultShrinkSecondsOnRealBackends = 300;
// Below this many scenarios, starting worker threads costs more than it saves (when --workers is not given).
const minRunsForDefaultWorkers = 50;

type Parsed<T> = { readonly status: 'ok'; readonly value: T } | { readonly status: 'error'; readonly message: string };

function wholeNumber(name: string, text: string | undefined, min: number): Parsed<number | undefined> {
  if (text === undefined) return { status: 'ok', value: undefined };
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    return { status: 'error', message: `--${name} must be a whole number >= ${min}, got '${text}'` };
  }
  return { status: 'ok', value: Number(text) };
}

/** `--tolerance SECONDS`: how far a real node's times may be off; the larger of it and the clock resolution is used. */
function toleranceOption(text: string | undefined): Parsed<number> {
  if (text === undefined) return { status: 'ok', value: 0 };
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    return { status: 'error', message: `--tolerance must be a number of seconds >= 0, got '${text}'` };
  }
  return { status: 'ok', value };
}

/** The target with `--tolerance` on top of its own (windows and orders judged that much more loosely). */
function withTolerance(target: RunTarget, seconds: number): RunTarget {
  const own = target.toleranceSeconds;
  return { ...target, toleranceSeconds: (observation) => Math.max(own(observation), seconds) };
}

function reason(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  return e.code !== undefined ? `${e.code}: ${e.message.replace(/^[A-Z]+: /, '')}` : String(error);
}

/**
 * `podconform run [--backend sim] [--runs N] [--seed S] [--path P] [--rules GLOB] [--deviation NAME]
 * [--scenarios FAMILY] [--workers N] [--sim-mode MODE] [--parallel N] [--context CTX] [--cluster NAME]
 * [--shrink-seconds N] [--tolerance SECONDS] [--focus GLOB] [--skip GLOB] [--report DIR]
 * [--rerun-failed results.json [--include-unknown]] [--json] [--out DIR]`
 */
export async function runCommand(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ['json', 'no-jitter', 'include-unknown'],
    values: [
      'backend',
      'runs',
      'seed',
      'path',
      'rules',
      'deviation',
      'scenarios',
      'out',
      'workers',
      'tolerance',
      'sim-mode',
      'parallel',
      'context',
      'cluster',
      'shrink-seconds',
      'focus',
      'skip',
      'report',
      'rerun-failed',
    ],
  });
  const fail = (message: string): number => {
    io.err(`podconform run: ${message}\n`);
    return exitCodes.badInput;
  };
  if (parsed.status === 'error') return fail(parsed.message);
  const { args } = parsed;
  if (args.positionals.length > 0) return fail(`unexpected argument '${args.positionals[0] ?? ''}'`);
  const backendName = args.values.get('backend') ?? 'sim';
  const runs = wholeNumber('runs', args.values.get('runs'), 1);
  if (runs.status === 'error') return fail(runs.message);
  const seed = wholeNumber('seed', args.values.get('seed'), -(2 ** 31));
  if (seed.status === 'error') return fail(seed.message);
  const workers = wholeNumber('workers', args.values.get('workers'), 1);
  if (workers.status === 'error') return fail(workers.message);
  const parallel = wholeNumber('parallel', args.values.get('parallel'), 1);
  if (parallel.status === 'error') return fail(parallel.message);
  const shrinkSeconds = wholeNumber('shrink-seconds', args.values.get('shrink-seconds'), 0);
  if (shrinkSeconds.status === 'error') return fail(shrinkSeconds.message);
  const path = args.values.get('path');
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) {
    return fail(`--path must be fast-check's replay path such as 3:0:1, got '${path}'`);
  }
  if (path !== undefined && seed.value === undefined) return fail('--path needs the --seed it was found with');
  const deviations = (args.values.get('deviation') ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  for (const d of deviations) {
    if (!simDeviations.some((known) => known.name === d)) {
      return fail(`unknown deviation '${d}' (see podconform deviations)`);
    }
  }
  if (deviations.length > 0 && backendName !== 'sim') return fail('--deviation applies to the sim backend only');
  if (backendName === 'model') return fail('the model cannot be run against itself; use --backend sim or exec:CMD');
  if (workers.value !== undefined && workers.value > 1 && backendName !== 'sim') {
    return fail('--workers applies to the sim backend only (an exec: command answers one case at a time)');
  }
  if (parallel.value !== undefined && backendName === 'sim') {
    return fail('--parallel applies to real backends; the sim judges on threads with --workers');
  }
  const family = args.values.get('scenarios');
  if (family !== undefined && familyScenarios(family) === undefined) {
    return fail(`unknown scenario family '${family}' (known: ${scenarioArbitraries.map((e) => e.name).join(', ')})`);
  }
  if (family !== undefined && deviations.length > 0) {
    return fail('--scenarios and --deviation do not go together: a deviation brings its own scenarios');
  }
  const simMode = args.flags.has('no-jitter') ? 'nominal' : (args.values.get('sim-mode') ?? 'realistic');
  if (simMode !== 'realistic' && simMode !== 'jitter' && simMode !== 'nominal') {
    return fail(`--sim-mode must be realistic, jitter or nominal, got '${simMode}'`);
  }
  if (args.flags.has('no-jitter') && args.values.has('sim-mode')) {
    return fail('--no-jitter and --sim-mode do not go together (--no-jitter is --sim-mode nominal)');
  }
  if (args.values.has('sim-mode') && backendName !== 'sim') return fail('--sim-mode applies to the sim backend only');
  const tolerance = toleranceOption(args.values.get('tolerance'));
  if (tolerance.status === 'error') return fail(tolerance.message);
  const filters = ruleFilterOptions(args.values);
  if (filters.status === 'error') return fail(filters.message);
  const { focus, skip } = filters.options.text;
  const filter = ruleFilter(filters.options.text);
  const json = args.flags.has('json');
  const rerunPath = args.values.get('rerun-failed');
  if (rerunPath !== undefined) {
    for (const option of ['runs', 'seed', 'path', 'scenarios', 'workers', 'out'] as const) {
      if (args.values.has(option)) return fail(`--${option} does not go with --rerun-failed (it runs stored entries)`);
    }
  }
  if (args.flags.has('include-unknown') && rerunPath === undefined)
    return fail('--include-unknown goes with --rerun-failed');
  const out = args.values.get('out');
  const outDir = out === undefined ? undefined : resolve(cwd, out);
  if (outDir !== undefined) {
    // Checked before the run, so a bad path costs no waiting; the write itself is checked again after.
    try {
      await makeDirectory(outDir);
    } catch (error) {
      return fail(`--out: cannot write a run record to '${out ?? ''}' (${reason(error)})`);
    }
  }
  const report = await reportDestination(args.values.get('report'), cwd);
  if (report.status === 'error') return fail(report.message);
  // The earlier record is read before the backend is set up: a bad one costs no cluster.
  const rerunLoad = await rerunOption({
    command: 'run',
    io,
    cwd,
    resultsPath: rerunPath,
    includeUnknown: args.flags.has('include-unknown'),
    ...(filter === undefined ? {} : { filter }),
  });
  if (rerunLoad.status === 'error') return rerunLoad.code;
  const rerun = rerunLoad.rerun;
  const startedAt = new Date();

  const numRuns = runs.value ?? defaultRuns[backendName] ?? defaultRunsElsewhere;
  let target: RunTarget;
  let close = (): Promise<void> => Promise.resolve();
  let pool: WorkerPool | undefined;
  let slots = 1;
  let recorder: SlotRecorder | undefined;
  let notices: ReadonlyArray<string> = [];
  const property: Partial<PropertyOptions> = {};
  if (backendName === 'sim') {
    const spec: SimRunSpec = {
      deviations,
      ...(family === undefined ? {} : { family }),
      jitter: simMode !== 'nominal',
      realistic: simMode === 'realistic',
      ...(focus === undefined ? {} : { focus }),
      ...(skip === undefined ? {} : { skip }),
      nominalFirst: true,
    };
    target = simRun(spec).target;
    const threads =
      path !== undefined || rerunPath !== undefined
        ? 1
        : (workers.value ?? (numRuns >= minRunsForDefaultWorkers ? defaultWorkers() : 1));
    if (threads > 1) {
      // Started now, they load while the case library runs.
      pool = new WorkerPool(threads);
      Object.assign(property, { search: workerSearch(pool, spec) });
      const started = pool;
      close = () => started.close();
    }
  } else {
    const choice = await resolveBackend(backendName, backendOptions(args.values));
    if (choice.status === 'error') {
      io.err(`podconform run: --backend: ${choice.message}\n`);
      return choice.exitCode;
    }
    if (choice.backend === undefined) return fail(`backend '${backendName}' cannot run generated scenarios`);
    notices = choice.notices ?? [];
    for (const notice of notices) io.err(`${choice.backend.name}: ${notice}\n`);
    slots = parallel.value ?? choice.backend.defaultParallelism ?? 1;
    recorder = new SlotRecorder(backendTarget(choice.backend), slots);
    target = { ...recorder.target, backendArgs: backendArgsOf(args.values) };
    close = () => choice.source.close();
  }

  if (tolerance.value > 0) target = withTolerance(target, tolerance.value);
  const keep = filter === undefined ? undefined : (v: Violation) => filter.counts(v.rule);

  if (rerun !== undefined) {
    const rerunTarget = target;
    try {
      return await rerunFailed({
        command: 'run',
        io,
        cwd,
        argv,
        rerun,
        backend: { name: target.backend, notices, backendArgs: target.backendArgs ?? [] },
        run: (scenario, latencySeed) => rerunTarget.run(scenario, rerunTarget.seeded ? latencySeed : undefined),
        judgeOptions: {
          toleranceSeconds: target.toleranceSeconds,
          nominalFirst: backendName === 'sim',
          ...(keep === undefined ? {} : { keep }),
        },
        slots,
        filters: filters.options.given,
        ...(report.destination === undefined ? {} : { report: report.destination }),
        json,
      });
    } finally {
      await close();
    }
  }

  // With --report every case and every generated scenario is recorded as it is judged.
  const recording = report.destination !== undefined;
  const libraryRuns: LibraryCaseRun[] = [];
  const judgedScenarios: JudgedInput[] = [];
  const progress = progressDrawer(io, json);
  let library: LibraryReport | undefined;
  let propertyReport: PropertyReport;
  const scenarios = expressibleScenarios(target, scenariosFor(deviations, family));
  try {
    // A replay (--path) reproduces one counterexample; the library has been judged in the run that found it.
    if (path === undefined) {
      recorder?.startPhase('case library');
      const libraryStarted = performance.now();
      const libraryStatuses: string[] = [];
      library = await runCaseLibrary(
        target,
        [builtinCasesDir],
        filter === undefined ? undefined : (s) => filter.selects(s.rules),
        slots,
        (caseRun, total) => {
          if (recording) libraryRuns.push(caseRun);
          libraryStatuses.push(caseRun.judgement.status);
          progress?.show(
            () =>
              `case library on ${target.backend}: ${progressBar(
                figuresOf('cases', libraryStatuses, total, libraryStarted),
              )}`,
          );
        },
      );
    }
    if (target.cannotExpress !== undefined && !json) {
      progress?.clear();
      io.err(
        `generated scenarios are drawn among those ${target.backend} can act out (the others could only be unknown)\n`,
      );
    }
    // A real backend's scenarios are recorded as the search or the loop judges them: no pod is ever run twice.
    const onScenario = (index: number, input: JudgedInput['input'], judged: JudgedInput['judged']): void => {
      if (recording && target.runSync === undefined) judgedScenarios.push({ index, input, judged });
    };
    if (recorder !== undefined) {
      const phases = recorder;
      phases.startPhase('generated scenarios');
      const search =
        slots > 1 && path === undefined
          ? concurrentSearch(
              target,
              propertyInputs(target, scenarios),
              {
                toleranceSeconds: target.toleranceSeconds,
                ...(keep === undefined ? {} : { keep }),
              },
              slots,
              onScenario,
            )
          : undefined;
      Object.assign(property, {
        shrinkBudgetMs: (shrinkSeconds.value ?? defaultShrinkSecondsOnRealBackends) * 1000,
        ...(search === undefined
          ? {}
          : {
              search: async (...args: Parameters<typeof search>) => {
                const found = await search(...args);
                // The replay and the shrink that follow run one pod at a time.
                phases.startPhase('replay and shrink', 1);
                return found;
              },
            }),
      });
    }
    // The generated phase shows at once, before its first scenario is judged (a real pod takes its observeFor).
    const propertyStarted = performance.now();
    progress?.show(
      () =>
        `run on ${target.backend}: ${progressBar({
          what: 'scenarios',
          done: 0,
          total: numRuns,
          failed: 0,
          unknown: 0,
          elapsedMs: performance.now() - propertyStarted,
        })}`,
      true,
    );
    propertyReport = await runProperty({
      ...property,
      target,
      scenarios,
      ...(family === undefined || family === 'any' ? {} : { family }),
      numRuns,
      nominalFirst: backendName === 'sim',
      ...(seed.value === undefined ? {} : { seed: seed.value }),
      ...(path === undefined ? {} : { path }),
      ...(keep === undefined ? {} : { keep }),
      ...(focus === undefined ? {} : { focus }),
      ...(skip === undefined ? {} : { skip }),
      onJudged: onScenario,
      ...(progress === undefined
        ? {}
        : {
            onProgress: (p) => {
              // Elapsed time from the loop's own start, kept moving between reports by the drawer's clock.
              const started = performance.now() - p.elapsedMs;
              progress.show(
                () =>
                  `run on ${target.backend}: ${
                    p.shrinking
                      ? `failure found, shrinking (${p.runs} scenarios judged, ${clockTime(performance.now() - started)} elapsed)`
                      : progressBar({
                          what: 'scenarios',
                          done: p.runs,
                          total: p.numRuns,
                          failed: 0,
                          unknown: p.unknowns,
                          elapsedMs: performance.now() - started,
                        })
                  }`,
              );
            },
          }),
    });
    progress?.clear();
  } finally {
    progress?.clear();
    await close();
  }
  // A real backend spends wall time on pods: how close the run came to the modeled time per slot (issue 7 item 5).
  for (const line of recorder?.lines() ?? []) io.err(`${line}\n`);

  const status = overallStatus(library?.status, propertyReport.status);
  if (outDir !== undefined) {
    try {
      const file = await writeRunRecord(outDir, runRecord(propertyReport, library));
      if (!json) io.err(`run record: ${relative(cwd, file)}\n`);
    } catch (error) {
      return fail(`--out: cannot write a run record to '${out ?? ''}' (${reason(error)})`);
    }
  }
  io.out(
    json
      ? `${JSON.stringify(await runJson(propertyReport, library, status))}\n`
      : runText(propertyReport, library, status, cwd),
  );
  const code = exitCodeFor(status);
  if (report.destination === undefined) return code;
  const record = runResultsFile({
    argv,
    cwd,
    startedAt,
    report: propertyReport,
    numRuns,
    ...(path === undefined ? {} : { path }),
    target,
    scenarios,
    ...(keep === undefined ? {} : { keep }),
    filters: filters.options.given,
    notices,
    ...(library === undefined ? {} : { library }),
    libraryRuns,
    judgedScenarios,
  });
  return (await emitReport(io, cwd, 'podconform run', report.destination, record)) ?? code;
}
