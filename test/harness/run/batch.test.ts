// A batch judges every scenario of a seed (none skipped after a failure), in seed order at any number of slots,
// with a replay line per scenario, and tallies failing scenarios per rule.
import { describe, expect, it } from 'vitest';
import { failuresByRule, runBatch } from '../../../harness/run/batch.ts';
import { defaultScenarios } from '../../../harness/run/deviation-targets.ts';
import type { RunTarget } from '../../../harness/run/target.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';

// A node that loses every point of pods with three or more containers: those fail, the others pass.
const target: RunTarget = {
  backend: 'fake-node',
  deviations: [],
  seeded: false,
  toleranceSeconds: () => 0,
  run: async (scenario) => {
    await new Promise((resolve) => setTimeout(resolve, 1));
    const observation = nominalObservation(predict(scenario));
    const broken = scenario.pod.containers.length >= 3;
    return { status: 'observed', observation: broken ? { ...observation, points: [] } : observation };
  },
};

describe('runBatch', () => {
  it('judges every scenario in seed order at any number of slots and tallies failures by rule', async () => {
    const options = {
      target,
      scenarios: defaultScenarios(),
      seed: 3,
      runs: 30,
      judgeOptions: { toleranceSeconds: () => 0 },
    };
    const one = await runBatch({ ...options, slots: 1 });
    const four = await runBatch({ ...options, slots: 4 });
    expect(one.map((e) => e.index)).toEqual([...Array(30).keys()]);
    expect(four.map((e) => [e.scenario.id, e.judged.status])).toEqual(one.map((e) => [e.scenario.id, e.judged.status]));
    const failing = one.filter((e) => e.judged.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    expect(failing.every((e) => e.scenario.pod.containers.length >= 3)).toBe(true);
    expect(failing[0]?.replay).toBe(
      `npx podconform run --backend fake-node --seed 3 --path ${failing[0]?.index} --runs 1`,
    );
    const byRule = failuresByRule(one);
    expect([...byRule.values()].every((list) => list.every((e) => e.judged.status === 'fail'))).toBe(true);
    expect(new Set([...byRule.values()].flat())).toEqual(new Set(failing));
  });
});
