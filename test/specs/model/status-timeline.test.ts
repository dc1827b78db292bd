import { describe, expect, it } from 'vitest';
import { predict, statusTimeline, watchTimeline } from '../../../specs/model/index.ts';
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

  it('counts RESTARTS up as a crashing container is restarted, and READY over regular containers and sidecars', async () => {
    const crashing = await libraryScenario('specs/cases/restart/pc-restart-backoff-doubles.case.yaml');
    const restarts = watchTimeline(crashing).map((w) => w.restarts);
    expect(Math.max(...restarts)).toBeGreaterThanOrEqual(2);
    for (let i = 1; i < restarts.length; i++) expect(restarts[i]).toBeGreaterThanOrEqual(restarts[i - 1] ?? 0);
    expect(predict(crashing).final.containers[crashing.pod.containers[0]?.name ?? '']?.restartCount.possible).toContain(
      restarts.at(-1),
    );

    const sidecar = await libraryScenario('specs/cases/sidecars/pc-sidecar-reverse-stop-order.case.yaml');
    const total = sidecar.pod.containers.length + sidecar.pod.initContainers.filter((c) => c.role === 'sidecar').length;
    const ready = watchTimeline(sidecar).map((w) => w.ready);
    expect(ready[0]).toBe(`0/${total}`);
    expect(ready).toContain(`${total}/${total}`);
  });
});
