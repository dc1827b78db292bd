import { describe, expect, it } from 'vitest';
import { crashLoopBackoff, imagePullBackoff } from '../../../../harness/backends/sim/backoff.ts';
import { container, exits, scenario } from './build.ts';
import { observe, times } from './observe-helpers.ts';

describe('CrashLoopBackOff', () => {
  it('restarts at once, then after 10, 20, 40 ... capped at 300 s, each from the exit', () => {
    const b = crashLoopBackoff(false);
    const delays: number[] = [];
    let finishedAt = 0;
    for (let crash = 0; crash < 9; crash++) {
      // a restart happens at the first moment the key is not in back-off; then next() advances it
      let now = finishedAt;
      while (b.isInBackOffSince('app', finishedAt, now)) now += 1000;
      delays.push((now - finishedAt) / 1000);
      b.next('app', finishedAt);
      finishedAt = now + 1000;
    }
    expect(delays).toEqual([0, 10, 20, 40, 80, 160, 300, 300, 300]);
  });

  it('starts over when the last update is more than 600 s before the new exit', () => {
    const b = crashLoopBackoff(false);
    b.next('app', 0);
    b.next('app', 1000);
    expect(b.get('app')).toBe(20_000);
    expect(b.isInBackOffSince('app', 700_000, 700_001)).toBe(false);
    b.next('app', 700_000);
    expect(b.get('app')).toBe(10_000);
  });

  it('stamps an entry with the decision time, not the exit it judged (flowcontrol Next: lastUpdate = Clock.Now())', () => {
    const b = crashLoopBackoff(false);
    // the exit at 0 s, the restart decision 20 s later
    b.next('app', 0, 20_000);
    // the next exit, 615 s after the first but 595 s after the decision: the entry has not expired
    expect(b.isInBackOffSince('app', 615_000, 615_500)).toBe(true);
    b.next('app', 615_000, 625_000);
    expect(b.get('app')).toBe(20_000);
  });

  it('shows up in a crash-looping container: first restart at once, then at exit + 10 s, + 20 s (plus the tick)', () => {
    const obs = observe(scenario({ containers: [container('app', exits(1, 1))], observeFor: 80 }));
    const starts = times(obs, 'app.started');
    const exitsAt = times(obs, 'app.exited');
    const waits = starts.slice(1).map((t, i) => t - (exitsAt[i] ?? 0));
    expect(waits[0]).toBeLessThan(1.2);
    expect(waits[1]).toBeGreaterThanOrEqual(10);
    expect(waits[1]).toBeLessThan(12.2);
    expect(waits[2]).toBeGreaterThanOrEqual(20);
    expect(waits[2]).toBeLessThan(22.2);
    expect(waits[3]).toBeGreaterThanOrEqual(40);
  });
});

describe('image pull back-off', () => {
  it('is measured from the last failure: 10 s, then 20 s', () => {
    const b = imagePullBackoff();
    b.next('img', 0);
    expect(b.isInBackOffSinceUpdate('img', 9_999)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 10_000)).toBe(false);
    b.next('img', 10_000);
    expect(b.isInBackOffSinceUpdate('img', 29_999)).toBe(true);
    expect(b.isInBackOffSinceUpdate('img', 30_000)).toBe(false);
  });

  it('retries an unpullable image after the error requeue and shows ErrImagePull or ImagePullBackOff', () => {
    const obs = observe(
      scenario({
        node: { unpullable: ['nosuch/img:1'] },
        containers: [container('app', undefined, { image: 'nosuch/img:1' })],
        observeFor: 40,
      }),
    );
    const pulls = times(obs, 'app.pullStarted');
    expect(pulls.length).toBeGreaterThanOrEqual(2);
    expect((pulls[1] ?? 0) - (pulls[0] ?? 0)).toBeGreaterThanOrEqual(10);
    expect(['ErrImagePull', 'ImagePullBackOff']).toContain(obs.final.containers?.['app']?.reason);
    expect(
      obs.events?.some((e) => e.reason === 'BackOff' && e.message === 'Back-off pulling image "nosuch/img:1"'),
    ).toBe(true);
  });
});
