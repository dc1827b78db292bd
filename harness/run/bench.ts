/**
 * How long each sim deviation takes to be caught, shrunk and reported. The loop's throughput is measured in
 * bench-loop.ts (re-exported here).
 */
import fc from 'fast-check';
import { simDeviations } from '../backends/sim/index.ts';
import { scenariosFor } from './deviation-targets.ts';
import { counterexampleCase } from './counterexample.ts';
import { judgeOutcome, type ScenarioResult } from './judge.ts';
import { runProperty } from './property.ts';
import { simTarget } from './target.ts';

export { benchLoop, combineLoops, type LoopBench, type LoopVariant, type StageTimes } from './bench-loop.ts';

/** How long one deviation took to show. */
export interface DeviationBench {
  readonly name: string;
  readonly rule: string;
  readonly caught: boolean;
  /** generated scenarios up to the first failure */
  readonly runs: number;
  readonly msToFailure?: number;
  /** caught, shrunk and the report (case file) built */
  readonly msTotal: number;
  readonly shrinks?: number;
  /** the rules of the shrunk counterexample's violations */
  readonly violatedRules: ReadonlyArray<string>;
}

/**
 * For each sim deviation (or those named), `run --deviation NAME --runs N` timed from start to printed report.
 * `differential`: a scenario counts as failing only when the deviating sim shows a violation the conformant sim
 * does not show on the same scenario, so the time measured is the deviation's own, whatever the conformant sim
 * and the model still disagree on.
 */
export async function benchDeviations(
  options: {
    readonly names?: ReadonlyArray<string>;
    readonly runs?: number;
    readonly seed?: number;
    readonly differential?: boolean;
  } = {},
): Promise<DeviationBench[]> {
  const wanted = options.names ?? simDeviations.map((d) => d.name);
  const results: DeviationBench[] = [];
  if (options.differential === true) {
    for (const name of wanted) results.push(differentialCatch(name, options.runs ?? 300, options.seed));
    return results;
  }
  for (const name of wanted) {
    const rule = simDeviations.find((d) => d.name === name)?.rule ?? '';
    let msToFailure: number | undefined;
    const started = performance.now();
    const report = await runProperty({
      target: simTarget({ deviations: [name] }),
      scenarios: scenariosFor([name]),
      numRuns: options.runs ?? 300,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      onProgress: (p) => {
        if (p.shrinking && msToFailure === undefined) msToFailure = p.elapsedMs;
      },
    });
    const msTotal = performance.now() - started;
    const c = report.counterexample;
    results.push({
      name,
      rule,
      caught: report.status === 'fail',
      runs: report.runs,
      ...(msToFailure === undefined ? {} : { msToFailure }),
      msTotal,
      ...(c === undefined ? {} : { shrinks: c.shrinks }),
      violatedRules: c === undefined ? [] : [...new Set(c.result.verdict.violations.map((v) => v.rule))],
    });
  }
  return results;
}

/**
 * Runs the property for one deviation, counting a scenario as failing only when the deviating sim shows a
 * violation the conformant sim does not show on it; the shrunk counterexample is then built into a case file.
 */
export function differentialCatch(name: string, runs: number, seed: number | undefined): DeviationBench {
  const rule = simDeviations.find((d) => d.name === name)?.rule ?? '';
  const deviating = simTarget({ deviations: [name], jitter: false }).runSync;
  const conformant = simTarget({ jitter: false }).runSync;
  if (!deviating || !conformant) throw new Error('the sim target runs synchronously');
  const judgeOptions = { toleranceSeconds: () => 0 };
  let last: ScenarioResult | undefined;
  let generated = 0;
  let shrinking = false;
  let msToFailure: number | undefined;
  const started = performance.now();
  const details = fc.check(
    fc.property(scenariosFor([name]), (scenario) => {
      if (!shrinking) generated++;
      const result = judgeOutcome(scenario, deviating(scenario), judgeOptions);
      if (result.verdict.status !== 'fail') return true;
      const baseline = new Set(
        judgeOutcome(scenario, conformant(scenario), judgeOptions).verdict.violations.map((v) => v.message),
      );
      const own = result.verdict.violations.filter((v) => !baseline.has(v.message));
      if (own.length === 0) return true;
      if (!shrinking) msToFailure = performance.now() - started;
      shrinking = true;
      last = { ...result, verdict: { ...result.verdict, violations: own } };
      return false;
    }),
    { numRuns: runs, ...(seed === undefined ? {} : { seed }) },
  );
  const found = details.counterexample?.[0];
  if (details.failed && found !== undefined && last !== undefined) {
    // The report as `run` prints it: the shrunk scenario as a case file.
    counterexampleCase(found, last, { replay: `--deviation ${name}`, toleranceSeconds: 0 });
  }
  return {
    name,
    rule,
    caught: details.failed,
    runs: generated,
    ...(msToFailure === undefined ? {} : { msToFailure }),
    msTotal: performance.now() - started,
    ...(details.failed ? { shrinks: details.numShrinks } : {}),
    violatedRules: last === undefined ? [] : [...new Set(last.verdict.violations.map((v) => v.rule))],
  };
}
