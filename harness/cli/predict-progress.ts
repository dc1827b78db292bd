/**
 * A progress line for long predictions: on a terminal's standard error only, and only once a prediction has taken
 * a second (a plain manifest takes well under that; a day of 1-second probes takes several seconds per pod).
 */
import { performance } from 'node:perf_hooks';
import type { CliIo } from './io.ts';

const showAfterMs = 1000;
const redrawEveryMs = 200;

/**
 * Runs `work` with a progress callback that redraws one stderr line, and clears that line when `work` is done;
 * `clockMs` is the wall clock (a parameter for tests).
 */
export function withProgress<T>(
  io: CliIo,
  label: string,
  work: (onProgress?: (fractionDone: number) => void) => T,
  clockMs: () => number = () => performance.now(),
): T {
  if (io.errIsTty !== true) return work(undefined);
  const started = clockMs();
  let drawnAt: number | undefined;
  const onProgress = (fractionDone: number): void => {
    const now = clockMs();
    if (now - started < showAfterMs || (drawnAt !== undefined && now - drawnAt < redrawEveryMs)) return;
    drawnAt = now;
    const percent = Math.min(99, Math.floor(fractionDone * 100));
    io.err(`\r\x1b[Kpredicting ${label}: ${percent}% (${Math.round((now - started) / 1000)}s)`);
  };
  try {
    return work(onProgress);
  } finally {
    if (drawnAt !== undefined) io.err('\r\x1b[K');
  }
}
