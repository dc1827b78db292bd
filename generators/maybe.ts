/** `maybe`: an optional value that is absent most of the time, for fields set only rarely. */
import fc from 'fast-check';

/**
 * Options for `fc.oneof` whose first choice is the simplest: without cross-shrinking, oneof only ever shrinks within
 * the branch it drew, so a probe once drawn could never shrink away, nor a grace period to "left out".
 */
export const simplestFirst: fc.OneOfConstraints = { withCrossShrink: true };

/**
 * `undefined` (absent, drawn first so it is what shrinking reaches) or a value from `arb`, present once in `oneIn`
 * draws. Unlike `fc.option`, whose `freq` is the odds of the nil value, this reads as "rarely set".
 */
export function maybe<T>(arb: fc.Arbitrary<T>, oneIn: number): fc.Arbitrary<T | undefined> {
  return fc.oneof(
    simplestFirst,
    { arbitrary: fc.constant(undefined), weight: Math.max(oneIn - 1, 1) },
    { arbitrary: arb, weight: 1 },
  );
}
