/**
 * The entries `run --report` records: every case of the library, every generated scenario judged (in index order,
 * each with its own replay line) and the shrunk counterexample — from what the run collected as it went.
 */
import type fc from 'fast-check';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import { caseEntry, scenarioEntry } from '../../../reports/results/build-entry.ts';
import { resultsFile } from '../../../reports/results/build-results.ts';
import type { ResultEntry, ResultsFile } from '../../../reports/results/schema.ts';
import type { Violation } from '../../diff/index.ts';
import type { LibraryCaseRun, LibraryReport } from '../../run/case-library.ts';
import type { Judged } from '../../run/judge.ts';
import type { PropertyReport } from '../../run/property.ts';
import { rejudgeSeed, type JudgedInput } from '../../run/rejudge.ts';
import { checkReplayCommand, replayCommand, type ReplayHeader } from '../../run/replay.ts';
import { shownPath } from '../report-option.ts';
import type { RunTarget } from '../../run/target.ts';

/**
 * The library's cases in the library's file order (they may finish out of order on a real backend), each with the
 * line that judges it again and its path as seen from `cwd`.
 */
export function caseEntries(
  runs: ReadonlyArray<LibraryCaseRun>,
  fileOrder: ReadonlyArray<string>,
  replayOf: (file: string) => string,
  cwd: string,
): ResultEntry[] {
  const position = new Map(fileOrder.map((file, i) => [file, i]));
  const at = (r: LibraryCaseRun): number => position.get(r.caseFile.path) ?? fileOrder.length;
  return [...runs]
    .sort((a, b) => at(a) - at(b))
    .map((r) => {
      const file = shownPath(cwd, r.caseFile.path);
      return caseEntry({
        caseFile: r.caseFile,
        outcome: r.outcome,
        judgement: r.judgement,
        durationMs: r.durationMs,
        file,
        replay: replayOf(file),
      });
    });
}

/** The header without the counterexample's path: what repeats the whole run, or (with a path) one scenario. */
function headerWithout(header: ReplayHeader): ReplayHeader {
  const rest: { -readonly [K in keyof ReplayHeader]?: ReplayHeader[K] } = { ...header };
  delete rest.path;
  return rest as ReplayHeader;
}

/** `npx podconform run … --seed S --runs N` (or `--path P --runs 1` for a replay): the line that repeats the run. */
export function runReplay(report: PropertyReport, numRuns: number, path: string | undefined): string {
  const header = headerWithout(report.header);
  return path === undefined ? `${replayCommand(header)} --runs ${numRuns}` : replayCommand({ ...header, path });
}

/** The differ's tolerance a judged scenario was judged at (seconds): its case file's windows widen by it. */
export type ToleranceOf = (judged: Judged) => number;

/** The tolerance of a target for a judged scenario: its observation's, 0 when nothing was observed. */
export function toleranceOf(target: RunTarget): ToleranceOf {
  return (judged) =>
    judged.status !== 'error' && judged.result.outcome.status === 'observed'
      ? target.toleranceSeconds(judged.result.outcome.observation)
      : 0;
}

/** Each generated scenario judged, with `--seed S --path INDEX --runs 1` to run (and shrink) it again. */
export function scenarioEntries(
  report: PropertyReport,
  judged: ReadonlyArray<JudgedInput>,
  tolerance: ToleranceOf,
): ResultEntry[] {
  const header = headerWithout(report.header);
  return [...judged]
    .sort((a, b) => a.index - b.index)
    .map((j) => ({
      ...scenarioEntry({
        kind: 'scenario',
        scenario: j.input.scenario,
        judged: j.judged,
        index: j.index,
        replay: replayCommand({ ...header, path: String(j.index) }),
        ...(j.durationMs === undefined ? {} : { durationMs: j.durationMs }),
        toleranceSeconds: tolerance(j.judged),
      }),
      ...(j.input.latencySeed === undefined ? {} : { latencySeed: j.input.latencySeed }),
    }));
}

/** The shrunk counterexample (or the scenario podconform itself failed on), when the run found one. */
export function counterexampleEntries(report: PropertyReport, tolerance: ToleranceOf): ResultEntry[] {
  const c = report.counterexample;
  if (c !== undefined) {
    const judged: Judged = { status: c.result.verdict.status, result: c.result };
    return [
      {
        ...scenarioEntry({
          kind: 'counterexample',
          scenario: c.input.scenario,
          judged,
          replay: c.replay,
          shrinks: c.shrinks,
          toleranceSeconds: tolerance(judged),
        }),
        ...(c.input.latencySeed === undefined ? {} : { latencySeed: c.input.latencySeed }),
      },
    ];
  }
  const e = report.internalError;
  if (e !== undefined) {
    return [
      {
        ...scenarioEntry({
          kind: 'counterexample',
          scenario: e.input.scenario,
          judged: { status: 'error', error: e.message },
          replay: e.replay,
          shrinks: e.shrinks,
        }),
        ...(e.input.latencySeed === undefined ? {} : { latencySeed: e.input.latencySeed }),
      },
    ];
  }
  return [];
}

/** What a finished run hands over for its record. */
export interface RunResultsInput {
  readonly argv: ReadonlyArray<string>;
  /** where the command ran: case files are recorded relative to it */
  readonly cwd: string;
  readonly startedAt: Date;
  readonly report: PropertyReport;
  readonly numRuns: number;
  /** `--path` of a replay */
  readonly path?: string;
  readonly target: RunTarget;
  readonly scenarios: fc.Arbitrary<Scenario>;
  readonly keep?: (violation: Violation) => boolean;
  readonly filters: ResultsFile['filters'];
  readonly notices: ReadonlyArray<string>;
  readonly library?: LibraryReport;
  readonly libraryRuns: ReadonlyArray<LibraryCaseRun>;
  /** the generated scenarios as a real backend's run judged them (the sim's are judged again here) */
  readonly judgedScenarios: ReadonlyArray<JudgedInput>;
}

/** The generated scenarios to record: a sim seed judged again, or what a real backend's run judged. */
function generatedScenarios(input: RunResultsInput): ReadonlyArray<JudgedInput> {
  const { report, path, target } = input;
  // A replay of one index (`--path 7`, as every scenario's replay line has it) records that scenario; a replay of a
  // shrink path records only the counterexample it leads to.
  const replayedIndex = path !== undefined && /^\d+$/.test(path) ? Number(path) : undefined;
  if (target.runSync !== undefined && (path === undefined || replayedIndex !== undefined)) {
    // Worker threads report only what did not pass: the sim being deterministic, the seed's scenarios up to the
    // first failure are judged again here to record each one (the same verdicts: test/harness/run/rejudge.test.ts).
    return rejudgeSeed({
      target,
      scenarios: input.scenarios,
      seed: report.seed,
      ...(replayedIndex === undefined ? {} : { from: replayedIndex }),
      count: replayedIndex === undefined ? report.runs : 1,
      judgeOptions: {
        toleranceSeconds: target.toleranceSeconds,
        nominalFirst: true,
        ...(input.keep === undefined ? {} : { keep: input.keep }),
      },
    });
  }
  // A search may have judged a few past the first failure (they were in flight): the record stops where the run did.
  return input.judgedScenarios.filter((j) => j.index < report.runs);
}

/** results.json of a `run`: the library's cases, the generated scenarios judged, then the counterexample. */
export function runResultsFile(input: RunResultsInput): ResultsFile {
  const { report, target } = input;
  return resultsFile({
    command: 'run',
    argv: input.argv,
    replay: runReplay(report, input.numRuns, input.path),
    seed: report.seed,
    startedAt: input.startedAt,
    finishedAt: new Date(),
    backend: { name: target.backend, notices: input.notices },
    filters: input.filters,
    entries: [
      ...caseEntries(
        input.libraryRuns,
        input.library?.cases.map((c) => c.file) ?? [],
        // `check` cannot make the simulator deviate: under a deviation, the run's own line judges the case again.
        target.deviations.length > 0
          ? () => runReplay(report, input.numRuns, undefined)
          : (file) => checkReplayCommand(file, target.backend, target.backendArgs),
        input.cwd,
      ),
      ...scenarioEntries(report, generatedScenarios(input), toleranceOf(target)),
      ...counterexampleEntries(report, toleranceOf(target)),
    ],
    problems: input.library?.problems ?? [],
  });
}
