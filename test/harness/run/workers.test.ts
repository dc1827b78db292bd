/**
 * `run --workers N`: the same seed gives the same verdict, counterexample and replay line at any thread count,
 * because workers only say which index fails first and the main thread shrinks from there.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { WorkerPool, workerSearch } from '../../../harness/run/parallel.ts';
import { runProperty, type PropertyReport } from '../../../harness/run/property.ts';
import { simRun, type SimRunSpec } from '../../../harness/run/sim-run.ts';

const pools: WorkerPool[] = [];
afterAll(async () => {
  await Promise.all(pools.map((p) => p.close()));
});

async function run(spec: SimRunSpec, seed: number, numRuns: number, threads: number): Promise<PropertyReport> {
  const built = simRun(spec);
  const pool = threads > 1 ? new WorkerPool(threads) : undefined;
  if (pool) pools.push(pool);
  return runProperty({
    target: built.target,
    scenarios: built.scenarios,
    numRuns,
    seed,
    nominalFirst: spec.nominalFirst,
    ...(built.keep === undefined ? {} : { keep: built.keep }),
    ...(spec.focus === undefined ? {} : { focus: spec.focus }),
    ...(pool === undefined ? {} : { search: workerSearch(pool, spec) }),
  });
}

/** Everything a user sees of a run, without the timing. */
function verdictOf(r: PropertyReport): unknown {
  const c = r.counterexample;
  return {
    status: r.status,
    seed: r.seed,
    runs: r.runs,
    unknownCount: r.unknownCount,
    unknowns: r.unknowns,
    counterexample:
      c === undefined
        ? undefined
        : { scenario: c.input, path: c.path, shrinks: c.shrinks, caseText: c.caseText, replay: c.replay },
  };
}

describe('fast-check value i from a seed', () => {
  it('is the same whether generated in one pass or from path i (what each worker does)', () => {
    const { inputs } = simRun({ deviations: [], jitter: true, nominalFirst: true });
    const all = fc.sample(inputs, { seed: 77, numRuns: 40 });
    const tail = fc.sample(inputs, { seed: 77, path: '25', numRuns: 15 });
    expect(tail).toEqual(all.slice(25));
    // and fc.check sees the same values in the same order
    const seen: unknown[] = [];
    fc.check(
      fc.property(inputs, (v) => {
        seen.push(v);
        return true;
      }),
      { seed: 77, numRuns: 40 },
    );
    expect(seen).toEqual(all);
  });
});

describe('run on worker threads', () => {
  it('finds, shrinks and reports the same counterexample with 1 and 2 threads (a deviation that is caught)', async () => {
    const spec: SimRunSpec = { deviations: ['no-minimum-grace'], jitter: true, nominalFirst: true };
    const one = await run(spec, 4242, 200, 1);
    const two = await run(spec, 4242, 200, 2);
    expect(one.status).toBe('fail');
    expect(verdictOf(two)).toEqual(verdictOf(one));
  });

  it('agrees on a conformant run with 1, 2 and 3 threads, whatever its verdict', async () => {
    const spec: SimRunSpec = { deviations: [], jitter: true, nominalFirst: true };
    const one = await run(spec, 99, 150, 1);
    const two = await run(spec, 99, 150, 2);
    const three = await run(spec, 99, 150, 3);
    expect(verdictOf(two)).toEqual(verdictOf(one));
    expect(verdictOf(three)).toEqual(verdictOf(one));
  });

  it('agrees when --rules filters the violations', async () => {
    const spec: SimRunSpec = { deviations: [], jitter: false, focus: 'kubelet.phase.*', nominalFirst: true };
    const one = await run(spec, 5, 80, 1);
    const two = await run(spec, 5, 80, 2);
    expect(verdictOf(two)).toEqual(verdictOf(one));
  });
});
