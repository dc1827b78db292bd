/** Scenarios for the kube backend's tests, written as case files and loaded as the CLI loads them. */
import { loadCaseText } from '../../../../harness/cases/index.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';

/** The scenario of a case file's text (throws on a bad case: a broken test fixture). */
export function scenarioOf(yaml: string): Scenario {
  const loaded = loadCaseText(yaml, 'test.case.yaml');
  if (loaded.status !== 'ok') throw new Error(loaded.problems.map((p) => p.message).join('; '));
  return loaded.caseFile.scenario;
}

/** A pod deleted at 15 s with a 5 s grace period. */
export const doomed = scenarioOf(`
id: doomed
node: {registry: up, cached: [busybox:1.36]}
pod:
  metadata: {name: doomed}
  spec:
    terminationGracePeriodSeconds: 5
    containers:
      - {name: app, image: busybox:1.36}
actions:
  - at: 15s
    delete: {gracePeriodSeconds: 5}
observeFor: 60s
`);
