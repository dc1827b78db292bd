// The model's clock (specs/model/engine): a time-ordered agenda with ties in insertion order, chains that yield
// waits, `until` waits woken by what happens (with timeouts), and windows that accumulate along a chain and start
// over at every emitted point.
import { runtimeOverheadSeconds } from '../../../specs/model/latencies.ts';
import { describe, expect, it } from 'vitest';
import { Agenda } from '../../../specs/model/engine/agenda.ts';
import { until, wait, type Chain, type Resumed } from '../../../specs/model/engine/chain.ts';
import {
  advance,
  anchoredAt,
  exactDelay,
  pickDelay,
  podCreationMoment,
  type Delay,
  type LatencyProfile,
  type Moment,
} from '../../../specs/model/engine/delay.ts';
import { Engine } from '../../../specs/model/engine/engine.ts';
import { latencies, predict } from '../../../specs/model/index.ts';
import type { PointRef } from '../../../specs/vocabulary/index.ts';
import { deleteAt, eventsOf, follows, hook, regular, round, scenario, windowOf } from './build-scenario.ts';

const step: Delay = { minSeconds: 1, nominalSeconds: 2, maxSeconds: 4, rule: 'kubelet.start.serial' };
const ref = (name: 'started' | 'exited'): PointRef => ({ scope: 'container', container: 'app', name, occurrence: 1 });

describe('Agenda', () => {
  it('pops in time order, ties in the order they were scheduled', () => {
    const agenda = new Agenda();
    const seen: string[] = [];
    for (const [t, label] of [
      [3, 'c'],
      [1, 'a1'],
      [2, 'b'],
      [1, 'a2'],
      [1, 'a3'],
    ] as const) {
      agenda.schedule(t, () => seen.push(label));
    }
    expect(agenda.size).toBe(5);
    expect(agenda.peekTime()).toBe(1);
    for (let task = agenda.pop(); task; task = agenda.pop()) task.run();
    expect(seen).toEqual(['a1', 'a2', 'a3', 'b', 'c']);
    expect(agenda.size).toBe(0);
    expect(agenda.peekTime()).toBeUndefined();
  });

  it('stays ordered and stable for many tasks', () => {
    const agenda = new Agenda();
    let x = 7;
    for (let i = 0; i < 500; i += 1) {
      x = (x * 48271) % 2147483647;
      agenda.schedule(x % 20, () => undefined);
    }
    let last = { t: -1, seq: -1 };
    for (let task = agenda.pop(); task; task = agenda.pop()) {
      expect(task.t > last.t || (task.t === last.t && task.seq > last.seq)).toBe(true);
      last = { t: task.t, seq: task.seq };
    }
  });
});

describe('delays and moments', () => {
  it('each profile takes the delay at its nominal, minimum or maximum value', () => {
    expect(pickDelay(step, 'nominal')).toBe(2);
    expect(pickDelay(step, 'early')).toBe(1);
    expect(pickDelay(step, 'late')).toBe(4);
  });

  it('advance adds the window and keeps the anchor', () => {
    const from: Moment = { t: 10, anchor: ref('started'), loSeconds: 0.5, hiSeconds: 1 };
    expect(advance(from, step, 3)).toEqual({ t: 13, anchor: ref('started'), loSeconds: 1.5, hiSeconds: 5 });
  });

  it('anchoredAt starts a fresh window on the point just emitted', () => {
    expect(anchoredAt(7, ref('exited'))).toEqual({ t: 7, anchor: ref('exited'), loSeconds: 0, hiSeconds: 0 });
  });

  it('an exact delay has a zero-width window', () => {
    expect(exactDelay(5, 'term.kill-after-grace')).toEqual({
      minSeconds: 5,
      nominalSeconds: 5,
      maxSeconds: 5,
      rule: 'term.kill-after-grace',
    });
  });
});

describe('Engine', () => {
  function twoSteps(from: Moment): Chain<string> {
    return (function* (): Chain<string> {
      const a = yield wait(from, step);
      const b = yield wait(a, step);
      return `done at ${b.t}`;
    })();
  }

  it('draws every delay within its window under a drawn profile', () => {
    const values = [0, 0.5, 0.999];
    let i = 0;
    const engine = new Engine({ kind: 'drawn', next: () => values[i++ % values.length] ?? 0 });
    const d = { minSeconds: 1, nominalSeconds: 2, maxSeconds: 3, rule: 'r' };
    expect([engine.pick(d), engine.pick(d), engine.pick(d)]).toEqual([1, 2, 1 + 0.999 * 2]);
  });

  for (const [profile, t] of [
    ['nominal', 4],
    ['early', 2],
    ['late', 8],
  ] as ReadonlyArray<[Exclude<LatencyProfile, object>, number]>) {
    it(`runs a chain of waits under the ${profile} profile and accumulates the window`, () => {
      const engine = new Engine(profile);
      const start: Moment = { t: 0, anchor: ref('started'), loSeconds: 0, hiSeconds: 0 };
      let result: string | undefined;
      let end: Moment | undefined;
      engine.spawn(twoSteps(start), start, (r, m) => {
        result = r;
        end = m;
      });
      engine.run(100);
      expect(result).toBe(`done at ${t}`);
      expect(end).toEqual({ t, anchor: ref('started'), loSeconds: 2, hiSeconds: 8 });
    });
  }

  it('a wait with explicit seconds moves by them but keeps the delay window', () => {
    const engine = new Engine('nominal');
    let end: Moment | undefined;
    engine.spawn(
      (function* (): Chain {
        end = yield wait(podCreationMoment, step, 3.5);
      })(),
      podCreationMoment,
    );
    engine.run(10);
    expect(end).toEqual({ t: 3.5, loSeconds: 1, hiSeconds: 4 });
  });

  it('runs stimuli up to and including the given time, and runs ties in the order given', () => {
    const engine = new Engine('nominal');
    const seen: string[] = [];
    for (const [t, label] of [
      [2, 'x'],
      [1, 'first'],
      [1, 'second'],
      [5, 'late'],
    ] as const) {
      engine.at({ t, loSeconds: 0, hiSeconds: 0 }, () => seen.push(label));
    }
    engine.run(2);
    expect(seen).toEqual(['first', 'second', 'x']);
    expect(engine.now).toBe(2);
    engine.run(10);
    expect(seen).toEqual(['first', 'second', 'x', 'late']);
  });

  it('stop() ends the run', () => {
    const engine = new Engine('nominal');
    const seen: number[] = [];
    engine.at({ t: 1, loSeconds: 0, hiSeconds: 0 }, () => {
      seen.push(1);
      engine.stop();
    });
    engine.at({ t: 2, loSeconds: 0, hiSeconds: 0 }, () => seen.push(2));
    engine.run(10);
    expect(seen).toEqual([1]);
  });

  describe('until', () => {
    function waiter(engine: Engine, check: () => boolean, timeout?: Delay): { resumed?: Resumed } {
      const box: { resumed?: Resumed } = {};
      engine.spawn(
        (function* (): Chain {
          box.resumed = yield until(podCreationMoment, check, timeout);
        })(),
        podCreationMoment,
      );
      return box;
    }

    it('resumes at the moment of the event that made the check true, anchored on it', () => {
      const engine = new Engine('nominal');
      let exited = false;
      const box = waiter(engine, () => exited, exactDelay(30, 'term.kill-after-grace'));
      engine.at({ t: 5, loSeconds: 0, hiSeconds: 0 }, () => {
        exited = true;
        engine.notify(anchoredAt(5, ref('exited')));
      });
      engine.run(100);
      expect(box.resumed).toEqual({ t: 5, anchor: ref('exited'), loSeconds: 0, hiSeconds: 0 });
      expect(box.resumed?.timedOut).toBeUndefined();
    });

    it('is re-checked after every stimulus, resuming at that stimulus', () => {
      const engine = new Engine('nominal');
      let flag = false;
      const box = waiter(engine, () => flag);
      engine.at({ t: 3, anchor: ref('started'), loSeconds: 1, hiSeconds: 2 }, () => {
        flag = true;
      });
      engine.run(100);
      expect(box.resumed).toEqual({ t: 3, anchor: ref('started'), loSeconds: 1, hiSeconds: 2 });
    });

    it('gives up at its timeout with timedOut set, the timeout window added', () => {
      const engine = new Engine('late');
      const box = waiter(engine, () => false, step);
      engine.run(100);
      expect(box.resumed).toEqual({ t: 4, loSeconds: 1, hiSeconds: 4, timedOut: true });
    });

    it('ignores its timeout once it has resumed', () => {
      const engine = new Engine('nominal');
      let flag = false;
      let resumes = 0;
      engine.spawn(
        (function* (): Chain {
          yield until(podCreationMoment, () => flag, exactDelay(10, 'term.kill-after-grace'));
          resumes += 1;
        })(),
        podCreationMoment,
      );
      engine.at({ t: 1, loSeconds: 0, hiSeconds: 0 }, () => {
        flag = true;
      });
      engine.run(100);
      expect(resumes).toBe(1);
    });

    it('resumes at once, at its own moment, when the check already holds', () => {
      const engine = new Engine('nominal');
      const box = waiter(engine, () => true, step);
      engine.run(100);
      expect(box.resumed).toEqual(podCreationMoment);
    });
  });
});

describe('windows in a prediction', () => {
  const p = predict(
    scenario({ containers: [regular('a', { postStart: hook(2) }), regular('b')], actions: [], observeFor: 10 }),
  );

  it('accumulate along a chain until a point is emitted', () => {
    // pod.created → (first sync) → (ensure-image step) → a.pullStarted
    expect(follows(p, 'a.pullStarted')).toBe('pod.created');
    expect(windowOf(p, 'a.pullStarted')).toEqual([
      round(latencies.firstSync.minSeconds + latencies.criStep.minSeconds),
      round(latencies.firstSync.maxSeconds + latencies.criStep.maxSeconds),
    ]);
    // b's image is present: its ensure step emits no point, so b.created spans two steps after a's hook
    expect(follows(p, 'b.created')).toBe('a.postStart.finished');
    expect(windowOf(p, 'b.created')).toEqual([
      round(2 * latencies.criStep.minSeconds),
      round(2 * latencies.criStep.maxSeconds),
    ]);
  });

  it('start over at each emitted point', () => {
    expect(follows(p, 'a.created')).toBe('a.pulled');
    expect(windowOf(p, 'a.created')).toEqual([latencies.criStep.minSeconds, latencies.criStep.maxSeconds]);
    expect(windowOf(p, 'a.postStart.finished')).toEqual([2, 2 + runtimeOverheadSeconds.handler]);
  });

  it('give the same prediction for the same scenario', () => {
    const s = scenario({
      containers: [regular('a', { postStart: hook(2) }), regular('b')],
      actions: [deleteAt(5)],
      observeFor: 30,
    });
    expect(predict(s)).toEqual(predict(s));
  });

  it('order same-time stimuli by when they were scheduled: parallel kills in spec order', () => {
    const q = predict(
      scenario({ containers: [regular('z'), regular('y'), regular('x')], actions: [deleteAt(3)], observeFor: 10 }),
    );
    expect(eventsOf(q, 'Killing').map((e) => e.container)).toEqual(['z', 'y', 'x']);
  });
});
