import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Observation, Scenario } from '../../../../specs/vocabulary/index.ts';
import { allContainers } from '../../../../specs/vocabulary/index.ts';
import { scenario as generatedScenario } from '../../../../generators/scenario.ts';
import { simDeviations, simulate } from '../../../../harness/backends/sim/index.ts';
import { count } from './observe-helpers.ts';

/** What every observation must satisfy, whatever the scenario, seed or deviations. */
function sane(s: Scenario, o: Observation): void {
  const end = s.observeForSeconds + 1e-9;
  for (let i = 0; i < o.points.length; i++) {
    const p = o.points[i];
    if (p === undefined) continue;
    expect(p.t).toBeGreaterThanOrEqual(0);
    expect(p.t).toBeLessThanOrEqual(end);
    if (i > 0) expect(p.t).toBeGreaterThanOrEqual(o.points[i - 1]?.t ?? 0);
  }
  for (const c of allContainers(s.pod)) {
    const created = count(o, `${c.name}.created`);
    const started = count(o, `${c.name}.started`);
    expect(started).toBeLessThanOrEqual(created);
    expect(count(o, `${c.name}.exited`)).toBeLessThanOrEqual(started);
    expect(count(o, `${c.name}.kill`)).toBeLessThanOrEqual(count(o, `${c.name}.term`) + started);
    const final = o.final.containers?.[c.name];
    if (final !== undefined) expect(final.everStarted).toBe(started > 0);
  }
  expect(count(o, 'pod.gone')).toBeLessThanOrEqual(1);
  expect(o.final.gone).toBe(count(o, 'pod.gone') === 1);
}

describe('the sim on generated scenarios', () => {
  it('always observes, with ordered points and consistent counts, conformant or not', () => {
    const names = simDeviations.map((d) => d.name);
    fc.assert(
      fc.property(
        generatedScenario(),
        fc.option(fc.nat(), { nil: undefined }),
        fc.subarray(names, { maxLength: 3 }),
        (s, seed, deviations) => {
          const outcome = simulate(s, { ...(seed === undefined ? {} : { seed }), deviations });
          if (outcome.status !== 'observed') throw new Error(`${outcome.reason}\n${outcome.detail ?? ''}`);
          sane(s, outcome.observation);
        },
      ),
      { numRuns: 300, seed: 20251121 },
    );
  });
});
