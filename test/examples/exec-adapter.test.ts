/**
 * The vendor examples of examples/exec-adapter run as docs/vendors.md says: the adapter glue over the stand-in
 * implementation passes a few library cases; over the buggy implementation (init containers started all at once)
 * the cases tagged with `init.sequential` fail, `run` names that rule, and exit code 1 says so. The glue answers
 * `{"error"}` for what it cannot run. A handful of cases each; the one `run` judges the library and 5 scenarios.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCaseFile } from '../../harness/cases/index.ts';
import { requestLine } from '../../harness/backends/exec/protocol.ts';
import { exitCodes } from '../../harness/cli/io.ts';
import { cli, repoRoot } from '../harness/cli/cli-in-process.ts';

const passing = 'exec:node examples/exec-adapter/adapter.mjs';
const failing = 'exec:node examples/exec-adapter/adapter.mjs examples/exec-adapter/buggy-implementation.mjs';
const initOrder = 'specs/cases/init/pc-init-three-run-in-order.case.yaml';
const preStop = 'specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml';
const deadline = 'specs/cases/api/pc-api-active-deadline.case.yaml';

describe('the passing example (the adapter over the stand-in implementation)', () => {
  it('passes a few library cases and exits 0', async () => {
    const r = await cli('check', '--backend', passing, initOrder, preStop, deadline);
    expect(r.out).toMatch(/^pass {5}pc-init-three-run-in-order /m);
    expect(r.out).toMatch(/\n3 passed, 0 failed\n$/);
    expect(r.code).toBe(exitCodes.ok);
  });
});

describe('the failing example (init containers started all at once)', () => {
  it('fails the case that exercises init.sequential, passes the others, and exits 1', async () => {
    const r = await cli('check', '--backend', failing, initOrder, preStop, deadline);
    expect(r.out).toMatch(/^FAIL {5}pc-init-three-run-in-order: order \[migrate\.exited, seed\.created\]/m);
    expect(r.out).toMatch(/^pass {5}pc-hook-prestop-exec-before-term /m);
    expect(r.out).toMatch(/\n2 passed, 1 failed\n$/);
    expect(r.code).toBe(exitCodes.failed);
    const failed = await loadCaseFile(join(repoRoot, initOrder));
    expect(failed.status === 'ok' ? failed.caseFile.scenario.rules : []).toContain('init.sequential');
  });

  it('is reported by run under the rule it breaks, init.sequential, with a replay line', async () => {
    const r = await cli('run', '--backend', failing, '--seed', '1', '--runs', '5');
    expect(r.out).toMatch(/^Violations \(\d+\):\n {2}- init\.sequential: /m);
    expect(r.out).toContain(
      "npx podconform run --backend exec:'node examples/exec-adapter/adapter.mjs examples/exec-adapter/buggy-implementation.mjs' --seed 1 --path ",
    );
    expect(r.code).toBe(exitCodes.failed);
  });
});

/** The adapter run directly: the lines it answers to the lines it is given, and its exit code. */
async function talk(lines: ReadonlyArray<string>): Promise<{ answers: unknown[]; code: number | null }> {
  const child = spawn('node', ['examples/exec-adapter/adapter.mjs'], {
    cwd: repoRoot,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stdin.end(lines.map((line) => `${line}\n`).join(''));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return {
    answers: out
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as unknown),
    code,
  };
}

describe('the adapter glue', () => {
  it('answers one line per request: an observation, or an error for what it cannot run; exits 0 at end of input', async () => {
    const loaded = await loadCaseFile(join(repoRoot, initOrder));
    if (loaded.status !== 'ok') throw new Error(`${initOrder} does not load`);
    const { answers, code } = await talk([
      'not json',
      JSON.stringify({ case: { id: 'no-pod' } }),
      requestLine(loaded.caseFile.scenario),
    ]);
    expect(answers).toHaveLength(3);
    expect(answers[0]).toEqual({ error: 'the request is not JSON: not json' });
    expect(answers[1]).toEqual({ error: expect.stringContaining('pod') as unknown });
    expect(answers[2]).toMatchObject({
      observation: {
        points: expect.arrayContaining([{ point: 'migrate.started', t: 0.16 }]) as unknown,
        final: { phase: 'Running', status: 'Running' },
        clock: { resolution: 0.001 },
      },
    });
    expect(code).toBe(0);
  });
});
