/**
 * A realistic results.json built the way `--report` builds one, for renderer tests: the project's case library run on
 * the simulator with a deviation (some cases fail, the rest pass), and a batch of generated scenarios under the same
 * deviation (failures by the deviation's rule, with replay lines).
 */
import { findCaseFiles, loadCaseFile } from '../../harness/cases/index.ts';
import { simulate } from '../../harness/backends/sim/index.ts';
import { builtinCasesDir } from '../../harness/cli/builtin-cases.ts';
import { runBatch } from '../../harness/run/batch.ts';
import { judgeCase } from '../../harness/run/judge-case.ts';
import { simRun } from '../../harness/run/sim-run.ts';
import { caseEntry, scenarioEntry } from '../../reports/results/build-entry.ts';
import { resultsFile } from '../../reports/results/build-results.ts';
import type { ResultEntry, ResultsFile } from '../../reports/results/schema.ts';

export interface SampleOptions {
  /** a sim deviation (`podconform deviations`); default `prestop-skipped-on-delete` */
  readonly deviation?: string;
  /** how many library cases to take (default all) */
  readonly cases?: number;
  /** how many generated scenarios (default 10) */
  readonly scenarios?: number;
  readonly seed?: number;
}

/** Builds the sample; fixed times, tool and seed so the result is the same on every machine. */
export async function sampleResults(options: SampleOptions = {}): Promise<ResultsFile> {
  const deviation = options.deviation ?? 'prestop-skipped-on-delete';
  const seed = options.seed ?? 42;
  const entries: ResultEntry[] = [];
  const found = await findCaseFiles([builtinCasesDir]);
  for (const file of found.files.slice(0, options.cases ?? found.files.length)) {
    const loaded = await loadCaseFile(file);
    if (loaded.status !== 'ok') continue;
    const outcome = simulate(loaded.caseFile.scenario, { deviations: [deviation] });
    entries.push(caseEntry({ caseFile: loaded.caseFile, outcome, judgement: judgeCase(loaded.caseFile, outcome) }));
  }
  const run = simRun({ deviations: [deviation], jitter: false, realistic: false, nominalFirst: false });
  const batch = await runBatch({
    target: run.target,
    scenarios: run.scenarios,
    seed,
    runs: options.scenarios ?? 10,
    slots: 1,
    judgeOptions: run.judgeOptions,
  });
  for (const b of batch) {
    entries.push(
      scenarioEntry({ kind: 'scenario', scenario: b.scenario, judged: b.judged, index: b.index, replay: b.replay }),
    );
  }
  return resultsFile({
    command: 'run',
    argv: ['--backend', 'sim', '--deviation', deviation, '--seed', String(seed)],
    replay: `npx podconform run --backend sim --seed ${seed} --deviation ${deviation} --no-jitter`,
    seed,
    startedAt: new Date('2026-12-07T01:00:00Z'),
    finishedAt: new Date('2026-12-07T01:00:05Z'),
    backend: { name: 'sim', notices: [] },
    filters: {},
    entries,
    problems: [],
    tool: { name: 'podconform', version: '0.0.0-test' },
    hostname: 'test-host',
  });
}
