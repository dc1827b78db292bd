/**
 * Times and durations as `predict` prints them: rounded to the model's clock resolution (milliseconds), trailing
 * zeros dropped, so floating-point sums such as 0.12000000000000001 never reach the reader.
 */

/** The finest time `predict` prints, in seconds: the model's delays are given in milliseconds. */
export const clockResolutionSeconds = 0.001;

/** A window bound this large has no upper limit (the model writes Number.MAX_SAFE_INTEGER for "unpinned"). */
export const unboundedSeconds = 1e9;

/** Rounds to the clock's resolution, without binary noise. */
export function roundSeconds(seconds: number): number {
  return Math.round(seconds / clockResolutionSeconds) / (1 / clockResolutionSeconds);
}

/** `0.12s`, `2s`, `1.5s`, `90s`, `0s`; at most millisecond precision. Parses back with parseDuration. */
export function formatSeconds(seconds: number): string {
  const rounded = roundSeconds(seconds);
  return `${String(rounded === 0 ? 0 : rounded)}s`;
}

/** A window `[min, max]` in reading form: whole seconds where it is wide, "any time after" where it is unbounded. */
export function formatWindow(minSeconds: number, maxSeconds: number): string {
  if (maxSeconds >= unboundedSeconds)
    return minSeconds > 0 ? `any time ${formatSeconds(minSeconds)} or more after` : 'any time after';
  // a wide window is printed in whole seconds, widened (floor, ceil) so it never claims less than it allows
  const wide = maxSeconds - minSeconds > 10;
  const lo = wide ? `${String(Math.floor(minSeconds))}s` : formatSeconds(minSeconds);
  const hi = wide ? `${String(Math.ceil(maxSeconds))}s` : formatSeconds(maxSeconds);
  if (lo === hi) return `${lo} after`;
  return `${lo.replace(/s$/, '')}..${hi} after`;
}

/** A span such as an event's "(x3 over 40s)": whole seconds once it is ten seconds or longer, as kubectl rounds it. */
export function formatSpan(seconds: number): string {
  return seconds >= 10 ? `${String(Math.round(seconds))}s` : formatSeconds(seconds);
}
