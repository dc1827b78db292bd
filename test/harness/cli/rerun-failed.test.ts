/**
 * `--rerun-failed results.json` runs exactly the entries that did not pass, from the scenarios the record stored,
 * on the backend given now; a case whose file is gone is judged against the model.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCaseText, toProtocolCase } from '../../../harness/cases/index.ts';
import { backendFactories } from '../../../harness/cli/backend-choice.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { defaultScenarios } from '../../../harness/run/deviation-targets.ts';
import { rerunItems, wantsRerun } from '../../../harness/run/rerun-failed.ts';
import type { ResultEntry, ResultsFile } from '../../../reports/results/schema.ts';
import { cli, repoRoot } from './cli-in-process.ts';

let dir = '';
let failing: ResultsFile;
let failingPath = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-rerun-'));
  const base = join(dir, 'first');
  const r = await cli('run', '--deviation', 'no-minimum-grace', '--runs', '20', '--seed', '1', '--report', base);
  expect(r.code).toBe(exitCodes.failed);
  failingPath = join(base, (await readFile(join(base, 'latest'), 'utf8')).trim(), 'results.json');
  failing = JSON.parse(await readFile(failingPath, 'utf8')) as ResultsFile;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `FAIL     ID: …` → ID, for every entry line printed. */
function rerunIds(out: string): string[] {
  return out
    .split('\n')
    .filter((l) => /\(was \w+; judged/.test(l))
    .map((l) => l.split(/\s+/)[1]?.replace(/:$/, '') ?? '');
}

describe('--rerun-failed', () => {
  it('runs exactly the failed entries again, and they fail again on the same deviation', async () => {
    const failed = failing.entries.filter((e) => e.status === 'fail' || e.status === 'error').map((e) => e.id);
    expect(failed.length).toBeGreaterThanOrEqual(3); // a library case, the first failing scenario, the counterexample
    const r = await cli('run', '--rerun-failed', failingPath, '--deviation', 'no-minimum-grace');
    expect(r.code).toBe(exitCodes.failed);
    expect(rerunIds(r.out)).toEqual(failed);
    expect(r.out).toContain(`reran ${failed.length}: 0 passed, ${failed.length} failed`);
    expect(r.out).toMatch(/\(was fail; judged by its case file\)/);
    expect(r.out).toMatch(/\(was fail; judged against the model\)/);
  });

  it('passes them on the conformant simulator (run) and on the model (check), and writes a new report', async () => {
    const run = await cli('run', '--rerun-failed', failingPath, '--report', join(dir, 'again'));
    expect(run.code).toBe(exitCodes.ok);
    const check = await cli('check', '--rerun-failed', failingPath);
    expect(check.code).toBe(exitCodes.ok);
    expect(rerunIds(check.out)).toEqual(rerunIds(run.out));
    const again = join(dir, 'again', (await readFile(join(dir, 'again', 'latest'), 'utf8')).trim(), 'results.json');
    const results = JSON.parse(await readFile(again, 'utf8')) as ResultsFile;
    expect(results.entries.map((e) => [e.id, e.kind, e.status])).toEqual(
      failing.entries.filter((e) => e.status === 'fail').map((e) => [e.id, e.kind, 'pass']),
    );
  });

  it('refuses options that choose new scenarios, a missing record, and --include-unknown alone (exit 2, one line)', async () => {
    let setUps = 0;
    backendFactories.set('broken-cluster', () => ({
      name: 'broken-cluster',
      clockResolutionSeconds: 0,
      setUp: () => {
        setUps++;
        return Promise.resolve({ status: 'unavailable', reason: 'no cluster' });
      },
      run: () => Promise.reject(new Error('never run')),
      tearDown: () => Promise.resolve(),
    }));
    const cases: [string[], RegExp][] = [
      [['run', '--rerun-failed', failingPath, '--seed', '3'], /--seed does not go with --rerun-failed/],
      [['run', '--rerun-failed', join(dir, 'nope.json')], /--rerun-failed: .*nope\.json: no such file/],
      // read before the backend is set up: a bad record costs no cluster
      [
        ['check', '--backend', 'broken-cluster', '--rerun-failed', join(dir, 'nope.json')],
        /--rerun-failed: .*nope\.json/,
      ],
      [['check', '--rerun-failed', failingPath, 'specs/cases'], /give no case files with it/],
      [['check', '--include-unknown'], /--include-unknown goes with --rerun-failed/],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(exitCodes.badInput);
      expect(r.err).toMatch(message);
      expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    }
    backendFactories.delete('broken-cluster');
    expect(setUps).toBe(0);
  });
});

describe('what is run again', () => {
  const entry = (status: ResultEntry['status']): ResultEntry => ({ ...(failing.entries[0] as ResultEntry), status });

  it('is fail and error, and unknown only when asked', () => {
    expect(
      ['pass', 'fail', 'unknown', 'error', 'no expectations'].filter((s) =>
        wantsRerun(entry(s as ResultEntry['status']), false),
      ),
    ).toEqual(['fail', 'error']);
    expect(wantsRerun(entry('unknown'), true)).toBe(true);
    expect(wantsRerun(entry('no expectations'), true)).toBe(false);
  });

  it('judges a case by its file while it exists, against the model once it is gone', async () => {
    const caseEntry = failing.entries.find((e) => e.kind === 'case' && e.status === 'fail') as ResultEntry;
    const copy = join(dir, 'copy.case.yaml');
    await writeFile(copy, await readFile(resolve(repoRoot, caseEntry.file ?? ''), 'utf8'));
    const options = { resultsFile: 'r.json', cwd: repoRoot, includeUnknown: false };
    const present = await rerunItems([{ ...caseEntry, file: copy }], options);
    expect(present.items.map((i) => i.how)).toEqual(['case']);
    await rm(copy);
    const gone = await rerunItems([{ ...caseEntry, file: copy }], options);
    expect(gone.items.map((i) => i.how)).toEqual(['model']);
  });

  it('is the very scenario that was recorded: the protocol JSON loads back to an equal scenario', () => {
    for (const scenario of fc.sample(defaultScenarios(), { seed: 5, numRuns: 150 })) {
      const loaded = loadCaseText(JSON.stringify(toProtocolCase(scenario)), 'stored');
      expect(loaded.status === 'ok' ? loaded.caseFile.scenario : loaded.problems).toEqual(scenario);
    }
  });

  it('reports a stored scenario that no longer loads as file:line: field: problem', async () => {
    const broken = { ...(failing.entries[0] as ResultEntry), status: 'fail' as const, scenario: { id: 'Not Kebab' } };
    const loaded = await rerunItems([broken], { resultsFile: 'r.json', cwd: repoRoot, includeUnknown: false });
    expect(loaded.items).toEqual([]);
    expect(loaded.problems[0]).toMatch(/^r\.json: entries\[0\]\.scenario \(.*\):\d+: \w+/);
  });
});
