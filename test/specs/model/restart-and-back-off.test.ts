// Restart decisions and CrashLoopBackOff (KUBELET-FACTS §4.1, §4.4, Corrections 10): Always / OnFailure / Never, the
// delays 0, 10, 20, 40 s measured from the exit, the BackOff event, the reset after 10 minutes of running.
import { describe, expect, it } from 'vitest';
import { latencies, predict } from '../../../specs/model/index.ts';
import type { Prediction, RestartPolicy } from '../../../specs/vocabulary/index.ts';
import {
  at,
  behaviorFrom,
  eventsOf,
  exits,
  follows,
  forbidden,
  gap,
  has,
  neverEntry,
  point,
  regular,
  round,
  runsForever,
  scenario,
  windowOf,
} from './build-scenario.ts';
import { relistThenStart } from './expected-windows.ts';

describe('CrashLoopBackOff: 0, 10, 20, 40 s (§4.4, Corrections 10)', () => {
  const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 90 }));

  it('restarts the first time at once', () => {
    expect(at(p, 'app.created#2')).toBeGreaterThan(at(p, 'app.exited'));
    expect(gap(p, 'app.exited', 'app.created#2')).toBeLessThan(2);
    // app exits before the sandbox's wake-up sync (a relist after the first sync), which restarts it without back-off
    expect(follows(p, 'app.created#2')).toBe('pod.created');
    expect(windowOf(p, 'app.created#2')).toEqual([
      round(latencies.firstSync.minSeconds + relistThenStart[0]),
      round(latencies.firstSync.maxSeconds + relistThenStart[1]),
    ]);
    // one that exits after that sync is restarted by the sync a relist after its exit, again without back-off
    const later = predict(scenario({ containers: [regular('app', { behavior: exits(1, 2) })], observeFor: 10 }));
    expect(follows(later, 'app.created#2')).toBe('app.exited');
    expect(windowOf(later, 'app.created#2')).toEqual(relistThenStart);
    // no back-off before the first restart (§4.4): that, not the restart decision alone, times it
    expect(point(later, 'app.created#2').rule).toBe('kubelet.backoff.first-restart-immediate');
    expect(eventsOf(later, 'BackOff', 'app').filter((e) => e.atSeconds < at(later, 'app.created#2'))).toEqual([]);
  });

  it('then waits 10, 20 and 40 s from the previous exit', () => {
    const steps: Array<[string, string, number]> = [
      ['app.exited#2', 'app.created#3', 10],
      ['app.exited#3', 'app.created#4', 20],
      ['app.exited#4', 'app.created#5', 40],
    ];
    for (const [exit, restart, backOff] of steps) {
      expect(follows(p, restart)).toBe(exit);
      const [lo, hi] = windowOf(p, restart);
      expect(lo).toBeGreaterThanOrEqual(backOff);
      expect(lo).toBeLessThan(backOff + 0.5);
      // at most half of the wait left at the last examination late, plus the sync ticker and a relist
      expect(hi).toBeLessThanOrEqual(backOff * 1.5 + 3);
      expect(gap(p, exit, restart)).toBeGreaterThanOrEqual(backOff);
    }
  });

  it('emits Warning BackOff "Back-off restarting failed container app in pod …" while in back-off', () => {
    const backOffs = eventsOf(p, 'BackOff', 'app');
    expect(backOffs.length).toBeGreaterThanOrEqual(3);
    for (const e of backOffs) {
      expect(e).toMatchObject({
        type: 'Warning',
        // predicted up to the pod's UID, which the API server assigns
        message: 'Back-off restarting failed container app in pod demo_{namespace}({uid})',
        rule: 'kubelet.backoff.event',
      });
    }
    // none before the first restart: it is immediate
    expect(backOffs[0]?.atSeconds).toBeGreaterThan(at(p, 'app.exited#2'));
    // one during each wait
    for (const [exit, restart] of [
      ['app.exited#2', 'app.created#3'],
      ['app.exited#3', 'app.created#4'],
    ] as const) {
      expect(backOffs.some((e) => e.atSeconds > at(p, exit) && e.atSeconds < at(p, restart))).toBe(true);
    }
  });

  it('shows CrashLoopBackOff among the possible waiting reasons and counts the restarts', () => {
    const c = p.final.containers['app'];
    expect(c?.reason.possible).toContain('CrashLoopBackOff');
    expect(c?.restartCount.nominal).toBe(4);
    expect(c?.restartCount.rule).toBe('kubelet.restart.count');
    expect(p.final.status.possible).toContain('CrashLoopBackOff');
    expect(p.final.phase.nominal).toBe('Running');
  });

  // the 10 s window of `app.created#3` after `app.exited#2` is the back-off's (§4.4, Corrections 10): a kubelet
  // restarting too early must be reported under the back-off rule
  it('cites the back-off rule for a restart that waited for the back-off', () => {
    expect(point(p, 'app.created#3').rule).toMatch(/^kubelet\.backoff\.(sequence|requeue-at-expiry)$/);
  });
});

describe('the back-off is reset after 10 minutes without a crash (§4.4)', () => {
  const twice = (secondRunSeconds: number): Prediction =>
    predict(
      scenario({
        containers: [regular('app', { behavior: behaviorFrom(exits(1, 1), [2, exits(1, secondRunSeconds)]) })],
        observeFor: secondRunSeconds + 30,
      }),
    );

  it('a crash after a short run waits the 10 s back-off', () => {
    const p = twice(100);
    expect(windowOf(p, 'app.created#3')[0]).toBeGreaterThanOrEqual(10);
  });

  it('a crash after more than 600 s of running restarts at once again', () => {
    const p = twice(700);
    expect(gap(p, 'app.exited#2', 'app.created#3')).toBeLessThan(2);
    expect(windowOf(p, 'app.created#3')[0]).toBeLessThan(1);
  });
});

interface PolicyRow {
  readonly policy: RestartPolicy;
  readonly exitCode: number;
  readonly restarted: boolean;
  readonly phase: string;
}

// §4.1 ShouldContainerBeRestarted and §6.4 getPhase for one regular container that exits on its own.
const rows: ReadonlyArray<PolicyRow> = [
  { policy: 'Always', exitCode: 0, restarted: true, phase: 'Running' },
  { policy: 'Always', exitCode: 1, restarted: true, phase: 'Running' },
  { policy: 'OnFailure', exitCode: 0, restarted: false, phase: 'Succeeded' },
  { policy: 'OnFailure', exitCode: 1, restarted: true, phase: 'Running' },
  { policy: 'Never', exitCode: 0, restarted: false, phase: 'Succeeded' },
  { policy: 'Never', exitCode: 1, restarted: false, phase: 'Failed' },
];

describe('the restart decision per pod policy (§4.1)', () => {
  for (const row of rows) {
    const verb = row.restarted ? 'restarts' : 'does not restart';
    it(`${row.policy} ${verb} a container that exited ${row.exitCode}; the pod is ${row.phase}`, () => {
      const p = predict(
        scenario({
          restartPolicy: row.policy,
          containers: [regular('app', { behavior: exits(row.exitCode, 1) })],
          observeFor: 10,
        }),
      );
      expect(has(p, 'app.started#2')).toBe(row.restarted);
      expect(forbidden(p, 'app.started#2')).toBe(!row.restarted);
      expect(p.final.phase.nominal).toBe(row.phase);
      if (!row.restarted) {
        expect(neverEntry(p, 'app.started#2')?.rule).toBe(
          row.policy === 'Never' ? 'restart.never-stays-terminated' : 'kubelet.restart.should-restart',
        );
        expect(p.final.containers['app']).toMatchObject({
          state: { nominal: 'terminated' },
          exitCode: { nominal: row.exitCode },
          reason: { nominal: row.exitCode === 0 ? 'Completed' : 'Error' },
          restartCount: { nominal: 0 },
        });
        expect(p.final.status.nominal).toBe(row.exitCode === 0 ? 'Completed' : 'Error');
      }
    });
  }

  it('OnFailure restarts after a failure and stops after a success (exit 1, then 0)', () => {
    const p = predict(
      scenario({
        restartPolicy: 'OnFailure',
        containers: [regular('app', { behavior: behaviorFrom(exits(1, 1), [2, exits(0, 1)]) })],
        observeFor: 15,
      }),
    );
    expect(has(p, 'app.started#2')).toBe(true);
    expect(forbidden(p, 'app.started#3')).toBe(true);
    expect(p.final.phase.nominal).toBe('Succeeded');
    expect(p.final.containers['app']?.restartCount.nominal).toBe(1);
    expect(p.final.containers['app']?.exitCode.nominal).toBe(0);
  });

  it('Always restarts a container that succeeded, at once', () => {
    const p = predict(
      scenario({ restartPolicy: 'Always', containers: [regular('app', { behavior: exits(0, 1) })], observeFor: 5 }),
    );
    expect(follows(p, 'app.created#2')).toBe('app.exited');
    expect(gap(p, 'app.exited', 'app.created#2')).toBeLessThan(2);
  });
});

describe('restartCount counts starts after the first (§4.4)', () => {
  it('is 2 while the third instance runs', () => {
    const p = predict(
      scenario({
        containers: [regular('app', { behavior: behaviorFrom(exits(1, 1), [3, runsForever]) })],
        observeFor: 25,
      }),
    );
    expect(has(p, 'app.started#3')).toBe(true);
    expect(p.final.containers['app']).toMatchObject({ state: { nominal: 'running' }, restartCount: { nominal: 2 } });
  });
});
