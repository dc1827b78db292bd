/**
 * Throughput of the whole loop in one process (generate → predict → simulate → diff), with the time of
 * each stage, and how long each sim deviation takes to be caught, shrunk and reported.
 */
import fc from 'fast-check';
import { simDeviations } from '../backends/sim/index.ts';
import { diff } from '../diff/index.ts';
import { predict } from '../../specs/model/index.ts';
import { defaultScenarios, scenariosFor } from './deviation-targets.ts';
import { differentialCatch } from './deviation-catch.ts';
import { runProperty } from './property.ts';
import { simTarget } from './target.ts';

/** Milliseconds per scenario spent in each stage. */
export interface StageTimes {
  readonly generate: number;
  readonly predict: number;
  readonly simulate: number;
  readonly diff: number;
}

/** The loop's throughput. */
export interface LoopBench {
  readonly scenariosPerSecond: number;
  readonly scenarios: number;
  readonly seconds: number;
  readonly msPerScenario: StageTimes;
}

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

/** Runs the conformant loop on sim for about `seconds` (every scenario counts, pass or fail) and times each stage. */
export function benchLoop(seconds: number, seed?: number): LoopBench {
  const target = simTarget({ jitter: false });
  const run = target.runSync;
  if (!run) throw new Error('the sim target runs synchronously');
  let predictMs = 0;
  let simulateMs = 0;
  let diffMs = 0;
  let scenarios = 0;
  const started = performance.now();
  fc.check(
    fc.property(defaultScenarios(), (scenario) => {
      const t0 = performance.now();
      const prediction = predict(scenario);
      const t1 = performance.now();
      const outcome = run(scenario);
      const t2 = performance.now();
      if (outcome.status === 'observed') diff(prediction, outcome.observation, { toleranceSeconds: 0 });
      const t3 = performance.now();
      predictMs += t1 - t0;
      simulateMs += t2 - t1;
      diffMs += t3 - t2;
      scenarios++;
      // The bench measures throughput, not conformance: never stop on a failure.
      return true;
    }),
    {
      numRuns: Number.MAX_SAFE_INTEGER,
      interruptAfterTimeLimit: seconds * 1000,
      markInterruptAsFailure: false,
      ...(seed === undefined ? {} : { seed }),
    },
  );
  const totalMs = performance.now() - started;
  const per = (ms: number): number => (scenarios > 0 ? ms / scenarios : 0);
  return {
    scenariosPerSecond: totalMs > 0 ? (scenarios * 1000) / totalMs : 0,
    scenarios,
    seconds: totalMs / 1000,
    msPerScenario: {
      generate: per(totalMs - predictMs - simulateMs - diffMs),
      predict: per(predictMs),
      simulate: per(simulateMs),
      diff: per(diffMs),
    },
  };
}

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
