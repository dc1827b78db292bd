/**
 * Turning values into busybox ash words: quoting, and durations as the integer microseconds the scripts compute
 * with (ash arithmetic is integer-only, so every duration reaches a script already in µs).
 */

/** `text` as one single-quoted ash word, whatever it holds (a `'` is closed, escaped and reopened). */
export function shQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** Seconds as whole microseconds, the unit of every time comparison and sleep in the scripts. */
export function microseconds(seconds: number): number {
  return Math.round(seconds * 1e6);
}

/** A container name is a DNS label, so it is safe bare in a script; anything else is a bug upstream. */
export function bareWord(text: string): string {
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(text)) throw new Error(`not a DNS label: ${JSON.stringify(text)}`);
  return text;
}
