/**
 * The property loop: generate a scenario → predict → run it on the backend → diff, under fast-check,
 * shrinking a failure to a minimal scenario with `{seed, path}` for replay. Returns a report; never throws
 * for what the backend or the model does.
 */
import fc from 'fast-check';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../backends/backend.ts';
import type { VerdictStatus, Violation } from '../diff/index.ts';
import { counterexampleCase, internalErrorCase } from './counterexample.ts';
import { judgeCatching, type Judged, type JudgedStatus, type ScenarioResult } from './judge.ts';
import { replayCommand, type ReplayHeader } from './replay.ts';
import type { RunTarget } from './target.ts';

/** One generated input: the scenario, and the latency seed of a seeded backend (absent: nominal latencies). */
export interface PropertyInput {
  readonly scenario: Scenario;
  readonly latencySeed: number | undefined;
}

/** What the loop reports as it goes. */
export interface PropertyProgress {
  readonly runs: number;
  readonly numRuns: number;
  readonly shrinking: boolean;
  readonly unknowns: number;
  readonly elapsedMs: number;
}

/** How to run the property. */
export interface PropertyOptions {
  readonly target: RunTarget;
  readonly scenarios: fc.Arbitrary<Scenario>;
  readonly numRuns: number;
  /** absent: a fresh seed */
  readonly seed?: number;
  /** replays exactly this counterexample (with `seed`) */
  readonly path?: string;
  /** which violations count, and the `--focus`/`--skip` text that chose them (for the replay line) */
  readonly keep?: (violation: Violation) => boolean;
  readonly focus?: string;
  readonly skip?: string;
  /** the generator family's name, for the replay line (absent: the default) */
  readonly family?: string;
  readonly onProgress?: (progress: PropertyProgress) => void;
  /**
   * Sees each generated scenario this loop judges, with its index in the seed's order: not the shrink candidates,
   * not a `path` replay, and not what a `search` judged (a search reports its own).
   */
  readonly onJudged?: (index: number, input: PropertyInput, judged: Judged) => void;
  /** judge against the nominal-only prediction first (JudgeOptions.nominalFirst; same verdicts, less work) */
  readonly nominalFirst?: boolean;
  /**
   * Judges the generated scenarios somewhere else (worker threads) and says which index fails first; the
   * counterexample is then shrunk here from that index, so the verdict is the one a single thread gives.
   */
  readonly search?: FirstFailureSearch;
  /**
   * How long shrinking may take once a failure is found, in ms (absent: no limit). On a real backend every shrink
   * step is a real pod run; past the budget no candidate is run and the smallest failure found so far is reported.
   */
  readonly shrinkBudgetMs?: number;
}

/** One judged index that was not a pass, as a search reports it. */
export interface SearchedIndex {
  readonly index: number;
  readonly status: JudgedStatus;
  readonly scenarioId: string;
  /** why an unknown run saw nothing, or the internal error */
  readonly why: string;
}

/** What a search over the indices 0..numRuns-1 of a seed found. */
export interface SearchResult {
  /** the lowest index whose scenario fails or errs, in seed order */
  readonly firstFailing?: number;
  /** every unknown index below firstFailing (all of them when nothing failed), in index order */
  readonly unknowns: ReadonlyArray<SearchedIndex>;
  /** scenarios judged, including those past firstFailing that were judged anyway */
  readonly judged: number;
}

/** Finds the first failing index of a seed's scenarios; `onJudged` reports how many have been judged so far. */
export type FirstFailureSearch = (
  seed: number,
  numRuns: number,
  onJudged: (judged: number) => void,
) => Promise<SearchResult>;

/** The shrunk failing scenario and everything needed to read and replay it. */
export interface Counterexample {
  readonly input: PropertyInput;
  readonly path: string;
  readonly shrinks: number;
  readonly result: ScenarioResult;
  /** the scenario as a case file with an `expect` block derived from the prediction */
  readonly caseText: string;
  readonly replay: string;
  /** false when the failure needs the latency seed: the case file (nominal latencies) may then pass */
  readonly reproducesWithNominalLatencies: boolean;
}

/** A generated scenario podconform itself failed on (model, differ or built-in backend), shrunk. */
export interface InternalErrorReport {
  readonly message: string;
  readonly input: PropertyInput;
  readonly path: string;
  readonly shrinks: number;
  /** the scenario as a case file (no expect block: there is no prediction to derive one from) */
  readonly caseText: string;
  readonly replay: string;
}

/** A run's status: a verdict, or `error` when podconform itself failed. */
export type RunStatus = VerdictStatus | 'error';

/** A run's outcome. */
export interface PropertyReport {
  readonly status: RunStatus;
  readonly backend: string;
  readonly seed: number;
  /** scenarios generated and run before the end (or the first failure) */
  readonly runs: number;
  /** every scenario run, shrinking included, per second of wall time */
  readonly scenariosPerSecond: number;
  readonly elapsedMs: number;
  readonly unknownCount: number;
  /** the first few unknown runs and why */
  readonly unknowns: ReadonlyArray<{ readonly scenarioId: string; readonly why: string }>;
  readonly counterexample?: Counterexample;
  /** set (with status `error`) when podconform's own code failed on a generated scenario */
  readonly internalError?: InternalErrorReport;
  readonly header: ReplayHeader;
  /** set (with status `error`) when fast-check itself stopped on an error outside the backend and the model */
  readonly error?: string;
}

const keptUnknowns = 5;

/** The generated value: the seed rides along only for seeded backends and shrinks towards nominal latencies. */
export function propertyInputs(target: RunTarget, scenarios: fc.Arbitrary<Scenario>): fc.Arbitrary<PropertyInput> {
  const latencySeed: fc.Arbitrary<number | undefined> = target.seeded
    ? fc.option(fc.nat(), { nil: undefined, freq: 4 })
    : fc.constant(undefined);
  return fc.record({ scenario: scenarios, latencySeed });
}

/** A fresh seed, drawn as fast-check draws its own, so that every run (threaded or not) knows its seed up front. */
export function freshSeed(): number {
  return Date.now() ^ (Math.random() * 0x100000000);
}

/** Runs the property to the end or to its first (shrunk) failure. */
export async function runProperty(options: PropertyOptions): Promise<PropertyReport> {
  const { target } = options;
  const judgeOptions = {
    toleranceSeconds: target.toleranceSeconds,
    nominalFirst: options.nominalFirst === true,
    ...(options.keep === undefined ? {} : { keep: options.keep }),
  };
  const seed = options.seed ?? freshSeed();
  let calls = 0;
  let runs = 0;
  let shrinking = false;
  let unknownCount = 0;
  const unknowns: { scenarioId: string; why: string }[] = [];
  // The shrinker follows only the kind of failure found first: a violation, or podconform's own error.
  let failingKind: 'fail' | 'error' | undefined;
  let lastFailure: { input: PropertyInput; judged: Judged } | undefined;
  const started = performance.now();
  let shrinkStarted: number | undefined;
  const shrinkBudgetSpent = (): boolean =>
    options.shrinkBudgetMs !== undefined &&
    shrinkStarted !== undefined &&
    performance.now() - shrinkStarted > options.shrinkBudgetMs;

  const progress = (): void => {
    options.onProgress?.({
      runs,
      numRuns: options.numRuns,
      shrinking,
      unknowns: unknownCount,
      elapsedMs: performance.now() - started,
    });
  };
  const noteUnknown = (scenarioId: string, why: string): void => {
    unknownCount++;
    if (unknowns.length < keptUnknowns) unknowns.push({ scenarioId, why });
  };

  // Set when a search judged the seed's scenarios elsewhere (below); this loop then replays only the failing one.
  let searched: SearchResult | undefined;
  const record = (input: PropertyInput, judged: Judged): boolean => {
    calls++;
    if (!shrinking) {
      runs++;
      if (searched === undefined && options.path === undefined) options.onJudged?.(runs - 1, input, judged);
      if (judged.status === 'unknown') {
        const why = judged.result.verdict.error ?? judged.result.verdict.unobserved.slice(0, 3).join('; ');
        noteUnknown(input.scenario.id, why);
      }
    }
    const failing =
      failingKind === undefined ? judged.status === 'fail' || judged.status === 'error' : judged.status === failingKind;
    if (failing) {
      failingKind = judged.status === 'error' ? 'error' : 'fail';
      shrinking = true;
      shrinkStarted ??= performance.now();
      lastFailure = { input, judged };
    }
    progress();
    // Unknown is not a failure: the shrinker must only ever follow real violations (or podconform's own errors).
    return !failing;
  };

  // With a search, the indices before the first failing one were judged elsewhere: only that one is replayed
  // here (fast-check's path is its index) and shrunk, exactly as a single-threaded run would have.
  let path = options.path;
  if (options.search !== undefined && path === undefined) {
    searched = await options.search(seed, options.numRuns, (judged) => {
      runs = Math.min(judged, options.numRuns);
      progress();
    });
    runs = 0;
    const before = searched.unknowns.filter(
      (u) => searched?.firstFailing === undefined || u.index < searched.firstFailing,
    );
    for (const u of before) noteUnknown(u.scenarioId, u.why);
    calls = searched.judged;
    if (searched.firstFailing !== undefined) path = String(searched.firstFailing);
  }

  const inputs = propertyInputs(target, options.scenarios);
  const params: fc.Parameters<[PropertyInput]> = {
    numRuns: searched === undefined ? options.numRuns : 1,
    seed,
    ...(path === undefined ? {} : { path, endOnFailure: options.path !== undefined }),
  };
  const runSync = target.runSync;
  const details =
    searched !== undefined && searched.firstFailing === undefined
      ? undefined
      : runSync
        ? fc.check(
            fc.property(inputs, (input) =>
              record(input, judgeCatching(input.scenario, runSync(input.scenario, input.latencySeed), judgeOptions)),
            ),
            params,
          )
        : await fc.check(
            // Past the shrink budget a candidate counts as passing without a run, so fast-check ends at once.
            fc.asyncProperty(inputs, async (input) =>
              shrinkBudgetSpent()
                ? true
                : record(
                    input,
                    judgeCatching(input.scenario, await target.run(input.scenario, input.latencySeed), judgeOptions),
                  ),
            ),
            params,
          );
  if (searched !== undefined) runs = searched.firstFailing === undefined ? options.numRuns : searched.firstFailing + 1;
  const elapsedMs = performance.now() - started;
  const header: ReplayHeader = {
    backend: target.backend,
    seed,
    deviations: target.deviations,
    jitter: target.seeded,
    ...(target.backend === 'sim' ? { realistic: target.realistic ?? false } : {}),
    ...(target.backendArgs === undefined || target.backendArgs.length === 0 ? {} : { backendArgs: target.backendArgs }),
    ...(options.focus === undefined ? {} : { focus: options.focus }),
    ...(options.skip === undefined ? {} : { skip: options.skip }),
    ...(options.family === undefined ? {} : { scenarios: options.family }),
  };
  const base = {
    backend: target.backend,
    seed,
    runs,
    scenariosPerSecond: elapsedMs > 0 ? (calls * 1000) / elapsedMs : 0,
    elapsedMs,
    unknownCount,
    unknowns,
    header,
  };
  const passStatus: VerdictStatus = unknownCount > 0 ? 'unknown' : 'pass';
  if (details === undefined || !details.failed) return { ...base, status: passStatus };
  const found = details.counterexample?.[0];
  if (found === undefined || details.counterexamplePath === null) {
    // fast-check stopped on something other than a violation (the predicate never throws): report, do not guess.
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return { ...base, status: 'error', error: `the property loop stopped: ${error}` };
  }
  const judged =
    lastFailure !== undefined && lastFailure.input === found
      ? lastFailure.judged
      : judgeCatching(found.scenario, await runOnce(target, found), judgeOptions);
  const failingHeader: ReplayHeader = { ...header, path: details.counterexamplePath };
  const replay = replayCommand(failingHeader);
  if (judged.status === 'error') {
    return {
      ...base,
      status: 'error',
      header: failingHeader,
      internalError: {
        message: judged.error,
        input: found,
        path: details.counterexamplePath,
        shrinks: details.numShrinks,
        caseText: internalErrorCase(found.scenario, replay),
        replay,
      },
    };
  }
  const result = judged.result;
  const nominal =
    found.latencySeed === undefined
      ? judged
      : judgeCatching(found.scenario, await runOnce(target, { ...found, latencySeed: undefined }), judgeOptions);
  return {
    ...base,
    status: 'fail',
    header: failingHeader,
    counterexample: {
      input: found,
      path: details.counterexamplePath,
      shrinks: details.numShrinks,
      result,
      caseText: counterexampleCase(found.scenario, result, { replay, toleranceSeconds: toleranceOf(target, result) }),
      replay,
      reproducesWithNominalLatencies: nominal.status === 'fail',
    },
  };
}

function runOnce(target: RunTarget, input: PropertyInput): Promise<RunOutcome> {
  return target.runSync
    ? Promise.resolve(target.runSync(input.scenario, input.latencySeed))
    : target.run(input.scenario, input.latencySeed);
}

function toleranceOf(target: RunTarget, result: ScenarioResult): number {
  return result.outcome.status === 'observed' ? target.toleranceSeconds(result.outcome.observation) : 0;
}
