/**
 * Evidence for `nominalFirst` (judge.ts): judges generated scenarios both ways — against the full prediction, and
 * nominal-only first — on the same outcome and counts where the verdicts differ. Run by `podconform bench
 * --identity N` and, on a smaller sample, by the tests.
 */
import fc from 'fast-check';
import { judgeCatching, type Judged } from './judge.ts';
import { simRun } from './sim-run.ts';

/** How many scenarios were judged both ways, how many took the nominal-only shortcut, and where they differed. */
export interface IdentityReport {
  readonly scenarios: number;
  readonly shortcut: number;
  readonly different: ReadonlyArray<{
    readonly scenarioId: string;
    readonly full: string;
    readonly nominalFirst: string;
  }>;
}

function summary(judged: Judged): string {
  if (judged.status === 'error') return `error: ${judged.error}`;
  const v = judged.result.verdict;
  return JSON.stringify([v.status, v.violations.map((x) => x.message).sort(), [...v.unobserved].sort()]);
}

/**
 * `scenarios` generated scenarios of `seed` (with the sim's latency jitter) on the sim with `deviations` switched
 * on (none: the conformant sim), each judged both ways.
 */
export function compareNominalFirst(
  scenarios: number,
  seed: number,
  deviations: ReadonlyArray<string> = [],
): IdentityReport {
  const run = simRun({ deviations, jitter: true, nominalFirst: false });
  const runSync = run.target.runSync;
  if (!runSync) throw new Error('the sim target runs synchronously');
  let shortcut = 0;
  const different: { scenarioId: string; full: string; nominalFirst: string }[] = [];
  for (const input of fc.sample(run.inputs, { numRuns: scenarios, seed })) {
    const outcome = runSync(input.scenario, input.latencySeed);
    const full = judgeCatching(input.scenario, outcome, run.judgeOptions);
    const quick = judgeCatching(input.scenario, outcome, { ...run.judgeOptions, nominalFirst: true });
    if (quick.status !== 'error' && quick.result.judgedOnNominal === true) shortcut++;
    const [a, b] = [summary(full), summary(quick)];
    if (a !== b) different.push({ scenarioId: input.scenario.id, full: a, nominalFirst: b });
  }
  return { scenarios, shortcut, different };
}
