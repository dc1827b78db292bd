/**
 * Honest outcomes at the command line: exit 3 when nothing could be judged, 2 with one line for bad input,
 * 4 with a distinct ERROR line when podconform itself fails, "no expectations" instead of a pass, `--help` for
 * every command, and a closed pipe ending the process quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backendFactories } from '../../../harness/cli/backend-choice.ts';
import { commandHelp } from '../../../harness/cli/help.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { cli, repoRoot } from './cli-in-process.ts';

const noExpect = `id: cli-no-expect
node: {registry: up, cached: [busybox:1.36]}
pod:
  metadata: {name: cli-no-expect}
  spec:
    restartPolicy: Always
    containers:
      - name: app
        image: busybox:1.36
        behavior: {onTerm: exit}
observeFor: 5s
`;

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-outcomes-'));
  await writeFile(join(dir, 'no-expect.case.yaml'), noExpect);
  await writeFile(join(dir, 'a-file'), 'not a directory');
});
afterAll(async () => {
  backendFactories.delete('broken');
  await rm(dir, { recursive: true, force: true });
});

describe('check', () => {
  it('exits 3 when the backend could judge nothing (an exec: command that does not exist)', async () => {
    const r = await cli('check', '--backend', 'exec:./no-such-adapter-anywhere', 'specs/cases/api');
    expect(r.code).toBe(exitCodes.nothingJudged);
    expect(r.out).toMatch(/\nnothing could be judged: \d+ unknown/);
    expect(r.out).toMatch(/\n0 passed, 0 failed\n$/);
  });

  it('reports a case without an expect block as "no expectations", not as a pass, and exits 3', async () => {
    const r = await cli('check', join(dir, 'no-expect.case.yaml'));
    expect(r.out).toContain('no expectations: cli-no-expect has no expect block, nothing was judged');
    expect(r.out).not.toMatch(/^pass /m);
    expect(r.out).toContain('\n0 passed, 0 failed\n');
    expect(r.code).toBe(exitCodes.nothingJudged);
    const json = await cli('check', join(dir, 'no-expect.case.yaml'), '--json');
    expect(JSON.parse(json.out)).toMatchObject({
      cases: [{ id: 'cli-no-expect', status: 'no expectations' }],
      summary: { pass: 0, noExpectations: 1 },
    });
  });

  it('reports a built-in backend that breaks as ERROR and exits 4, never unknown', async () => {
    backendFactories.set('broken', () => ({
      name: 'broken',
      clockResolutionSeconds: 0,
      setUp: () => Promise.resolve({ status: 'ready' }),
      run: () => Promise.resolve({ status: 'error', reason: 'the broken backend threw: boom' }),
      tearDown: () => Promise.resolve(),
    }));
    const r = await cli('check', '--backend', 'broken', join(dir, 'no-expect.case.yaml'));
    expect(r.out).toMatch(/^ERROR {4}cli-no-expect: backend: the broken backend threw: boom/m);
    expect(r.out).toContain('1 ERROR (podconform itself failed on them: a bug, please report it)');
    expect(r.code).toBe(exitCodes.internalError);
  });
});

describe('run: bad input is one line and exit 2', () => {
  it.each<[string[], RegExp]>([
    [
      ['--rules', 'no.such.rule.*'],
      /^podconform run: --rules 'no\.such\.rule\.\*' matches no rule \(see podconform rules\)\n$/,
    ],
    [['--rules', 'kubelet.grace.*,nope'], /^podconform run: --rules 'nope' matches no rule/],
    [['--workers', '0'], /^podconform run: --workers must be a whole number >= 1, got '0'\n$/],
    [['--backend', 'exec:true', '--workers', '2'], /^podconform run: --workers applies to the sim backend only/],
  ])('%j', async (argv, message) => {
    const r = await cli('run', ...argv);
    expect(r).toMatchObject({ code: exitCodes.badInput, out: '' });
    expect(r.err).toMatch(message);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--out on a path that cannot be a directory names the path, before running anything', async () => {
    const bad = join(dir, 'a-file', 'records');
    const r = await cli('run', '--runs', '1', '--out', bad);
    expect(r).toEqual({
      code: exitCodes.badInput,
      out: '',
      err: `podconform run: --out: cannot write a run record to '${bad}' (ENOTDIR: not a directory, mkdir '${bad}')\n`,
    });
  });

  it('--out under /proc (where a recursive mkdir never returns) fails at once', async () => {
    const r = await cli('run', '--runs', '1', '--out', '/proc/podconform-nope');
    expect(r.code).toBe(exitCodes.badInput);
    expect(r.err).toMatch(/^podconform run: --out: cannot write a run record to '\/proc\/podconform-nope' \(E[A-Z]+/);
  });
});

describe('--help', () => {
  it.each(Object.keys(commandHelp))('%s --help prints its usage and exits 0', async (command) => {
    const r = await cli(command, '--help');
    expect(r).toMatchObject({ code: exitCodes.ok, err: '' });
    expect(r.out).toMatch(new RegExp(`^Usage: podconform ${command}`));
    // every exit code, one line each (the README's table)
    expect(r.out).toMatch(
      /Exit codes:\n {2}0 {2}every case .*passed\n {2}1 {2}a case or property failed.*\n {2}2 {2}bad input/,
    );
    expect(r.out).toMatch(/\n {2}3 {2}nothing could be judged.*\n(.*\n)? {2}4 {2}podconform itself failed/);
  });
});

describe('the executable', () => {
  it('ends quietly when the reader closes the pipe (rules --json | head -c 1: 160 kB, more than a pipe holds)', async () => {
    // A real pipe through the shell (spawn's own stdio are sockets, whose buffers swallow the whole output).
    const errFile = join(dir, 'stderr.txt');
    const child = spawn(
      'bash',
      ['-c', 'node bin/podconform.mjs rules --json 2>"$ERR" | head -c 1 >/dev/null; echo "${PIPESTATUS[0]}"'],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ERR: errFile } },
    );
    let status = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (status += chunk));
    await new Promise((resolve) => child.on('close', resolve));
    expect(await readFile(errFile, 'utf8')).toBe('');
    expect(status.trim()).toBe('0');
  });
});
