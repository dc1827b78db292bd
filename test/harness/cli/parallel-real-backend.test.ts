/**
 * A real backend waits on pods, so `check` and `run` run several scenarios at once (`--parallel N`): never more
 * than N in flight, results in file order, the same first failure at any N, the backend's set-up notices and the
 * wall-time-per-slot line printed. A fake backend that answers with the model's own nominal observation after a
 * delay stands in for a cluster.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { backendFactories } from '../../../harness/cli/backend-choice.ts';
import type { Backend } from '../../../harness/backends/backend.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import { cli } from './cli-in-process.ts';

interface Fake {
  readonly backend: Backend;
  readonly most: () => number;
  readonly runs: () => number;
}

/** Answers like a conformant node after a short wait, except that pods with `breaks(scenario)` lose every point. */
function fakeNode(breaks: (scenario: Scenario) => boolean = () => false): Fake {
  let inFlight = 0;
  let most = 0;
  let runs = 0;
  const backend: Backend = {
    name: 'fake-node',
    clockResolutionSeconds: 0,
    defaultParallelism: 3,
    setUp: () => Promise.resolve({ status: 'ready', notices: ['Kubernetes v1.35.0: rule profile 1.35'] }),
    run: async (scenario) => {
      inFlight++;
      runs++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5 + (scenario.id.length % 7)));
      inFlight--;
      const observation = nominalObservation(predict(scenario));
      return { status: 'observed', observation: breaks(scenario) ? { ...observation, points: [] } : observation };
    },
    tearDown: () => Promise.resolve(),
  };
  return { backend, most: () => most, runs: () => runs };
}

afterEach(() => {
  backendFactories.delete('fake-node');
});

describe('check --parallel', () => {
  it('keeps N cases in flight, prints them in file order, and prints the notices and the slot use', async () => {
    const fake = fakeNode();
    backendFactories.set('fake-node', () => fake.backend);
    const serial = await cli('check', 'specs/cases/termination', '--backend', 'model');
    const r = await cli('check', 'specs/cases/termination', '--backend', 'fake-node', '--parallel', '4');
    expect(r.code).toBe(exitCodes.ok);
    expect(fake.most()).toBe(4);
    expect(r.out).toBe(serial.out);
    expect(r.err).toContain('fake-node: Kubernetes v1.35.0: rule profile 1.35\n');
    expect(r.err).toMatch(/^wall \d+\.\d s for 7 scenarios on 4 slots: \d+\.\d\d × the modeled \d+\.\d s/m);
  });

  it("uses the backend's own parallelism when --parallel is not given, and refuses a bad one", async () => {
    const fake = fakeNode();
    backendFactories.set('fake-node', () => fake.backend);
    await cli('check', 'specs/cases/termination', '--backend', 'fake-node');
    expect(fake.most()).toBe(3);
    const bad = await cli('check', 'specs/cases/termination', '--backend', 'fake-node', '--parallel', '0');
    expect(bad).toMatchObject({
      code: exitCodes.badInput,
      err: "podconform check: --parallel must be a whole number >= 1, got '0'\n",
    });
  });
});

describe('run --parallel on a real backend', () => {
  const breaks = (s: Scenario): boolean => s.pod.containers.length >= 3;

  it('finds the same first failure and counterexample at any number of slots', async () => {
    const one = fakeNode(breaks);
    backendFactories.set('fake-node', () => one.backend);
    const serial = await cli(
      'run',
      '--backend',
      'fake-node',
      '--parallel',
      '1',
      '--runs',
      '40',
      '--seed',
      '7',
      '--json',
    );
    const four = fakeNode(breaks);
    backendFactories.set('fake-node', () => four.backend);
    const parallel = await cli(
      'run',
      '--backend',
      'fake-node',
      '--parallel',
      '4',
      '--runs',
      '40',
      '--seed',
      '7',
      '--json',
    );
    expect(serial.code).toBe(exitCodes.failed);
    expect(parallel.code).toBe(exitCodes.failed);
    const a = JSON.parse(serial.out) as { counterexample: { replay: string; caseText?: string } };
    const b = JSON.parse(parallel.out) as { counterexample: { replay: string } };
    expect(b.counterexample.replay).toBe(a.counterexample.replay);
    expect(four.most()).toBe(4);
    expect(parallel.err).toMatch(/^generated scenarios: wall .* on 4 slots/m);
    expect(parallel.err).toMatch(/^replay and shrink: wall .* on 1 slot:/m);
  });

  it('draws generated scenarios among those the backend can act out', async () => {
    const fake = fakeNode();
    const seen: Scenario[] = [];
    const run = fake.backend.run.bind(fake.backend);
    backendFactories.set('fake-node', () => ({
      ...fake.backend,
      cannotExpress: (s) => (s.actions.length > 0 ? 'this node cannot delete pods' : undefined),
      run: (s, o) => {
        seen.push(s);
        return run(s, o);
      },
    }));
    const r = await cli('run', '--backend', 'fake-node', '--runs', '25', '--seed', '11', '--parallel', '2');
    expect(r.err).toContain('generated scenarios are drawn among those fake-node can act out');
    const generated = seen.filter((s) => s.id.startsWith('gen-'));
    expect(generated).toHaveLength(25);
    expect(generated.every((s) => s.actions.length === 0)).toBe(true);
  });

  it('refuses --parallel on the sim, which judges on threads', async () => {
    const r = await cli('run', '--backend', 'sim', '--parallel', '2');
    expect(r).toMatchObject({
      code: exitCodes.badInput,
      err: 'podconform run: --parallel applies to real backends; the sim judges on threads with --workers\n',
    });
  });
});
