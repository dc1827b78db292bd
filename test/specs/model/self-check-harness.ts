/**
 * The model's self-check: a scenario is run many times with every latency drawn at random inside its own window
 * (`drawnObservation`), and the full prediction must accept every one of those runs through the real differ with no
 * tolerance. A rejected draw is a timing the model itself allows but its prediction does not: a window too narrow, a
 * race claimed `certain`, a final value or Event missing an alternative.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { scenario as generated } from '../../../generators/index.ts';
import { scenarioArbitraries } from '../../../generators/scenario-arbitraries.ts';
import { findCaseFiles, loadCaseText } from '../../../harness/cases/index.ts';
import { diff, type Violation } from '../../../harness/diff/index.ts';
import { drawnObservation, predict } from '../../../specs/model/index.ts';
import type { Scenario } from '../../../specs/vocabulary/index.ts';

/** mulberry32: a small seeded PRNG giving numbers in [0, 1); the model never draws on its own. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SelfCheckEntry {
  readonly name: string;
  readonly scenario: Scenario;
}

/** One rejected draw. */
export interface SelfCheckFailure {
  readonly name: string;
  readonly draw: number;
  readonly violations: ReadonlyArray<Violation>;
}

/** Runs `draws` drawn-latency runs of one scenario (PRNG seeded by `seed`) against its prediction. */
export function selfCheck(entry: SelfCheckEntry, draws: number, seed: number): SelfCheckFailure[] {
  const prediction = predict(entry.scenario);
  const failures: SelfCheckFailure[] = [];
  for (let draw = 0; draw < draws; draw++) {
    const next = seededRandom(seed * 1_000_003 + draw);
    const observation = drawnObservation(entry.scenario, next);
    const verdict = diff(prediction, observation, { toleranceSeconds: 0 });
    if (verdict.status !== 'pass') {
      const violations =
        verdict.violations.length > 0
          ? verdict.violations
          : [{ type: 'missing-point', rule: 'self-check', point: '?', message: verdict.error ?? 'unknown verdict' }];
      failures.push({ name: entry.name, draw, violations: violations as Violation[] });
    }
  }
  return failures;
}

const root = fileURLToPath(new URL('../../../', import.meta.url));
const sharedCases = fileURLToPath(new URL('../../../../shared/cases', import.meta.url));

/** Every case of specs/cases, and of ../shared/cases when it exists beside the repository. */
export async function caseCorpus(): Promise<SelfCheckEntry[]> {
  const dirs = [`${root}specs/cases`, ...(existsSync(sharedCases) ? [sharedCases] : [])];
  const { files } = await findCaseFiles(dirs);
  const entries: SelfCheckEntry[] = [];
  for (const file of files) {
    const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
    if (loaded.status !== 'ok') continue;
    entries.push({
      name: file.replace(root, '').replace(sharedCases, 'shared/cases'),
      scenario: loaded.caseFile.scenario,
    });
  }
  return entries;
}

/** `perFamily` generated scenarios of every scenario family, sampled with `seed`. */
export function generatedCorpus(perFamily: number, seed: number): SelfCheckEntry[] {
  return scenarioArbitraries.flatMap((family, f) =>
    fc
      .sample(generated(family.constraints), { seed: seed + f, numRuns: perFamily })
      .map((s, i) => ({ name: `${family.name}#${i} ${s.id}`, scenario: s })),
  );
}
