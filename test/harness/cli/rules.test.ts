import { describe, expect, it } from 'vitest';
import { rulesCommand } from '../../../harness/cli/commands/rules.ts';
import { exitCodes } from '../../../harness/cli/io.ts';
import { allRules } from '../../../specs/rules/index.ts';
import type { RulesJson } from '../../../specs/rules/render.ts';
import { renderRulesText } from '../../../specs/rules/render.ts';

function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = rulesCommand(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    isTty: false,
  });
  return { code, out, err };
}

describe('podconform rules', () => {
  it('prints the whole catalogue as text', () => {
    const { code, out, err } = run();
    expect(code).toBe(exitCodes.ok);
    expect(err).toBe('');
    expect(out).toBe(renderRulesText(allRules));
    expect(out).toContain('init.sequential');
    expect(out).toContain('kubelet.backoff.sequence');
  });

  it('prints JSON with --json', () => {
    const { code, out } = run('--json');
    expect(code).toBe(exitCodes.ok);
    const value = JSON.parse(out) as RulesJson;
    expect(value.rules).toHaveLength(allRules.length);
    expect(value.summary.total).toBe(allRules.length);
    expect(value.summary.byOrigin.documents).toBe(136);
  });

  it('filters by area, in either option form', () => {
    for (const argv of [
      ['--area', 'sidecars'],
      ['--area=sidecars', '--json'],
    ]) {
      const { code, out } = run(...argv);
      expect(code).toBe(exitCodes.ok);
      const expected = allRules.filter((rule) => rule.area === 'sidecars');
      if (argv.includes('--json')) {
        expect((JSON.parse(out) as RulesJson).rules.map((rule) => rule.id)).toEqual(expected.map((rule) => rule.id));
      } else {
        expect(out).toBe(renderRulesText(expected));
        expect(out).not.toContain('init.sequential');
      }
    }
  });

  it('filters by origin and standing', () => {
    const { out } = run('--json', '--origin', 'documents', '--standing', 'disputed');
    const ids = (JSON.parse(out) as RulesJson).rules.map((rule) => rule.id);
    expect(ids).toContain('rtc.unknown-fails');
    expect(ids).toHaveLength(allRules.filter((r) => r.origin === 'documents' && r.standing === 'disputed').length);
  });

  it('prints usage with --help', () => {
    const { code, out } = run('--help');
    expect(code).toBe(exitCodes.ok);
    expect(out).toMatch(/^usage: podconform rules/);
  });

  it.each([
    [['--verbose'], "unknown option '--verbose'"],
    [['extra'], "unexpected argument 'extra'"],
    [['--area'], '--area needs a value'],
    [['--area='], '--area needs a value'],
    [['--area', 'kitchen'], "unknown area 'kitchen'"],
    [['--standing', 'solid'], "unknown standing 'solid'"],
    [['--json', '--origin', 'folklore'], "unknown origin 'folklore'"],
  ])('rejects %j with one line on stderr and exit 2', (argv, message) => {
    const { code, out, err } = run(...argv);
    expect(code).toBe(exitCodes.badInput);
    expect(out).toBe('');
    expect(err).toContain(message);
    expect(err.trimEnd().split('\n')).toHaveLength(1);
  });
});
