import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createExecBackend } from '../../../../harness/backends/exec/index.ts';
import type { Backend, RunOutcome } from '../../../../harness/backends/backend.ts';
import { simulate } from '../../../../harness/backends/sim/index.ts';
import { loadCaseText } from '../../../../harness/cases/index.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

function adapter(name: string, ...args: string[]): string {
  return ['node', `test/fixtures/exec-adapters/${name}.mjs`, ...args].join(' ');
}

function scenarioFrom(file: string): Scenario {
  const loaded = loadCaseText(readFileSync(`${repo}/${file}`, 'utf8'), file);
  if (loaded.status !== 'ok') throw new Error(`${file} does not load`);
  return loaded.caseFile.scenario;
}

const cases = [
  scenarioFrom('specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml'),
  scenarioFrom('specs/cases/init/pc-init-never-second-fails.case.yaml'),
  scenarioFrom('specs/cases/api/pc-api-active-deadline.case.yaml'),
];

async function runAll(backend: Backend, scenarios: ReadonlyArray<Scenario>): Promise<RunOutcome[]> {
  expect(await backend.setUp()).toEqual({ status: 'ready' });
  try {
    const outcomes: RunOutcome[] = [];
    for (const s of scenarios) outcomes.push(await backend.run(s));
    return outcomes;
  } finally {
    await backend.tearDown();
  }
}

function reasons(outcomes: ReadonlyArray<RunOutcome>): string[] {
  return outcomes.map((o) => (o.status === 'unknown' ? o.reason : 'observed'));
}

describe('exec: backend', () => {
  it('gets the same observation over the protocol as the sim gives in-process', async () => {
    const outcomes = await runAll(createExecBackend(adapter('conformant'), { cwd: repo }), cases);
    expect(outcomes.map((o) => o.status)).toEqual(['observed', 'observed', 'observed']);
    outcomes.forEach((o, i) => {
      const direct = simulate(cases[i] as Scenario);
      if (o.status !== 'observed' || direct.status !== 'observed') throw new Error('not observed');
      expect(o.observation).toEqual(direct.observation);
    });
  });

  it('reports a command that dies as unknown with its stderr, and goes on with a fresh process', async () => {
    const outcomes = await runAll(createExecBackend(adapter('crashing'), { cwd: repo }), cases.slice(0, 2));
    expect(reasons(outcomes)).toEqual([
      `the command exited with code 70 before answering case ${cases[0]?.id ?? ''}`,
      `the command exited with code 70 before answering case ${cases[1]?.id ?? ''}`,
    ]);
    const first = outcomes[0];
    expect(first?.status === 'unknown' ? first.detail : '').toContain('crashing adapter: cannot handle {"case"');
  });

  it('kills a command that hangs past its answer timeout and reports the case unknown', async () => {
    const started = Date.now();
    const backend = createExecBackend(adapter('hanging'), { cwd: repo, answerTimeoutMs: () => 800 });
    const outcomes = await runAll(backend, cases.slice(0, 2));
    expect(reasons(outcomes)).toEqual([
      expect.stringMatching(
        /^the command did not answer case .* within 0\.8 s \(observeFor .* plus a margin\); it was killed$/,
      ),
      expect.stringMatching(/did not answer/),
    ]);
    expect(outcomes[0]?.status === 'unknown' ? outcomes[0].detail : '').toContain('hanging adapter: thinking');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports a line that is not JSON with what was printed', async () => {
    const outcomes = await runAll(createExecBackend(adapter('not-json'), { cwd: repo }), cases.slice(0, 2));
    expect(reasons(outcomes)).toEqual([
      `the command answered a line that is not JSON: pod started OK (case ${cases[0]?.id ?? ''})`,
      `the command answered a line that is not JSON: pod started OK (case ${cases[1]?.id ?? ''})`,
    ]);
  });

  it('reports an observation of the wrong shape field by field', async () => {
    const [outcome] = await runAll(createExecBackend(adapter('bad-observation'), { cwd: repo }), cases.slice(0, 1));
    expect(outcome?.status === 'unknown' ? outcome.reason : '').toBe(
      `the command answered an observation that does not fit the format: points[0].point: 'app.begun': unknown container point 'begun' (known: pullStarted, pulled, pullFailed, created, started, exited, postStart.started, postStart.finished, preStop.started, preStop.finished, term, kill, ready, unready, startupProbe.succeeded, startupProbe.ran, livenessProbe.ran, readinessProbe.ran); points[0].t: expected a number of seconds >= 0, got -1; final.phase: expected a string, got 3 (case ${cases[0]?.id ?? ''})`,
    );
  });

  it('passes on the error an implementation reports, keeping the same process', async () => {
    const outcomes = await runAll(createExecBackend(adapter('error'), { cwd: repo }), cases.slice(0, 2));
    expect(reasons(outcomes)).toEqual([
      `the command reported an error for case ${cases[0]?.id ?? ''}: cannot run ${cases[0]?.id ?? ''}: no node available`,
      `the command reported an error for case ${cases[1]?.id ?? ''}: cannot run ${cases[1]?.id ?? ''}: no node available`,
    ]);
  });

  it('after a command dies, runs the next case on a fresh process', async () => {
    const outcomes = await runAll(createExecBackend(adapter('dies-after-first'), { cwd: repo }), cases);
    expect(reasons(outcomes)).toEqual([
      'observed',
      `the command exited with code 137 before answering case ${cases[1]?.id ?? ''}`,
      'observed',
    ]);
    const second = outcomes[1];
    expect(second?.status === 'unknown' ? second.detail : '').toContain('out of memory (simulated)');
  });

  it('is unavailable without a command, and never throws for a command that does not exist', async () => {
    expect(await createExecBackend('  ').setUp()).toEqual({
      status: 'unavailable',
      reason: "no command given: use --backend exec:'COMMAND'",
    });
    const outcomes = await runAll(createExecBackend('no-such-podconform-adapter', { cwd: repo }), cases.slice(0, 1));
    expect(reasons(outcomes)).toEqual([`the command exited with code 127 before answering case ${cases[0]?.id ?? ''}`]);
  });

  it('ends a run on abort', async () => {
    const backend = createExecBackend(adapter('hanging'), { cwd: repo });
    await backend.setUp();
    const controller = new AbortController();
    const pending = backend.run(cases[0] as Scenario, { signal: controller.signal });
    setTimeout(() => {
      controller.abort();
    }, 200);
    const outcome = await pending;
    await backend.tearDown();
    expect(outcome.status === 'unknown' ? outcome.reason : '').toMatch(/^the run was aborted during case /);
  });
});
