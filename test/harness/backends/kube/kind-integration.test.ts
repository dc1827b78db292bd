// `--backend kind` for real: runs a few library cases on a kind cluster and judges them. It needs `kind` and
// `docker` on PATH (and a Docker engine); without them it is skipped, says so, and counts as skipped — never as a
// pass. PODCONFORM_REQUIRE_KIND=1 (the GitHub workflow sets it) turns a missing kind into a failure instead.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createKubeBackend } from '../../../../harness/backends/kube/index.ts';
import { findKindTools } from '../../../../harness/backends/kube/prerequisites.ts';
import { loadCaseFile } from '../../../../harness/cases/index.ts';
import { evaluateExpectation } from '../../../../harness/diff/evaluate-expectation.ts';

const cases = [
  'init/pc-init-three-run-in-order',
  'init/pc-init-never-second-fails',
  'hooks/pc-hook-prestop-exec-before-term',
];
const tools = findKindTools(process.env['PATH']);
const required = process.env['PODCONFORM_REQUIRE_KIND'] === '1';
const missing = tools.status === 'missing' ? tools.reason : undefined;

if (missing !== undefined && !required) {
  console.warn(`note: the kind integration test is SKIPPED (not passed): ${missing}`);
}

describe('--backend kind on a real cluster', () => {
  if (missing !== undefined && !required) {
    it.skip(`runs library cases on kind — skipped: ${missing}`, () => undefined);
    return;
  }

  it(
    'runs library cases on kind, observes them and judges them without a failure',
    { timeout: 20 * 60_000 },
    async () => {
      if (missing !== undefined) throw new Error(`PODCONFORM_REQUIRE_KIND=1 but ${missing}`);
      const backend = createKubeBackend({
        kind: true,
        cluster: process.env['PODCONFORM_KIND_CLUSTER'] ?? 'podconform',
      });
      const ready = await backend.setUp();
      expect(ready.status === 'unavailable' ? ready.reason : 'ready').toBe('ready');
      try {
        const loaded = await Promise.all(
          cases.map((c) =>
            loadCaseFile(fileURLToPath(new URL(`../../../../specs/cases/${c}.case.yaml`, import.meta.url))),
          ),
        );
        const outcomes = await Promise.all(
          loaded.map(async (l) => {
            if (l.status !== 'ok') throw new Error(`case did not load: ${JSON.stringify(l.problems)}`);
            return { caseFile: l.caseFile, outcome: await backend.run(l.caseFile.scenario) };
          }),
        );
        for (const { caseFile, outcome } of outcomes) {
          const id = caseFile.scenario.id;
          expect(outcome.status === 'observed' ? 'observed' : `${id}: ${outcome.status}: ${outcome.reason}`).toBe(
            'observed',
          );
          if (outcome.status !== 'observed') continue;
          const verdict = evaluateExpectation(caseFile.expect, outcome.observation, {
            toleranceSeconds: backend.clockResolutionSeconds,
          });
          const failed = verdict.entries.filter((e) => e.status === 'fail').map((e) => `${e.expect}: ${e.message}`);
          console.log(`kind: ${id}: ${verdict.status}${failed.length > 0 ? `\n  ${failed.join('\n  ')}` : ''}`);
          expect(failed).toEqual([]);
        }
      } finally {
        await backend.tearDown();
      }
    },
  );
});
