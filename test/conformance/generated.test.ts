/**
 * The conformance properties: generated scenarios of every family, predicted by the model, run on the backend
 * under test (PODCONFORM_BACKEND, default sim), diffed. A failure message opens with fast-check's
 * `{ seed, path }` and the podconform replay line, then the violations and the shrunk case file.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scenarioArbitraries } from '../../generators/scenario-arbitraries.ts';
import { counterexampleCase } from '../../harness/run/counterexample.ts';
import { familyScenarios } from '../../harness/run/deviation-targets.ts';
import { judgeOutcome, type ScenarioResult } from '../../harness/run/judge.ts';
import { propertyInputs, type PropertyInput } from '../../harness/run/property.ts';
import { replayCommand } from '../../harness/run/replay.ts';
import { backendUnderTest, conformanceSettings } from './backend-under-test.ts';

const settings = conformanceSettings();
const underTest = backendUnderTest(settings);
const { target } = underTest;

beforeAll(() => underTest.setUp(), 120_000);
afterAll(() => underTest.tearDown());

// `any` gets the full PODCONFORM_RUNS; each narrower family a quarter of it (they overlap `any`).
const families = scenarioArbitraries.filter((e) => e.name !== 'busybox' || target.backend !== 'sim');

function failureMessage(details: fc.RunDetails<[PropertyInput]>, family: string, result: ScenarioResult): string {
  const input = details.counterexample?.[0];
  const path = details.counterexamplePath ?? '';
  const replay = replayCommand({
    backend: target.backend,
    seed: details.seed,
    path,
    deviations: [],
    jitter: target.seeded,
    ...(family === 'any' ? {} : { scenarios: family }),
  });
  const violations = result.verdict.violations.map((v) => `  - ${v.message}`).join('\n');
  const caseText =
    input === undefined ? '' : counterexampleCase(input.scenario, result, { replay, toleranceSeconds: 0 });
  return [
    `{ seed: ${details.seed}, path: "${path}", endOnFailure: true }`,
    replay,
    `Property failed after ${details.numRuns} scenarios, shrunk ${details.numShrinks} times; violations:`,
    violations,
    'Counterexample as a case file:',
    caseText,
  ].join('\n');
}

describe(`conformance on ${target.backend}`, () => {
  for (const family of families) {
    const numRuns = family.name === 'any' ? settings.runs : Math.max(10, Math.round(settings.runs / 4));
    it(`${family.name}: ${family.description}`, { timeout: 600_000 }, async () => {
      const scenarios = familyScenarios(family.name);
      if (scenarios === undefined) throw new Error(`no family ${family.name}`);
      let last: ScenarioResult | undefined;
      let unknown = 0;
      const judged = (input: PropertyInput, result: ScenarioResult): boolean => {
        if (result.verdict.status === 'unknown') unknown++;
        if (result.verdict.status !== 'fail') return true;
        last = result;
        return false;
      };
      const params: fc.Parameters<[PropertyInput]> = {
        numRuns,
        ...(settings.seed === undefined ? {} : { seed: settings.seed }),
        // The failure message opens with { seed, path } as fast-check's own does, then the podconform replay line.
        plugins: [
          () => ({
            onAllRunsComplete: (details: fc.RunDetails<[PropertyInput]>) => {
              if (!details.failed) return;
              if (last === undefined) throw new Error(fc.defaultReportMessage(details));
              throw new Error(failureMessage(details, family.name, last));
            },
          }),
        ],
      };
      const inputs = propertyInputs(target, scenarios);
      const judgeOptions = { toleranceSeconds: target.toleranceSeconds };
      const runSync = target.runSync;
      if (runSync) {
        fc.assert(
          fc.property(inputs, (input) =>
            judged(input, judgeOutcome(input.scenario, runSync(input.scenario, input.latencySeed), judgeOptions)),
          ),
          params,
        );
      } else {
        await fc.assert(
          fc.asyncProperty(inputs, async (input) =>
            judged(
              input,
              judgeOutcome(input.scenario, await target.run(input.scenario, input.latencySeed), judgeOptions),
            ),
          ),
          params,
        );
      }
      // Unknown is never a failure, but a backend that observed nothing at all has not been tested.
      expect(unknown, `${target.backend} could not observe any of the ${numRuns} scenarios`).toBeLessThan(numRuns);
    });
  }
});
