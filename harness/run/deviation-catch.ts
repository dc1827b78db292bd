/**
 * When a sim deviation counts as caught: only by a violation of a rule the deviation breaks (its declared rule,
 * or a rule its target declares it also breaks), on a scenario the conformant simulator passes. A violation of
 * some other rule, or one on a scenario where the conformant sim already disagrees with the model, says nothing
 * about the suite's power over that rule, so it does not count.
 */
import fc from 'fast-check';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import { simDeviations } from '../backends/sim/index.ts';
import type { Violation } from '../diff/index.ts';
import { counterexampleCase } from './counterexample.ts';
import { deviationTargets, scenariosFor, type AlsoBreaks } from './deviation-targets.ts';
import { judgeOutcome, type ScenarioResult } from './judge.ts';
import { simTarget } from './target.ts';

/**
 * What a violation is about, without its message (messages carry timestamps): rule, type, and the point, final
 * field or event it concerns.
 */
export function violationKey(v: Violation): string {
  switch (v.type) {
    case 'missing-point':
    case 'window':
    case 'order':
    case 'forbidden-point':
      return `${v.rule} ${v.type} ${v.point}`;
    case 'final-value':
      return `${v.rule} ${v.type} ${v.field}`;
    case 'missing-event':
    case 'unexpected-event':
      return `${v.rule} ${v.type} ${v.reason}/${v.container ?? ''}`;
  }
}

/** What a violation is about, as an AlsoBreaks subject: the point kind, the final field's last segment or the event reason. */
export function violationSubject(v: Violation): string {
  switch (v.type) {
    case 'missing-point':
    case 'window':
    case 'order':
    case 'forbidden-point':
      return v.point.slice(v.point.indexOf('.') + 1).replace(/#\d+$/, '');
    case 'final-value':
      return v.field.slice(v.field.lastIndexOf('.') + 1);
    case 'missing-event':
    case 'unexpected-event':
      return v.reason;
  }
}

/** How a violation counts for a deviation: by its declared rule, by a rule it also breaks, or not at all. */
export type CatchStanding = 'declared' | AlsoBreaks['standing'];

/** The rules a deviation breaks: its declared rule, then any its target says it also breaks. */
export function rulesBrokenBy(name: string): ReadonlyArray<string> {
  return [declaredRule(name), ...(deviationTargets[name]?.alsoBreaks ?? []).map((b) => b.rule)];
}

function declaredRule(name: string): string {
  const declared = simDeviations.find((d) => d.name === name)?.rule;
  if (declared === undefined) throw new Error(`unknown sim deviation '${name}'`);
  return declared;
}

/** How `v` counts as a catch of deviation `name`, or undefined when it says nothing about the deviation's rules. */
export function catchStanding(name: string, v: Violation): CatchStanding | undefined {
  if (v.rule === declaredRule(name)) return 'declared';
  const also = (deviationTargets[name]?.alsoBreaks ?? []).find(
    (b) =>
      b.rule === v.rule &&
      (b.types === undefined || b.types.includes(v.type)) &&
      (b.subject === undefined || b.subject === violationSubject(v)),
  );
  return also?.standing;
}

/** How one deviation fared: caught or not, after how many generated scenarios, and by which violations. */
export interface DeviationCatch {
  readonly name: string;
  /** the declared rule (first of `rules`) */
  readonly rule: string;
  /** every rule whose violation counts as a catch */
  readonly rules: ReadonlyArray<string>;
  readonly caught: boolean;
  /** generated scenarios up to and including the first catch (all of them when not caught) */
  readonly runs: number;
  readonly msToFailure?: number;
  /** caught, shrunk (when asked) and the report (case file) built */
  readonly msTotal: number;
  readonly shrinks?: number;
  /** the rules of the catching violations of the (shrunk) counterexample */
  readonly violatedRules: ReadonlyArray<string>;
  /** the best standing among them: `declared` when the declared rule itself was violated */
  readonly standing?: CatchStanding;
  /** their keys (rule, type, point) */
  readonly violationKeys: ReadonlyArray<string>;
  /** scenarios on which the deviating sim failed only through other rules (not counted) */
  readonly otherRuleFailures: number;
  /** scenarios skipped because the conformant sim itself fails there */
  readonly baselineFailures: number;
}

/** Options of one catch attempt. */
export interface CatchOptions {
  readonly runs: number;
  readonly seed?: number;
  /** shrink the counterexample and build its case file, as `run` does (default true) */
  readonly shrink?: boolean;
}

/**
 * Runs the deviation's scenarios on the deviating and the conformant sim (nominal latencies) and stops at the
 * first scenario where the conformant sim passes and the deviating sim violates one of the deviation's rules.
 */
export function catchDeviation(name: string, options: CatchOptions): DeviationCatch {
  const rules = rulesBrokenBy(name);
  const deviating = simTarget({ deviations: [name], jitter: false }).runSync;
  const conformant = simTarget({ jitter: false }).runSync;
  if (!deviating || !conformant) throw new Error('the sim target runs synchronously');
  const judgeOptions = { toleranceSeconds: () => 0 };
  let last: ScenarioResult | undefined;
  let generated = 0;
  let shrinking = false;
  let otherRuleFailures = 0;
  let baselineFailures = 0;
  let msToFailure: number | undefined;
  const started = performance.now();
  const catches = (scenario: Scenario): boolean => {
    const result = judgeOutcome(scenario, deviating(scenario), judgeOptions);
    if (result.verdict.status !== 'fail') return false;
    const own = result.verdict.violations.filter((v) => catchStanding(name, v) !== undefined);
    if (own.length === 0) {
      if (!shrinking) otherRuleFailures++;
      return false;
    }
    if (judgeOutcome(scenario, conformant(scenario), judgeOptions).verdict.status !== 'pass') {
      if (!shrinking) baselineFailures++;
      return false;
    }
    last = { ...result, verdict: { ...result.verdict, violations: own } };
    return true;
  };
  const details = fc.check(
    fc.property(scenariosFor([name]), (scenario) => {
      if (!shrinking) generated++;
      if (!catches(scenario)) return true;
      if (!shrinking) msToFailure = performance.now() - started;
      shrinking = true;
      return false;
    }),
    { numRuns: options.runs, endOnFailure: options.shrink === false, ...seedOf(options.seed) },
  );
  const found = details.counterexample?.[0];
  if (details.failed && found !== undefined && last !== undefined && options.shrink !== false) {
    // The report as `run` prints it: the shrunk scenario as a case file.
    counterexampleCase(found, last, { replay: `--deviation ${name}`, toleranceSeconds: 0 });
  }
  const violations = last?.verdict.violations ?? [];
  const standings = new Set(violations.map((v) => catchStanding(name, v)));
  const standing = (['declared', 'breaks', 'model-attribution'] as const).find((x) => standings.has(x));
  return {
    name,
    rule: rules[0] ?? '',
    rules,
    caught: details.failed,
    runs: generated,
    ...(msToFailure === undefined ? {} : { msToFailure }),
    msTotal: performance.now() - started,
    ...(details.failed ? { shrinks: details.numShrinks } : {}),
    violatedRules: [...new Set(violations.map((v) => v.rule))],
    ...(standing === undefined ? {} : { standing }),
    violationKeys: [...new Set(violations.map(violationKey))],
    otherRuleFailures,
    baselineFailures,
  };
}

function seedOf(seed: number | undefined): { seed?: number } {
  return seed === undefined ? {} : { seed };
}

/** `catchDeviation` with shrinking, as `bench --deviations --differential` times it. */
export function differentialCatch(name: string, runs: number, seed: number | undefined): DeviationCatch {
  return catchDeviation(name, { runs, ...seedOf(seed) });
}
