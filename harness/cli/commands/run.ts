/**
 * `podconform run`: the case library, then the property loop (generate → predict → run → diff) on a
 * backend. On failure the first line printed is the replay command, then the shrunk scenario as a case
 * file, then the violations. Exit 0 pass, 1 fail, 2 bad input, 3 the backend could not run (or every
 * judgement it allowed was unknown).
 */
import { simDeviations } from '../../backends/sim/index.ts';
import type { VerdictStatus } from '../../diff/index.ts';
import { runCaseLibrary, type LibraryReport } from '../../run/case-library.ts';
import { scenarioArbitraries } from '../../../generators/scenario-arbitraries.ts';
import { familyScenarios, scenariosFor } from '../../run/deviation-targets.ts';
import { runProperty, type PropertyProgress, type PropertyReport } from '../../run/property.ts';
import { replayCommand } from '../../run/replay.ts';
import { ruleMatcher } from '../../run/rule-glob.ts';
import { runRecord, writeRunRecord } from '../../run/run-record.ts';
import { backendTarget, simTarget, type RunTarget } from '../../run/target.ts';
import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { parseArgs } from '../args.ts';
import { resolveBackend } from '../backend-choice.ts';
import { builtinCasesDir } from '../builtin-cases.ts';
import { exitCodes, type CliIo } from '../io.ts';

/** Runs per backend when `--runs` is not given. */
export const defaultRuns: Readonly<Record<string, number>> = { sim: 300 };
const defaultRunsElsewhere = 100;

/** The `--json` output: exactly these keys (counterexample only on failure). */
export interface RunJson {
  readonly backend: string;
  readonly seed: number;
  readonly runs: number;
  readonly status: VerdictStatus;
  readonly scenariosPerSecond: number;
  readonly counterexample?: {
    readonly case: string;
    readonly violations: ReadonlyArray<{ readonly rule: string; readonly message: string }>;
    readonly replay: string;
  };
}

type Parsed<T> = { readonly status: 'ok'; readonly value: T } | { readonly status: 'error'; readonly message: string };

function wholeNumber(name: string, text: string | undefined, min: number): Parsed<number | undefined> {
  if (text === undefined) return { status: 'ok', value: undefined };
  if (!/^-?\d+$/.test(text) || Number(text) < min || !Number.isSafeInteger(Number(text))) {
    return { status: 'error', message: `--${name} must be a whole number >= ${min}, got '${text}'` };
  }
  return { status: 'ok', value: Number(text) };
}

/** `--tolerance SECONDS`: how far a real node's times may be off; the larger of it and the clock resolution is used. */
function toleranceOption(text: string | undefined): Parsed<number> {
  if (text === undefined) return { status: 'ok', value: 0 };
  const value = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(value)) {
    return { status: 'error', message: `--tolerance must be a number of seconds >= 0, got '${text}'` };
  }
  return { status: 'ok', value };
}

/** The target with `--tolerance` on top of its own (windows and orders judged that much more loosely). */
function withTolerance(target: RunTarget, seconds: number): RunTarget {
  const own = target.toleranceSeconds;
  return { ...target, toleranceSeconds: (observation) => Math.max(own(observation), seconds) };
}

function exitCodeFor(status: VerdictStatus): number {
  switch (status) {
    case 'pass':
      return exitCodes.ok;
    case 'fail':
      return exitCodes.failed;
    case 'unknown':
      return exitCodes.backendUnavailable;
  }
}

function progressLine(p: PropertyProgress, backend: string): string {
  const rate = p.elapsedMs > 0 ? Math.round((p.runs * 1000) / p.elapsedMs) : 0;
  const what = p.shrinking ? 'failure found, shrinking' : `${p.runs}/${p.numRuns} scenarios`;
  const unknown = p.unknowns > 0 ? `, ${p.unknowns} unknown` : '';
  return `\r\x1b[Krun on ${backend}: ${what} (${rate}/s${unknown})`;
}

function libraryLines(library: LibraryReport, cwd: string): string[] {
  const count = (s: VerdictStatus): number => library.cases.filter((c) => c.status === s).length;
  const lines = [
    `Case library: ${count('pass')} passed, ${count('fail')} failed, ${count('unknown')} unknown (${library.cases.length} cases)`,
  ];
  for (const c of library.cases) {
    if (c.status === 'pass') continue;
    const first = c.failures[0];
    const more = c.failures.length > 1 ? ` (+${c.failures.length - 1} more)` : '';
    const label = c.status === 'fail' ? 'FAIL' : 'unknown';
    lines.push(
      `  ${label} ${c.id}: ${first?.expect ?? ''}: ${first?.message ?? ''}${more}  (${relative(cwd, c.file)})`,
    );
  }
  for (const p of library.problems) lines.push(`  problem: ${p}`);
  return lines;
}

function propertyLine(report: PropertyReport): string {
  const unknown = report.unknownCount > 0 ? `, ${report.unknownCount} unknown` : '';
  const rate = Math.round(report.scenariosPerSecond);
  return `Property: ${report.runs} scenarios on ${report.backend} (seed ${report.seed}${unknown}): ${report.status} — ${rate} scenarios/s`;
}

async function libraryCounterexample(library: LibraryReport, target: RunTarget): Promise<RunJson['counterexample']> {
  const failed = library.cases.find((c) => c.status === 'fail');
  if (!failed) return undefined;
  const backend = target.backend.startsWith('exec:') ? `exec:'${target.backend.slice(5)}'` : target.backend;
  return {
    case: await readFile(failed.file, 'utf8').catch(() => ''),
    violations: failed.failures.map((f) => ({ rule: f.expect, message: `${failed.id}: ${f.expect}: ${f.message}` })),
    replay: `npx podconform check --backend ${backend} ${failed.file}`,
  };
}

/** `podconform run [--backend sim] [--runs N] [--seed S] [--path P] [--rules GLOB] [--deviation NAME] [--scenarios FAMILY] [--tolerance SECONDS] [--json] [--out DIR]` */
export async function runCommand(argv: ReadonlyArray<string>, io: CliIo, cwd: string): Promise<number> {
  const parsed = parseArgs(argv, {
    flags: ['json', 'no-jitter'],
    values: ['backend', 'runs', 'seed', 'path', 'rules', 'deviation', 'scenarios', 'out', 'tolerance'],
  });
  const fail = (message: string): number => {
    io.err(`podconform run: ${message}\n`);
    return exitCodes.badInput;
  };
  if (parsed.status === 'error') return fail(parsed.message);
  const { args } = parsed;
  if (args.positionals.length > 0) return fail(`unexpected argument '${args.positionals[0] ?? ''}'`);
  const backendName = args.values.get('backend') ?? 'sim';
  const runs = wholeNumber('runs', args.values.get('runs'), 1);
  if (runs.status === 'error') return fail(runs.message);
  const seed = wholeNumber('seed', args.values.get('seed'), -(2 ** 31));
  if (seed.status === 'error') return fail(seed.message);
  const path = args.values.get('path');
  if (path !== undefined && !/^\d+(:\d+)*$/.test(path)) {
    return fail(`--path must be fast-check's replay path such as 3:0:1, got '${path}'`);
  }
  if (path !== undefined && seed.value === undefined) return fail('--path needs the --seed it was found with');
  const deviations = (args.values.get('deviation') ?? '')
    .split(',')
    .map((d) => d.trim())
    .filter((d) => d !== '');
  for (const d of deviations) {
    if (!simDeviations.some((known) => known.name === d)) {
      return fail(`unknown deviation '${d}' (see podconform deviations)`);
    }
  }
  if (deviations.length > 0 && backendName !== 'sim') return fail('--deviation applies to the sim backend only');
  if (backendName === 'model') return fail('the model cannot be run against itself; use --backend sim or exec:CMD');
  const family = args.values.get('scenarios');
  if (family !== undefined && familyScenarios(family) === undefined) {
    return fail(`unknown scenario family '${family}' (known: ${scenarioArbitraries.map((e) => e.name).join(', ')})`);
  }
  if (family !== undefined && deviations.length > 0) {
    return fail('--scenarios and --deviation do not go together: a deviation brings its own scenarios');
  }
  const tolerance = toleranceOption(args.values.get('tolerance'));
  if (tolerance.status === 'error') return fail(tolerance.message);
  const rules = args.values.get('rules');
  const keepRule = rules === undefined ? undefined : ruleMatcher(rules);
  const json = args.flags.has('json');

  let target: RunTarget;
  let close = (): Promise<void> => Promise.resolve();
  if (backendName === 'sim') {
    target = simTarget({ deviations, jitter: !args.flags.has('no-jitter') });
  } else {
    const choice = await resolveBackend(backendName);
    if (choice.status === 'error') {
      io.err(`podconform run: --backend: ${choice.message}\n`);
      return choice.exitCode;
    }
    if (choice.backend === undefined) return fail(`backend '${backendName}' cannot run generated scenarios`);
    target = backendTarget(choice.backend);
    close = () => choice.source.close();
  }

  if (tolerance.value > 0) target = withTolerance(target, tolerance.value);

  let library: LibraryReport | undefined;
  let report: PropertyReport;
  try {
    // A replay (--path) reproduces one counterexample; the library has been judged in the run that found it.
    if (path === undefined) {
      library = await runCaseLibrary(
        target,
        [builtinCasesDir],
        keepRule === undefined ? undefined : (s) => s.rules.some(keepRule),
      );
    }
    let lastDraw = 0;
    report = await runProperty({
      target,
      scenarios: scenariosFor(deviations, family),
      ...(family === undefined || family === 'any' ? {} : { family }),
      numRuns: runs.value ?? defaultRuns[target.backend] ?? defaultRunsElsewhere,
      ...(seed.value === undefined ? {} : { seed: seed.value }),
      ...(path === undefined ? {} : { path }),
      ...(keepRule === undefined ? {} : { keep: (v) => keepRule(v.rule), rules: rules ?? '' }),
      ...(io.isTty && !json
        ? {
            onProgress: (p) => {
              const now = p.elapsedMs;
              if (now - lastDraw < 100) return;
              lastDraw = now;
              io.err(progressLine(p, target.backend));
            },
          }
        : {}),
    });
    if (io.isTty && !json) io.err('\r\x1b[K');
  } finally {
    await close();
  }

  const libraryStatus: VerdictStatus = library?.status ?? 'pass';
  const status: VerdictStatus =
    report.status === 'fail' || libraryStatus === 'fail'
      ? 'fail'
      : report.status === 'unknown' || libraryStatus === 'unknown'
        ? 'unknown'
        : 'pass';
  const c = report.counterexample;
  const out = args.values.get('out');
  if (out !== undefined) {
    const file = await writeRunRecord(resolve(cwd, out), runRecord(report, library));
    if (!json) io.err(`run record: ${relative(cwd, file)}\n`);
  }
  if (json) {
    const counterexample =
      c !== undefined
        ? {
            case: c.caseText,
            violations: c.result.verdict.violations.map((v) => ({ rule: v.rule, message: v.message })),
            replay: c.replay,
          }
        : status === 'fail' && library !== undefined
          ? await libraryCounterexample(library, target)
          : undefined;
    const result: RunJson = {
      backend: report.backend,
      seed: report.seed,
      runs: report.runs,
      status,
      scenariosPerSecond: Math.round(report.scenariosPerSecond * 10) / 10,
      ...(counterexample === undefined ? {} : { counterexample }),
    };
    io.out(`${JSON.stringify(result)}\n`);
    return exitCodeFor(status);
  }
  const lines: string[] = [];
  if (c !== undefined) {
    lines.push(c.replay);
    lines.push('');
    const seedNote =
      c.input.latencySeed === undefined
        ? ''
        : c.reproducesWithNominalLatencies
          ? ` (found with sim latency seed ${c.input.latencySeed}; it fails with nominal latencies too)`
          : ` (it fails only with sim latency seed ${c.input.latencySeed}: the replay reproduces it, the case file runs with nominal latencies)`;
    lines.push(`Counterexample after ${c.shrinks} shrinks, as a case file${seedNote}:`);
    lines.push('---');
    lines.push(c.caseText.trimEnd());
    lines.push('---');
    lines.push(`Violations (${c.result.verdict.violations.length}):`);
    for (const v of c.result.verdict.violations) lines.push(`  - ${v.message}`);
    lines.push('');
  }
  if (library !== undefined) lines.push(...libraryLines(library, cwd));
  lines.push(propertyLine(report));
  for (const u of report.unknowns) lines.push(`  unknown ${u.scenarioId}: ${u.why}`);
  if (report.error !== undefined) lines.push(`  ${report.error}`);
  if (c === undefined && status !== 'pass') lines.push(`Replay: ${replayCommand(report.header)}`);
  io.out(`${lines.join('\n')}\n`);
  return exitCodeFor(status);
}
