import { describe, expect, it } from 'vitest';
import { formatDuration, formatSeconds, formatWindow } from '../../../reports/html/format.ts';

describe('times as report.html prints them', () => {
  it('prints seconds since pod creation to the millisecond', () => {
    expect(formatSeconds(3.12)).toBe('3.12 s');
    expect(formatSeconds(0.0004)).toBe('0 s');
    expect(formatSeconds(60)).toBe('60 s');
  });

  it('prints a window as a span, an instant, or open-ended', () => {
    expect(formatWindow(13, 20.5)).toBe('13–20.5 s');
    expect(formatWindow(10, 10)).toBe('10 s');
    expect(formatWindow(0, Number.MAX_SAFE_INTEGER)).toBe('from 0 s on');
    expect(formatWindow(2, Infinity)).toBe('from 2 s on');
  });

  it('prints a run’s wall time, and nothing for times that do not parse', () => {
    expect(formatDuration('2026-12-07T01:00:00Z', '2026-12-07T01:00:04.25Z')).toBe('4.3 s');
    expect(formatDuration('2026-12-07T01:00:00Z', '2026-12-07T01:02:05Z')).toBe('2 min 05 s');
    expect(formatDuration('yesterday', '2026-12-07T01:02:05Z')).toBe('');
  });
});
