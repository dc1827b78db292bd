import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunOutcome } from '../../../harness/backends/backend.ts';
import { loadCaseText } from '../../../harness/cases/index.ts';
import { evaluateExpectation } from '../../../harness/diff/index.ts';
import { defaultScenarios } from '../../../harness/run/deviation-targets.ts';
import { runProperty } from '../../../harness/run/property.ts';
import type { RunTarget } from '../../../harness/run/target.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';
import { allContainers, type Scenario } from '../../../specs/vocabulary/index.ts';

/** A backend that is the model's own nominal timeline, except where `lie` changes the observation. */
function modelTarget(lie: (scenario: Scenario, outcome: RunOutcome) => RunOutcome = (_, o) => o): RunTarget {
  const runSync = (scenario: Scenario): RunOutcome =>
    lie(scenario, { status: 'observed', observation: nominalObservation(predict(scenario)) });
  return {
    backend: 'fake',
    deviations: [],
    seeded: false,
    toleranceSeconds: () => 0,
    runSync,
    run: (scenario) => Promise.resolve(runSync(scenario)),
  };
}

// Reports the phase wrong whenever the pod has two containers or more.
const wrongPhaseWithTwo = modelTarget((scenario, outcome) =>
  outcome.status === 'observed' && allContainers(scenario.pod).length >= 2
    ? { ...outcome, observation: { ...outcome.observation, final: { ...outcome.observation.final, phase: 'Lost' } } }
    : outcome,
);

describe('runProperty', () => {
  it('passes a backend that agrees with the model', async () => {
    const report = await runProperty({ target: modelTarget(), scenarios: defaultScenarios(), numRuns: 30, seed: 5 });
    expect(report).toMatchObject({ status: 'pass', runs: 30, seed: 5, unknownCount: 0 });
    expect(report.counterexample).toBeUndefined();
    expect(report.scenariosPerSecond).toBeGreaterThan(0);
  });

  it('shrinks a failure to a minimal scenario, gives a replay line, and the replay finds the same one', async () => {
    const report = await runProperty({
      target: wrongPhaseWithTwo,
      scenarios: defaultScenarios(),
      numRuns: 100,
      seed: 8,
    });
    expect(report.status).toBe('fail');
    const c = report.counterexample;
    if (!c) throw new Error('no counterexample');
    expect(allContainers(c.input.scenario.pod)).toHaveLength(2);
    expect(c.result.verdict.violations.map((v) => v.message)).toContain(
      `kubelet.phase.get-phase: phase should be ${String(c.result.prediction?.final.phase.possible.join(' or '))}; it was Lost`,
    );
    expect(c.replay).toBe(`npx podconform run --backend fake --seed 8 --path ${c.path} --runs 1`);
    const replay = await runProperty({
      target: wrongPhaseWithTwo,
      scenarios: defaultScenarios(),
      numRuns: 1,
      seed: 8,
      path: c.path,
    });
    expect(replay.counterexample?.input.scenario).toEqual(c.input.scenario);
  });

  it('writes the counterexample as a case file whose expect block the model passes and the backend fails', async () => {
    const report = await runProperty({
      target: wrongPhaseWithTwo,
      scenarios: defaultScenarios(),
      numRuns: 100,
      seed: 8,
    });
    const c = report.counterexample;
    if (!c) throw new Error('no counterexample');
    const loaded = loadCaseText(c.caseText, 'counterexample.case.yaml');
    if (loaded.status !== 'ok') throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.caseFile.scenario.pod).toEqual(c.input.scenario.pod);
    expect(loaded.caseFile.scenario.rules).toContain('kubelet.phase.get-phase');
    expect(loaded.caseFile.scenario.source).toBe(`podconform counterexample: ${c.replay}`);
    const model = nominalObservation(predict(loaded.caseFile.scenario));
    expect(evaluateExpectation(loaded.caseFile.expect, model).status).toBe('pass');
    if (c.result.outcome.status !== 'observed') throw new Error('not observed');
    const judged = evaluateExpectation(loaded.caseFile.expect, c.result.outcome.observation);
    expect(judged.status).toBe('fail');
    expect(judged.entries.filter((e) => e.status === 'fail').map((e) => e.expect)).toEqual(['phase']);
  });

  it('keeps only violations of the chosen rules', async () => {
    const report = await runProperty({
      target: wrongPhaseWithTwo,
      scenarios: defaultScenarios(),
      numRuns: 40,
      seed: 8,
      keep: (v) => v.rule.startsWith('term.'),
      focus: 'term.*',
    });
    expect(report.status).toBe('pass');
  });

  it('counts a backend that cannot observe as unknown, never as a failure', async () => {
    const blind = modelTarget(() => ({ status: 'unknown', reason: 'no node' }));
    const report = await runProperty({ target: blind, scenarios: defaultScenarios(), numRuns: 10, seed: 1 });
    expect(report).toMatchObject({ status: 'unknown', runs: 10, unknownCount: 10 });
    expect(report.unknowns[0]?.why).toBe('backend: no node');
  });

  it('runs asynchronous backends through the same loop', async () => {
    const sync = modelTarget();
    const asyncOnly: RunTarget = {
      backend: sync.backend,
      deviations: sync.deviations,
      seeded: sync.seeded,
      toleranceSeconds: sync.toleranceSeconds,
      run: sync.run,
    };
    const report = await runProperty({
      target: asyncOnly,
      scenarios: fc.constantFrom(...fc.sample(defaultScenarios(), { numRuns: 5, seed: 2 })),
      numRuns: 5,
      seed: 2,
    });
    expect(report.status).toBe('pass');
  });
});
