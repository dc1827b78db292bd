/**
 * Every rendered fixture is valid against test/fixtures/junit/junit.xsd (the JUnit shape CI reporters read), the
 * schema itself rejects what reporters would, and hostile text survives a real XML parser unchanged apart from the
 * characters XML cannot carry. Needs xmllint (libxml2-utils): without it these tests say they did not run, and with
 * PODCONFORM_REQUIRE_XMLLINT=1 (CI) its absence fails them. No XML parser is in node_modules, so there is no
 * pure-JS check beside it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { renderJunit } from '../../../reports/junit/index.ts';
import { fixtureNames, loadFixture } from './fixtures.ts';

const xsd = fileURLToPath(new URL('../../fixtures/junit/junit.xsd', import.meta.url));
const required = process.env['PODCONFORM_REQUIRE_XMLLINT'] === '1';
const available = spawnSync('xmllint', ['--version'], { encoding: 'utf8' }).status === 0;
if (!available && !required) {
  console.warn('note: xmllint is missing (apt-get install libxml2-utils); the JUnit XSD validation did not run');
}

const dir = mkdtempSync(join(tmpdir(), 'podconform-junit-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

let written = 0;
/** xmllint over the text written to a file of its own; its exit code and what it printed. */
function xmllint(xml: string, ...args: string[]): { readonly status: number | null; readonly output: string } {
  const file = join(dir, `doc-${written++}.xml`);
  writeFileSync(file, xml);
  const result = spawnSync('xmllint', [...args, file], { encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const validate = (xml: string) => xmllint(xml, '--noout', '--schema', xsd);
// xmllint ends the value it prints with a newline of its own.
const xpath = (xml: string, expression: string): string =>
  xmllint(xml, '--xpath', expression).output.replace(/\n$/, '');

describe.runIf(available || required)('junit.xml against the JUnit XSD (xmllint)', () => {
  it('finds xmllint', () => {
    expect(available, 'xmllint is missing and PODCONFORM_REQUIRE_XMLLINT=1: apt-get install libxml2-utils').toBe(true);
  });

  it.each(fixtureNames)('validates the rendering of junit-%s.json', (name) => {
    const result = validate(renderJunit(loadFixture(name)));
    expect(result.output).toContain('validates');
    expect(result.status).toBe(0);
  });

  const valid = renderJunit(loadFixture('fail'));
  it.each<[string, string, string]>([
    ['a testcase with two outcomes', '<failure message=', '<skipped/><failure message='],
    ['a negative count', 'tests="9"', 'tests="-1"'],
    ['a timestamp with a zone', 'timestamp="2026-12-07T01:00:00"', 'timestamp="2026-12-07T01:00:00Z"'],
    ['a testcase without a name', '<testcase name="gen-42-0 #0"', '<testcase'],
    ['an unknown element', '<system-out>', '<stdout/><system-out>'],
  ])('rejects %s (the schema constrains what reporters read)', (_what, from, to) => {
    expect(valid).toContain(from);
    const result = validate(valid.replace(from, to));
    expect(result.output).toContain('fails to validate');
    expect(result.status).not.toBe(0);
  });

  it('reads hostile text back as written, less the characters XML 1.0 cannot carry', () => {
    const xml = renderJunit(loadFixture('escaping'));
    const cleaned = 'bad <script>alert("x")</script> & \'quotes\' ]]> nul bell esc[31m ffff lone tab';
    expect(xpath(xml, 'string(//testsuite[1]/testcase[1]/failure/@message)')).toBe(
      `line one ${cleaned} end line two line three`,
    );
    expect(xpath(xml, 'string(//testsuite[1]/testcase[1]/@name)')).toBe(`pc-${cleaned}\tend`);
    expect(xpath(xml, 'string(//testsuite[1]/testcase[1]/failure)')).toContain(
      `findings:\n  fail term.prestop-before-term [check ${cleaned}\tend]`,
    );
    expect(xpath(xml, 'string(//testsuite[1]/testcase[1]/failure)')).toContain(
      `line one ${cleaned}\tend\n  line two\r\n`,
    );
  });
});
