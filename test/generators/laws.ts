/**
 * The laws every exported arbitrary obeys (STYLE practice 9, after fast-check's own ArbitraryAssertions): the same
 * seed gives the same values, every value is valid, and every value the shrinker visits is valid too.
 */
import fc from 'fast-check';
import { expect } from 'vitest';

/** Returns the problems of a value; `[]` means valid. */
export type Validator<T> = (value: T) => ReadonlyArray<unknown>;

/** Options for the law checks. */
export interface LawOptions {
  readonly numRuns?: number;
  readonly seed?: number;
}

/** Same seed → same values (deep equality, the printer-carrying symbol aside). */
export function assertSameSeedSameValues<T>(arb: fc.Arbitrary<T>, options: LawOptions = {}): void {
  const params = { seed: options.seed ?? 42, numRuns: Math.min(options.numRuns ?? 100, 100) };
  expect(fc.sample(arb, params)).toEqual(fc.sample(arb, params));
}

/** Every generated value passes the validator. */
export function assertValid<T>(arb: fc.Arbitrary<T>, validate: Validator<T>, options: LawOptions = {}): void {
  fc.assert(
    fc.property(arb, (value) => {
      expect(validate(value)).toEqual([]);
    }),
    { numRuns: options.numRuns ?? 200, seed: options.seed ?? 7 },
  );
}

/**
 * Every value the shrinker visits is valid: a property that fails for about half of the values (by a hash of the
 * value) makes fast-check shrink from many starting points; each candidate it tries is validated on the way.
 */
export function assertShrinksValid<T>(arb: fc.Arbitrary<T>, validate: Validator<T>, options: LawOptions = {}): number {
  let visited = 0;
  const invalid: unknown[] = [];
  for (let seed = 0; seed < 3; seed++) {
    fc.check(
      fc.property(arb, (value) => {
        visited++;
        const problems = validate(value);
        if (problems.length > 0 && invalid.length < 3) invalid.push({ value: fc.stringify(value), problems });
        return hash(JSON.stringify(value)) % 2 === 0;
      }),
      { numRuns: Math.min(options.numRuns ?? 50, 50), seed: (options.seed ?? 11) + seed },
    );
  }
  expect(invalid).toEqual([]);
  return visited;
}

/** All three laws. */
export function assertLaws<T>(arb: fc.Arbitrary<T>, validate: Validator<T>, options: LawOptions = {}): void {
  assertSameSeedSameValues(arb, options);
  assertValid(arb, validate, options);
  assertShrinksValid(arb, validate, options);
}

function hash(text: string | undefined): number {
  let h = 0x811c9dc5;
  const s = text ?? '';
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}
