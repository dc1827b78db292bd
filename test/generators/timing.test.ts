/** awayFrom, the map that keeps timings apart: forward only, monotone, idempotent, and clear of every window. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TIMING_MARGIN_SECONDS, awayFrom, isNear, type Window } from '../../generators/timing.ts';

const window: fc.Arbitrary<Window> = fc
  .tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 20 }), fc.constantFrom(0, 0.5))
  .map(([lo, width, half]) => ({ lo: lo + half, hi: lo + half + width }));
const windows = fc.array(window, { maxLength: 12 });
const seconds = fc.integer({ min: 0, max: 150 });
const margin = TIMING_MARGIN_SECONDS;

describe('awayFrom', () => {
  it('never moves a timing back, and lands at least the margin away from every window', () => {
    fc.assert(
      fc.property(seconds, windows, (s, ws) => {
        const moved = awayFrom(s, ws, margin);
        expect(moved).toBeGreaterThanOrEqual(s);
        expect(Number.isInteger(moved)).toBe(true);
        for (const w of ws) expect(isNear(moved, w, margin)).toBe(false);
      }),
    );
  });

  it('leaves a timing that is already clear alone, and is idempotent', () => {
    fc.assert(
      fc.property(seconds, windows, (s, ws) => {
        const moved = awayFrom(s, ws, margin);
        expect(awayFrom(moved, ws, margin)).toBe(moved);
        if (ws.every((w) => !isNear(s, w, margin))) expect(moved).toBe(s);
      }),
    );
  });

  it('is monotone, so shrinking a drawn timing shrinks the placed one', () => {
    fc.assert(
      fc.property(seconds, seconds, windows, (a, b, ws) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        expect(awayFrom(lo, ws, margin)).toBeLessThanOrEqual(awayFrom(hi, ws, margin));
      }),
    );
  });

  it('allows exactly the margin, not less', () => {
    expect(awayFrom(8, [{ lo: 10, hi: 12 }], 2)).toBe(8);
    expect(awayFrom(9, [{ lo: 10, hi: 12 }], 2)).toBe(14);
    expect(awayFrom(14, [{ lo: 10, hi: 12 }], 2)).toBe(14);
  });
});
