// Every rule-bearing constant of the model, pinned by what the model predicts on a small scenario, with the
// expected number taken from shared/KUBELET-FACTS.md (section cited at each), never from specs/model/latencies.ts:
// if a constant moves, in either direction, a test here fails. Each pin was checked by planting the moved
// constant in the model and seeing the test fail (README, "Tests that could fail").
import { describe, expect, it } from 'vitest';
import { loadCaseText } from '../../../harness/cases/index.ts';
import { predict } from '../../../specs/model/index.ts';
import { runtimeOverheadSeconds } from '../../../specs/model/latencies.ts';
import type { Prediction } from '../../../specs/vocabulary/index.ts';
import {
  at,
  behaviorFrom,
  deleteAt,
  eventsOf,
  exits,
  follows,
  hook,
  ignoresTerm,
  point,
  pointTexts,
  regular,
  scenario,
  sleepHook,
  windowOf,
} from './build-scenario.ts';

// §4.4 table / §13: CrashLoopBackOff initial 10 s, ×2, max 300 s; first restart immediate.
const crashBackOffSeconds = [10, 20, 40, 80, 160, 300, 300];
// §1.2, Corrections 10: a restart comes at most half of the back-off left at the last examination late, plus the
// 1 s sync ticker and up to two 1 s relists (Corrections 5): 3 s in all beyond the jitter.
const restartLagBeyondJitterSeconds = 3;

describe('CrashLoopBackOff constants (KUBELET-FACTS §4.4, §13, Corrections 10)', () => {
  // a container that fails at once, forever: restarts 2..9 are certain within 1,500 s (1.5 × (10+…+300+300) + lags).
  // Predicted inside each test, not at collection: a mutation tool activates its mutant per test.
  const crashLoop = (): Prediction =>
    predict(scenario({ containers: [regular('app', { behavior: exits(1, 0) })], observeFor: 1500 }));

  it('restarts the first time without back-off (§4.4 "first restart is immediate")', () => {
    const [lo, hi] = windowOf(crashLoop(), 'app.created#2');
    expect(lo).toBeLessThan(1);
    // within two relists of 1 s and the CRI steps (§1.2, Corrections 5)
    expect(hi).toBeLessThanOrEqual(3.5);
  });

  it('then waits 10, 20, 40, 80, 160, 300, 300 s from each exit: base 10 s, factor 2, cap 300 s', () => {
    const p = crashLoop();
    crashBackOffSeconds.forEach((backOff, i) => {
      const restart = `app.created#${i + 3}`;
      const exit = `app.exited#${i + 2}`;
      expect(follows(p, restart), restart).toBe(exit);
      expect(point(p, restart).certainty, restart).toBe('certain');
      const [lo, hi] = windowOf(p, restart);
      expect(lo, `${restart} earliest`).toBeGreaterThanOrEqual(backOff);
      expect(lo, `${restart} earliest`).toBeLessThan(backOff + 0.5);
      // the requeue jitter × U[1, 1.5) applies to the wait left, at most the whole back-off (Corrections 10)
      expect(hi, `${restart} latest`).toBeGreaterThanOrEqual(backOff * 1.5);
      expect(hi, `${restart} latest`).toBeLessThanOrEqual(backOff * 1.5 + restartLagBeyondJitterSeconds);
    });
  });

  it('forgets the back-off once a run lasted more than 600 s after the last restart decision (§4.4 "Reset")', () => {
    // starts 1 and 2 fail at once (restart 2 waits 10 s, the entry is now 20 s); start 3 runs for `run` seconds
    // start 4 fails at once again: after a reset its back-off starts over at 10 s, after none it is 40 s
    const predictRun = (run: number): Prediction =>
      predict(
        scenario({
          containers: [regular('app', { behavior: behaviorFrom(exits(1, 0), [3, exits(1, run)], [4, exits(1, 0)]) })],
          observeFor: run + 120,
        }),
      );
    const restartAfter = (run: number): [number, number] => {
      const q = predictRun(run);
      expect(follows(q, 'app.created#4')).toBe('app.exited#3');
      return windowOf(q, 'app.created#4');
    };
    // 580 s < 600 s: still in back-off, now 20 s
    const [loShort] = restartAfter(580);
    expect(loShort).toBeGreaterThanOrEqual(20);
    expect(loShort).toBeLessThan(20.5);
    // 620 s > 600 s: the entry has expired, so the restart is immediate again
    const [loLong, hiLong] = restartAfter(620);
    expect(loLong).toBeLessThan(1);
    expect(hiLong).toBeLessThanOrEqual(3.5);
    // the entry is new again: the next crash waits the initial 10 s, not the 40 s the old entry would give
    const long = predictRun(620);
    expect(follows(long, 'app.created#5')).toBe('app.exited#4');
    expect(windowOf(long, 'app.created#5')[0]).toBeGreaterThanOrEqual(10);
    expect(windowOf(long, 'app.created#5')[0]).toBeLessThan(10.5);
    // 560 s + the 20 s wait: the restart decision, too, is within 600 s of the last one, so the entry doubles
    const short = predictRun(560);
    expect(windowOf(short, 'app.created#5')[0]).toBeGreaterThanOrEqual(40);
    expect(windowOf(short, 'app.created#5')[0]).toBeLessThan(40.5);
    // 580 s + the 20 s wait: the restart decision comes more than 600 s after the last one, but Next compares the
    // exit (finishedAt), 580 s after it, so the entry still doubles to 40 s (§4.4 "Reset": doBackOff passes FinishedAt)
    const late = predictRun(580);
    expect(windowOf(late, 'app.created#5')[0]).toBeGreaterThanOrEqual(40);
    expect(windowOf(late, 'app.created#5')[0]).toBeLessThan(40.5);
  });
});

describe('stop window floor of 2 s (KUBELET-FACTS §5.2 "g = max(g, 2)", §13 minimumGracePeriodInSeconds)', () => {
  it('a preStop that uses up the grace gets TERM at the grace, then KILL exactly 2 s later', () => {
    const p = predict(
      scenario({
        terminationGracePeriodSeconds: 5,
        containers: [regular('app', { behavior: ignoresTerm, preStop: sleepHook(10) })],
        actions: [deleteAt(3)],
        observeFor: 30,
      }),
    );
    // §5.2 timeline: term = t0 + min(P, G) = t0 + 5; kill = term + max(G − floor(min(P, G)), 2) = term + 2
    expect(follows(p, 'app.term')).toBe('app.preStop.started');
    // the sleep's timer starts a kubelet timer's overhead before the hook's own start (§5.2, §2.3); the runtime's stop
    // timer may end a little after g (runtimeOverheadSeconds.stopTimeout)
    expect(windowOf(p, 'app.term')[0]).toBe(5 - runtimeOverheadSeconds.kubeletTimer);
    expect(follows(p, 'app.kill')).toBe('app.term');
    expect(windowOf(p, 'app.kill')).toEqual([2, 2 + runtimeOverheadSeconds.stopTimeout]);
  });

  it('a hook that leaves 1 s of a 5 s grace is also lifted to 2 s; one that leaves 6 s is not', () => {
    const killWindow = (grace: number): [number, number] =>
      windowOf(
        predict(
          scenario({
            terminationGracePeriodSeconds: grace,
            containers: [regular('app', { behavior: ignoresTerm, preStop: hook(4) })],
            actions: [deleteAt(3)],
            observeFor: 30,
          }),
        ),
        'app.kill',
      );
    // max(5 − 4, 2) = 2 and max(10 − 4, 2) = 6 (§5.2)
    expect(killWindow(5)).toEqual([2, 2 + runtimeOverheadSeconds.stopTimeout]);
    expect(killWindow(10)).toEqual([6, 6 + runtimeOverheadSeconds.stopTimeout]);
  });
});

describe('probe defaults and thresholds (KUBELET-FACTS §6.1, §6.2, §13)', () => {
  // A liveness probe with no fields but its command: the API defaults apply (loaded as a case file would be).
  const text = [
    'id: pin-probe-defaults',
    'node: {registry: up, cached: [busybox:1.36]}',
    'pod:',
    '  metadata: {name: pin}',
    '  spec:',
    '    restartPolicy: Never',
    '    containers:',
    '      - name: app',
    '        image: busybox:1.36',
    '        behavior: {onTerm: exit}',
    '        livenessProbe:',
    '          exec: {command: ["false"]}',
    '          behavior: {fails: always}',
    'observeFor: 60s',
    '',
  ].join('\n');
  const loaded = loadCaseText(text, 'pin-probe-defaults.case.yaml');
  if (loaded.status !== 'ok') throw new Error('the pinning case does not load');
  const probe = loaded.caseFile.scenario.pod.containers[0]?.livenessProbe;

  it('defaults timeout 1 s, period 10 s, success 1, failure 3, no initial delay (§6.1 SetDefaults_Probe)', () => {
    expect(probe).toMatchObject({
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
      initialDelaySeconds: 0,
    });
  });

  it('kills after the third failing run, the runs 10 s apart (§6.2: published after failureThreshold failures)', () => {
    const p = predict(loaded.caseFile.scenario);
    const runs = (q: Prediction): string[] =>
      pointTexts(q).filter((t) => t.startsWith('app.livenessProbe.ran') && at(q, t) < at(q, 'app.term'));
    expect(runs(p)).toHaveLength(3);
    const [first = NaN, second = NaN, third = NaN] = runs(p).map((t) => at(p, t));
    expect(second - first).toBeCloseTo(10, 6);
    expect(third - second).toBeCloseTo(10, 6);
    // the kill comes after the third run, within a sync: two relists and the kill steps (§1.2, Corrections 5)
    expect(at(p, 'app.term') - third).toBeGreaterThan(0);
    expect(at(p, 'app.term') - third).toBeLessThan(2.5);
  });

  it('counts to an explicit failureThreshold of 5 as well', () => {
    const five = text.replace('behavior: {fails: always}', 'failureThreshold: 5\n          behavior: {fails: always}');
    const again = loadCaseText(five.replace('observeFor: 60s', 'observeFor: 80s'), 'five.case.yaml');
    if (again.status !== 'ok') throw new Error('the threshold-5 case does not load');
    const p = predict(again.caseFile.scenario);
    const before = pointTexts(p).filter((t) => t.startsWith('app.livenessProbe.ran') && at(p, t) < at(p, 'app.term'));
    expect(before).toHaveLength(5);
  });
});

describe('relist and sync ticker (KUBELET-FACTS §1.2 relist 1 s, §1.2 sync-loop ticker 1 s, Corrections 5, 22)', () => {
  it('a container exit is acted on within two 1 s relists (the one that sees it, the worker’s wait for a newer one)', () => {
    const p = predict(scenario({ containers: [regular('app', { behavior: exits(1, 2) })], observeFor: 10 }));
    expect(follows(p, 'app.created#2')).toBe('app.exited');
    const [lo, hi] = windowOf(p, 'app.created#2');
    expect(lo).toBeLessThan(0.1);
    // 2 × 1 s of relists, plus the ensure-image and create CRI steps (< 0.5 s)
    expect(hi).toBeGreaterThanOrEqual(2);
    expect(hi).toBeLessThanOrEqual(2.5);
  });

  it('activeDeadlineSeconds is noticed on the 1 s ticker, then termination waits up to two relists', () => {
    const p = predict(scenario({ activeDeadlineSeconds: 5, containers: [regular('app')], observeFor: 20 }));
    expect(follows(p, 'app.term')).toBe('pod.created');
    const [lo, hi] = windowOf(p, 'app.term');
    expect(lo).toBeGreaterThanOrEqual(5);
    expect(lo).toBeLessThan(5.5);
    // 5 s deadline + ≤ 1 s ticker + ≤ 2 relists of 1 s (Corrections 22, 5) + the kill steps (< 0.5 s)
    expect(hi).toBeGreaterThanOrEqual(5 + 1 + 2);
    expect(hi).toBeLessThanOrEqual(5 + 1 + 2 + 0.5);
    expect(eventsOf(p, 'DeadlineExceeded').map((e) => e.atSeconds)[0]).toBeGreaterThanOrEqual(5);
  });
});

describe('error requeue 10 s × U[1, 1.5) and image pull back-off 10 s ×2 to 300 s (KUBELET-FACTS §1.2, §9.4, §13)', () => {
  // predicted inside each test (see above)
  const pulls = (): { p: Prediction; backOffEvents: number[] } => {
    const p = predict(
      scenario({ containers: [regular('app')], node: { unpullable: ['busybox:1.36'] }, observeFor: 1300 }),
    );
    return { p, backOffEvents: eventsOf(p, 'BackOff', 'app').map((e) => e.atSeconds) };
  };

  it('after the first failed pull nothing syncs again before the 10 s requeue, which pulls at once (§9.4 "Visible cycle")', () => {
    const { p, backOffEvents } = pulls();
    const firstFailure = at(p, 'app.pullFailed');
    const secondPull = at(p, 'app.pullStarted#2');
    // only the sandbox's own relist wake-up (< 2.5 s) comes in between; a shorter requeue would add a sync
    expect(backOffEvents.filter((t) => t > firstFailure + 2.5 && t < secondPull)).toEqual([]);
    const [lo, hi] = windowOf(p, 'app.pullStarted#2');
    expect(follows(p, 'app.pullStarted#2')).toBe('pod.created');
    // first sync (≤ 1 s) + pull (≤ 0.5 s) + 10 s × U[1, 1.5) + sync ticker and relists (≤ 3.2 s)
    expect(lo).toBeGreaterThanOrEqual(10);
    expect(lo).toBeLessThan(10.5);
    expect(hi).toBeGreaterThanOrEqual(1.5 + 15);
    expect(hi).toBeLessThanOrEqual(1.5 + 15 + 5.2);
  });

  it('requeues 12.5 s after a failed sync on average (10 s × the mean of U[1, 1.5))', () => {
    const { p, backOffEvents } = pulls();
    // the BackOff after the second failure comes from the first requeued sync
    const after = backOffEvents.find((t) => t > at(p, 'app.pullFailed#2')) ?? NaN;
    expect(after - at(p, 'app.pullFailed#2')).toBeCloseTo(12.5, 1);
  });

  it('waits 20 then 40 s after the second and third failures (base 10 s, factor 2)', () => {
    const { p } = pulls();
    expect(follows(p, 'app.pullStarted#3')).toBe('app.pullFailed#2');
    expect(windowOf(p, 'app.pullStarted#3')[0]).toBeGreaterThanOrEqual(20);
    expect(windowOf(p, 'app.pullStarted#3')[0]).toBeLessThan(20.5);
    expect(follows(p, 'app.pullStarted#4')).toBe('app.pullFailed#3');
    expect(windowOf(p, 'app.pullStarted#4')[0]).toBeGreaterThanOrEqual(40);
    expect(windowOf(p, 'app.pullStarted#4')[0]).toBeLessThan(40.5);
  });

  it('stops growing at the sixth failure: 10·2⁵ = 320 s is capped to 300 s (MaxImageBackOff)', () => {
    const { p } = pulls();
    // the windows after failures 6 and 7 are the same back-off; they grew up to failure 6
    expect(windowOf(p, 'app.pullStarted#8')).toEqual(windowOf(p, 'app.pullStarted#7'));
    expect(windowOf(p, 'app.pullStarted#7')[1]).toBeGreaterThan(windowOf(p, 'app.pullStarted#6')[1]);
    // 300 s × 1.5 of jitter at most, plus the ticker and relists
    expect(windowOf(p, 'app.pullStarted#7')[1]).toBeGreaterThanOrEqual(300);
    expect(windowOf(p, 'app.pullStarted#7')[1]).toBeLessThanOrEqual(300 * 1.5 + 3.2);
  });
});
