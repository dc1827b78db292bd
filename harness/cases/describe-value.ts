/** How messages name values and keys from the input: on one line, and short. */

const longest = 60;

/** Text from the input as a message shows it: quoted, control characters escaped, long text cut. */
export function quote(text: string): string {
  return `'${oneLine(text.length > longest ? `${text.slice(0, longest - 3)}...` : text)}'`;
}

/** The text with line breaks and other control characters escaped, so a problem stays one line. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- escaping control characters is the point
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}

/** A short description of a value: `a list`, `a mapping`, `'abc'`, `42`, `nothing`. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}
