import { describe, expect, it } from 'vitest';
import { conformanceMarkdown } from '../../scripts/conformance-markdown.ts';
import { sampleResults } from '../reports/sample-results.ts';

// The library and a batch on the simulator with preStop hooks skipped: a real results.json with failures of both kinds.
const results = await sampleResults({ deviation: 'prestop-skipped-on-delete', scenarios: 8 });
const markdown = conformanceMarkdown(results, { command: 'npx tsx scripts/conformance-report.ts --backend sim' });
const lines = markdown.split('\n');

describe('the conformance report rendered from results.json', () => {
  it('counts the library and the batch as the record does', () => {
    const cases = results.entries.filter((e) => e.kind === 'case');
    const failedCases = cases.filter((e) => e.status === 'fail').length;
    const libraryLine = lines.find((l) => l.startsWith('- Case library (`specs/cases`): '));
    expect(libraryLine).toContain(`${cases.length - failedCases} pass, ${failedCases} fail`);
    expect(markdown).toContain('- Generated batch (seed 42, 8 scenarios):');
    const caseRows = lines.slice(lines.indexOf('## Case library, case by case') + 4).filter((l) => l.startsWith('| `'));
    expect(caseRows).toHaveLength(cases.length);
  });

  it('tallies failing scenarios rule by rule, with the replay line of the first', () => {
    const failing = results.entries.filter((e) => e.kind === 'scenario' && e.status === 'fail');
    expect(failing.length).toBeGreaterThan(0);
    const row = lines.find((l) => l.startsWith('| `term.prestop-first` |'));
    const named = failing.filter((e) => e.findings.some((f) => f.status === 'fail' && f.rule === 'term.prestop-first'));
    expect(row).toContain(`| ${named.length} of 8 |`);
    expect(row).toContain(named[0]?.replay ?? 'no replay');
    for (const e of failing) expect(markdown).toContain(`- #${e.index ?? -1} \`${e.id}\``);
  });

  it('says a failure no known cause explains is not explained (the sim has no table of causes)', () => {
    expect(lines.find((l) => l.startsWith('| not explained |'))).toBeDefined();
  });
});
