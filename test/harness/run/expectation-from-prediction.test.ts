import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCaseFiles, loadCaseText, writeCase } from '../../../harness/cases/index.ts';
import { evaluateExpectation } from '../../../harness/diff/index.ts';
import { expectationFromPrediction } from '../../../harness/run/expectation-from-prediction.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';

const library = fileURLToPath(new URL('../../../specs/cases/', import.meta.url));

describe('expectationFromPrediction', () => {
  it("gives every library scenario an expect block that survives the writer and the loader and that the model's own timeline passes", async () => {
    const { files } = await findCaseFiles([library]);
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
      if (loaded.status !== 'ok') continue;
      const prediction = predict(loaded.caseFile.scenario);
      const expect_ = expectationFromPrediction(prediction);
      const text = writeCase({ scenario: loaded.caseFile.scenario, expect: expect_ });
      const back = loadCaseText(text, `${file} (derived)`);
      if (back.status !== 'ok') throw new Error(`${file}: ${JSON.stringify(back.problems)}`);
      const verdict = evaluateExpectation(back.caseFile.expect, nominalObservation(prediction));
      expect({ file, failures: verdict.entries.filter((e) => e.status !== 'pass') }).toEqual({ file, failures: [] });
    }
  });
});
