/**
 * `podconform check <files|dirs>...`: each case's `expect` judged against the model's nominal
 * observation (or a backend's observation); `documented` blocks are listed as documentation
 * divergences, not failures. Exit 0 all pass, 1 any fails, 2 bad input, 3 backend unavailable.
 */
import { relative } from 'node:path';
import { findCaseFiles, formatProblem, loadCaseFile, type CaseFile, type CaseProblem } from '../../cases/index.ts';
import { evaluateExpectation, type EntryStatus, type EntryVerdict } from '../../diff/evaluate-expectation.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';
import type { Observation } from '../../../specs/vocabulary/index.ts';
import { parseArgs } from '../args.ts';
import { builtinCasesDir } from '../builtin-cases.ts';
import { exitCodes, type CliIo } from '../io.ts';
import { resolveBackend, type ObservationSource } from '../backend-choice.ts';

export interface CaseResult {
  readonly id: string;
  readonly file: string;
  readonly status: EntryStatus;
  readonly failures: ReadonlyArray<{ readonly expect: string; readonly message: string }>;
  readonly divergences: ReadonlyArray<{ readonly expect: string; readonly message: string }>;
}

/** The timing tolerance for one observation, in seconds. */
type Tolerance = (observation: Observation) => number;

async function judge(caseFile: CaseFile, source: ObservationSource, tolerance: Tolerance): Promise<CaseResult> {
  const base = { id: caseFile.scenario.id, file: caseFile.path };
  const outcome = await source.observe(caseFile.scenario);
  if (outcome.status === 'unknown') {
    return { ...base, status: 'unknown', failures: [{ expect: 'backend', message: outcome.reason }], divergences: [] };
  }
  const toleranceSeconds = tolerance(outcome.observation);
  const verdict = evaluateExpectation(caseFile.expect, outcome.observation, { toleranceSeconds });
  const divergences = caseFile.documented ? documentedDivergences(caseFile, outcome.observation, toleranceSeconds) : [];
  return {
    ...base,
    status: verdict.status,
    failures: verdict.entries.filter((e) => e.status !== 'pass').map(({ expect, message }) => ({ expect, message })),
    divergences,
  };
}

/** The documents' claims that the kubelet (as observed) does not bear out. */
function documentedDivergences(caseFile: CaseFile, observation: Observation, toleranceSeconds: number): EntryVerdict[] {
  if (!caseFile.documented) return [];
  return evaluateExpectation(caseFile.documented, observation, { toleranceSeconds }).entries.filter(
    (e) => e.status === 'fail',
  );
}

function line(result: CaseResult, cwd: string): string {
  const where = relative(cwd, result.file) || result.file;
  if (result.status === 'pass') return `pass     ${result.id}  (${where})`;
  const first = result.failures[0];
  const rest = result.failures.length > 1 ? ` (+${result.failures.length - 1} more)` : '';
  const label = result.status === 'fail' ? 'FAIL' : 'unknown';
  return `${label.padEnd(8)} ${result.id}: ${first?.expect ?? ''}: ${first?.message ?? ''}${rest}  (${where})`;
}

export async function checkCommand(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  const parsed = parseArgs(argv, { flags: ['json', 'verbose'], values: ['backend', 'tolerance'] });
  if (parsed.status === 'error') {
    io.err(`podconform check: ${parsed.message}\n`);
    return exitCodes.badInput;
  }
  const { args } = parsed;
  const backend = await resolveBackend(args.values.get('backend') ?? 'model');
  if (backend.status === 'error') {
    io.err(`podconform check: --backend: ${backend.message}\n`);
    return backend.exitCode;
  }
  const toleranceText = args.values.get('tolerance');
  if (toleranceText !== undefined && !/^\d+(\.\d+)?$/.test(toleranceText)) {
    io.err(`podconform check: --tolerance must be a number of seconds >= 0, got '${toleranceText}'\n`);
    return exitCodes.badInput;
  }
  const extra = toleranceText === undefined ? 0 : Number(toleranceText);
  // The model and the simulator share a virtual clock (tolerance 0); any other backend is as coarse as its clock.
  const real = backend.backend !== undefined && backend.backend.name !== 'sim' ? backend.backend : undefined;
  const tolerance: Tolerance = (o) =>
    Math.max(extra, real === undefined ? 0 : Math.max(real.clockResolutionSeconds, o.clock.resolution));
  const source = backend.source;
  const paths = args.positionals.length > 0 ? args.positionals : [builtinCasesDir];
  const found = await findCaseFiles(paths);
  const problems: CaseProblem[] = [...found.problems];
  const results: CaseResult[] = [];
  try {
    for (const file of found.files) {
      const loaded = await loadCaseFile(file);
      if (loaded.status === 'invalid') {
        problems.push(...loaded.problems);
        continue;
      }
      const result = await judge(loaded.caseFile, source, tolerance);
      results.push(result);
      if (!args.flags.has('json')) {
        io.out(`${line(result, cwd)}\n`);
        if (args.flags.has('verbose')) {
          for (const f of result.failures.slice(1)) io.out(`         ${f.expect}: ${f.message}\n`);
        }
      }
    }
  } finally {
    await source.close();
  }
  if (found.files.length === 0 && problems.length === 0) {
    problems.push({ file: paths.join(', '), line: 1, field: 'path', message: 'no *.case.yaml files found' });
  }
  const summary = {
    pass: results.filter((r) => r.status === 'pass').length,
    fail: results.filter((r) => r.status === 'fail').length,
    unknown: results.filter((r) => r.status === 'unknown').length,
  };
  for (const p of problems) io.err(`${formatProblem(p)}\n`);
  if (args.flags.has('json')) {
    io.out(
      `${JSON.stringify({
        backend: source.name,
        cases: results.map((r) => ({
          id: r.id,
          file: r.file,
          status: r.status,
          failures: r.failures,
          ...(r.divergences.length > 0 ? { divergences: r.divergences } : {}),
        })),
        summary,
        ...(problems.length > 0 ? { problems: problems.map(formatProblem) } : {}),
      })}\n`,
    );
  } else {
    const divergent = results.filter((r) => r.divergences.length > 0);
    if (divergent.length > 0) {
      io.out(`\nDocumentation divergences (the documents claim, the kubelet does otherwise):\n`);
      for (const r of divergent) {
        for (const d of r.divergences) io.out(`  ${r.id}: documented ${d.expect}: ${d.message}\n`);
      }
    }
    if (summary.unknown > 0) io.out(`${summary.unknown} unknown (the backend could not observe everything)\n`);
    io.out(`${summary.pass} passed, ${summary.fail} failed\n`);
  }
  if (problems.length > 0) return exitCodes.badInput;
  return summary.fail > 0 ? exitCodes.failed : exitCodes.ok;
}

export { predict, nominalObservation };
