/** The progress bar's line is a pure function of its figures; the drawer redraws at most every 100 ms and clears. */
import { describe, expect, it, vi } from 'vitest';
import type { CliIo } from '../../../harness/cli/io.ts';
import { clockTime, ProgressDrawer, progressBar, progressDrawer } from '../../../harness/cli/progress-bar.ts';

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
    const drawer = new ProgressDrawer((t) => written.push(t), { now: () => now });
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
    // after a clear the next line is drawn at once, however soon
    now = 131;
    drawer.draw('e');
    expect(written).toEqual(['\r\x1b[Ka', '\r\x1b[Kc', '\r\x1b[Kd', '\r\x1b[K', '\r\x1b[Ke']);
  });

  it("cuts the line to the terminal's width, so that it never wraps", () => {
    const written: string[] = [];
    new ProgressDrawer((t) => written.push(t), { columns: 10 }).draw('0123456789abc');
    expect(written).toEqual(['\r\x1b[K012345678']);
  });

  it('keeps redrawing what it shows every second until cleared (the elapsed time moves)', () => {
    vi.useFakeTimers();
    try {
      let now = 0;
      let ticks = 0;
      const written: string[] = [];
      const drawer = new ProgressDrawer((t) => written.push(t), { now: () => now });
      drawer.show(() => `t${ticks++}`);
      now = 1000;
      vi.advanceTimersByTime(1000);
      now = 2000;
      vi.advanceTimersByTime(1000);
      drawer.clear();
      now = 3000;
      vi.advanceTimersByTime(3000);
      expect(written).toEqual(['\r\x1b[Kt0', '\r\x1b[Kt1', '\r\x1b[Kt2', '\r\x1b[K']);
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('progressDrawer', () => {
  const io = (isTty: boolean, errIsTty: boolean): CliIo => ({
    out: () => undefined,
    err: () => undefined,
    isTty,
    errIsTty,
  });

  it('draws only on a terminal (both streams) and never with --json', () => {
    expect(progressDrawer(io(true, true), false)).toBeInstanceOf(ProgressDrawer);
    expect(progressDrawer(io(true, true), true)).toBeUndefined();
    expect(progressDrawer(io(false, true), false)).toBeUndefined();
    expect(progressDrawer(io(true, false), false)).toBeUndefined();
  });
});
