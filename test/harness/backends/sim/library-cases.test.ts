import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadCaseText } from '../../../../harness/cases/index.ts';
import { simulate } from '../../../../harness/backends/sim/index.ts';
import { unmetExpectations } from './expect-check.ts';
import { caseFiles, libraryDir } from './library-case-files.ts';

// The project's own case library (specs/cases), written over KUBELET-FACTS: a second, independent check.
describe.runIf(existsSync(libraryDir))('the sim backend on the case library', () => {
  for (const file of existsSync(libraryDir) ? caseFiles(libraryDir) : []) {
    it(file.slice(libraryDir.length + 1), () => {
      const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
      if (loaded.status !== 'ok') throw new Error(loaded.problems.map((p) => p.message).join('; '));
      const outcome = simulate(loaded.caseFile.scenario);
      if (outcome.status !== 'observed') throw new Error(outcome.reason);
      expect(unmetExpectations(loaded.caseFile.expect, outcome.observation)).toEqual([]);
    });
  }
});
