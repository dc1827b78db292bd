import { describe, expect, it } from 'vitest';
import { container, exits, init, probe, runs, scenario } from './build.ts';
import { at, must, observe } from './observe-helpers.ts';

describe('restart decisions', () => {
  it('follows a container-level restartPolicy over the pod one (ContainerRestartRules, Corrections 11)', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        containers: [
          container('plain', exits(3, 1)),
          container('retry', exits(3, 1), {
            restartPolicy: 'OnFailure',
            restarts: [{ fromStart: 2, behavior: exits(0, 1) }],
          }),
        ],
        observeFor: 15,
      }),
    );
    expect(at(obs, 'plain.started', 2)).toBeUndefined();
    expect(must(obs, 'retry.started', 2)).toBeGreaterThan(must(obs, 'retry.exited'));
    expect(at(obs, 'retry.started', 3)).toBeUndefined();
    expect(obs.final.phase).toBe('Failed');
  });

  it('restarts a liveness-killed container with its own Always policy instead of killing the Never pod', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        containers: [
          container('app', runs(), {
            restartPolicy: 'Always',
            livenessProbe: probe({ type: 'always' }, { periodSeconds: 1, failureThreshold: 2 }),
          }),
        ],
        observeFor: 10,
      }),
    );
    expect(obs.events?.some((e) => e.message === 'Container app failed liveness probe, will be restarted')).toBe(true);
    expect(at(obs, 'app.started', 2)).toBeDefined();
  });

  it('kills the whole Never pod with the pod grace when nothing is kept (Corrections 2)', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        grace: 3,
        containers: [
          container('app', runs('ignore'), {
            livenessProbe: probe(
              { type: 'always' },
              { periodSeconds: 1, failureThreshold: 2, terminationGracePeriodSeconds: 10 },
            ),
          }),
        ],
        observeFor: 15,
      }),
    );
    expect(obs.events?.some((e) => e.reason === 'Killing' && e.message === 'Stopping container app')).toBe(true);
    expect(must(obs, 'app.kill') - must(obs, 'app.term')).toBeCloseTo(3, 5);
    expect(obs.final.phase).toBe('Failed');
  });

  it('retries a failed init container with its own OnFailure policy under a Never pod', () => {
    const obs = observe(
      scenario({
        restartPolicy: 'Never',
        initContainers: [
          init('i1', exits(1, 1), { restartPolicy: 'OnFailure', restarts: [{ fromStart: 2, behavior: exits(0, 1) }] }),
        ],
        containers: [container('app')],
        observeFor: 10,
      }),
    );
    expect(at(obs, 'i1.started', 2)).toBeDefined();
    expect(at(obs, 'app.started')).toBeDefined();
    expect(obs.final.phase).toBe('Running');
  });
});
