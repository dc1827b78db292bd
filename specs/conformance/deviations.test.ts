/**
 * The suite's own power: every non-conformance the sim can be told to have is caught by
 * `podconform run --deviation NAME --runs 300`, and the shrunk counterexample is one the conformant sim
 * passes — the failure is the deviation's, not a disagreement the conformant sim already has. Sim only.
 */
import { describe, expect, it } from 'vitest';
import { simDeviations } from '../../harness/backends/sim/index.ts';
import { scenariosFor } from '../../harness/run/deviation-targets.ts';
import { judgeOutcome } from '../../harness/run/judge.ts';
import { runProperty } from '../../harness/run/property.ts';
import { simTarget } from '../../harness/run/target.ts';
import { conformanceSettings } from './backend-under-test.ts';

const settings = conformanceSettings();
const conformant = simTarget();

describe.runIf(settings.backend === 'sim')('every sim deviation is caught', () => {
  for (const deviation of simDeviations) {
    it(`${deviation.name} (${deviation.rule})`, { timeout: 300_000 }, async () => {
      const report = await runProperty({
        target: simTarget({ deviations: [deviation.name] }),
        scenarios: scenariosFor([deviation.name]),
        numRuns: 300,
        seed: settings.seed ?? 1,
      });
      expect(report.status, `not caught in ${report.runs} runs (seed ${report.seed})`).toBe('fail');
      const c = report.counterexample;
      if (c === undefined) throw new Error('a failed run has a counterexample');
      const run = conformant.runSync;
      if (!run) throw new Error('the sim runs synchronously');
      const baseline = judgeOutcome(c.input.scenario, run(c.input.scenario, c.input.latencySeed), {
        toleranceSeconds: () => 0,
      });
      expect(
        baseline.verdict.violations.map((v) => v.message),
        `the conformant sim already fails the counterexample; replay: ${c.replay}\n${c.caseText}`,
      ).toEqual([]);
    });
  }
});
