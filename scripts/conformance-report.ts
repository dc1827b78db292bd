/**
 * Developer tool: a conformance report of a real backend in Markdown — the case library judged case by case, then a
 * batch of generated scenarios judged one by one (none skipped after a failure), tallied rule by rule with the
 * replay line of each failure and, where the backend is known, the source that explains it.
 *
 * `npx tsx scripts/conformance-report.ts --backend podman [--runs 40] [--seed 1] [--parallel 2] [--cases DIR]
 *  [--out docs/podman-conformance.md]`
 */
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { execFileSync } from 'node:child_process';
import { findCaseFiles, loadCaseFile, type CaseFile } from '../harness/cases/index.ts';
import { resolveBackend } from '../harness/cli/backend-choice.ts';
import { runBatch, failuresByRule, type BatchEntry } from '../harness/run/batch.ts';
import { mapConcurrent, slotUse, slotUseLine } from '../harness/run/concurrency.ts';
import { defaultScenarios } from '../harness/run/deviation-targets.ts';
import { judgeCase, type CaseJudgement } from '../harness/run/judge-case.ts';
import { backendTarget, expressibleScenarios } from '../harness/run/target.ts';
import { explainFailure } from './conformance-explanations.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const backendName = option('backend', 'podman');
const runs = Number(option('runs', '40'));
const seed = Number(option('seed', '1'));
const slots = Number(option('parallel', '2'));
const casesDir = option('cases', 'specs/cases');
const out = option('out', `docs/${backendName}-conformance.md`);

const choice = await resolveBackend(backendName);
if (choice.status === 'error' || choice.backend === undefined) {
  console.error(`conformance-report: ${choice.status === 'error' ? choice.message : 'not a real backend'}`);
  process.exit(3);
}
const backend = choice.backend;
const target = backendTarget(backend);
const lines: string[] = [];
const started = new Date();

function version(): string {
  try {
    if (backendName === 'podman')
      return execFileSync('podman', ['version', '--format', '{{.Client.Version}}']).toString().trim();
  } catch {
    return 'unknown';
  }
  return 'unknown';
}

// 1. The case library, each case's expect block judged.
const found = await findCaseFiles([casesDir]);
const cases: CaseFile[] = [];
for (const file of found.files) {
  const loaded = await loadCaseFile(file);
  if (loaded.status === 'ok') cases.push(loaded.caseFile);
}
const libraryStart = performance.now();
const judged = await mapConcurrent(
  cases,
  slots,
  async (caseFile): Promise<{ caseFile: CaseFile; judgement: CaseJudgement; said?: string }> => {
    const outcome = await backend.run(caseFile.scenario);
    const tolerance = outcome.status === 'observed' ? target.toleranceSeconds(outcome.observation) : 0;
    const said = outcome.status === 'observed' ? outcome.stderr : undefined;
    return { caseFile, judgement: judgeCase(caseFile, outcome, tolerance), ...(said ? { said } : {}) };
  },
  {
    onResult: (r) => {
      process.stderr.write(`${r.judgement.status.padEnd(8)} ${r.caseFile.scenario.id}\n`);
    },
  },
);
const libraryUse = slotUse(
  (performance.now() - libraryStart) / 1000,
  cases.map((c) => c.scenario.observeForSeconds),
  slots,
);

// 2. A generated batch.
const batchStart = performance.now();
const entries = await runBatch({
  target,
  scenarios: expressibleScenarios(target, defaultScenarios()),
  seed,
  runs,
  slots,
  judgeOptions: { toleranceSeconds: target.toleranceSeconds },
  onEntry: (e) => process.stderr.write(`${e.judged.status.padEnd(8)} #${e.index} ${e.scenario.id}\n`),
});
const batchUse = slotUse(
  (performance.now() - batchStart) / 1000,
  entries.map((e) => e.scenario.observeForSeconds),
  slots,
);
await choice.source.close();

const count = <T>(items: ReadonlyArray<T>, f: (t: T) => boolean): number => items.filter(f).length;
lines.push(`# ${backendName} conformance report`);
lines.push('');
lines.push(
  `A real run of \`${backendName}\` (version ${version()}) made on ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC ` +
    `by \`npx tsx scripts/conformance-report.ts --backend ${backendName} --runs ${runs} --seed ${seed} --parallel ${slots}\` ` +
    `on this project's machine (Debian 12, 2 shared cores). Tolerance: ${backend.clockResolutionSeconds} s. ` +
    'A failure names the rule the implementation broke; `unknown` is what the backend cannot show. How the backend ' +
    `observes and its timing: \`${backendName === 'podman' ? 'harness/backends/podman/README.md' : 'docs/kind.md'}\`` +
    (backendName === 'podman' ? '; what podman 4.3 honours: `../shared/PODMAN.md`.' : '.'),
);
lines.push('');
lines.push(
  `- Case library (\`${casesDir}\`): ${summary(judged.map((j) => j.judgement.status))}; ${slotUseLine(libraryUse)}.`,
);
lines.push(
  `- Generated batch (seed ${seed}, ${runs} scenarios): ${summary(entries.map((e) => e.judged.status))}; ${slotUseLine(batchUse)}.`,
);
lines.push('');
// Every failure with its cause: the point of the report is that each one is the implementation's, with a source.
const failedEntries = entries.filter((e) => e.judged.status === 'fail');
const entryCause = new Map(failedEntries.map((e) => [e, explainFailure(backendName, entryFacts(e))]));
const failedCases = judged.filter((j) => j.judgement.status === 'fail');
const caseCause = new Map(
  failedCases.map((j) => [
    j,
    explainFailure(backendName, {
      scenario: j.caseFile.scenario,
      messages: j.judgement.failures.filter((f) => f.status !== 'unknown').map((f) => `${f.expect}: ${f.message}`),
      ...(j.said === undefined ? {} : { said: j.said }),
    }),
  ]),
);
lines.push('## Why they fail');
lines.push('');
lines.push('| cause | generated scenarios | library cases | source |');
lines.push('| --- | --- | --- | --- |');
const causes = new Map<string, { why: string; generated: number; cases: number }>();
const tally = (cause: { name: string; why: string } | undefined, key: 'generated' | 'cases'): void => {
  const name = cause?.name ?? 'not explained';
  const row = causes.get(name) ?? { why: cause?.why ?? 'no known cause: look at these first', generated: 0, cases: 0 };
  row[key]++;
  causes.set(name, row);
};
for (const c of entryCause.values()) tally(c, 'generated');
for (const c of caseCause.values()) tally(c, 'cases');
for (const [name, row] of [...causes].sort((a, b) => b[1].generated + b[1].cases - (a[1].generated + a[1].cases))) {
  lines.push(`| ${name} | ${row.generated} | ${row.cases} | ${cell(row.why)} |`);
}
lines.push('');
lines.push('## Generated scenarios, rule by rule');
lines.push('');
lines.push('| rule | failing scenarios | causes | replay of the first |');
lines.push('| --- | --- | --- | --- |');
const byRule = [...failuresByRule(entries)].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
for (const [rule, list] of byRule) {
  const names = [...new Set(list.map((e) => entryCause.get(e)?.name ?? 'not explained'))].join('; ');
  lines.push(`| \`${rule}\` | ${list.length} of ${entries.length} | ${names} | \`${list[0]?.replay ?? ''}\` |`);
}
lines.push('');
lines.push('### Each failing scenario');
lines.push('');
for (const e of failedEntries) {
  lines.push(`- #${e.index} \`${e.scenario.id}\` (${entryCause.get(e)?.name ?? 'not explained'}): \`${e.replay}\``);
  for (const v of firstViolations(e)) lines.push(`  - ${v}`);
  const facts = entryFacts(e);
  if (facts.said !== undefined) lines.push(`  - the backend said: ${cell(facts.said.slice(0, 300))}`);
}
const unknownEntries = entries.filter((e) => e.judged.status === 'unknown');
if (unknownEntries.length > 0) {
  lines.push('');
  lines.push('### Unknown (the backend could not show what the verdict needs)');
  lines.push('');
  const reasons = new Map<string, number>();
  for (const e of unknownEntries) {
    const why = whyUnknown(e);
    reasons.set(why, (reasons.get(why) ?? 0) + 1);
  }
  for (const [why, n] of [...reasons].sort((a, b) => b[1] - a[1])) lines.push(`- ${n} × ${why}`);
}
lines.push('');
lines.push('## Case library, case by case');
lines.push('');
lines.push('| case | status | cause | first failing expectation | replay |');
lines.push('| --- | --- | --- | --- | --- |');
for (const j of judged) {
  const { caseFile, judgement } = j;
  const first = judgement.failures[0];
  const file = relative(process.cwd(), caseFile.path);
  const cause = judgement.status === 'fail' ? (caseCause.get(j)?.name ?? 'not explained') : '';
  lines.push(
    `| \`${caseFile.scenario.id}\` | ${judgement.status} | ${cause} | ` +
      `${first === undefined ? '' : cell(`${first.expect}: ${first.message}`)} | \`npx podconform check ${file} --backend ${backendName}\` |`,
  );
}
lines.push('');
writeFileSync(out, `${lines.join('\n')}\n`);
process.stderr.write(`wrote ${out}\n`);

function summary(statuses: ReadonlyArray<string>): string {
  const parts = ['pass', 'fail', 'unknown', 'error', 'no expectations']
    .map((s) => [s, count(statuses, (x) => x === s)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${n} ${s}`);
  return parts.join(', ');
}

function entryFacts(e: BatchEntry): { scenario: BatchEntry['scenario']; messages: string[]; said?: string } {
  if (e.judged.status === 'error') return { scenario: e.scenario, messages: [e.judged.error] };
  const outcome = e.judged.result.outcome;
  const said = outcome.status === 'observed' ? outcome.stderr : undefined;
  return {
    scenario: e.scenario,
    messages: e.judged.result.verdict.violations.map((v) => v.message),
    ...(said ? { said } : {}),
  };
}

function firstViolations(e: BatchEntry): string[] {
  if (e.judged.status === 'error') return [cell(e.judged.error)];
  return e.judged.result.verdict.violations.slice(0, 3).map((v) => cell(v.message));
}

function whyUnknown(e: BatchEntry): string {
  if (e.judged.status === 'error') return e.judged.error;
  const outcome = e.judged.result.outcome;
  if (outcome.status !== 'observed') return cell(outcome.reason);
  return `not observable: ${e.judged.result.verdict.unobserved.slice(0, 3).join(', ')}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
