import { describe, expect, it } from 'vitest';
import { simulate } from '../../../../harness/backends/sim/index.ts';
import { unmetExpectations } from './expect-check.ts';
import { haveSharedCases, loadSharedCases } from './shared-cases.ts';

describe.runIf(haveSharedCases)('the sim backend on every shared case', () => {
  const cases = loadSharedCases();

  it('finds the 122 shared cases', () => {
    expect(cases.length).toBe(122);
  });

  for (const { file, loaded } of cases) {
    it(file, () => {
      if (typeof loaded === 'string') throw new Error(`does not load: ${loaded}`);
      const outcome = simulate(loaded.scenario);
      if (outcome.status !== 'observed') throw new Error(`${outcome.reason}\n${outcome.detail ?? ''}`);
      expect(unmetExpectations(loaded.expect, outcome.observation)).toEqual([]);
    });
  }
});
