/** Durations as case files write them: `300ms`, `2s`, `1.5s`, `2m`, `1h`, `1m30s`, or a plain number of seconds. */
import { describeValue, quote } from './describe-value.ts';

export type DurationParse =
  { readonly status: 'ok'; readonly seconds: number } | { readonly status: 'error'; readonly message: string };

const secondsPerUnit: Readonly<Record<string, number>> = { ms: 0.001, s: 1, m: 60, h: 3600 };
const part = /(\d+(?:\.\d+)?|\.\d+)(ms|s|m|h)/y;
const example = 'write e.g. 300ms, 2s, 1.5s, 2m, 1h, or a number of seconds';

/** Reads a duration from a YAML value; negative, NaN, infinite and unit-less or unknown-unit strings are errors. */
export function parseDuration(value: unknown): DurationParse {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return { status: 'error', message: `${String(value)} is not a duration (${example})` };
    if (value < 0) return { status: 'error', message: `${value} is negative; a duration is at least 0` };
    // -0 would print as 0 and then fail deep equality against itself.
    return { status: 'ok', seconds: value === 0 ? 0 : value };
  }
  if (typeof value !== 'string') {
    return { status: 'error', message: `expected a duration, found ${describeValue(value)} (${example})` };
  }
  const text = value.trim();
  if (text.startsWith('-'))
    return { status: 'error', message: `${quote(value)} is negative; a duration is at least 0` };
  // A quoted number is still unambiguous: seconds, as for a plain number.
  if (/^(\d+(\.\d+)?|\.\d+)$/.test(text)) return parseDuration(Number(text));
  return parseUnits(text, value);
}

function parseUnits(text: string, original: string): DurationParse {
  const invalid: DurationParse = { status: 'error', message: `${quote(original)} is not a duration (${example})` };
  if (text === '') return invalid;
  let seconds = 0;
  part.lastIndex = 0;
  while (part.lastIndex < text.length) {
    const match = part.exec(text);
    if (match === null) return invalid;
    const [, amount = '', unit = ''] = match;
    const perUnit = secondsPerUnit[unit];
    if (perUnit === undefined) return invalid;
    // Dividing by 1000 (rather than multiplying by 0.001) keeps `300ms` exactly 0.3.
    seconds += unit === 'ms' ? Number(amount) / 1000 : Number(amount) * perUnit;
  }
  if (!Number.isFinite(seconds)) return invalid;
  return { status: 'ok', seconds };
}

/** Writes seconds the way case files do (`1.5s`); the result parses back to exactly the same number. */
export function formatDuration(seconds: number): string | number {
  const text = String(seconds);
  // Exponent notation (1e-7, 1e21) is not duration syntax; a plain number of seconds still is one.
  return /e/i.test(text) ? seconds : `${text}s`;
}
