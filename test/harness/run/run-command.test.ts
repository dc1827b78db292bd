import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deviationsCommand } from '../../../harness/cli/commands/deviations.ts';
import { runCommand, type RunJson } from '../../../harness/cli/commands/run.ts';
import { exitCodes, type CliIo } from '../../../harness/cli/io.ts';
import { registerBackends } from '../../../harness/cli/register-backends.ts';
import { simDeviations } from '../../../harness/backends/sim/index.ts';

function capture(): { io: CliIo; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: { out: (t) => (out += t), err: (t) => (err += t), isTty: false },
    out: () => out,
    err: () => err,
  };
}

async function run(...argv: string[]) {
  registerBackends();
  const c = capture();
  const code = await runCommand(argv, c.io, process.cwd());
  return { code, out: c.out(), err: c.err() };
}

describe('podconform run: bad input', () => {
  it.each<[string[], unknown]>([
    [['--runs', '0'], "podconform run: --runs must be a whole number >= 1, got '0'\n"],
    [['--seed', 'x'], `podconform run: --seed must be a whole number >= ${-(2 ** 31)}, got 'x'\n`],
    [['--path', '1:2'], 'podconform run: --path needs the --seed it was found with\n'],
    [
      ['--seed', '1', '--path', 'a'],
      "podconform run: --path must be fast-check's replay path such as 3:0:1, got 'a'\n",
    ],
    [['--deviation', 'nope'], "podconform run: unknown deviation 'nope' (see podconform deviations)\n"],
    [
      ['--backend', 'exec:true', '--deviation', 'init-parallel'],
      'podconform run: --deviation applies to the sim backend only\n',
    ],
    [['--frobnicate'], expect.stringMatching(/^podconform run: unknown option --frobnicate/)],
    [['--backend', 'nosuch'], expect.stringMatching(/^podconform run: --backend: unknown backend 'nosuch'/)],
  ])('%j is refused in one line with exit 2', async (argv, message) => {
    const r = await run(...argv);
    expect(r).toEqual({ code: exitCodes.badInput, out: '', err: message });
  });
});

describe('podconform run --json', () => {
  it('prints exactly the documented keys, the counterexample only on failure', async () => {
    const r = await run('--runs', '20', '--seed', '42', '--deviation', 'init-parallel', '--json');
    const json = JSON.parse(r.out) as RunJson;
    expect(Object.keys(json)).toEqual(
      json.status === 'fail'
        ? ['backend', 'seed', 'runs', 'status', 'scenariosPerSecond', 'counterexample']
        : ['backend', 'seed', 'runs', 'status', 'scenariosPerSecond'],
    );
    expect(json).toMatchObject({ backend: 'sim', seed: 42 });
    expect(r.code).toBe(json.status === 'fail' ? exitCodes.failed : json.status === 'pass' ? 0 : 3);
    if (json.counterexample) {
      expect(Object.keys(json.counterexample)).toEqual(['case', 'violations', 'replay']);
      for (const v of json.counterexample.violations) expect(Object.keys(v)).toEqual(['rule', 'message']);
    }
  });

  it('on failure prints the replay line first, then the case file, then the violations', async () => {
    const r = await run('--runs', '50', '--seed', '42', '--deviation', 'init-parallel');
    expect(r.code).toBe(exitCodes.failed);
    const lines = r.out.split('\n');
    expect(lines[0]).toMatch(
      /^npx podconform run --backend sim --seed 42 --path [0-9:]+ --deviation init-parallel --runs 1$/,
    );
    expect(r.out).toMatch(/\n---\nid: gen-[0-9a-f]{8}\n/);
    expect(r.out).toMatch(/\nViolations \(\d+\):\n {2}- /);
  });
});

describe('podconform run --backend exec:', () => {
  it('reports a command that cannot answer as unknown, exit 3, never as a failure', async () => {
    const r = await run(
      '--backend',
      'exec:node test/fixtures/exec-adapters/crashing.mjs',
      '--seed',
      '1',
      '--path',
      '0',
      '--runs',
      '1',
      '--json',
    );
    expect(JSON.parse(r.out)).toMatchObject({ status: 'unknown', runs: 1 });
    expect(r.code).toBe(exitCodes.backendUnavailable);
  });

  it('judges a conformant adapter exactly as the sim run in-process', async () => {
    const viaExec = await run(
      '--backend',
      'exec:node test/fixtures/exec-adapters/conformant.mjs',
      '--seed',
      '5',
      '--path',
      '0',
      '--runs',
      '1',
      '--json',
    );
    const direct = await run('--seed', '5', '--path', '0', '--runs', '1', '--no-jitter', '--json');
    const [a, b] = [JSON.parse(viaExec.out) as RunJson, JSON.parse(direct.out) as RunJson];
    expect(a.status).toBe(b.status);
    expect(a.counterexample?.violations).toEqual(b.counterexample?.violations);
  });
});

describe('podconform run --out', () => {
  it('writes a versioned run record that opens with the replay header', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'podconform-run-'));
    try {
      const r = await run('--runs', '5', '--seed', '3', '--deviation', 'init-parallel', '--json', '--out', dir);
      const json = JSON.parse(r.out) as RunJson;
      const record = JSON.parse(await readFile(join(dir, 'run-3.json'), 'utf8')) as Record<string, unknown>;
      expect(Object.keys(record).slice(0, 2)).toEqual(['schemaVersion', 'replay']);
      expect(record).toMatchObject({ schemaVersion: 1, kind: 'property-run', backend: 'sim', status: json.status });
      expect(record['replay']).toMatchObject({ backend: 'sim', seed: 3, deviations: ['init-parallel'] });
      if (json.counterexample) {
        expect(record['counterexample']).toMatchObject({ caseText: json.counterexample.case });
        expect((record['replay'] as { command: string }).command).toBe(json.counterexample.replay);
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('podconform deviations', () => {
  it('lists every sim deviation as JSON', () => {
    const c = capture();
    expect(deviationsCommand(['--json'], c.io)).toBe(exitCodes.ok);
    expect(JSON.parse(c.out())).toEqual(
      simDeviations.map(({ name, rule, description }) => ({ name, rule, description })),
    );
  });
});
