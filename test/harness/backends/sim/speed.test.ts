import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';
import { restartPolicies } from '../../../../specs/vocabulary/index.ts';
import { scenario as generatedScenario } from '../../../../generators/scenario.ts';
import { simulate } from '../../../../harness/backends/sim/index.ts';
import { loadSharedCases } from './shared-cases.ts';

/** The shared scenarios under every restart policy (observed for at most two minutes) and generated ones. */
function mixedSet(): Scenario[] {
  const shared = loadSharedCases().flatMap(({ loaded }) => (typeof loaded === 'string' ? [] : [loaded.scenario]));
  const variants = shared.flatMap((s) =>
    restartPolicies.map((p) => ({
      ...s,
      pod: { ...s.pod, restartPolicy: p },
      observeForSeconds: Math.min(s.observeForSeconds, 120),
    })),
  );
  return [...variants, ...fc.sample(generatedScenario(), { numRuns: 500, seed: 7 })];
}

function rate(
  set: ReadonlyArray<Scenario>,
  ms: number,
): { readonly runs: number; readonly perSecond: number; readonly unknown: number } {
  let runs = 0;
  let unknown = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    for (const s of set) {
      if (simulate(s, { seed: runs }).status !== 'observed') unknown++;
      runs++;
    }
  }
  return { runs, perSecond: Math.round(runs / ((performance.now() - start) / 1000)), unknown };
}

describe('sim speed', () => {
  it('prints scenarios per second on a mixed set (not asserted)', () => {
    const set = mixedSet();
    rate(set, 1000);
    const measured = rate(set, 2000);
    console.log(
      `sim: ${measured.perSecond} scenarios/s on ${set.length} mixed scenarios (${measured.runs} runs, jitter on, wall clock)`,
    );
    expect(measured.unknown).toBe(0);
  });
});
