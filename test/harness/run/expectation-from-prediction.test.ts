import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findCaseFiles, loadCaseText, writeCase } from '../../../harness/cases/index.ts';
import { evaluateExpectation } from '../../../harness/diff/index.ts';
import { expectationFromPrediction } from '../../../harness/run/expectation-from-prediction.ts';
import { nominalObservation, predict } from '../../../specs/model/index.ts';
import { regular, scenario } from '../../specs/model/build-scenario.ts';
import { fillTemplate, holeExamples, type Observation, type Prediction } from '../../../specs/vocabulary/index.ts';

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

  it('writes only literal text every conformant kubelet prints as event messages, so other node-known values pass too', async () => {
    const { files } = await findCaseFiles([library]);
    // what another node would print where the model has holes
    const otherNode = {
      duration: '2m3.5s',
      bytes: '5101567',
      uid: '6f1c0d52-1b4e-4a8e-9a39-1c2b3d4e5f60',
      namespace: 'team-a',
      node: 'kind-worker2',
      pullReason: 'RegistryUnavailable',
      error: 'rpc error: code = NotFound desc = not found',
      output: 'HTTP probe failed with statuscode: 503',
    };
    const onOtherNode = (prediction: Prediction): Observation => ({
      ...nominalObservation(prediction),
      events: prediction.events
        .filter((e) => e.nominal)
        .map((e) => ({
          reason: e.reason,
          type: e.type,
          message: fillTemplate(e.message, otherNode),
          t: e.atSeconds,
          ...(e.container !== undefined ? { container: e.container } : {}),
        })),
    });
    let templated = 0;
    for (const file of files) {
      const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
      if (loaded.status !== 'ok') continue;
      const prediction = predict(loaded.caseFile.scenario);
      const derived = expectationFromPrediction(prediction);
      for (const e of derived.eventsPresent) {
        const text = e.message?.type === 'equals' ? e.message.value : '';
        expect(text).not.toMatch(/[{}]/);
        for (const example of Object.values(holeExamples)) if (example !== '') expect(text).not.toContain(example);
      }
      templated += prediction.events.filter((e) => e.message.includes('{')).length;
      const verdict = evaluateExpectation(derived, onOtherNode(prediction));
      expect({ file, failures: verdict.entries.filter((e) => e.status !== 'pass') }).toEqual({ file, failures: [] });
    }
    expect(templated).toBeGreaterThan(10);
  });

  it('shows the whole template of a cut message as a comment in the written case, which loads back', () => {
    const pulling = scenario({ containers: [regular('app')], observeFor: 5 });
    const derived = expectationFromPrediction(predict(pulling));
    const text = writeCase({ scenario: pulling, expect: derived });
    expect(text).toContain(
      `message: 'Successfully pulled image "busybox:1.36" in '} # template: Successfully pulled image "busybox:1.36" in {duration} ({duration} including waiting). Image size: {bytes} bytes.`,
    );
    expect(text).toContain('# template: Successfully assigned {namespace}/demo to {node}');
    // literal messages need no comment
    expect(text).not.toContain('# template: Container started');
    const back = loadCaseText(text, 'derived');
    expect(back.status).toBe('ok');
  });
});
