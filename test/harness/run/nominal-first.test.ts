/**
 * Judging nominal-first (the model's nominal-only prediction, widened to the full one unless that is a clean pass)
 * gives the verdicts of judging against the full prediction. A sample here; `podconform bench --identity N` runs
 * thousands.
 */
import { describe, expect, it } from 'vitest';
import { compareNominalFirst } from '../../../harness/run/nominal-first-identity.ts';

describe('nominal-first judging', () => {
  it('gives the same verdict and violations as the full prediction on conformant sim runs', () => {
    const report = compareNominalFirst(150, 61);
    expect(report.different).toEqual([]);
    // the shortcut is taken, or the comparison would prove nothing
    expect(report.shortcut).toBeGreaterThan(report.scenarios / 2);
  });

  it.each([['no-minimum-grace'], ['failure-threshold-off-by-one'], ['readiness-failure-restarts'], ['no-backoff']])(
    'gives the same verdicts on the sim with %s',
    (deviation) => {
      expect(compareNominalFirst(30, 62, [deviation]).different).toEqual([]);
    },
  );
});
