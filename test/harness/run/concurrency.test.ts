// mapConcurrent keeps at most `limit` calls in flight, reports in input order, and stops launching on request;
// slotUse compares a real run's wall time with the least its slots allow.
import { describe, expect, it } from 'vitest';
import { mapConcurrent, slotUse, slotUseLine } from '../../../harness/run/concurrency.ts';

const tick = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapConcurrent', () => {
  it('never has more than limit calls in flight and returns results in input order', async () => {
    let inFlight = 0;
    let most = 0;
    const delays = [30, 5, 20, 1, 10, 2, 25];
    const reported: number[] = [];
    const results = await mapConcurrent(
      delays,
      3,
      async (ms, i) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await tick(ms);
        inFlight--;
        return i * 10;
      },
      { onResult: (_r, i) => reported.push(i) },
    );
    expect(most).toBe(3);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(reported).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('launches nothing more once stop() says so and returns the prefix that ran', async () => {
    let failed = false;
    const started: number[] = [];
    const results = await mapConcurrent(
      [0, 1, 2, 3, 4, 5, 6, 7],
      2,
      async (i) => {
        started.push(i);
        await tick(2);
        if (i === 2) failed = true;
        return i;
      },
      { stop: () => failed },
    );
    expect(started.length).toBeLessThan(8);
    expect(results).toEqual(started.slice().sort((a, b) => a - b));
    expect(results.slice(0, 3)).toEqual([0, 1, 2]);
  });

  it('handles an empty list and a limit above the number of items', async () => {
    expect(await mapConcurrent([], 4, () => Promise.resolve(1))).toEqual([]);
    expect(await mapConcurrent([1, 2], 9, (x) => Promise.resolve(x * 2))).toEqual([2, 4]);
  });
});

describe('slotUse', () => {
  it('takes the longest scenario when the slots outnumber the work, else the total per slot', () => {
    expect(slotUse(13, [10, 4, 2], 4)).toMatchObject({ idealSeconds: 10, ratio: 1.3 });
    expect(slotUse(30, [10, 10, 10, 10, 10, 10], 2)).toMatchObject({ idealSeconds: 30, ratio: 1 });
  });

  it('prints the figures a user compares with the goal', () => {
    expect(slotUseLine(slotUse(26, [10, 10, 10, 10], 2))).toBe(
      'wall 26.0 s for 4 scenarios on 2 slots: 1.30 × the modeled 20.0 s (longest scenario, or their total per slot)',
    );
  });
});
