/**
 * A property run on the in-process simulator described as plain data, so that the main thread and every worker
 * thread build exactly the same target, scenarios and judging from it (same seed, same verdict at any thread count).
 */
import type fc from 'fast-check';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { Violation } from '../diff/index.ts';
import { scenariosFor } from './deviation-targets.ts';
import type { JudgeOptions } from './judge.ts';
import { propertyInputs, type PropertyInput } from './property.ts';
import { ruleFilter } from './rule-filter.ts';
import { simTarget, type RunTarget } from './target.ts';

/** What a sim run is: structured-clonable, sent to worker threads as is. */
export interface SimRunSpec {
  readonly deviations: ReadonlyArray<string>;
  /** the generator family (absent: the default, or the deviation's own scenarios) */
  readonly family?: string;
  /** draw node-like latencies from the seed (`run` without `--no-jitter`) */
  readonly jitter: boolean;
  /** the sim's realistic mode (`run`'s default; implies jitter) */
  readonly realistic?: boolean;
  /** `--focus GLOB` (or `--rules`): only violations of these rules count */
  readonly focus?: string;
  /** `--skip GLOB`: violations of these rules do not count */
  readonly skip?: string;
  /** judge against the nominal-only prediction first (JudgeOptions.nominalFirst) */
  readonly nominalFirst: boolean;
}

/** Everything the property loop needs for a sim run. */
export interface SimRun {
  readonly target: RunTarget;
  readonly scenarios: fc.Arbitrary<Scenario>;
  readonly inputs: fc.Arbitrary<PropertyInput>;
  readonly keep?: (violation: Violation) => boolean;
  readonly judgeOptions: JudgeOptions;
}

/** Builds the run a spec describes. */
export function simRun(spec: SimRunSpec): SimRun {
  const target = simTarget({ deviations: spec.deviations, jitter: spec.jitter, realistic: spec.realistic ?? false });
  const scenarios = scenariosFor(spec.deviations, spec.family);
  const filter = ruleFilter({
    ...(spec.focus === undefined ? {} : { focus: spec.focus }),
    ...(spec.skip === undefined ? {} : { skip: spec.skip }),
  });
  const keep = filter === undefined ? undefined : (v: Violation) => filter.counts(v.rule);
  return {
    target,
    scenarios,
    inputs: propertyInputs(target, scenarios),
    ...(keep === undefined ? {} : { keep }),
    judgeOptions: {
      toleranceSeconds: target.toleranceSeconds,
      nominalFirst: spec.nominalFirst,
      ...(keep === undefined ? {} : { keep }),
    },
  };
}
