/** A model that throws is an internal error (exit 4 at the CLI), never an unknown verdict. */
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { defaultScenarios } from '../../../harness/run/deviation-targets.ts';
import { InternalError, judgeOutcome } from '../../../harness/run/judge.ts';
import { runProperty } from '../../../harness/run/property.ts';
import { simTarget } from '../../../harness/run/target.ts';
import type * as Model from '../../../specs/model/index.ts';
import { allContainers } from '../../../specs/vocabulary/index.ts';

// The model fails on every pod with an init container; otherwise it is the real model.
vi.mock('../../../specs/model/index.ts', async (importOriginal) => {
  const real = await importOriginal<typeof Model>();
  return {
    ...real,
    predict: (...args: Parameters<typeof real.predict>) => {
      if (args[0].pod.initContainers.length > 0) throw new Error('model bug (simulated)');
      return real.predict(...args);
    },
  };
});

const sim = simTarget({ jitter: false });

describe('a model exception', () => {
  it('makes judgeOutcome throw an InternalError naming the scenario', () => {
    const scenario = fc
      .sample(defaultScenarios(), { seed: 1, numRuns: 200 })
      .find((s) => s.pod.initContainers.length > 0);
    if (scenario === undefined) throw new Error('no scenario with an init container');
    const outcome = sim.runSync?.(scenario);
    if (outcome === undefined) throw new Error('no outcome');
    expect(() => judgeOutcome(scenario, outcome, { toleranceSeconds: () => 0 })).toThrow(
      new InternalError(`the model failed on scenario ${scenario.id}: model bug (simulated)`),
    );
  });

  it('makes the property loop report error with a shrunk scenario, never unknown', async () => {
    const report = await runProperty({ target: sim, scenarios: defaultScenarios(), numRuns: 100, seed: 2 });
    expect(report.status).toBe('error');
    expect(report.unknownCount).toBe(0);
    const e = report.internalError;
    expect(e?.message).toMatch(/^the model failed on scenario gen-[0-9a-f]+: model bug \(simulated\)$/);
    expect(e?.input.scenario.pod.initContainers).toHaveLength(1);
    // shrunk: the one init container the failure needs, and the one regular container every pod has
    if (e !== undefined) expect(allContainers(e.input.scenario.pod)).toHaveLength(2);
  });
});
