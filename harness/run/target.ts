/**
 * What the property loop runs scenarios on: a backend, seen through one small shape that lets the
 * in-process simulator run synchronously (no promise per scenario) and every other backend asynchronously.
 */
import type fc from 'fast-check';
import type { Observation, Scenario } from '../../specs/vocabulary/index.ts';
import type { Backend, RunOutcome } from '../backends/backend.ts';
import { simulate } from '../backends/sim/index.ts';

/** A backend as the runner drives it. */
export interface RunTarget {
  /** the backend as named on the command line: `sim`, `exec:COMMAND` */
  readonly backend: string;
  /** sim deviations switched on */
  readonly deviations: ReadonlyArray<string>;
  /** whether the backend draws latencies from the seed it is given (the seed is then part of the generated value) */
  readonly seeded: boolean;
  /** the sim's realistic mode: a node of its own (names, texts, overheads, clock phases) drawn from the seed */
  readonly realistic?: boolean;
  /** the differ's tolerance for one observation, in seconds */
  readonly toleranceSeconds: (observation: Observation) => number;
  /** present when the backend can answer without waiting (sim) */
  readonly runSync?: (scenario: Scenario, seed?: number) => RunOutcome;
  /** `seed` absent: nominal latencies */
  readonly run: (scenario: Scenario, seed?: number) => Promise<RunOutcome>;
  /** why the backend cannot act a scenario out (absent: it can act out every scenario) */
  readonly cannotExpress?: (scenario: Scenario) => string | undefined;
  /** options that pick where the backend runs (`--context CTX`), for replay lines */
  readonly backendArgs?: ReadonlyArray<string>;
}

/**
 * The scenarios worth generating for a target: those it can act out. Filtering is deterministic, so a seed and a
 * path replay the same scenario; a case file the backend cannot express is still run and reported `unknown`.
 */
export function expressibleScenarios(target: RunTarget, scenarios: fc.Arbitrary<Scenario>): fc.Arbitrary<Scenario> {
  const cannot = target.cannotExpress;
  return cannot === undefined ? scenarios : scenarios.filter((s) => cannot(s) === undefined);
}

/** The in-process simulator, run synchronously; tolerance 0 (its clock is the model's virtual clock). */
export function simTarget(
  options: {
    readonly deviations?: ReadonlyArray<string>;
    readonly jitter?: boolean;
    /** the sim's realistic mode (implies jitter); without a seed a case meets the node its id seeds */
    readonly realistic?: boolean;
  } = {},
): RunTarget {
  const deviations = options.deviations ?? [];
  const realistic = options.realistic ?? false;
  const jitter = realistic || (options.jitter ?? true);
  const runSync = (scenario: Scenario, seed?: number): RunOutcome =>
    realistic
      ? simulate(scenario, { deviations, realistic: true, ...(seed === undefined ? {} : { seed }) })
      : simulate(scenario, {
          deviations,
          ...(jitter && seed !== undefined ? { seed, jitter: true } : { jitter: false }),
        });
  return {
    backend: 'sim',
    deviations,
    seeded: jitter,
    realistic,
    toleranceSeconds: () => 0,
    runSync,
    run: (scenario, seed) => Promise.resolve(runSync(scenario, seed)),
  };
}

/** Any set-up backend; the tolerance is the coarser of its clock and the observation's own. */
export function backendTarget(backend: Backend, deviations: ReadonlyArray<string> = []): RunTarget {
  return {
    backend: backend.name,
    deviations,
    seeded: false,
    toleranceSeconds: (observation) => Math.max(backend.clockResolutionSeconds, observation.clock.resolution),
    ...(backend.cannotExpress === undefined
      ? {}
      : { cannotExpress: (scenario: Scenario) => backend.cannotExpress?.(scenario) }),
    run: (scenario, seed) =>
      backend.run(scenario, {
        ...(seed === undefined ? {} : { seed }),
        ...(deviations.length === 0 ? {} : { deviations }),
      }),
  };
}
