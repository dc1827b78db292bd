/**
 * How long each sim deviation takes to be caught, shrunk and reported. The loop's throughput is measured in
 * bench-loop.ts (re-exported here).
 */
import { simDeviations } from '../backends/sim/index.ts';
import { scenariosFor } from './deviation-targets.ts';
import { differentialCatch, type DeviationCatch } from './deviation-catch.ts';
import { runProperty } from './property.ts';
import { simTarget } from './target.ts';

export { benchLoop, combineLoops, type LoopBench, type LoopVariant, type StageTimes } from './bench-loop.ts';

/** How long one deviation took to show: the fields of a catch that a plain (non-differential) run also has. */
export type DeviationBench = Pick<
  DeviationCatch,
  'name' | 'rule' | 'caught' | 'runs' | 'msToFailure' | 'msTotal' | 'shrinks' | 'violatedRules'
>;

/**
 * For each sim deviation (or those named), `run --deviation NAME --runs N` timed from start to printed report.
 * `differential`: a scenario counts as failing only when the deviating sim violates a rule the deviation breaks
 * on a scenario the conformant sim passes (harness/run/deviation-catch.ts), so the time measured is the
 * deviation's own, whatever the conformant sim and the model still disagree on.
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
