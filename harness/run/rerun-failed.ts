/**
 * `--rerun-failed results.json`: the entries of an earlier run that did not pass, run again on the backend given
 * now, each from the scenario the record stored (the exec: protocol's JSON, loaded by the case loader). A case entry
 * is judged by its case file's `expect` block when the file still loads; otherwise — and for generated scenarios and
 * counterexamples — against the model's prediction, as the property loop judges.
 */
import { resolve } from 'node:path';
import type { Scenario } from '../../specs/vocabulary/index.ts';
import type { ResultEntry } from '../../reports/results/schema.ts';
import type { RunOutcome } from '../backends/backend.ts';
import { formatProblem, loadCaseFile, loadCaseText, type CaseFile } from '../cases/index.ts';
import { judgeCase, type CaseJudgement } from './judge-case.ts';
import { judgeCatching, type JudgeOptions, type Judged } from './judge.ts';

/** Which earlier statuses are run again: fail and error always, unknown on request (`--include-unknown`). */
export function wantsRerun(entry: ResultEntry, includeUnknown: boolean): boolean {
  return entry.status === 'fail' || entry.status === 'error' || (includeUnknown && entry.status === 'unknown');
}

/** One earlier entry, ready to run again. */
export type RerunItem =
  | {
      readonly how: 'case';
      readonly entry: ResultEntry;
      /** the stored scenario, with the expect block of the case file it came from */
      readonly caseFile: CaseFile;
    }
  | { readonly how: 'model'; readonly entry: ResultEntry; readonly scenario: Scenario };

/** The earlier entries to run again, or the problems that keep them from loading (one line each). */
export async function rerunItems(
  entries: ReadonlyArray<ResultEntry>,
  options: { readonly resultsFile: string; readonly cwd: string; readonly includeUnknown: boolean },
): Promise<{ readonly items: RerunItem[]; readonly problems: string[] }> {
  const items: RerunItem[] = [];
  const problems: string[] = [];
  for (const [i, entry] of entries.entries()) {
    if (!wantsRerun(entry, options.includeUnknown)) continue;
    const where = `${options.resultsFile}: entries[${i}].scenario (${entry.id})`;
    const loaded = loadCaseText(JSON.stringify(entry.scenario ?? null), where);
    if (loaded.status === 'invalid') {
      problems.push(...loaded.problems.map(formatProblem));
      continue;
    }
    const { scenario } = loaded.caseFile;
    const file = entry.kind === 'case' && entry.file !== undefined ? resolve(options.cwd, entry.file) : undefined;
    const fromFile = file === undefined ? undefined : await loadCaseFile(file);
    if (fromFile?.status === 'ok') {
      const { expect, documented } = fromFile.caseFile;
      items.push({
        how: 'case',
        entry,
        caseFile: { path: fromFile.caseFile.path, scenario, expect, ...(documented ? { documented } : {}) },
      });
    } else {
      items.push({ how: 'model', entry, scenario });
    }
  }
  return { items, problems };
}

/** One item run again: as a case (its expect block) or as a scenario (the model's prediction). */
export type RerunResult =
  | {
      readonly how: 'case';
      readonly item: RerunItem & { readonly how: 'case' };
      readonly outcome: RunOutcome;
      readonly judgement: CaseJudgement;
      readonly durationMs: number;
    }
  | {
      readonly how: 'model';
      readonly item: RerunItem & { readonly how: 'model' };
      readonly judged: Judged;
      readonly durationMs: number;
    };

/** Runs one item on the backend (`run` with the entry's latency seed, if it has one) and judges it. */
export async function rerunOne(
  item: RerunItem,
  run: (scenario: Scenario, latencySeed: number | undefined) => Promise<RunOutcome>,
  judgeOptions: JudgeOptions,
): Promise<RerunResult> {
  const scenario = item.how === 'case' ? item.caseFile.scenario : item.scenario;
  const started = performance.now();
  const outcome = await run(scenario, item.entry.latencySeed);
  const durationMs = performance.now() - started;
  if (item.how === 'case') {
    const tolerance = outcome.status === 'observed' ? judgeOptions.toleranceSeconds(outcome.observation) : 0;
    return { how: 'case', item, outcome, judgement: judgeCase(item.caseFile, outcome, tolerance), durationMs };
  }
  return { how: 'model', item, judged: judgeCatching(scenario, outcome, judgeOptions), durationMs };
}

/** The status of a result, as a case or a scenario. */
export function rerunStatus(result: RerunResult): ResultEntry['status'] {
  return result.how === 'case' ? result.judgement.status : result.judged.status;
}
