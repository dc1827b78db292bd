/** Expected values: plain, `{anyOf: [...]}`, or for numbers also `{min, max}` (FORMAT.md "Expectations"). */

export type ValueMatcher<T> =
  { readonly type: 'equals'; readonly value: T } | { readonly type: 'anyOf'; readonly values: ReadonlyArray<T> };

export type NumberMatcher =
  ValueMatcher<number> | { readonly type: 'range'; readonly min?: number; readonly max?: number };

export function matches<T>(matcher: ValueMatcher<T> | NumberMatcher, actual: T | number): boolean {
  switch (matcher.type) {
    case 'equals':
      return matcher.value === actual;
    case 'anyOf':
      return (matcher.values as ReadonlyArray<unknown>).includes(actual);
    case 'range':
      return (
        typeof actual === 'number' &&
        (matcher.min === undefined || actual >= matcher.min) &&
        (matcher.max === undefined || actual <= matcher.max)
      );
  }
}

/** The matcher as people write it: `Failed`, `{anyOf: [A, B]}`, `{min: 1}`. */
export function describeMatcher<T>(matcher: ValueMatcher<T> | NumberMatcher): string {
  switch (matcher.type) {
    case 'equals':
      return String(matcher.value);
    case 'anyOf':
      return `{anyOf: [${matcher.values.map(String).join(', ')}]}`;
    case 'range': {
      const parts: string[] = [];
      if (matcher.min !== undefined) parts.push(`min: ${matcher.min}`);
      if (matcher.max !== undefined) parts.push(`max: ${matcher.max}`);
      return `{${parts.join(', ')}}`;
    }
  }
}
