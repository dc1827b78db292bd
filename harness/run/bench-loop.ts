/**
 * Throughput of the whole loop in one thread (generate → simulate → judge, the judging being the model's
 * prediction and the diff), with the time of each stage. A bench measures, it never asserts: speed goals live in
 * `npm run bench`, not in tests.
 */
import fc from 'fast-check';
import { defaultScenarios } from './deviation-targets.ts';
import { judgeCatching } from './judge.ts';
import { simTarget } from './target.ts';

/** Milliseconds per scenario spent in each stage. */
export interface StageTimes {
  readonly generate: number;
  readonly simulate: number;
  /** the model's prediction and the diff */
  readonly judge: number;
}

/** The loop's throughput. */
export interface LoopBench {
  readonly scenariosPerSecond: number;
  readonly scenarios: number;
  readonly seconds: number;
  readonly msPerScenario: StageTimes;
}

/** How the loop judges: against the full prediction, or the nominal-only one first (as `run` does). */
export interface LoopVariant {
  readonly nominalFirst: boolean;
}

/** Runs the conformant loop on sim (nominal latencies) for about `seconds`; every scenario counts, pass or fail. */
export function benchLoop(seconds: number, seed: number | undefined, variant: LoopVariant): LoopBench {
  const target = simTarget({ jitter: false });
  const run = target.runSync;
  if (!run) throw new Error('the sim target runs synchronously');
  const judgeOptions = { toleranceSeconds: target.toleranceSeconds, nominalFirst: variant.nominalFirst };
  let simulateMs = 0;
  let judgeMs = 0;
  let scenarios = 0;
  const started = performance.now();
  fc.check(
    fc.property(defaultScenarios(), (scenario) => {
      const t0 = performance.now();
      const outcome = run(scenario);
      const t1 = performance.now();
      judgeCatching(scenario, outcome, judgeOptions);
      const t2 = performance.now();
      simulateMs += t1 - t0;
      judgeMs += t2 - t1;
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
    msPerScenario: { generate: per(totalMs - simulateMs - judgeMs), simulate: per(simulateMs), judge: per(judgeMs) },
  };
}

/** Sums loops that ran side by side (worker threads): scenarios over the longest wall time. */
export function combineLoops(loops: ReadonlyArray<LoopBench>): LoopBench {
  const scenarios = loops.reduce((n, l) => n + l.scenarios, 0);
  const seconds = Math.max(0, ...loops.map((l) => l.seconds));
  const weighted = (stage: keyof StageTimes): number =>
    scenarios > 0 ? loops.reduce((ms, l) => ms + l.msPerScenario[stage] * l.scenarios, 0) / scenarios : 0;
  return {
    scenariosPerSecond: seconds > 0 ? scenarios / seconds : 0,
    scenarios,
    seconds,
    msPerScenario: { generate: weighted('generate'), simulate: weighted('simulate'), judge: weighted('judge') },
  };
}
