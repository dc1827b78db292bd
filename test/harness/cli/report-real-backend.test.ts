/**
 * `run --report` on a real backend records each scenario as the run judged it: the report costs no pod run, at one
 * slot (the property loop) and at several (the concurrent search), and a failure's scenarios stop where the run did.
 * A fake backend that answers with the model's nominal observation stands in for a cluster.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { backendFactories } from '../../../harness/cli/backend-choice.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import type { Backend } from '../../../harness/backends/backend.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { ResultsFile } from '../../../reports/results/schema.ts';
import { cli } from './cli-in-process.ts';

/** A node that answers like the model, except that pods `breaks` accepts lose every point; it lists what it ran. */
function fakeNode(breaks: (scenario: Scenario) => boolean): { backend: Backend; ran: string[] } {
  const ran: string[] = [];
  const backend: Backend = {
    name: 'fake-node',
    clockResolutionSeconds: 0,
    defaultParallelism: 1,
    setUp: () => Promise.resolve({ status: 'ready' }),
    run: async (scenario) => {
      ran.push(scenario.id);
      await new Promise((resolve) => setTimeout(resolve, 1));
      const observation = nominalObservation(predict(scenario));
      return { status: 'observed', observation: breaks(scenario) ? { ...observation, points: [] } : observation };
    },
    tearDown: () => Promise.resolve(),
  };
  return { backend, ran };
}

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-real-report-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  backendFactories.delete('fake-node');
});

async function runOn(breaks: (s: Scenario) => boolean, args: string[]): Promise<{ ran: string[]; code: number }> {
  const fake = fakeNode(breaks);
  backendFactories.set('fake-node', () => fake.backend);
  const r = await cli('run', '--backend', 'fake-node', '--focus', 'term.*', ...args);
  return { ran: fake.ran, code: r.code };
}

async function latestResults(base: string): Promise<ResultsFile> {
  const name = (await readFile(join(base, 'latest'), 'utf8')).trim();
  return JSON.parse(await readFile(join(base, name, 'results.json'), 'utf8')) as ResultsFile;
}

describe('run --report on a real backend', () => {
  const breaks = (s: Scenario): boolean => s.pod.containers.length >= 3;

  it.each([['1'], ['3']])('runs no pod more than the same run without --report (--parallel %s)', async (slots) => {
    const args = ['--runs', '12', '--seed', '21', '--parallel', slots, '--shrink-seconds', '0'];
    const plain = await runOn(breaks, args);
    const base = join(dir, `slots-${slots}`);
    const reported = await runOn(breaks, [...args, '--report', base]);
    expect(reported.code).toBe(plain.code);
    expect(reported.ran.length).toBe(plain.ran.length);
    const results = await latestResults(base);
    const cases = results.entries.filter((e) => e.kind === 'case');
    const scenarios = results.entries.filter((e) => e.kind === 'scenario');
    // the library's cases were the first pods run; the generated ones followed in seed order
    expect(cases.map((e) => e.id).sort()).toEqual(reported.ran.slice(0, cases.length).sort());
    expect(scenarios.map((e) => e.index)).toEqual(scenarios.map((_, i) => i));
    expect(scenarios.map((e) => e.id)).toEqual(reported.ran.slice(cases.length, cases.length + scenarios.length));
    // seed 21 draws a pod of three containers among its 12: the run fails there and stops to shrink it
    expect(plain.code).toBe(exitCodes.failed);
    expect(scenarios.length).toBeLessThan(12);
    expect(scenarios.at(-1)?.status).toBe('fail');
    expect(scenarios.slice(0, -1).map((e) => e.status)).not.toContain('fail');
    expect(results.entries.at(-1)?.kind).toBe('counterexample');
  });
});
