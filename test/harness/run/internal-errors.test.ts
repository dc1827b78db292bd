/**
 * podconform's own failures are errors, never `unknown`: a model or differ that throws, or a built-in backend
 * that reports it broke, stops the judgement (judgeOutcome throws, so a vitest property fails) and makes the
 * property loop report `error` with the shrunk scenario.
 */
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../harness/backends/backend.ts';
import { defaultScenarios } from '../../../harness/run/deviation-targets.ts';
import { InternalError, judgeCatching, judgeOutcome } from '../../../harness/run/judge.ts';
import { runProperty } from '../../../harness/run/property.ts';
import type { RunTarget } from '../../../harness/run/target.ts';
import { simTarget } from '../../../harness/run/target.ts';
import { loadCaseText } from '../../../harness/cases/index.ts';
import { allContainers, type Scenario } from '../../../specs/vocabulary/index.ts';
import fc from 'fast-check';

const sim = simTarget({ jitter: false });

function target(run: (scenario: Scenario) => RunOutcome): RunTarget {
  return { ...sim, backend: 'fake', runSync: run, run: (s) => Promise.resolve(run(s)) };
}

const broken: RunOutcome = { status: 'error', reason: 'the simulator failed on this scenario', detail: 'boom' };

describe('judgeOutcome', () => {
  const [scenario] = fc.sample(defaultScenarios(), { seed: 3, numRuns: 1 });
  if (scenario === undefined) throw new Error('no scenario');
  const options = { toleranceSeconds: () => 0 };

  it('throws an InternalError for a backend error outcome, and judgeCatching returns it as `error`', () => {
    expect(() => judgeOutcome(scenario, broken, options)).toThrow(InternalError);
    const judged = judgeCatching(scenario, broken, options);
    expect(judged).toEqual({
      status: 'error',
      error: `the simulator failed on this scenario on scenario ${scenario.id} (boom)`,
    });
  });

  it('still calls an unobservable run unknown', () => {
    const judged = judgeCatching(scenario, { status: 'unknown', reason: 'no node' }, options);
    expect(judged.status).toBe('unknown');
  });
});

describe('runProperty with a backend that breaks', () => {
  it('reports error (not unknown), shrunk, with a replay line and the scenario as a loadable case file', async () => {
    // Breaks on every pod with two containers or more: the shrinker must bring it down to exactly two.
    const breaksOnTwo = target((s) => (allContainers(s.pod).length >= 2 ? broken : (sim.runSync?.(s) ?? broken)));
    const report = await runProperty({ target: breaksOnTwo, scenarios: defaultScenarios(), numRuns: 100, seed: 8 });
    expect(report.status).toBe('error');
    const e = report.internalError;
    if (e === undefined) throw new Error('no internal error reported');
    expect(e.message).toMatch(/^the simulator failed on this scenario on scenario gen-/);
    expect(allContainers(e.input.scenario.pod)).toHaveLength(2);
    expect(e.replay).toBe(`npx podconform run --backend fake --seed 8 --path ${e.path} --runs 1`);
    const loaded = loadCaseText(e.caseText, 'error.case.yaml');
    expect(loaded.status).toBe('ok');
    expect(report.counterexample).toBeUndefined();
  });

  it('follows the first kind found: a violation first is shrunk as a violation', async () => {
    const [first] = fc.sample(defaultScenarios(), { seed: 8, numRuns: 1 });
    const lies = target((s) => {
      const o = sim.runSync?.(s) ?? broken;
      if (s.id === first?.id && o.status === 'observed') {
        return { ...o, observation: { ...o.observation, final: { ...o.observation.final, phase: 'Lost' } } };
      }
      return allContainers(s.pod).length >= 3 ? broken : o;
    });
    const report = await runProperty({ target: lies, scenarios: defaultScenarios(), numRuns: 50, seed: 8 });
    expect(report.status).toBe('fail');
    expect(report.internalError).toBeUndefined();
  });
});
