/**
 * junit.xml's content over hand-built results files: suites, classnames and names, counts, times, and what each
 * verdict becomes (pass: nothing, fail: <failure>, unknown and no expectations: <skipped>, error: <error>), with
 * the rules suite judged over every entry. The XSD and the printed escaping are checked in xmllint.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { junitDocument, renderJunit } from '../../../reports/junit/index.ts';
import type { ResultEntry, ResultsFile } from '../../../reports/results/schema.ts';
import type { XmlElement } from '../../../reports/junit/xml.ts';
import { attr, childrenNamed, loadFixture, suiteNamed, testcaseNamed } from './fixtures.ts';

const outcomeOf = (testcase: XmlElement): XmlElement | undefined =>
  (testcase.children ?? []).find((c) => c.name === 'failure' || c.name === 'error' || c.name === 'skipped');

const systemOut = (testcase: XmlElement): string => childrenNamed(testcase, 'system-out')[0]?.text ?? '';

const countsOf = (element: XmlElement) => ({
  tests: attr(element, 'tests'),
  failures: attr(element, 'failures'),
  errors: attr(element, 'errors'),
  skipped: attr(element, 'skipped'),
});

describe('a passing run', () => {
  const root = junitDocument(loadFixture('pass'));

  it('has a cases suite and a rules suite, no generated suite, every testcase without an outcome', () => {
    expect(childrenNamed(root, 'testsuite').map((s) => attr(s, 'name'))).toEqual([
      'podconform cases',
      'podconform rules',
    ]);
    const testcases = childrenNamed(root, 'testsuite').flatMap((s) => childrenNamed(s, 'testcase'));
    expect(testcases.map(outcomeOf)).toEqual(testcases.map(() => undefined));
    expect(countsOf(root)).toEqual({ tests: '5', failures: '0', errors: '0', skipped: undefined });
  });

  it('names cases by id under cases.<folder>, with their file and time in seconds', () => {
    const cases = suiteNamed(root, 'podconform cases');
    const testcase = testcaseNamed(cases, 'pc-hook-prestop-exec-before-term');
    expect(attr(testcase, 'classname')).toBe('cases.hooks');
    expect(attr(testcase, 'file')).toBe('specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml');
    expect(attr(testcase, 'time')).toBe('1.234');
    expect(attr(testcaseNamed(cases, 'pc-init-sequential'), 'classname')).toBe('cases.init');
    expect(attr(cases, 'time')).toBe('2.468');
  });

  it('dates each suite from startedAt without zone or fractions, and times the whole run from start to finish', () => {
    for (const suite of childrenNamed(root, 'testsuite')) expect(attr(suite, 'timestamp')).toBe('2026-12-07T01:00:00');
    expect(attr(root, 'time')).toBe('12.500');
    expect(attr(suiteNamed(root, 'podconform cases'), 'hostname')).toBeUndefined();
  });

  it('lists one rule testcase per exercised rule, named by id under rules.<area>, saying how often it was judged', () => {
    const rules = suiteNamed(root, 'podconform rules');
    expect(childrenNamed(rules, 'testcase').map((t) => [attr(t, 'classname'), attr(t, 'name')])).toEqual([
      ['rules.hooks', 'hooks.prestop-triggers'],
      ['rules.init', 'init.sequential'],
      ['rules.termination', 'term.prestop-before-term'],
    ]);
    expect(systemOut(testcaseNamed(rules, 'init.sequential'))).toBe('judged in 1 entry: 1 pass, 0 fail, 0 unknown\n');
  });

  it('carries the run as properties on each suite', () => {
    const properties = childrenNamed(suiteNamed(root, 'podconform rules'), 'properties')[0];
    const pairs = childrenNamed(properties ?? { name: 'none' }, 'property').map((p) => [
      attr(p, 'name'),
      attr(p, 'value'),
    ]);
    expect(pairs).toContainEqual(['backend', 'exec']);
    expect(pairs).toContainEqual(['replay', "npx podconform check --backend exec:'node my-adapter.mjs'"]);
    expect(pairs).toContainEqual(['kubernetesVersion', '1.35']);
  });
});

describe('a run with failures', () => {
  const root = junitDocument(loadFixture('fail'));

  it('fails a case with its first divergence as the one-line message and every finding, the replay and the file as text', () => {
    const testcase = testcaseNamed(suiteNamed(root, 'podconform cases'), 'pc-hook-prestop-exec-before-term');
    const failure = outcomeOf(testcase);
    expect(failure?.name).toBe('failure');
    expect(failure && attr(failure, 'message')).toBe(
      'web.preStop.finished should come before web.term; web.term came 1.98 s earlier',
    );
    expect(failure && attr(failure, 'type')).toBe('term.prestop-before-term');
    expect(failure?.text).toContain('fail term.prestop-before-term [points.order[0]] at web.term, 3.02 s:');
    expect(failure?.text).toContain('fail (no rule) [timing[0]]: pod.deleteRequested → web.term');
    expect(failure?.text).toContain(
      "replay: npx podconform check --backend exec:'node my-adapter.mjs' specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml",
    );
    expect(failure?.text).toContain('case file: specs/cases/hooks/pc-hook-prestop-exec-before-term.case.yaml');
  });

  it('names generated scenarios by id and index, the replay line in system-out, the shrunk case file in a failure', () => {
    const generated = suiteNamed(root, 'podconform generated scenarios');
    expect(childrenNamed(generated, 'testcase').map((t) => [attr(t, 'classname'), attr(t, 'name')])).toEqual([
      ['scenarios.generated', 'gen-42-0 #0'],
      ['scenarios.generated', 'gen-42-1 #1'],
      ['scenarios.counterexample', 'counterexample gen-42-1-shrunk #1'],
    ]);
    expect(systemOut(testcaseNamed(generated, 'gen-42-0 #0'))).toBe(
      "replay: npx podconform run --backend exec:'node my-adapter.mjs' --seed 42 --path 0\n",
    );
    const shrunk = outcomeOf(testcaseNamed(generated, 'counterexample gen-42-1-shrunk #1'));
    expect(shrunk?.text).toContain('case file (save as NAME.case.yaml):\nid: gen-42-1-shrunk\npod:');
    expect(shrunk?.text).toContain('--seed 42 --path 1:0:0');
  });

  it('fails each rule some entry failed, with that entry’s divergence and replay line; passes the others', () => {
    const rules = suiteNamed(root, 'podconform rules');
    const preStop = outcomeOf(testcaseNamed(rules, 'term.prestop-before-term'));
    expect(preStop && attr(preStop, 'message')).toBe(
      'web.preStop.finished should come before web.term; web.term came 1.98 s earlier',
    );
    expect(preStop?.text).toContain('- case pc-hook-prestop-exec-before-term (specs/cases/hooks/');
    expect(preStop?.text).toContain('replay: npx podconform check');
    const grace = outcomeOf(testcaseNamed(rules, 'kubelet.grace.minimum'));
    expect(grace?.name).toBe('failure');
    expect(grace?.text).toContain('judged in 2 entries: 0 pass, 2 fail, 0 unknown');
    expect(outcomeOf(testcaseNamed(rules, 'hooks.prestop-triggers'))).toBeUndefined();
    expect(outcomeOf(testcaseNamed(rules, 'init.sequential'))).toBeUndefined();
  });

  it('counts per suite and in total what the testcases say', () => {
    expect(countsOf(suiteNamed(root, 'podconform cases'))).toEqual({
      tests: '2',
      failures: '1',
      errors: '0',
      skipped: '0',
    });
    expect(countsOf(suiteNamed(root, 'podconform generated scenarios'))).toEqual({
      tests: '3',
      failures: '2',
      errors: '0',
      skipped: '0',
    });
    expect(countsOf(suiteNamed(root, 'podconform rules'))).toEqual({
      tests: '4',
      failures: '2',
      errors: '0',
      skipped: '0',
    });
    expect(countsOf(root)).toEqual({ tests: '9', failures: '5', errors: '0', skipped: undefined });
    expect(attr(suiteNamed(root, 'podconform generated scenarios'), 'time')).toBe('2.400');
  });
});

describe('a run with unknowns', () => {
  const root = junitDocument(loadFixture('unknown'));
  const cases = suiteNamed(root, 'podconform cases');

  it('skips an unknown case with why — the finding, else the backend’s reason — never passing or failing it', () => {
    const byFinding = outcomeOf(testcaseNamed(cases, 'pc-hook-prestop-exec-before-term'));
    expect(byFinding?.name).toBe('skipped');
    expect(byFinding && attr(byFinding, 'message')).toBe(
      'unknown: web.preStop.finished and web.term are 0.10 s apart, under the 0.50 s tolerance: their order cannot be told',
    );
    const byReason = outcomeOf(testcaseNamed(cases, 'pc-init-sequential'));
    expect(byReason && attr(byReason, 'message')).toBe(
      'unknown: the exec: command exited with code 1 before answering',
    );
  });

  it('skips a case without expectations as such', () => {
    const skipped = outcomeOf(testcaseNamed(cases, 'pc-no-expect'));
    expect(skipped && attr(skipped, 'message')).toBe(
      'no expectations: the case has no expect block, nothing was judged',
    );
    expect(countsOf(cases)).toEqual({ tests: '3', failures: '0', errors: '0', skipped: '3' });
  });

  it('skips a rule no entry could judge, with why; passes a rule judged once and unknown elsewhere', () => {
    const rules = suiteNamed(root, 'podconform rules');
    const preStop = outcomeOf(testcaseNamed(rules, 'term.prestop-before-term'));
    expect(preStop?.name).toBe('skipped');
    expect(preStop && attr(preStop, 'message')).toMatch(
      /^unknown: no entry could judge it \(1 entry\): web\.preStop\.finished and web\.term are 0\.10 s apart/,
    );
    const init = outcomeOf(testcaseNamed(rules, 'init.sequential'));
    expect(init && attr(init, 'message')).toBe(
      'unknown: no entry could judge it (1 entry): the exec: command exited with code 1 before answering',
    );
    expect(outcomeOf(testcaseNamed(rules, 'hooks.prestop-triggers'))).toBeUndefined();
  });
});

describe('a run with errors', () => {
  const root = junitDocument(loadFixture('error'));

  it('turns an error entry into <error> with the reason, counted as an error and not a failure', () => {
    const cases = suiteNamed(root, 'podconform cases');
    const error = outcomeOf(testcaseNamed(cases, 'pc-hook-prestop-exec-before-term'));
    expect(error?.name).toBe('error');
    expect(error && attr(error, 'message')).toBe('the model threw: TypeError: cannot read properties of undefined');
    expect(countsOf(cases)).toEqual({ tests: '2', failures: '0', errors: '1', skipped: '0' });
    expect(countsOf(root)).toMatchObject({ failures: '0', errors: '1' });
  });

  it('lists files that could not be loaded in the cases suite’s system-err', () => {
    const err = childrenNamed(suiteNamed(root, 'podconform cases'), 'system-err')[0];
    expect(err?.text).toContain(
      "specs/cases/bad.case.yaml:7: pod.spec.restartPolicy: unknown restart policy 'Sometimes'",
    );
  });
});

describe('rules judged across entries (built in code)', () => {
  const base = loadFixture('pass');
  const entry = (id: string, over: Partial<ResultEntry>): ResultEntry => ({
    kind: 'case',
    id,
    status: 'pass',
    scenario: {},
    caseYaml: '',
    rules: [],
    findings: [],
    divergences: [],
    ...over,
  });
  const withEntries = (entries: ReadonlyArray<ResultEntry>, over: Partial<ResultsFile> = {}): ResultsFile => ({
    ...base,
    entries,
    ...over,
  });

  it('gives a failed rule the divergence on that rule, not the entry’s first divergence on another rule', () => {
    const results = withEntries([
      entry('two-rules', {
        status: 'fail',
        rules: [
          { rule: 'init.sequential', status: 'fail' },
          { rule: 'kubelet.grace.minimum', status: 'fail' },
        ],
        findings: [
          { status: 'fail', rule: 'init.sequential', check: 'order', message: 'init2 started before init1 exited' },
          { status: 'fail', rule: 'kubelet.grace.minimum', check: 'window', message: 'KILL came 0.5 s after TERM' },
        ],
      }),
    ]);
    const rules = suiteNamed(junitDocument(results), 'podconform rules');
    const grace = outcomeOf(testcaseNamed(rules, 'kubelet.grace.minimum'));
    expect(grace && attr(grace, 'message')).toBe('KILL came 0.5 s after TERM');
    const init = outcomeOf(testcaseNamed(rules, 'init.sequential'));
    expect(init && attr(init, 'message')).toBe('init2 started before init1 exited');
  });

  it('counts a rule named only by a finding, and files a rule the catalogue lacks under rules.uncatalogued', () => {
    const results = withEntries([
      entry('finding-only', {
        status: 'fail',
        findings: [{ status: 'fail', rule: 'made.up-rule', check: 'window', message: 'late' }],
      }),
    ]);
    const testcase = testcaseNamed(suiteNamed(junitDocument(results), 'podconform rules'), 'made.up-rule');
    expect(attr(testcase, 'classname')).toBe('rules.uncatalogued');
    expect(outcomeOf(testcase)?.name).toBe('failure');
  });

  it('passes a rule that passed somewhere and was unknown elsewhere, saying so', () => {
    const results = withEntries([
      entry('a', { rules: [{ rule: 'init.sequential', status: 'pass' }] }),
      entry('b', { status: 'unknown', rules: [{ rule: 'init.sequential', status: 'unknown' }] }),
    ]);
    const testcase = testcaseNamed(suiteNamed(junitDocument(results), 'podconform rules'), 'init.sequential');
    expect(outcomeOf(testcase)).toBeUndefined();
    expect(systemOut(testcase)).toBe('judged in 2 entries: 1 pass, 0 fail, 1 unknown\n');
  });

  it('writes the hostname when the results record one, and leaves time out when no entry was timed', () => {
    const results = withEntries([entry('untimed', {})], { hostname: 'ci-runner-7' });
    const cases = suiteNamed(junitDocument(results), 'podconform cases');
    expect(attr(cases, 'hostname')).toBe('ci-runner-7');
    expect(attr(cases, 'time')).toBeUndefined();
    expect(attr(testcaseNamed(cases, 'untimed'), 'time')).toBeUndefined();
  });

  it('renders the same text for the same results (no clock, no host lookup)', () => {
    const results = loadFixture('fail');
    expect(renderJunit(results)).toBe(renderJunit(structuredClone(results)));
  });
});

describe('a results file hostile to XML', () => {
  const xml = renderJunit(loadFixture('escaping'));

  it('prints no raw markup, CDATA end or illegal character from the input', () => {
    expect(xml).not.toContain('<script>');
    expect(xml).not.toContain(']]>');
    // eslint-disable-next-line no-control-regex -- looking for control characters is the point
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).not.toMatch(/[\uD800-\uDFFF]/);
  });

  it('keeps a failure message on one line and the error of a generated scenario as <error>', () => {
    const root = junitDocument(loadFixture('escaping'));
    const failure = outcomeOf(childrenNamed(suiteNamed(root, 'podconform cases'), 'testcase')[0] ?? { name: 'none' });
    expect(failure && attr(failure, 'message')).not.toMatch(/[\n\r]/);
    const generated = childrenNamed(suiteNamed(root, 'podconform generated scenarios'), 'testcase')[0];
    expect(generated && outcomeOf(generated)?.name).toBe('error');
  });
});
