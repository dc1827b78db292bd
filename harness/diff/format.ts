/** How the differ writes numbers, windows and values in its sentences. */
import type { Window } from '../../specs/vocabulary/index.ts';
import type { FinalValue } from './violation.ts';

/** Seconds with two decimals and a unit: `2.00 s`. */
export function seconds(value: number): string {
  return `${value.toFixed(2)} s`;
}

/** A window as `[2.00 s, 2.00 s]`. */
export function windowText(window: Window): string {
  return `[${seconds(window.minSeconds)}, ${seconds(window.maxSeconds)}]`;
}

/** A final value as written in a case file; no value is `(none)`. */
export function valueText(value: FinalValue): string {
  return value === undefined ? '(none)' : String(value);
}

/** The allowed values: `Failed`, or `Failed or Running`. */
export function possibleText(values: ReadonlyArray<FinalValue>): string {
  return values.map(valueText).join(' or ');
}
