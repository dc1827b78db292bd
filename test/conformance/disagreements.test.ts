/**
 * The model/simulator disagreements found by the property loop (test/fixtures/disagreements, analysed in its
 * README) as regression cases: each case's `expect` block holds on the model's nominal observation and on the
 * simulator's, and the differ finds nothing wrong with the simulator's observation against the model's
 * prediction — so a disagreement once settled cannot come back unnoticed.
 */
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../harness/backends/sim/index.ts';
import { findCaseFiles, formatProblem, loadCaseFile, type CaseFile } from '../../harness/cases/index.ts';
import { diff, evaluateExpectation } from '../../harness/diff/index.ts';
import { nominalObservation, predict } from '../../specs/model/index.ts';
import type { Observation } from '../../specs/vocabulary/index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const fixtures = resolve(repoRoot, 'test/fixtures/disagreements');
const { files, problems } = await findCaseFiles([fixtures]);

async function load(file: string): Promise<CaseFile> {
  const loaded = await loadCaseFile(file);
  if (loaded.status === 'invalid')
    expect.fail(`${file} does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
  return loaded.caseFile;
}

function unmet(caseFile: CaseFile, observation: Observation): string[] {
  return evaluateExpectation(caseFile.expect, observation)
    .entries.filter((e) => e.status !== 'pass')
    .map((e) => `${e.status}: ${e.expect}: ${e.message}`);
}

function simObservation(caseFile: CaseFile): Observation {
  const outcome = simulate(caseFile.scenario);
  if (outcome.status !== 'observed') throw new Error(`the sim could not run it: ${outcome.reason}`);
  return outcome.observation;
}

/**
 * Fixtures found on the sim's realistic node (`survey --realistic`): the node seeds that showed each disagreement (the
 * survey's `seed * 100003 + index`). Those runs, too, must hold the case and diff clean against the model.
 */
const realisticSeeds: Readonly<Record<string, ReadonlyArray<number>>> = {
  'realistic-backoff-race-restart-near-the-end.case.yaml': [200809],
  'realistic-exec-prestop-of-dead-container-never-starts.case.yaml': [100281],
  'realistic-http-prestop-fails-when-container-dies.case.yaml': [100379],
  'realistic-prestop-timer-starts-at-the-call.case.yaml': [100012],
  'realistic-probe-kill-backoff-race-stays-open.case.yaml': [100216],
  'realistic-registry-down-registry-unavailable.case.yaml': [100021],
  'realistic-start-gate-race-sidecar-exit-vs-init-exit.case.yaml': [500165],
  'realistic-startup-gate-before-stopped-container-probe.case.yaml': [100635],
  'realistic-terminate-pod-keeps-conditions.case.yaml': [100108],
};

function realisticObservation(caseFile: CaseFile, seed: number): Observation {
  const outcome = simulate(caseFile.scenario, { realistic: true, seed });
  if (outcome.status !== 'observed') throw new Error(`the sim could not run it: ${outcome.reason}`);
  return outcome.observation;
}

describe('the disagreement fixtures (test/fixtures/disagreements)', () => {
  it('name only fixtures that exist in the realistic seed table', () => {
    const names = new Set(files.map((f) => relative(fixtures, f)));
    expect(Object.keys(realisticSeeds).filter((n) => !names.has(n))).toEqual([]);
  });

  it('are found and readable', () => {
    expect(problems.map(formatProblem)).toEqual([]);
    expect(files.length).toBeGreaterThanOrEqual(13);
  });

  for (const file of files) {
    const name = relative(fixtures, file);
    it(`${name}: holds on the model`, async () => {
      const caseFile = await load(file);
      expect(unmet(caseFile, nominalObservation(predict(caseFile.scenario)))).toEqual([]);
    });
    it(`${name}: holds on the sim`, async () => {
      const caseFile = await load(file);
      expect(unmet(caseFile, simObservation(caseFile))).toEqual([]);
    });
    it(`${name}: the sim's observation diffs clean against the model's prediction`, async () => {
      const caseFile = await load(file);
      const verdict = diff(predict(caseFile.scenario), simObservation(caseFile), { toleranceSeconds: 0 });
      expect(verdict.violations.map((v) => v.message)).toEqual([]);
    });
    for (const seed of realisticSeeds[name] ?? []) {
      it(`${name}: holds on the realistic sim (seed ${seed}) and diffs clean`, async () => {
        const caseFile = await load(file);
        const observation = realisticObservation(caseFile, seed);
        expect(unmet(caseFile, observation)).toEqual([]);
        const verdict = diff(predict(caseFile.scenario), observation, { toleranceSeconds: 0 });
        expect(verdict.violations.map((v) => v.message)).toEqual([]);
      });
    }
  }
});
