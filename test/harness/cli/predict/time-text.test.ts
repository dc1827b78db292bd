/** Times as predict prints them: the clock's resolution, never binary noise or MAX_SAFE_INTEGER. */
import { describe, expect, it } from 'vitest';
import { formatSeconds, formatWindow } from '../../../../harness/cli/predict/time-text.ts';

describe('time text', () => {
  it('rounds to milliseconds and drops trailing zeros', () => {
    expect(formatSeconds(0.1 + 0.02)).toBe('0.12s');
    expect(formatSeconds(2.0000000001)).toBe('2s');
    expect(formatSeconds(1.23456)).toBe('1.235s');
    expect(formatSeconds(-0)).toBe('0s');
  });

  it('writes an unbounded window as "any time after" and a wide one in whole seconds', () => {
    expect(formatWindow(0, Number.MAX_SAFE_INTEGER)).toBe('any time after');
    expect(formatWindow(0.5, 33.2)).toBe('0..34s after');
    expect(formatWindow(0, 1.2)).toBe('0..1.2s after');
    expect(formatWindow(2, 2)).toBe('2s after');
  });
});
