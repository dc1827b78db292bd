/**
 * The suite's own power: every non-conformance the sim can be told to have is caught by
 * `podconform run --deviation NAME --runs 300`, and caught for its own sake — by a violation the
 * conformant sim does not also show on the same scenario — so the power is measured whatever the
 * conformant sim and the model still disagree on (that is generated.test.ts's business). Sim only.
 */
import { describe, expect, it } from 'vitest';
import { simDeviations } from '../../harness/backends/sim/index.ts';
import { differentialCatch } from '../../harness/run/bench.ts';
import { scenariosFor } from '../../harness/run/deviation-targets.ts';
import { runProperty } from '../../harness/run/property.ts';
import { simTarget } from '../../harness/run/target.ts';
import { conformanceSettings } from './backend-under-test.ts';

const settings = conformanceSettings();
const seed = settings.seed ?? 1;

describe.runIf(settings.backend === 'sim')('every sim deviation is caught', () => {
  for (const deviation of simDeviations) {
    it(`${deviation.name} (${deviation.rule})`, { timeout: 300_000 }, async () => {
      const report = await runProperty({
        target: simTarget({ deviations: [deviation.name] }),
        scenarios: scenariosFor([deviation.name]),
        numRuns: 300,
        seed,
      });
      expect(report.status, `run --deviation ${deviation.name}: not caught in ${report.runs} runs (seed ${seed})`).toBe(
        'fail',
      );
      const own = differentialCatch(deviation.name, 300, seed);
      expect(
        own.caught,
        `no violation of its own in ${own.runs} runs: every failure is one the conformant sim shows too (seed ${seed})`,
      ).toBe(true);
    });
  }
});
