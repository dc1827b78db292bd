import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../harness/cases/index.ts';

describe('parseDuration', () => {
  it.each([
    ['300ms', 0.3],
    ['2s', 2],
    ['1.5s', 1.5],
    ['2m', 120],
    ['1h', 3600],
    ['1m30s', 90],
    ['.5s', 0.5],
    [' 2s ', 2],
    ['7', 7],
    [0, 0],
    [2.5, 2.5],
  ] as const)('reads %j as %d seconds', (input, seconds) => {
    expect(parseDuration(input)).toStrictEqual({ status: 'ok', seconds });
  });

  it.each(['5x', '-2s', '2 s', 's', '', '1e3s', '2sec', 'NaN', '1.s', '2s3'] as const)('rejects %j', (input) => {
    expect(parseDuration(input).status).toBe('error');
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, -1, true, null, [1]] as const)('rejects the value %j', (input) => {
    expect(parseDuration(input).status).toBe('error');
  });
});

describe('formatDuration', () => {
  it('writes seconds with a unit, and numbers parse back exactly', () => {
    expect(formatDuration(1.5)).toBe('1.5s');
    expect(formatDuration(0)).toBe('0s');
    expect(formatDuration(1e-7)).toBe(1e-7);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }), (seconds) => {
        const parsed = parseDuration(formatDuration(seconds));
        expect(parsed).toStrictEqual({ status: 'ok', seconds: seconds === 0 ? 0 : seconds });
      }),
    );
  });
});
