/** Number and time texts shared by the report's sections. */

/** Seconds since pod creation as the report prints them: `3.42 s`, `0.005 s`, `60 s`. */
export function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return seconds > 0 ? '∞' : '–';
  const rounded = Math.round(seconds * 1000) / 1000;
  return `${String(rounded)} s`;
}

// Records write a window without an upper bound as a huge number (Number.MAX_SAFE_INTEGER) or Infinity.
const unbounded = 1e9;

/** A window's span: `1.2–2.5 s`, one time when it is a single instant, `from 3 s on` when it has no upper bound. */
export function formatWindow(fromSeconds: number, toSeconds: number): string {
  if (!(toSeconds < unbounded)) return `from ${formatSeconds(fromSeconds)} on`;
  if (fromSeconds === toSeconds) return formatSeconds(fromSeconds);
  return `${formatSeconds(fromSeconds).replace(' s', '')}–${formatSeconds(toSeconds)}`;
}

/** A wall-clock duration between two ISO times: `2 min 05 s`, `4.2 s`; empty when either time does not parse. */
export function formatDuration(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (!Number.isFinite(ms) || ms < 0) return '';
  if (ms < 60_000) return `${String(Math.round(ms / 100) / 10)} s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  return `${String(minutes)} min ${String(totalSeconds % 60).padStart(2, '0')} s`;
}

/** Rounds to milliseconds, the precision the embedded timeline data keeps. */
export function roundMs(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
