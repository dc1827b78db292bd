/** The progress line of a long prediction: only on a terminal's stderr, only after a second, cleared at the end. */
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../../harness/cli/io.ts';
import { withProgress } from '../../../harness/cli/predict-progress.ts';

function terminal(errIsTty: boolean): { io: CliIo; written: string[] } {
  const written: string[] = [];
  return { io: { out: () => undefined, err: (t) => written.push(t), isTty: false, errIsTty }, written };
}

/** A clock that moves `stepMs` at every reading. */
function steppingClock(stepMs: number): () => number {
  let now = 0;
  return () => (now += stepMs);
}

describe('withProgress', () => {
  it('draws the share done once a second has passed, and clears the line when the work ends', () => {
    const { io, written } = terminal(true);
    const result = withProgress(
      io,
      'web',
      (onProgress) => {
        for (const share of [0.1, 0.5, 0.9, 1]) onProgress?.(share);
        return 'done';
      },
      steppingClock(600),
    );
    expect(result).toBe('done');
    // the clock reads 600 at the start, then 1200 (too early to draw), 1800, 2400 and 3000
    expect(written).toEqual([
      '\r\x1b[Kpredicting web: 50% (1s)',
      '\r\x1b[Kpredicting web: 90% (2s)',
      '\r\x1b[Kpredicting web: 99% (2s)',
      '\r\x1b[K',
    ]);
  });

  it('draws nothing for work that ends within a second', () => {
    const { io, written } = terminal(true);
    withProgress(
      io,
      'web',
      (onProgress) => {
        onProgress?.(0.5);
      },
      steppingClock(10),
    );
    expect(written).toEqual([]);
  });

  it('gives no callback when stderr is not a terminal', () => {
    const { io, written } = terminal(false);
    withProgress(
      io,
      'web',
      (onProgress) => {
        expect(onProgress).toBeUndefined();
      },
      steppingClock(5000),
    );
    expect(written).toEqual([]);
  });
});
