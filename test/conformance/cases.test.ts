/**
 * The case libraries on the backend under test (PODCONFORM_BACKEND, default sim): podconform's own cases
 * (specs/cases) and the shared ones (../shared/cases, when the checkout has them), each judged by its
 * `expect` block. A case the backend could not observe is skipped with the reason, never failed.
 */
import { existsSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findCaseFiles, formatProblem, loadCaseFile } from '../../harness/cases/index.ts';
import { evaluateExpectation } from '../../harness/diff/index.ts';
import { backendUnderTest, conformanceSettings } from './backend-under-test.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const libraries = [resolve(repoRoot, 'specs/cases'), resolve(repoRoot, '../shared/cases')].filter((d) => existsSync(d));
const { files } = await findCaseFiles(libraries);

const underTest = backendUnderTest(conformanceSettings());
const { target } = underTest;

beforeAll(() => underTest.setUp(), 120_000);
afterAll(() => underTest.tearDown());

describe(`case libraries on ${target.backend}`, () => {
  for (const file of files.map((f) => relative(repoRoot, f))) {
    it(file, { timeout: 600_000 }, async (context) => {
      const loaded = await loadCaseFile(resolve(repoRoot, file));
      if (loaded.status === 'invalid') expect.fail(loaded.problems.map(formatProblem).join('\n'));
      const { scenario, expect: expected } = loaded.caseFile;
      const outcome = target.runSync ? target.runSync(scenario) : await target.run(scenario);
      if (outcome.status === 'error') expect.fail(`${target.backend} itself failed: ${outcome.reason}`);
      if (outcome.status === 'unknown') {
        context.skip(`${target.backend} could not observe it: ${outcome.reason}`);
        return;
      }
      const verdict = evaluateExpectation(expected, outcome.observation);
      const failures = verdict.entries.filter((e) => e.status === 'fail').map((e) => `${e.expect}: ${e.message}`);
      expect(failures, `npx podconform check --backend ${target.backend} ${file}`).toEqual([]);
    });
  }
});
