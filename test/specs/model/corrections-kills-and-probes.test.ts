// Facts the model gained with the soundness work: an abandoned preStop hook still reports its failure (§5.2), an
// errored exec probe records Unhealthy (Corrections 19), and a whole-pod kill acts on a relist snapshot that may still
// show a container running that has just exited (Corrections 23).
import { describe, expect, it } from 'vitest';
import { predict } from '../../../specs/model/index.ts';
import {
  deleteAt,
  eventsOf,
  exits,
  exitsOnTerm,
  findPoint,
  hook,
  ignoresTerm,
  probe,
  regular,
  scenario,
  sleepHook,
} from './build-scenario.ts';

describe('a preStop hook abandoned at the end of the grace (§5.2)', () => {
  it('an exec hook dies with its container and still records FailedPreStopHook', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [regular('app', { behavior: ignoresTerm, preStop: hook(60) })],
        actions: [deleteAt(3)],
        observeFor: 30,
      }),
    );
    const failed = eventsOf(p, 'FailedPreStopHook', 'app');
    expect(failed.map((e) => [e.message, e.certainty])).toEqual([['PreStopHook failed', 'certain']]);
    // it comes when the container is killed, about grace + 2 s after the stop began
    expect(failed[0]?.atSeconds).toBeGreaterThanOrEqual(3 + 5 + 2);
  });

  it('a kubelet-side sleep just ends: nothing is recorded', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [regular('app', { behavior: ignoresTerm, preStop: sleepHook(60) })],
        actions: [deleteAt(3)],
        observeFor: 30,
      }),
    );
    expect(eventsOf(p, 'FailedPreStopHook', 'app')).toEqual([]);
  });
});

describe('an exec probe against a stopped container (Corrections 19)', () => {
  it('records Unhealthy "… probe errored and resulted in unknown state: " with the runtime error as a hole', () => {
    // app exits on TERM while the status, frozen during termination, still shows it running (Corrections 4)
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [
          regular('app', { behavior: exitsOnTerm(0, 0), readinessProbe: probe({ periodSeconds: 1 }) }),
          // b holds the termination open for the whole grace
          regular('b', { behavior: ignoresTerm }),
        ],
        actions: [deleteAt(5)],
        observeFor: 20,
      }),
    );
    const errored = eventsOf(p, 'Unhealthy', 'app').filter((e) => e.message.includes('errored'));
    // whether a tick lands in that stretch races the ticker with the relist clock: possible, never certain
    expect(errored.length).toBeGreaterThan(0);
    expect(new Set(errored.map((e) => JSON.stringify([e.message, e.type, e.certainty])))).toEqual(
      new Set([
        JSON.stringify(['Readiness probe errored and resulted in unknown state: {error}', 'Warning', 'possible']),
      ]),
    );
  });
});

describe('a whole-pod kill on a relist snapshot up to a second old (Corrections 23)', () => {
  const p = predict(
    scenario({
      restartPolicy: 'Never',
      containers: [regular('a', { behavior: exits(0, 4.6), preStop: hook(1) }), regular('b', { preStop: hook(1) })],
      actions: [deleteAt(5)],
      observeFor: 20,
    }),
  );

  it('may still record Killing for a container that exited just before, but never as certain or nominal', () => {
    const killing = eventsOf(p, 'Killing', 'a');
    expect(killing.map((e) => [e.message, e.certainty, e.nominal])).toEqual([
      ['Stopping container a', 'possible', false],
    ]);
    expect(eventsOf(p, 'Killing', 'b').map((e) => e.certainty)).toEqual(['certain']);
  });

  it('may run its preStop hook, which fails against the dead container', () => {
    expect(findPoint(p, 'a.preStop.started')).toMatchObject({ certainty: 'possible', nominal: false });
    expect(
      p.never.some(
        (n) =>
          n.ref.scope === 'container' &&
          n.ref.container === 'a' &&
          n.ref.name === 'preStop.started' &&
          n.ref.occurrence === 1,
      ),
    ).toBe(false);
    expect(eventsOf(p, 'FailedPreStopHook', 'a').map((e) => e.certainty)).toEqual(['possible']);
  });
});
