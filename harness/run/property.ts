/**
 * The property loop: generate a scenario → predict → run it on the backend → diff, under fast-check,
 * shrinking a failure to a minimal scenario with `{seed, path}` for replay. Returns a report; never throws
 * for what the backend or the model does.
 */
import fc from 'fast-check';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../backends/backend.ts';
import { mergeStatus, type VerdictStatus, type Violation } from '../diff/index.ts';
import { counterexampleCase } from './counterexample.ts';
import { judgeOutcome, type ScenarioResult } from './judge.ts';
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
  /** which violations count, and the `--rules` text that chose them (for the replay line) */
  readonly keep?: (violation: Violation) => boolean;
  readonly rules?: string;
  /** the generator family's name, for the replay line (absent: the default) */
  readonly family?: string;
  readonly onProgress?: (progress: PropertyProgress) => void;
}

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

/** A run's outcome. */
export interface PropertyReport {
  readonly status: VerdictStatus;
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
  readonly header: ReplayHeader;
  /** set when fast-check itself stopped on an error outside the backend and the model */
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

/** Runs the property to the end or to its first (shrunk) failure. */
export async function runProperty(options: PropertyOptions): Promise<PropertyReport> {
  const { target } = options;
  const judgeOptions = {
    toleranceSeconds: target.toleranceSeconds,
    ...(options.keep === undefined ? {} : { keep: options.keep }),
  };
  let calls = 0;
  let runs = 0;
  let shrinking = false;
  let unknownCount = 0;
  const unknowns: { scenarioId: string; why: string }[] = [];
  let lastFailure: { input: PropertyInput; result: ScenarioResult } | undefined;
  const started = performance.now();

  const record = (input: PropertyInput, result: ScenarioResult): boolean => {
    calls++;
    const status = result.verdict.status;
    if (!shrinking) {
      runs++;
      if (status === 'unknown') {
        unknownCount++;
        if (unknowns.length < keptUnknowns) {
          const why = result.verdict.error ?? result.verdict.unobserved.slice(0, 3).join('; ');
          unknowns.push({ scenarioId: input.scenario.id, why });
        }
      }
    }
    if (status === 'fail') {
      shrinking = true;
      lastFailure = { input, result };
    }
    options.onProgress?.({
      runs,
      numRuns: options.numRuns,
      shrinking,
      unknowns: unknownCount,
      elapsedMs: performance.now() - started,
    });
    // Unknown is not a failure: the shrinker must only ever follow real violations.
    return status !== 'fail';
  };

  const inputs = propertyInputs(target, options.scenarios);
  const params: fc.Parameters<[PropertyInput]> = {
    numRuns: options.numRuns,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.path === undefined ? {} : { path: options.path, endOnFailure: true }),
  };
  const runSync = target.runSync;
  const details = runSync
    ? fc.check(
        fc.property(inputs, (input) =>
          record(input, judgeOutcome(input.scenario, runSync(input.scenario, input.latencySeed), judgeOptions)),
        ),
        params,
      )
    : await fc.check(
        fc.asyncProperty(inputs, async (input) =>
          record(
            input,
            judgeOutcome(input.scenario, await target.run(input.scenario, input.latencySeed), judgeOptions),
          ),
        ),
        params,
      );
  const elapsedMs = performance.now() - started;
  const header: ReplayHeader = {
    backend: target.backend,
    seed: details.seed,
    deviations: target.deviations,
    jitter: target.seeded,
    ...(options.rules === undefined ? {} : { rules: options.rules }),
    ...(options.family === undefined ? {} : { scenarios: options.family }),
  };
  const base = {
    backend: target.backend,
    seed: details.seed,
    runs,
    scenariosPerSecond: elapsedMs > 0 ? (calls * 1000) / elapsedMs : 0,
    elapsedMs,
    unknownCount,
    unknowns,
    header,
  };
  const passStatus: VerdictStatus = unknownCount > 0 ? 'unknown' : 'pass';
  if (!details.failed) return { ...base, status: passStatus };
  const found = details.counterexample?.[0];
  if (found === undefined || details.counterexamplePath === null) {
    // fast-check stopped on something other than a violation (the predicate never throws): report, do not guess.
    const error =
      details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
    return { ...base, status: mergeStatus(passStatus, 'unknown'), error: `the property loop stopped: ${error}` };
  }
  const result =
    lastFailure !== undefined && lastFailure.input === found
      ? lastFailure.result
      : judgeOutcome(found.scenario, await runOnce(target, found), judgeOptions);
  const failingHeader: ReplayHeader = { ...header, path: details.counterexamplePath };
  const replay = replayCommand(failingHeader);
  const nominal =
    found.latencySeed === undefined
      ? result
      : judgeOutcome(found.scenario, await runOnce(target, { ...found, latencySeed: undefined }), judgeOptions);
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
      reproducesWithNominalLatencies: nominal.verdict.status === 'fail',
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
