import { describe, expect, it } from 'vitest';
import { predict, statusTimeline } from '../../../specs/model/index.ts';
import { goneStatus } from '../../../specs/vocabulary/index.ts';
import { libraryScenario } from '../../library-scenario.ts';

describe('statusTimeline', () => {
  it('walks a deleted pod through Running, Terminating and its terminal STATUS to gone', async () => {
    const scenario = await libraryScenario('specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml');
    const steps = statusTimeline(scenario);
    expect(steps[0]).toEqual({ atSeconds: 0, status: 'Pending' });
    const statuses = steps.map((s) => s.status);
    expect(statuses).toContain('Running');
    const terminating = statuses.indexOf('Terminating');
    expect(terminating).toBeGreaterThan(statuses.indexOf('Running'));
    // Terminating starts with the delete request itself, which the kubelet does not write
    expect(steps[terminating]?.atSeconds).toBe(scenario.actions[0]?.atSeconds);
    expect(statuses.at(-1)).toBe(goneStatus);
    for (let i = 1; i < steps.length; i++) {
      expect(steps[i]?.atSeconds).toBeGreaterThanOrEqual(steps[i - 1]?.atSeconds ?? 0);
      expect(steps[i]?.status).not.toBe(steps[i - 1]?.status);
    }
  });

  it('ends at the STATUS the prediction gives for the final state when the pod stays', async () => {
    const scenario = await libraryScenario('specs/cases/hooks/pc-hook-poststart-fail-restarts.case.yaml');
    const last = statusTimeline(scenario).at(-1);
    expect(predict(scenario).final.status.possible).toContain(last?.status);
  });
});
