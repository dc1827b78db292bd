/**
 * Developer tool: a conformance report of a real backend in Markdown — the case library judged case by case, then a
 * batch of generated scenarios judged one by one (none skipped after a failure, unlike `run`, which stops at the first
 * failure to shrink it). The run is written as a report directory first (results.json, report.html, junit.xml, as
 * `--report` writes them) and the Markdown is rendered from that results.json (conformance-markdown.ts); `--from`
 * renders it again from a saved one without running anything.
 *
 * `npx tsx scripts/conformance-report.ts --backend podman [--runs 40] [--seed 1] [--parallel 2] [--cases DIR]
 *  [--report podconform-report] [--out docs/podman-conformance.md]`
 * `npx tsx scripts/conformance-report.ts --from DIR/results.json [--out FILE]`
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { findCaseFiles, loadCaseFile, type CaseFile } from '../harness/cases/index.ts';
import { resolveBackend } from '../harness/cli/backend-choice.ts';
import { runBatch } from '../harness/run/batch.ts';
import { mapConcurrent, slotUse, slotUseLine } from '../harness/run/concurrency.ts';
import { defaultScenarios } from '../harness/run/deviation-targets.ts';
import { judgeCase } from '../harness/run/judge-case.ts';
import { checkReplayCommand } from '../harness/run/replay.ts';
import { backendTarget, expressibleScenarios } from '../harness/run/target.ts';
import { caseEntry, scenarioEntry } from '../reports/results/build-entry.ts';
import { resultsFile } from '../reports/results/build-results.ts';
import { readResultsFile } from '../reports/results/read-results.ts';
import { checkWritable, freshRunDirectory, runDirectoryName } from '../reports/report-directory.ts';
import { writeReport } from '../reports/write-report.ts';
import { conformanceMarkdown } from './conformance-markdown.ts';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const from = option('from', '');
if (from !== '') {
  const read = await readResultsFile(from);
  if (read.status === 'error') {
    console.error(`conformance-report: --from: ${read.message}`);
    process.exit(2);
  }
  const out = option('out', `docs/${read.results.backend.name}-conformance.md`);
  const argv = read.results.argv;
  const cases = argv[argv.indexOf('--cases') + 1];
  // The wall-time lines belong to the run; a saved record gives the rest.
  const casesDir = argv.includes('--cases') && cases !== undefined ? { casesDir: cases } : {};
  writeFileSync(out, conformanceMarkdown(read.results, { command: read.results.replay, ...casesDir }));
  process.stderr.write(`wrote ${out}\n`);
  process.exit(0);
}

const backendName = option('backend', 'podman');
const runs = Number(option('runs', '40'));
const seed = Number(option('seed', '1'));
const slots = Number(option('parallel', '2'));
const casesDir = option('cases', 'specs/cases');
const out = option('out', `docs/${backendName}-conformance.md`);
const reportDir = resolve(option('report', 'podconform-report'));
const command = `npx tsx scripts/conformance-report.ts ${process.argv.slice(2).join(' ')}`.trim();

const choice = await resolveBackend(backendName);
if (choice.status === 'error' || choice.backend === undefined) {
  console.error(`conformance-report: ${choice.status === 'error' ? choice.message : 'not a real backend'}`);
  process.exit(3);
}
const backend = choice.backend;
const target = backendTarget(backend);
const started = new Date();

function version(): string | undefined {
  try {
    if (backendName === 'podman')
      return execFileSync('podman', ['version', '--format', '{{.Client.Version}}']).toString().trim();
  } catch {
    return undefined;
  }
  return undefined;
}

// 1. The case library, each case's expect block judged.
const found = await findCaseFiles([casesDir]);
const cases: CaseFile[] = [];
for (const file of found.files) {
  const loaded = await loadCaseFile(file);
  if (loaded.status === 'ok') cases.push(loaded.caseFile);
}
const libraryStart = performance.now();
const caseEntries = await mapConcurrent(
  cases,
  slots,
  async (caseFile) => {
    const outcome = await backend.run(caseFile.scenario);
    const tolerance = outcome.status === 'observed' ? target.toleranceSeconds(outcome.observation) : 0;
    const file = relative(process.cwd(), caseFile.path);
    return caseEntry({
      caseFile,
      outcome,
      judgement: judgeCase(caseFile, outcome, tolerance),
      file,
      replay: checkReplayCommand(file, backendName),
    });
  },
  { onResult: (e) => process.stderr.write(`${e.status.padEnd(8)} ${e.id}\n`) },
);
const libraryUse = slotUse(
  (performance.now() - libraryStart) / 1000,
  cases.map((c) => c.scenario.observeForSeconds),
  slots,
);

// 2. A generated batch.
const batchStart = performance.now();
const batch = await runBatch({
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
  batch.map((e) => e.scenario.observeForSeconds),
  slots,
);
await choice.source.close();

const shownVersion = version();
const results = resultsFile({
  command: 'run',
  argv: process.argv.slice(2),
  replay: command,
  seed,
  startedAt: started,
  finishedAt: new Date(),
  backend: {
    name: backendName,
    ...(shownVersion === undefined ? {} : { version: shownVersion }),
    notices: choice.notices ?? [],
  },
  filters: {},
  entries: [
    ...caseEntries,
    ...batch.map((e) =>
      scenarioEntry({ kind: 'scenario', scenario: e.scenario, judged: e.judged, index: e.index, replay: e.replay }),
    ),
  ],
  problems: found.problems.map((p) => `${p.file}: ${p.message}`),
});
await checkWritable(reportDir);
const dir = await freshRunDirectory(reportDir, runDirectoryName(started, 'conformance', seed));
const written = await writeReport(dir, results);
for (const file of written.files) process.stderr.write(`report: ${relative(process.cwd(), file)}\n`);
for (const f of written.failures) process.stderr.write(`report: ${f.file} could not be rendered: ${f.message}\n`);
writeFileSync(
  out,
  conformanceMarkdown(results, {
    command,
    toleranceSeconds: backend.clockResolutionSeconds,
    librarySlotUse: slotUseLine(libraryUse),
    batchSlotUse: slotUseLine(batchUse),
    casesDir,
  }),
);
process.stderr.write(`wrote ${out}\n`);
