/**
 * `--report DIR` on run and check, and `podconform report`: every case and generated scenario recorded in a fresh
 * subdirectory per run, re-rendered identically from the record, and bad paths or files refused in one line.
 */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCasesDir } from '../../../harness/cli/builtin-cases.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { emitReport, reportDestination } from '../../../harness/cli/report-option.ts';
import { findCaseFiles } from '../../../harness/cases/index.ts';
import type { ResultsFile } from '../../../reports/results/schema.ts';
import { reportRenderers } from '../../../reports/write-report.ts';
import { cli, repoRoot } from './cli-in-process.ts';

let dir = '';
let libraryCases = 0;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-report-'));
  libraryCases = (await findCaseFiles([builtinCasesDir])).files.length;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const reportFiles = ['results.json', ...reportRenderers.map((r) => r.file)].sort();

async function readResults(runDir: string): Promise<ResultsFile> {
  return JSON.parse(await readFile(join(runDir, 'results.json'), 'utf8')) as ResultsFile;
}

async function latest(base: string): Promise<string> {
  return join(base, (await readFile(join(base, 'latest'), 'utf8')).trim());
}

describe('run --report', () => {
  it('writes every file into a fresh subdirectory, and a second run does not overwrite the first', async () => {
    const base = join(dir, 'runs');
    const first = await cli('run', '--runs', '5', '--seed', '3', '--report', base);
    expect(first.code).toBe(exitCodes.ok);
    const firstDir = await latest(base);
    const second = await cli('run', '--runs', '5', '--seed', '3', '--report', base);
    expect(second.code).toBe(exitCodes.ok);
    const secondDir = await latest(base);
    expect(secondDir).not.toBe(firstDir);
    expect(firstDir).toMatch(/\/\d{8}T\d{6}Z-run-seed-3$/);
    // within the same second the second run gets `-2`; later, a later stamp
    expect(secondDir === `${firstDir}-2` || /\/\d{8}T\d{6}Z-run-seed-3$/.test(secondDir)).toBe(true);
    for (const runDir of [firstDir, secondDir]) expect((await readdir(runDir)).sort()).toEqual(reportFiles);
    // the paths are printed on stderr, one line each
    for (const f of reportFiles) expect(second.err).toContain(`report: ${join(secondDir, f)}\n`);
    expect((await readdir(base)).sort()).toEqual(
      [firstDir, secondDir, join(base, 'latest')].map((p) => p.slice(base.length + 1)).sort(),
    );
  });

  it('records every library case and every generated scenario, each with its own replay line', async () => {
    const results = await readResults(await latest(join(dir, 'runs')));
    expect(results.schemaVersion).toBe(1);
    expect(results.kind).toBe('podconform-results');
    expect(results.command).toBe('run');
    expect(results.seed).toBe(3);
    expect(results.replay).toBe('npx podconform run --backend sim --seed 3 --runs 5');
    expect(results.entries.length).toBe(libraryCases + 5);
    expect(results.entries.filter((e) => e.kind === 'case').length).toBe(libraryCases);
    const scenarios = results.entries.filter((e) => e.kind === 'scenario');
    expect(scenarios.map((e) => e.index)).toEqual([0, 1, 2, 3, 4]);
    expect(scenarios.map((e) => e.replay)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `npx podconform run --backend sim --seed 3 --path ${i} --runs 1`),
    );
    expect(results.summary.total).toBe(results.entries.length);
  });

  it('records the one scenario a replay line runs, as the whole run recorded it', async () => {
    const whole = await readResults(await latest(join(dir, 'runs')));
    const third = whole.entries.find((e) => e.kind === 'scenario' && e.index === 2);
    const base = join(dir, 'replay');
    const r = await cli(...(third?.replay ?? '').split(' ').slice(2), '--report', base);
    expect(r.code).toBe(exitCodes.ok);
    const replayed = await readResults(await latest(base));
    expect(replayed.replay).toBe(third?.replay);
    expect(replayed.entries.map((e) => [e.kind, e.index, e.id, e.status, e.replay])).toEqual([
      ['scenario', 2, third?.id, third?.status, third?.replay],
    ]);
  });

  it('records the shrunk counterexample after the scenarios up to the first failure', async () => {
    const base = join(dir, 'failing');
    const r = await cli('run', '--deviation', 'no-minimum-grace', '--runs', '20', '--seed', '1', '--report', base);
    expect(r.code).toBe(exitCodes.failed);
    const results = await readResults(await latest(base));
    const scenarios = results.entries.filter((e) => e.kind === 'scenario');
    const counterexamples = results.entries.filter((e) => e.kind === 'counterexample');
    expect(counterexamples.map((e) => e.status)).toEqual(['fail']);
    // the generated scenarios stop at the first failing one, which the counterexample was shrunk from
    expect(scenarios.at(-1)?.status).toBe('fail');
    expect(scenarios.slice(0, -1).every((e) => e.status !== 'fail')).toBe(true);
    const firstFailing = scenarios.at(-1)?.index ?? -1;
    expect(counterexamples[0]?.replay).toContain(`--path ${firstFailing}:`);
    expect(results.entries.length).toBe(libraryCases + firstFailing + 2);
  });
});

describe('check --report', () => {
  it('records every case checked', async () => {
    const base = join(dir, 'check');
    const r = await cli('check', '--report', base);
    expect(r.code).toBe(exitCodes.ok);
    const runDir = await latest(base);
    expect(runDir).toMatch(/\/\d{8}T\d{6}Z-check$/);
    const results = await readResults(runDir);
    expect(results.command).toBe('check');
    expect(results.entries.length).toBe(libraryCases);
    expect(results.entries.every((e) => e.kind === 'case')).toBe(true);
    // each case as seen from where the command ran, with the line that judges it again
    for (const e of results.entries) {
      expect(e.file).toMatch(/^specs\/cases\/.*\.case\.yaml$/);
      expect(e.replay).toBe(`npx podconform check ${e.file ?? ''}`);
    }
    expect(results.replay).toBe('npx podconform check');
  });
});

describe('podconform report', () => {
  it('renders the same files again from results.json, running nothing', async () => {
    const original = await latest(join(dir, 'runs'));
    const out = join(dir, 'rerendered');
    const r = await cli('report', join(original, 'results.json'), '--out', out);
    expect(r.code).toBe(exitCodes.ok);
    expect(r.out).toBe('');
    expect((await readdir(out)).sort()).toEqual(reportFiles);
    for (const f of reportFiles) {
      expect(await readFile(join(out, f), 'utf8'), f).toBe(await readFile(join(original, f), 'utf8'));
    }
  });

  it('refuses a record of a newer schema, a missing file and a missing --out in one line (exit 2)', async () => {
    const newer = join(dir, 'newer.json');
    const original = await readResults(await latest(join(dir, 'runs')));
    await writeFile(newer, JSON.stringify({ ...original, schemaVersion: 2 }));
    const cases: [string[], RegExp][] = [
      [[newer, '--out', join(dir, 'x')], /newer\.json: schemaVersion: 2 is newer than this podconform reads/],
      [[join(dir, 'missing.json'), '--out', join(dir, 'x')], /missing\.json/],
      [[newer], /--out DIR is needed/],
      [[], /which results\.json/],
    ];
    for (const [args, message] of cases) {
      const r = await cli('report', ...args);
      expect(r.code, args.join(' ')).toBe(exitCodes.badInput);
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
  });
});

describe('bad --report paths', () => {
  it('are one line naming --report and the path, exit 2, before anything runs', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, '');
    for (const command of [['run', '--runs', '1'], ['check']]) {
      const r = await cli(...command, '--report', join(file, 'sub'));
      expect(r.code).toBe(exitCodes.badInput);
      expect(r.out).toBe('');
      expect(r.err).toMatch(
        new RegExp(
          `^podconform ${command[0] ?? ''}: --report: cannot write a report to '.*a-file/sub' \\(E[A-Z]+: .*\\)\\n$`,
        ),
      );
    }
  });
});

describe('a renderer that fails', () => {
  it('loses nothing: results.json is written, one line says which file failed, exit 4', async () => {
    const original = await readResults(await latest(join(dir, 'runs')));
    let err = '';
    const io = { out: () => undefined, err: (t: string) => (err += t), isTty: false };
    const destination = await reportDestination(join(dir, 'broken-renderer'), repoRoot);
    if (destination.status !== 'ok' || destination.destination === undefined) throw new Error('not writable');
    const base = destination.destination.dir;
    const code = await emitReport(io, repoRoot, 'podconform run', destination.destination, original, [
      {
        file: 'report.html',
        render: () => {
          throw new Error('no <svg> today\nsecond line');
        },
      },
      { file: 'junit.xml', render: () => '<testsuites/>' },
    ]);
    expect(code).toBe(exitCodes.internalError);
    const runDir = await latest(base);
    expect((await readdir(runDir)).sort()).toEqual(['junit.xml', 'results.json']);
    expect(await readResults(runDir)).toEqual(original);
    expect(err).toContain('podconform run: --report: report.html could not be rendered');
    expect(err).toContain('no <svg> today\n');
    expect(err).not.toContain('second line');
  });
});
