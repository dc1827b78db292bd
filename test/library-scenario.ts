/** The scenario of one case file of the project's library, for tests that need a real pod to start from. */
import { loadCaseFile } from '../harness/cases/index.ts';
import type { Scenario } from '../specs/vocabulary/index.ts';

export async function libraryScenario(file: string): Promise<Scenario> {
  const loaded = await loadCaseFile(file);
  if (loaded.status !== 'ok') throw new Error(`${file} does not load`);
  return loaded.caseFile.scenario;
}
