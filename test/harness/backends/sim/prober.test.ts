import { describe, expect, it } from 'vitest';
import { container, probe, runs, scenario } from './build.ts';
import { at, must, observe, times } from './observe-helpers.ts';

describe('probe workers', () => {
  it('tick every periodSeconds from their creation at the first sync', () => {
    const obs = observe(
      scenario({
        containers: [container('app', runs(), { livenessProbe: probe({ type: 'never' }, { periodSeconds: 3 }) })],
        observeFor: 20,
      }),
    );
    const runsAt = times(obs, 'app.livenessProbe.ran');
    expect(runsAt.length).toBeGreaterThanOrEqual(5);
    const created = 0.1;
    for (const t of runsAt) expect(((t - created) * 1000) % 3000).toBeCloseTo(0, 5);
  });

  it('skip while floor(time since start) < initialDelaySeconds', () => {
    const obs = observe(
      scenario({
        containers: [
          container('app', runs(), {
            livenessProbe: probe({ type: 'never' }, { periodSeconds: 1, initialDelaySeconds: 5 }),
          }),
        ],
        observeFor: 12,
      }),
    );
    const first = must(obs, 'app.livenessProbe.ran');
    const started = must(obs, 'app.started');
    expect(Math.floor(first - started)).toBeGreaterThanOrEqual(5);
    expect(Math.floor(first - 1 - started)).toBeLessThan(5);
  });

  it('publish a failure after failureThreshold consecutive failures and hold until a new container', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Always',
        containers: [
          container('app', runs(), {
            livenessProbe: probe({ type: 'always' }, { periodSeconds: 1, failureThreshold: 3 }),
          }),
        ],
        observeFor: 8,
      }),
    );
    const ranBeforeKill = times(obs, 'app.livenessProbe.ran').filter((t) => t < must(obs, 'app.term'));
    expect(ranBeforeKill.length).toBe(3);
    expect(obs.events?.filter((e) => e.reason === 'Unhealthy').length).toBeGreaterThanOrEqual(3);
    expect(obs.events?.some((e) => e.message === 'Container app failed liveness probe, will be restarted')).toBe(true);
    expect(at(obs, 'app.started', 2)).toBeDefined();
  });

  it('let a startup probe gate liveness and readiness, then trigger readiness at once', () => {
    const obs = observe(
      scenario({
        containers: [
          container('app', runs(), {
            startupProbe: probe({ type: 'until', seconds: 6 }, { periodSeconds: 2, failureThreshold: 10 }),
            readinessProbe: probe({ type: 'never' }, { periodSeconds: 30 }),
            livenessProbe: probe({ type: 'never' }, { periodSeconds: 1 }),
          }),
        ],
        observeFor: 20,
      }),
    );
    const succeeded = must(obs, 'app.startupProbe.succeeded');
    expect(must(obs, 'app.livenessProbe.ran')).toBeGreaterThan(succeeded);
    expect(must(obs, 'app.readinessProbe.ran')).toBeGreaterThan(succeeded);
    expect(must(obs, 'app.ready') - succeeded).toBeLessThan(1.2);
    expect(must(obs, 'pod.ready')).toBe(must(obs, 'app.ready'));
  });

  it('count a probe that takes longer than timeoutSeconds as failed', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        containers: [
          container('app', runs(), {
            livenessProbe: probe({ type: 'never' }, { periodSeconds: 2, failureThreshold: 1, takesSeconds: 1.5 }),
          }),
        ],
        observeFor: 10,
      }),
    );
    expect(at(obs, 'app.term')).toBeDefined();
    expect(obs.events?.some((e) => e.reason === 'Unhealthy' && (e.message ?? '').includes('timed out'))).toBe(true);
  });

  it('keep probing readiness during termination, while liveness stops at the delete', () => {
    const obs = observe(
      scenario({
        grace: 20,
        containers: [
          container('app', runs('ignore'), {
            readinessProbe: probe({ type: 'afterTerm', seconds: 2 }, { periodSeconds: 1, failureThreshold: 1 }),
            livenessProbe: probe({ type: 'never' }, { periodSeconds: 1 }),
          }),
        ],
        actions: [{ type: 'delete', atSeconds: 5 }],
        observeFor: 30,
      }),
    );
    const term = must(obs, 'app.term');
    expect(times(obs, 'app.livenessProbe.ran').every((t) => t < 5.1)).toBe(true);
    expect(must(obs, 'app.unready')).toBeGreaterThan(term + 1.9);
    expect(must(obs, 'app.unready')).toBeLessThan(term + 3.2);
  });
});
