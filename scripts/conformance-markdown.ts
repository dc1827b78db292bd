/**
 * The Markdown conformance report of a real backend, rendered from a results.json and nothing else: the case library
 * case by case and a generated batch, tallied by cause and rule by rule, each failure with its replay line and, where
 * the backend is known, the source that explains it (conformance-explanations.ts).
 */
import { loadCaseText } from '../harness/cases/index.ts';
import type { Scenario } from '../specs/vocabulary/index.ts';
import type { ResultEntry, ResultsFile } from '../reports/results/schema.ts';
import { explainFailure, type FailureFacts } from './conformance-explanations.ts';

/** What the run knew that results.json does not hold: how it was made and how the slots were used. */
export interface MarkdownRunFacts {
  readonly command: string;
  readonly toleranceSeconds?: number;
  readonly librarySlotUse?: string;
  readonly batchSlotUse?: string;
  readonly casesDir?: string;
}

type Cause = { readonly name: string; readonly why: string } | undefined;

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function summary(entries: ReadonlyArray<ResultEntry>): string {
  return ['pass', 'fail', 'unknown', 'error', 'no expectations']
    .map((s) => [s, entries.filter((e) => e.status === s).length] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`)
    .join(', ');
}

function scenarioOf(entry: ResultEntry): Scenario | undefined {
  const loaded = loadCaseText(JSON.stringify(entry.scenario), entry.id);
  return loaded.status === 'ok' ? loaded.caseFile.scenario : undefined;
}

/** The facts the classifier reads: the failing sentences (a violation with its rule, a case entry with its check). */
function factsOf(entry: ResultEntry): FailureFacts | undefined {
  const scenario = scenarioOf(entry);
  if (scenario === undefined) return undefined;
  const failed = entry.findings.filter((f) => f.status === 'fail');
  const messages = failed.map((f) =>
    entry.kind === 'case' ? `${f.check}: ${f.message}` : f.rule === undefined ? f.message : `${f.rule}: ${f.message}`,
  );
  return { scenario, messages, ...(entry.backendSaid === undefined ? {} : { said: entry.backendSaid }) };
}

function causeOf(backend: string, entry: ResultEntry): Cause {
  const facts = factsOf(entry);
  return facts === undefined ? undefined : explainFailure(backend, facts);
}

function failuresByRule(entries: ReadonlyArray<ResultEntry>): Map<string, ResultEntry[]> {
  const byRule = new Map<string, ResultEntry[]>();
  for (const entry of entries.filter((e) => e.status === 'fail')) {
    for (const rule of new Set(entry.findings.flatMap((f) => (f.status === 'fail' && f.rule ? [f.rule] : [])))) {
      byRule.set(rule, [...(byRule.get(rule) ?? []), entry]);
    }
  }
  return byRule;
}

function whyUnknown(entry: ResultEntry): string {
  if (entry.outcomeReason !== undefined) return cell(entry.outcomeReason);
  const unobserved = entry.findings
    .filter((f) => f.status === 'unknown')
    .map((f) => f.message.replace(/^could not be judged: /, ''));
  return `not observable: ${unobserved.slice(0, 3).join(', ')}`;
}

/** The report as Markdown. */
export function conformanceMarkdown(results: ResultsFile, facts: MarkdownRunFacts): string {
  const backend = results.backend.name;
  const cases = results.entries.filter((e) => e.kind === 'case');
  const batch = results.entries.filter((e) => e.kind === 'scenario');
  const lines: string[] = [];
  lines.push(`# ${backend} conformance report`, '');
  const tolerance = facts.toleranceSeconds === undefined ? '' : ` Tolerance: ${facts.toleranceSeconds} s.`;
  lines.push(
    `A real run of \`${backend}\` (version ${results.backend.version ?? 'unknown'}) made on ` +
      `${results.startedAt.slice(0, 16).replace('T', ' ')} UTC by \`${facts.command}\` on this project's machine ` +
      `(Debian 12, 2 shared cores).${tolerance} A failure names the rule the implementation broke; \`unknown\` is what ` +
      `the backend cannot show. How the backend observes and its timing: ` +
      `\`${backend === 'podman' ? 'harness/backends/podman/README.md' : 'docs/kind.md'}\`` +
      (backend === 'podman' ? '; what podman 4.3 honours: `../shared/PODMAN.md`.' : '.') +
      ' Every entry, with its timeline, is in the run\u2019s results.json and report.html.',
    '',
  );
  const use = (line: string | undefined): string => (line === undefined ? '' : `; ${line}`);
  lines.push(`- Case library (\`${facts.casesDir ?? 'specs/cases'}\`): ${summary(cases)}${use(facts.librarySlotUse)}.`);
  lines.push(
    `- Generated batch (seed ${results.seed ?? '?'}, ${batch.length} scenarios): ${summary(batch)}${use(facts.batchSlotUse)}.`,
    '',
  );
  // Every failure with its cause: the point of the report is that each one is the implementation's, with a source.
  const causes = new Map<ResultEntry, Cause>();
  for (const e of results.entries.filter((x) => x.status === 'fail')) causes.set(e, causeOf(backend, e));
  const nameOf = (e: ResultEntry): string => causes.get(e)?.name ?? 'not explained';
  lines.push(
    '## Why they fail',
    '',
    '| cause | generated scenarios | library cases | source |',
    '| --- | --- | --- | --- |',
  );
  const rows = new Map<string, { why: string; generated: number; cases: number }>();
  for (const [entry, cause] of causes) {
    const name = cause?.name ?? 'not explained';
    const row = rows.get(name) ?? { why: cause?.why ?? 'no known cause: look at these first', generated: 0, cases: 0 };
    if (entry.kind === 'case') row.cases++;
    else row.generated++;
    rows.set(name, row);
  }
  for (const [name, row] of [...rows].sort((a, b) => b[1].generated + b[1].cases - (a[1].generated + a[1].cases))) {
    lines.push(`| ${name} | ${row.generated} | ${row.cases} | ${cell(row.why)} |`);
  }
  lines.push('', '## Generated scenarios, rule by rule', '');
  lines.push('| rule | failing scenarios | causes | replay of the first |', '| --- | --- | --- | --- |');
  const byRule = [...failuresByRule(batch)].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [rule, list] of byRule) {
    const names = [...new Set(list.map(nameOf))].join('; ');
    lines.push(`| \`${rule}\` | ${list.length} of ${batch.length} | ${names} | \`${list[0]?.replay ?? ''}\` |`);
  }
  lines.push('', '### Each failing scenario', '');
  for (const e of batch.filter((x) => x.status === 'fail')) {
    lines.push(`- #${e.index ?? '?'} \`${e.id}\` (${nameOf(e)}): \`${e.replay ?? ''}\``);
    for (const f of e.findings.filter((x) => x.status === 'fail').slice(0, 3)) {
      lines.push(`  - ${cell(f.rule === undefined ? f.message : `${f.rule}: ${f.message}`)}`);
    }
    if (e.backendSaid !== undefined) lines.push(`  - the backend said: ${cell(e.backendSaid.slice(0, 300))}`);
  }
  const unknown = batch.filter((e) => e.status === 'unknown' || e.status === 'error');
  if (unknown.length > 0) {
    lines.push('', '### Unknown (the backend could not show what the verdict needs)', '');
    const reasons = new Map<string, number>();
    for (const e of unknown) reasons.set(whyUnknown(e), (reasons.get(whyUnknown(e)) ?? 0) + 1);
    for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`- ${n} × ${why}`);
  }
  lines.push('', '## Case library, case by case', '');
  lines.push('| case | status | cause | first failing expectation | replay |', '| --- | --- | --- | --- | --- |');
  for (const e of cases) {
    const first = e.findings[0];
    const why = first === undefined ? (e.outcomeReason ?? '') : `${first.check}: ${first.message}`;
    const cause = e.status === 'fail' ? nameOf(e) : '';
    lines.push(`| \`${e.id}\` | ${e.status} | ${cause} | ${cell(why)} | \`${e.replay ?? ''}\` |`);
  }
  lines.push('');
  return `${lines.join('\n')}\n`;
}
