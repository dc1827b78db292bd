/**
 * `podconform check` run in-process through `main`: the summary line, the documented `--json` shape, exit codes
 * 0/1/2 with located one-line problems, and `documented` blocks reported as divergences rather than failures.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseFiles } from '../../../harness/cases/index.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { main } from '../../../harness/cli/run-cli.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(
    ['check', ...argv],
    { out: (text) => (out += text), err: (text) => (err += text), isTty: false },
    repoRoot,
  );
  return { code, out, err };
}

/** A one-container pod that runs until deleted; `expect`/`documented` are appended as written. */
function caseText(id: string, judged: string): string {
  return `id: ${id}
node: {registry: up, cached: [busybox:1.36]}
pod:
  metadata: {name: ${id}}
  spec:
    restartPolicy: Always
    terminationGracePeriodSeconds: 3
    containers:
      - name: app
        image: busybox:1.36
        command: [sh, -c, "trap 'exit 143' TERM; sleep 86400 & wait $!"]
        behavior: {onTerm: exit}
observeFor: 5s
${judged}`;
}

const passing = caseText(
  'cli-passing',
  `expect:
  phase: Running
  containers:
    app: {state: running}
`,
);

const failing = caseText(
  'cli-failing',
  `expect:
  phase: Succeeded
  never: [app.started]
`,
);

const divergent = caseText(
  'cli-divergent',
  `expect:
  phase: Running
documented:
  phase: Failed
`,
);

const malformed = caseText(
  'cli-malformed',
  `expect:
  phase: Running
`,
).replace('observeFor: 5s', 'observeFor: ten seconds');

interface CheckJson {
  readonly backend: string;
  readonly cases: ReadonlyArray<{
    readonly id: string;
    readonly file: string;
    readonly status: string;
    readonly failures: ReadonlyArray<{ readonly expect: string; readonly message: string }>;
    readonly divergences?: ReadonlyArray<{ readonly expect: string; readonly message: string }>;
  }>;
  readonly summary: {
    readonly pass: number;
    readonly fail: number;
    readonly unknown: number;
    readonly noExpectations: number;
    readonly error: number;
  };
}

/** Asserts the documented `--json` shape; keys beyond the documented ones are allowed. */
function expectCheckJsonShape(value: unknown): asserts value is CheckJson {
  const record = (v: unknown): Record<string, unknown> => {
    expect(typeof v === 'object' && v !== null && !Array.isArray(v), JSON.stringify(v)).toBe(true);
    return v as Record<string, unknown>;
  };
  const top = record(value);
  expect(top.backend).toBe('model');
  const summary = record(top.summary);
  expect(Object.keys(summary).sort()).toEqual(['error', 'fail', 'noExpectations', 'pass', 'unknown']);
  for (const n of Object.values(summary)) expect(Number.isInteger(n)).toBe(true);
  expect(Array.isArray(top.cases)).toBe(true);
  for (const entry of top.cases as unknown[]) {
    const c = record(entry);
    expect(typeof c.id).toBe('string');
    expect(typeof c.file).toBe('string');
    expect(['pass', 'fail', 'unknown', 'no expectations', 'error']).toContain(c.status);
    expect(Array.isArray(c.failures)).toBe(true);
    for (const failure of c.failures as unknown[]) {
      const f = record(failure);
      expect(typeof f.expect).toBe('string');
      expect(typeof f.message).toBe('string');
    }
  }
}

describe('podconform check', () => {
  let dir: string;
  const dirs = { pass: '', fail: '', divergent: '', malformed: '' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'podconform-check-'));
    const write = async (sub: string, files: Readonly<Record<string, string>>) => {
      const path = join(dir, sub);
      await mkdir(path);
      for (const [name, text] of Object.entries(files)) await writeFile(join(path, name), text);
      return path;
    };
    dirs.pass = await write('pass', { 'passing.case.yaml': passing });
    dirs.fail = await write('fail', { 'passing.case.yaml': passing, 'failing.case.yaml': failing });
    dirs.divergent = await write('divergent', { 'divergent.case.yaml': divergent });
    dirs.malformed = await write('malformed', { 'passing.case.yaml': passing, 'bad.case.yaml': malformed });
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs the built-in library with no argument and ends with "N passed, 0 failed"', async () => {
    const { code, out, err } = await run();
    const count = (await findCaseFiles([join(repoRoot, 'specs/cases')])).files.length;
    expect(err).toBe('');
    expect(code).toBe(exitCodes.ok);
    expect(out).toMatch(new RegExp(`\\n${count} passed, 0 failed\\n$`));
  });

  it('exits 0 when every case passes', async () => {
    const { code, out } = await run(dirs.pass);
    expect(code).toBe(exitCodes.ok);
    expect(out).toMatch(/^pass {5}cli-passing {2}\(/m);
    expect(out).toMatch(/1 passed, 0 failed\n$/);
  });

  it('exits 1 when a case fails, naming the case and the failing entry', async () => {
    const { code, out, err } = await run(dirs.fail, '--verbose');
    expect(code).toBe(exitCodes.failed);
    expect(err).toBe('');
    expect(out).toMatch(/^FAIL {5}cli-failing: /m);
    expect(out).toContain('phase');
    expect(out).toMatch(/1 passed, 1 failed\n$/);
  });

  it('prints the documented JSON shape with --json', async () => {
    const { code, out } = await run(dirs.fail, '--json');
    expect(code).toBe(exitCodes.failed);
    const value: unknown = JSON.parse(out);
    expectCheckJsonShape(value);
    expect(value.summary).toEqual({ pass: 1, fail: 1, unknown: 0, noExpectations: 0, error: 0 });
    const byId = new Map(value.cases.map((c) => [c.id, c]));
    expect(byId.get('cli-passing')).toMatchObject({ status: 'pass', failures: [] });
    const failed = byId.get('cli-failing');
    expect(failed?.status).toBe('fail');
    expect(failed?.file).toContain('failing.case.yaml');
    expect(failed?.failures.map((f) => f.expect)).toEqual(expect.arrayContaining(['phase']));
  });

  it('exits 2 on a malformed case with one located line and no stack trace', async () => {
    const { code, err } = await run(dirs.malformed);
    expect(code).toBe(exitCodes.badInput);
    const lines = err.trimEnd().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/bad\.case\.yaml:\d+: observeFor: .+/);
    expect(lines[0]).toMatch(/^[^:]+:\d+: [\w.[\]]+: \S/);
    expect(err).not.toMatch(/^\s+at /m);
  });

  it('exits 2 on a path that does not exist', async () => {
    const { code, err } = await run(join(dir, 'nowhere'));
    expect(code).toBe(exitCodes.badInput);
    expect(err).toMatch(/nowhere:1: \(file\): no such file or directory/);
    expect(err).not.toMatch(/^\s+at /m);
  });

  it('reports `documented` blocks as documentation divergences, not failures', async () => {
    const text = await run(dirs.divergent);
    expect(text.code).toBe(exitCodes.ok);
    expect(text.out).toMatch(/^pass {5}cli-divergent/m);
    expect(text.out).toContain('Documentation divergences');
    expect(text.out).toMatch(/cli-divergent: documented phase: expected Failed, got Running/);
    expect(text.out).toMatch(/1 passed, 0 failed\n$/);

    const json = await run(dirs.divergent, '--json');
    expect(json.code).toBe(exitCodes.ok);
    const value: unknown = JSON.parse(json.out);
    expectCheckJsonShape(value);
    expect(value.summary).toEqual({ pass: 1, fail: 0, unknown: 0, noExpectations: 0, error: 0 });
    expect(value.cases[0]).toMatchObject({ id: 'cli-divergent', status: 'pass', failures: [] });
    expect(value.cases[0]?.divergences?.map((d) => d.expect)).toEqual(['phase']);
  });
});
