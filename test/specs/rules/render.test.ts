import { describe, expect, it } from 'vitest';
import type { Rule } from '../../../specs/rules/index.ts';
import { allRules, ruleAreas } from '../../../specs/rules/index.ts';
import { renderRulesText, renderSummaryLine, rulesJson, summarizeRules } from '../../../specs/rules/render.ts';

const sample: ReadonlyArray<Rule> = [
  {
    id: 'init.sequential',
    area: 'init',
    origin: 'documents',
    standing: 'firm',
    observable: true,
    statement: 'Init containers run one at a time.',
    sources: [{ type: 'document', file: '004_174418af09347490.txt', quote: 'They run in the order' }],
  },
  {
    id: 'kubelet.backoff.sequence',
    area: 'restart',
    origin: 'kubelet',
    standing: 'firm',
    observable: true,
    statement: 'Restart delays are 0, 10, 20 … 300 s.',
    sources: [{ type: 'kubelet', section: 'KUBELET-FACTS §4.4', code: 'backoff.go: Next' }],
  },
  {
    id: 'images.example-vague',
    area: 'images',
    origin: 'documents',
    standing: 'vague',
    standingNote: 'No bound.',
    observable: false,
    statement: 'Something loose.',
    sources: [{ type: 'document', file: '003_aa9535c0c132f4c6.txt', quote: 'loose' }],
    divergence: { documented: 'a', kubelet: 'b' },
  },
];

describe('summarizeRules', () => {
  it('counts per standing, origin and area, and the sums agree with the total', () => {
    const summary = summarizeRules(allRules);
    const sum = (counts: Readonly<Record<string, number>>) => Object.values(counts).reduce((a, b) => a + b, 0);
    expect(summary.total).toBe(allRules.length);
    expect(sum(summary.byStanding)).toBe(summary.total);
    expect(sum(summary.byOrigin)).toBe(summary.total);
    expect(sum(summary.byArea)).toBe(summary.total);
    expect(summary.byOrigin.documents).toBe(136);
  });

  it('counts divergences and observable rules', () => {
    const summary = summarizeRules(sample);
    expect(summary.withDivergence).toBe(1);
    expect(summary.observable).toBe(2);
    expect(summary.byStanding).toEqual({ firm: 2, vague: 1, 'version-dependent': 0, disputed: 0, inferred: 0 });
  });
});

describe('renderRulesText', () => {
  it('groups by area in catalogue order with one aligned line per rule and a summary line', () => {
    const text = renderRulesText(sample);
    expect(text).toBe(
      [
        'images (1)',
        '  images.example-vague      vague              Something loose.',
        '',
        'init (1)',
        '  init.sequential           firm               Init containers run one at a time.',
        '',
        'restart (1)',
        '  kubelet.backoff.sequence  firm               Restart delays are 0, 10, 20 … 300 s.',
        '',
        '3 rules: firm 2, vague 1, version-dependent 0, disputed 0, inferred 0; from documents 2, kubelet 1; 1 where the kubelet diverges from the documents',
        '',
      ].join('\n'),
    );
  });

  it('lists every rule of the catalogue once, under its area heading', () => {
    const text = renderRulesText(allRules);
    const lines = text.trimEnd().split('\n');
    const ruleLines = lines.filter((line) => line.startsWith('  '));
    expect(ruleLines).toHaveLength(allRules.length);
    const headings = lines.filter((line) => /^[a-z-]+ \(\d+\)$/.test(line)).map((line) => line.split(' ')[0]);
    expect(headings).toEqual(ruleAreas);
    expect(lines.at(-1)).toBe(renderSummaryLine(summarizeRules(allRules)));
  });

  it('renders an empty selection as just the summary', () => {
    expect(renderRulesText([])).toBe(
      '0 rules: firm 0, vague 0, version-dependent 0, disputed 0, inferred 0; from documents 0, kubelet 0; 0 where the kubelet diverges from the documents\n',
    );
  });
});

describe('rulesJson', () => {
  it('holds the rules unchanged and their summary, and survives a JSON round trip', () => {
    const value = rulesJson(sample);
    expect(value.rules).toEqual(sample);
    expect(value.summary).toEqual(summarizeRules(sample));
    expect(JSON.parse(JSON.stringify(value))).toEqual(value);
  });
});
