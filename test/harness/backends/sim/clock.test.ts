import { describe, expect, it } from 'vitest';
import { Clock, toMs } from '../../../../harness/backends/sim/clock.ts';
import { Latch, TimedWait, spawn } from '../../../../harness/backends/sim/coroutine.ts';
import type { Activity } from '../../../../harness/backends/sim/coroutine.ts';
import { Prng } from '../../../../harness/backends/sim/prng.ts';

describe('virtual clock', () => {
  it('runs events in time order, simultaneous ones in the order they were scheduled', () => {
    const clock = new Clock();
    const seen: string[] = [];
    clock.at(30, () => seen.push('c@30'));
    clock.at(10, () => seen.push('a@10'));
    clock.at(10, () => seen.push('b@10'));
    clock.at(20, () => {
      seen.push('x@20');
      clock.after(0, () => seen.push('y@20'));
      clock.at(5, () => seen.push('past->20'));
    });
    clock.runUntil(100);
    expect(seen).toEqual(['a@10', 'b@10', 'x@20', 'y@20', 'past->20', 'c@30']);
    expect(clock.now).toBe(100);
  });

  it('keeps events after the end for later and orders thousands of random events', () => {
    const clock = new Clock();
    const prng = new Prng(7);
    const fired: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const t = Math.floor(prng.next() * 1000);
      clock.at(t, () => fired.push(t));
    }
    clock.at(2000, () => fired.push(2000));
    clock.runUntil(1000);
    expect(fired.length).toBe(5000);
    expect(fired.every((t, i) => i === 0 || (fired[i - 1] ?? 0) <= t)).toBe(true);
    expect(clock.pending).toBe(1);
  });

  it('converts seconds to whole milliseconds', () => {
    expect(toMs(0.1 + 0.2)).toBe(300);
    expect(toMs(1.5)).toBe(1500);
  });
});

describe('coroutines', () => {
  it('sleeps, waits for latches, and times out', () => {
    const clock = new Clock();
    const latch = new Latch();
    const log: string[] = [];
    function* activity(): Activity<string> {
      yield 100;
      log.push(`slept ${clock.now}`);
      const fired = yield new TimedWait(latch, 50);
      log.push(`timed wait ${String(fired)} ${clock.now}`);
      const again = yield new TimedWait(latch, 500);
      log.push(`timed wait ${String(again)} ${clock.now}`);
      yield latch;
      return 'done';
    }
    const task = spawn(clock, activity());
    clock.at(300, () => {
      latch.fire();
    });
    clock.runUntil(1000);
    expect(log).toEqual(['slept 100', 'timed wait false 150', 'timed wait true 300']);
    expect(task.done.done).toBe(true);
    expect(task.result).toBe('done');
  });

  it('is reproducible from a seed', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 10 }, () => a.next());
    expect(Array.from({ length: 10 }, () => b.next())).toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Prng(43).next()).not.toBe(xs[0]);
  });
});
