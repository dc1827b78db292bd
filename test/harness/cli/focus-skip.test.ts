/**
 * `--focus GLOB` and `--skip GLOB` on check and run: focus runs only the cases that exercise a matching rule and
 * counts only violations of matching rules, skip the reverse; a glob that matches no rule is refused; the filters
 * are recorded in results.json and repeated by the replay line.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCasesDir } from '../../../harness/cli/builtin-cases.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { findCaseFiles, loadCaseFile } from '../../../harness/cases/index.ts';
import { ruleFilter } from '../../../harness/run/rule-filter.ts';
import { ruleMatcher } from '../../../harness/run/rule-glob.ts';
import type { ResultsFile } from '../../../reports/results/schema.ts';
import { cli } from './cli-in-process.ts';

let dir = '';
const library: { id: string; rules: ReadonlyArray<string> }[] = [];
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'podconform-focus-'));
  for (const file of (await findCaseFiles([builtinCasesDir])).files) {
    const loaded = await loadCaseFile(file);
    if (loaded.status === 'ok')
      library.push({ id: loaded.caseFile.scenario.id, rules: loaded.caseFile.scenario.rules });
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function checkedIds(...args: string[]): Promise<string[]> {
  const r = await cli('check', '--json', ...args);
  expect(r.code, r.err).toBe(exitCodes.ok);
  return (JSON.parse(r.out) as { cases: { id: string }[] }).cases.map((c) => c.id);
}

const anyMatch = (glob: string, rules: ReadonlyArray<string>): boolean => rules.some(ruleMatcher(glob));

describe('check --focus/--skip', () => {
  it('runs only the cases exercising a focused rule, and none exercising a skipped one', async () => {
    const focused = library.filter((c) => anyMatch('init.*', c.rules)).map((c) => c.id);
    const skipped = library.filter((c) => !anyMatch('init.*', c.rules)).map((c) => c.id);
    const both = library.filter((c) => anyMatch('init.*', c.rules) && !anyMatch('kubelet.*', c.rules)).map((c) => c.id);
    expect(focused.length).toBeGreaterThan(0);
    expect(both.length).toBeGreaterThan(0);
    expect(both.length).toBeLessThan(focused.length);
    expect(await checkedIds('--focus', 'init.*')).toEqual(focused);
    expect(await checkedIds('--skip', 'init.*')).toEqual(skipped);
    expect(await checkedIds('--focus', 'init.*', '--skip', 'kubelet.*')).toEqual(both);
  });
});

describe('run --focus/--skip', () => {
  it('counts only violations of focused rules: a grace deviation passes under --focus init.*', async () => {
    const args = ['run', '--deviation', 'no-minimum-grace', '--runs', '20', '--seed', '1'];
    expect((await cli(...args)).code).toBe(exitCodes.failed);
    expect((await cli(...args, '--focus', 'init.*')).code).toBe(exitCodes.ok);
  });

  it('never reports a violation of a skipped rule', async () => {
    const r = await cli(
      'run',
      '--deviation',
      'no-minimum-grace',
      '--runs',
      '20',
      '--seed',
      '1',
      '--skip',
      'kubelet.grace.*',
      '--json',
    );
    const json = JSON.parse(r.out) as { counterexample?: { violations: { rule: string }[] } };
    // it still fails, through other rules the deviation breaks (a kill of a container that already exited)
    expect(r.code).toBe(exitCodes.failed);
    expect(json.counterexample?.violations.length).toBeGreaterThan(0);
    for (const v of json.counterexample?.violations ?? []) expect(v.rule).not.toMatch(/^kubelet\.grace\./);
  });

  it('records the filters in results.json and repeats them in every replay line', async () => {
    const base = join(dir, 'report');
    const r = await cli(
      'run',
      '--runs',
      '2',
      '--seed',
      '2',
      '--focus',
      'init.*',
      '--skip',
      'init.sequential',
      '--report',
      base,
    );
    expect(r.code).toBe(exitCodes.ok);
    const runDir = join(base, (await readFile(join(base, 'latest'), 'utf8')).trim());
    const results = JSON.parse(await readFile(join(runDir, 'results.json'), 'utf8')) as ResultsFile;
    expect(results.filters).toEqual({ focus: 'init.*', skip: 'init.sequential' });
    expect(results.replay).toContain("--focus 'init.*' --skip init.sequential");
    const scenarios = results.entries.filter((e) => e.kind === 'scenario');
    expect(scenarios).toHaveLength(2);
    for (const e of scenarios) expect(e.replay).toContain("--focus 'init.*' --skip init.sequential");
    const filter = ruleFilter({ focus: 'init.*', skip: 'init.sequential' });
    expect(results.entries.filter((e) => e.kind === 'case').map((e) => e.id)).toEqual(
      library.filter((c) => filter?.selects(c.rules)).map((c) => c.id),
    );
  });

  it('keeps --rules as the older name of --focus', async () => {
    const a = await cli('run', '--deviation', 'no-minimum-grace', '--runs', '20', '--seed', '1', '--rules', 'init.*');
    expect(a.code).toBe(exitCodes.ok);
    expect(a.out).toContain('Case library: 10 passed');
  });
});

describe('bad filters', () => {
  it('are one line and exit 2, before anything runs', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['check', '--focus', 'no.such.*'],
        /^podconform check: --focus 'no\.such\.\*' matches no rule \(see podconform rules\)\n$/,
      ],
      [['check', '--skip', 'init.*,nope'], /^podconform check: --skip 'nope' matches no rule/],
      [['run', '--focus', 'nope'], /^podconform run: --focus 'nope' matches no rule/],
      [['run', '--skip', ' '], /^podconform run: --skip ' ' matches no rule/],
      [
        ['run', '--rules', 'init.*', '--focus', 'init.*'],
        /^podconform run: --rules is the older name of --focus: give one of them\n$/,
      ],
    ];
    for (const [args, message] of cases) {
      const r = await cli(...args);
      expect(r.code, args.join(' ')).toBe(exitCodes.badInput);
      expect(r.err).toMatch(message);
      expect(r.out).toBe('');
    }
  });
});

describe('ruleFilter', () => {
  it('selects a case by any of its rules and counts a violation by its own rule', () => {
    const f = ruleFilter({ focus: 'init.*,term.*', skip: 'term.kill-*' });
    expect(f?.selects(['init.sequential'])).toBe(true);
    expect(f?.selects(['init.sequential', 'term.kill-after-grace'])).toBe(false);
    expect(f?.selects(['pull.always-every-start'])).toBe(false);
    expect(f?.selects([])).toBe(false);
    expect(f?.counts('term.prestop-before-term')).toBe(true);
    expect(f?.counts('term.kill-after-grace')).toBe(false);
    expect(f?.counts('kubelet.grace.minimum')).toBe(false);
    expect(ruleFilter({ skip: 'init.*' })?.selects([])).toBe(true);
    expect(ruleFilter({})).toBeUndefined();
  });
});
