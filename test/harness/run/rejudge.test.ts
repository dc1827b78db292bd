/**
 * `run --report` on the sim records every generated scenario by judging the seed's scenarios again on the main
 * thread (worker threads return only what did not pass): the verdicts must be the ones the run itself gave.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { Judged } from '../../../harness/run/judge.ts';
import { WorkerPool, workerSearch } from '../../../harness/run/parallel.ts';
import { runProperty, type PropertyInput } from '../../../harness/run/property.ts';
import { rejudgeSeed } from '../../../harness/run/rejudge.ts';
import { simRun, type SimRunSpec } from '../../../harness/run/sim-run.ts';

const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

/** What a verdict says, without the timing-free but bulky prediction. */
function verdictOf(judged: Judged): unknown {
  return judged.status === 'error' ? judged : { status: judged.status, verdict: judged.result.verdict };
}

function rejudged(spec: SimRunSpec, seed: number, count: number): { input: PropertyInput; verdict: unknown }[] {
  const built = simRun(spec);
  return rejudgeSeed({
    target: built.target,
    scenarios: built.scenarios,
    seed,
    count,
    judgeOptions: built.judgeOptions,
  }).map((j) => ({ input: j.input, verdict: verdictOf(j.judged) }));
}

describe('rejudgeSeed', () => {
  it.each([
    ['a conformant realistic run', { deviations: [], jitter: true, realistic: true, nominalFirst: true }, 11, 40],
    [
      'a deviation that is caught',
      { deviations: ['restart-count-frozen'], jitter: true, realistic: true, nominalFirst: true },
      1,
      40,
    ],
  ] as const)(
    'gives every index of %s the verdict the single-threaded loop gave it',
    async (_, spec, seed, numRuns) => {
      const built = simRun(spec);
      const seen: { input: PropertyInput; verdict: unknown }[] = [];
      const report = await runProperty({
        target: built.target,
        scenarios: built.scenarios,
        numRuns,
        seed,
        nominalFirst: true,
        onJudged: (index, input, judged) => {
          expect(index).toBe(seen.length);
          seen.push({ input, verdict: verdictOf(judged) });
        },
      });
      expect(seen).toHaveLength(report.runs);
      expect(report.runs).toBeGreaterThan(1);
      expect(rejudged(spec, seed, report.runs)).toEqual(seen);
    },
  );

  it('agrees with a run on worker threads: no failure before the first failing index, the same unknowns', async () => {
    const spec: SimRunSpec = {
      deviations: ['restart-count-frozen'],
      jitter: true,
      realistic: true,
      nominalFirst: true,
    };
    const pool = new WorkerPool(2);
    pools.push(pool);
    const built = simRun(spec);
    const report = await runProperty({
      target: built.target,
      scenarios: built.scenarios,
      numRuns: 60,
      seed: 1,
      nominalFirst: true,
      search: workerSearch(pool, spec),
    });
    expect(report.status).toBe('fail');
    // seed 1 first fails at index 3: the scenarios before it are the ones only the re-judging records
    expect(report.runs).toBe(4);
    const statuses = rejudged(spec, 1, report.runs).map((j) => (j.verdict as { status: string }).status);
    expect(statuses.at(-1)).toBe('fail');
    expect(statuses.slice(0, -1)).not.toContain('fail');
    expect(statuses.filter((s) => s === 'unknown')).toHaveLength(report.unknownCount);
  });
});
