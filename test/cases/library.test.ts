/**
 * The case libraries hold on the reference model: podconform's own cases (specs/cases, always) and the shared
 * cases (../shared/cases, when the checkout has them; CI always does). One test per case file, so a failure
 * names it. Also: ids are unique, tags name catalogue rules, and every rule area with observable rules has a case.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCaseFiles, formatProblem, loadCaseFile, type CaseFile } from '../../harness/cases/index.ts';
import { evaluateExpectation } from '../../harness/diff/evaluate-expectation.ts';
import { nominalObservation, predict } from '../../specs/model/index.ts';
import { allRules, isRuleId, ruleById, type RuleArea } from '../../specs/rules/index.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const libraryDir = resolve(repoRoot, 'specs/cases');
const libraryReadme = resolve(libraryDir, 'README.md');
const sharedDir = resolve(repoRoot, '../shared/cases');
const hasShared = existsSync(sharedDir);

/**
 * Areas with observable rules that the library may leave without a case, because the README explains where
 * they are covered instead. Empty today: credentials and environment have no observable rules at all.
 */
const areasCoveredElsewhere: ReadonlyArray<RuleArea> = [];

const library = await findCaseFiles([libraryDir]);
const shared = hasShared ? await findCaseFiles([sharedDir]) : { files: [], problems: [] };

async function load(file: string): Promise<CaseFile> {
  const loaded = await loadCaseFile(file);
  if (loaded.status === 'invalid') {
    expect.fail(`${relative(repoRoot, file)} does not load:\n${loaded.problems.map(formatProblem).join('\n')}`);
  }
  return loaded.caseFile;
}

/** Loads the file, predicts it and judges its `expect` against the model's nominal observation. */
async function expectHoldsOnModel(file: string): Promise<void> {
  const caseFile = await load(file);
  const verdict = evaluateExpectation(caseFile.expect, nominalObservation(predict(caseFile.scenario)));
  const notPassing = verdict.entries.filter((entry) => entry.status !== 'pass');
  expect(
    notPassing.map((entry) => `${entry.status}: ${entry.expect}: ${entry.message}`),
    `${caseFile.scenario.id} (${relative(repoRoot, file)})`,
  ).toEqual([]);
  expect(verdict.status).toBe('pass');
}

const loadedLibrary = await Promise.all(library.files.map((file) => loadCaseFile(file)));
const libraryCases: CaseFile[] = loadedLibrary.flatMap((result) => (result.status === 'ok' ? [result.caseFile] : []));

function label(file: string, base: string): string {
  return relative(base, file);
}

describe('the case library (specs/cases)', () => {
  it('is found, with no unreadable paths', () => {
    expect(library.problems.map(formatProblem)).toEqual([]);
    expect(library.files.length).toBeGreaterThanOrEqual(40);
  });

  it.each(library.files.map((file) => [label(file, libraryDir), file]))('%s holds on the model', async (_, file) => {
    await expectHoldsOnModel(file);
  });

  it('has unique ids, all kebab-case with the pc- prefix', () => {
    expect(libraryCases).toHaveLength(library.files.length);
    const ids = libraryCases.map((c) => c.scenario.id);
    const duplicates = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(duplicates).toEqual([]);
    expect(ids.filter((id) => !/^pc-[a-z0-9]+(-[a-z0-9]+)*$/.test(id))).toEqual([]);
  });

  it('tags only rules of the catalogue, at least one per case', () => {
    for (const c of libraryCases) {
      expect(c.scenario.rules.length, c.scenario.id).toBeGreaterThan(0);
      expect(
        c.scenario.rules.filter((id) => !isRuleId(id)),
        `${c.scenario.id}: unknown rule ids`,
      ).toEqual([]);
    }
  });

  it('tags every rule area that has observable rules', () => {
    const tagged = new Set(libraryCases.flatMap((c) => c.scenario.rules.map((id) => ruleById(id)?.area)));
    const observableAreas = [...new Set(allRules.filter((rule) => rule.observable).map((rule) => rule.area))];
    const missing = observableAreas.filter((area) => !tagged.has(area) && !areasCoveredElsewhere.includes(area));
    expect(missing).toEqual([]);
  });

  it('has a README that lists every case and says where the areas without cases are covered', () => {
    const readme = readFileSync(libraryReadme, 'utf8');
    expect(libraryCases.map((c) => c.scenario.id).filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
    const areasWithoutCases = [
      ...new Set(
        allRules.map((rule) => rule.area).filter((area) => !allRules.some((r) => r.area === area && r.observable)),
      ),
      ...areasCoveredElsewhere,
    ];
    for (const area of areasWithoutCases) expect(readme, area).toContain(`**${area}**`);
    expect(readme).toContain('test/fixtures/tables/credentials.yaml');
  });
});

describe.runIf(hasShared)('the shared cases (../shared/cases)', () => {
  it('are found, with no unreadable paths', () => {
    expect(shared.problems.map(formatProblem)).toEqual([]);
    expect(shared.files.length).toBeGreaterThan(0);
  });

  it.each(shared.files.map((file) => [label(file, sharedDir), file]))('%s holds on the model', async (_, file) => {
    await expectHoldsOnModel(file);
  });

  it('share no id with the library', async () => {
    const libraryIds = new Set(libraryCases.map((c) => c.scenario.id));
    const sharedIds = (await Promise.all(shared.files.map((file) => loadCaseFile(file)))).flatMap((r) =>
      r.status === 'ok' ? [r.caseFile.scenario.id] : [],
    );
    expect(sharedIds.filter((id) => libraryIds.has(id))).toEqual([]);
  });
});
