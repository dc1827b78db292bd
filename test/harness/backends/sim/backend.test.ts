import { describe, expect, it } from 'vitest';
import { createSimBackend, simulate } from '../../../../harness/backends/sim/index.ts';
import { container, deleteAt, exits, hook, init, probe, runs, scenario, sidecar } from './build.ts';

const mixed = scenario({
  grace: 5,
  initContainers: [
    init('i1', exits(0, 0.5)),
    sidecar('side', runs(), { startupProbe: probe({ type: 'until', seconds: 2 }, { periodSeconds: 1 }) }),
  ],
  containers: [
    container('app', exits(1, 3), {
      postStart: hook(0.5),
      readinessProbe: probe({ type: 'from', seconds: 2 }, { periodSeconds: 1 }),
    }),
    container('web', runs('exit', 1), {
      preStop: hook(1),
      livenessProbe: probe({ type: 'never' }, { periodSeconds: 2 }),
    }),
  ],
  actions: [deleteAt(25)],
  observeFor: 40,
});

describe('the sim Backend', () => {
  it('is ready at once, reports its clock resolution and observes a scenario', async () => {
    const backend = createSimBackend();
    expect(backend.name).toBe('sim');
    expect(backend.clockResolutionSeconds).toBe(0.001);
    expect(await backend.setUp()).toEqual({ status: 'ready' });
    const outcome = await backend.run(mixed);
    expect(outcome.status).toBe('observed');
    await backend.tearDown();
  });

  it('answers unknown, never throws, for what it cannot run', async () => {
    const backend = createSimBackend();
    const invalid = scenario({ containers: [container('app'), container('app')] });
    expect((await backend.run(invalid)).status).toBe('unknown');
    expect((await backend.run(mixed, { deviations: ['nope'] })).status).toBe('unknown');
    const aborted = new AbortController();
    aborted.abort();
    const long = scenario({
      containers: [container('app', runs(), { livenessProbe: probe({ type: 'never' }, { periodSeconds: 1 }) })],
      observeFor: 100_000,
    });
    expect((await backend.run(long, { signal: aborted.signal })).status).toBe('unknown');
  });
});

describe('determinism', () => {
  it('gives the same observation for the same scenario, with or without the same seed', () => {
    expect(simulate(mixed)).toEqual(simulate(mixed));
    expect(simulate(mixed, { seed: 1234 })).toEqual(simulate(mixed, { seed: 1234 }));
    expect(simulate(mixed, { seed: 1234 })).not.toEqual(simulate(mixed, { seed: 99 }));
    expect(simulate(mixed, { seed: 1234, jitter: false })).toEqual(simulate(mixed));
  });

  it('keeps jittered latencies inside the windows the model assumes', () => {
    const simple = scenario({
      grace: 5,
      containers: [container('a'), container('b')],
      actions: [deleteAt(7)],
      observeFor: 15,
    });
    for (let seed = 0; seed < 100; seed++) {
      const outcome = simulate(simple, { seed });
      if (outcome.status !== 'observed') throw new Error(outcome.reason);
      const t = (point: string): number => outcome.observation.points.find((p) => p.point === point)?.t ?? Number.NaN;
      // first sync 0.05-1 s, then two CRI steps of at most 0.2 s each before the create
      expect(t('a.created')).toBeGreaterThanOrEqual(0.05);
      expect(t('a.created')).toBeLessThanOrEqual(1.4);
      expect(t('b.created') - t('a.started')).toBeGreaterThan(0);
      expect(t('b.created') - t('a.started')).toBeLessThanOrEqual(0.4);
      // termination after the watch and a relist: 0-1.1 s after the delete, both containers together
      expect(t('a.term') - t('pod.deleteRequested')).toBeGreaterThan(0);
      expect(t('a.term') - t('pod.deleteRequested')).toBeLessThanOrEqual(1.11);
      expect(Math.abs(t('a.term') - t('b.term'))).toBeLessThan(0.001);
      // removal 0-3 s after the last container stopped
      expect(t('pod.gone') - Math.max(t('a.exited'), t('b.exited'))).toBeLessThanOrEqual(3);
    }
  });
});
