/**
 * One judged case or scenario as a results.json entry: the scenario in the exec: protocol's form (what a rerun runs),
 * the case file, findings in reading order, the rules it exercised, the prediction and observation, and the timeline.
 * A failure also gets a Pod manifest that reproduces it with `kubectl apply`.
 */
import { predict } from '../../specs/model/index.ts';
import type { Observation, Prediction, Scenario } from '../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../../harness/backends/backend.ts';
import { compileManifest, manifestYaml, markerDirFor } from '../../harness/backends/manifest/index.ts';
import { toProtocolCase, writeCase, type CaseFile } from '../../harness/cases/index.ts';
import { numberPoints } from '../../harness/diff/index.ts';
import { counterexampleCase, internalErrorCase } from '../../harness/run/counterexample.ts';
import type { CaseJudgement } from '../../harness/run/judge-case.ts';
import type { Judged } from '../../harness/run/judge.ts';
import { caseFindings, verdictFindings } from './findings.ts';
import { predictionRules, ruleOutcomes } from './rule-outcomes.ts';
import type { ResultEntry } from './schema.ts';
import { timelineOf } from './timeline.ts';

/** A Pod that acts the scenario out on a cluster, for a person to reproduce a failure by hand. */
function reproduction(scenario: Scenario): NonNullable<ResultEntry['manifest']> {
  try {
    const compiled = compileManifest(scenario, {
      flavour: 'kube',
      podName: scenario.pod.name,
      markerHostDir: markerDirFor(scenario.id),
    });
    return compiled.status === 'unexpressible'
      ? { unavailable: `cannot be acted out by busybox scripts: ${compiled.reason}` }
      : { yaml: manifestYaml(compiled.pod.manifest) };
  } catch (error) {
    return { unavailable: `the manifest compiler failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

function observationOf(outcome: RunOutcome): Observation | undefined {
  return outcome.status === 'observed' ? outcome.observation : undefined;
}

// Enough to recognise what the backend complained about; the full text stays with the backend's own logs.
const saidLimit = 2000;

function saidOf(outcome: RunOutcome): { readonly backendSaid?: string } {
  const said = outcome.status === 'observed' ? outcome.stderr?.trim() : undefined;
  return said === undefined || said === '' ? {} : { backendSaid: said.slice(0, saidLimit) };
}

function reasonOf(outcome: RunOutcome): string | undefined {
  if (outcome.status === 'observed') return undefined;
  return outcome.detail === undefined ? outcome.reason : `${outcome.reason} (${outcome.detail.split('\n')[0] ?? ''})`;
}

/** A generated scenario or a shrunk counterexample, as the property loop or a batch judged it. */
export function scenarioEntry(input: {
  readonly kind: 'scenario' | 'counterexample';
  readonly scenario: Scenario;
  readonly judged: Judged;
  readonly index?: number;
  readonly replay?: string;
  readonly shrinks?: number;
  readonly durationMs?: number;
  /** the differ's tolerance it was judged at (seconds): the counterexample's expect block is widened by it */
  readonly toleranceSeconds?: number;
}): ResultEntry {
  const { scenario, judged } = input;
  const common = {
    kind: input.kind,
    id: scenario.id,
    ...(input.index === undefined ? {} : { index: input.index }),
    ...(input.replay === undefined ? {} : { replay: input.replay }),
    ...(input.shrinks === undefined ? {} : { shrinks: input.shrinks }),
    ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
    scenario: toProtocolCase(scenario),
    divergences: [],
  };
  if (judged.status === 'error') {
    return {
      ...common,
      status: 'error',
      caseYaml: internalErrorCase(scenario, input.replay ?? ''),
      rules: ruleOutcomes(scenario.rules, [], 'error'),
      findings: [],
      outcomeReason: judged.error,
      timeline: timelineOf(scenario, undefined, undefined),
    };
  }
  const { result } = judged;
  const observation = observationOf(result.outcome);
  const times = observation === undefined ? new Map<string, number>() : numberPoints(observation);
  const findings = verdictFindings(result.verdict, result.prediction, times, scenario.observeForSeconds);
  const exercised = result.prediction === undefined ? scenario.rules : predictionRules(result.prediction);
  const reason = reasonOf(result.outcome);
  const failed = judged.status === 'fail';
  return {
    ...common,
    status: judged.status,
    caseYaml: failed
      ? counterexampleCase(scenario, result, {
          replay: input.replay ?? '',
          toleranceSeconds: input.toleranceSeconds ?? 0,
        })
      : writeCase({ scenario }),
    ...(failed ? { manifest: reproduction(scenario) } : {}),
    rules: ruleOutcomes(exercised, findings, judged.status),
    findings,
    ...(reason === undefined ? {} : { outcomeReason: reason }),
    ...saidOf(result.outcome),
    ...(observation === undefined ? {} : { observation }),
    ...(result.prediction === undefined ? {} : { prediction: result.prediction }),
    verdict: result.verdict,
    timeline: timelineOf(scenario, result.prediction, observation),
  };
}

function predictionOf(scenario: Scenario): Prediction | undefined {
  try {
    return predict(scenario);
  } catch {
    // A case the model cannot predict is judged by its expect block alone; its timeline goes without windows.
    return undefined;
  }
}

/** A case file judged by its expect block; the model's prediction is added for the timeline. */
export function caseEntry(input: {
  readonly caseFile: CaseFile;
  readonly outcome: RunOutcome;
  readonly judgement: CaseJudgement;
  readonly durationMs?: number;
  /** the command that judges this case again (`npx podconform check FILE --backend B`) */
  readonly replay?: string;
  /** the case file's path as a reader should see it (relative to where the command ran); default: as loaded */
  readonly file?: string;
}): ResultEntry {
  const { caseFile, outcome, judgement } = input;
  const { scenario } = caseFile;
  const prediction = predictionOf(scenario);
  const observation = observationOf(outcome);
  const times = observation === undefined ? new Map<string, number>() : numberPoints(observation);
  // An unobserved run's only "failure" is the backend's reason, kept as outcomeReason instead of a finding.
  const findings = observation === undefined ? [] : caseFindings(judgement.failures, prediction, times);
  const reason = reasonOf(outcome) ?? (judgement.status === 'error' ? judgement.failures[0]?.message : undefined);
  const failed = judgement.status === 'fail';
  return {
    kind: 'case',
    id: scenario.id,
    status: judgement.status,
    file: input.file ?? caseFile.path,
    ...(input.replay === undefined ? {} : { replay: input.replay }),
    ...(input.durationMs === undefined ? {} : { durationMs: input.durationMs }),
    scenario: toProtocolCase(scenario),
    caseYaml: writeCase({
      scenario,
      expect: caseFile.expect,
      ...(caseFile.documented === undefined ? {} : { documented: caseFile.documented }),
    }),
    ...(failed ? { manifest: reproduction(scenario) } : {}),
    rules: ruleOutcomes(scenario.rules, findings, judgement.status),
    findings,
    divergences: judgement.divergences.map((d) => ({ check: d.expect, message: d.message })),
    ...(reason === undefined ? {} : { outcomeReason: reason }),
    ...saidOf(outcome),
    ...(observation === undefined ? {} : { observation }),
    ...(prediction === undefined ? {} : { prediction }),
    timeline: timelineOf(scenario, prediction, observation),
  };
}
