/** Every generated scenario survives a trip through a case file: written by writeCase, read back by loadCaseText. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArbitraries } from '../../generators/scenario-arbitraries.ts';
import { generatedScenario, scenario } from '../../generators/scenario.ts';
import { loadCaseText, writeCase } from '../../harness/cases/index.ts';
import type { Scenario } from '../../specs/vocabulary/index.ts';

function roundTrip(s: Scenario): unknown {
  const text = writeCase({ scenario: s });
  const loaded = loadCaseText(text, `${s.id}.case.yaml`);
  return loaded.status === 'ok' ? loaded.caseFile.scenario : { text, problems: loaded.problems };
}

describe('case-file round trip', () => {
  it('loadCaseText(writeCase(s)) gives back s for every generated scenario', () => {
    fc.assert(
      fc.property(scenario(), (s) => {
        expect(roundTrip(s)).toEqual(s);
      }),
      { numRuns: 200, seed: 17 },
    );
  });

  it('holds for every registry entry, and for random names, behaviours, hooks and probes', () => {
    const arbitraries = [
      ...scenarioArbitraries.map((e) => generatedScenario(e.constraints)),
      generatedScenario({ pod: { names: 'random', container: { behavior: 'any' } }, hooks: 'any', probes: 'any' }),
    ];
    for (const arb of arbitraries) {
      fc.assert(
        fc.property(arb, (g) => {
          expect(roundTrip(g.scenario)).toEqual(g.scenario);
        }),
        { numRuns: 40, seed: 23 },
      );
    }
  });
});
