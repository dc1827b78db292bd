/** The progress bar's line is a pure function of its figures; the drawer redraws at most every 100 ms and clears. */
import { describe, expect, it } from 'vitest';
import { clockTime, ProgressDrawer, progressBar } from '../../../harness/cli/progress-bar.ts';

describe('progressBar', () => {
  it('shows count, rate, failures, unknowns, elapsed and time left', () => {
    expect(progressBar({ what: 'scenarios', done: 412, total: 1000, failed: 0, unknown: 3, elapsedMs: 10_785 })).toBe(
      '[####--------] 412/1000 scenarios  38.2/s  0 failed  3 unknown  0:11 elapsed, ~0:15 left',
    );
  });

  it('is empty at the start, with no rate to estimate the time left from', () => {
    expect(progressBar({ what: 'cases', done: 0, total: 62, failed: 0, unknown: 0, elapsedMs: 0 })).toBe(
      '[------------] 0/62 cases  0.0/s  0 failed  0 unknown  0:00 elapsed, ~? left',
    );
  });

  it('is full at the end and never overflows', () => {
    const line = progressBar({ what: 'cases', done: 70, total: 62, failed: 2, unknown: 1, elapsedMs: 7000 });
    expect(line.startsWith('[############] 70/62 cases  10.0/s  2 failed  1 unknown  0:07 elapsed')).toBe(true);
  });

  it('writes times as m:ss, and h:mm:ss past an hour', () => {
    expect(clockTime(0)).toBe('0:00');
    expect(clockTime(59_400)).toBe('0:59');
    expect(clockTime(725_000)).toBe('12:05');
    expect(clockTime(3_723_000)).toBe('1:02:03');
  });
});

describe('ProgressDrawer', () => {
  it('redraws at most every 100 ms unless forced, and clears only what it drew', () => {
    let now = 0;
    const written: string[] = [];
    const drawer = new ProgressDrawer(
      (t) => written.push(t),
      100,
      () => now,
    );
    drawer.clear();
    expect(written).toEqual([]);
    drawer.draw('a');
    now = 50;
    drawer.draw('b');
    now = 120;
    drawer.draw('c');
    now = 130;
    drawer.draw('d', true);
    drawer.clear();
    expect(written).toEqual(['\r\x1b[Ka', '\r\x1b[Kc', '\r\x1b[Kd', '\r\x1b[K']);
  });
});
