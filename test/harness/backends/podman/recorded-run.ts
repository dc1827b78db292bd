/** Loads a recorded podman run (test/fixtures/podman/NAME) as the record the observation is assembled from. */
import { readFileSync } from 'node:fs';
import { parseMarkers } from '../../../../harness/backends/manifest/markers.ts';
import { parseEvents } from '../../../../harness/backends/podman/events.ts';
import { parseInspect } from '../../../../harness/backends/podman/inspect.ts';
import type { PodRunRecord } from '../../../../harness/backends/podman/observation.ts';
import { loadCaseText } from '../../../../harness/cases/index.ts';
import type { CaseFile } from '../../../../harness/cases/index.ts';

const root = new URL('../../../fixtures/podman/', import.meta.url);

/** The text of one file of a recorded run. */
export function fixtureText(run: string, file: string): string {
  return readFileSync(new URL(`${run}/${file}`, root), 'utf8');
}

/** The case a recorded run ran. */
export function fixtureCase(run: string): CaseFile {
  const loaded = loadCaseText(fixtureText(run, 'case.yaml'), `${run}/case.yaml`);
  if (loaded.status !== 'ok') throw new Error(`fixture ${run}: case.yaml does not load`);
  return loaded.caseFile;
}

/** The record of a recorded run, as run-pod.ts gathers it. */
export function recordedRun(run: string): PodRunRecord {
  const meta = JSON.parse(fixtureText(run, 'run.json')) as {
    podName: string;
    createdEpoch: number;
    deleteRequestedEpochs: number[];
    containers: string[];
  };
  const names = new Set([...meta.containers.map((c) => `${meta.podName}-${c}`), meta.podName]);
  return {
    podName: meta.podName,
    containers: meta.containers,
    createdEpoch: meta.createdEpoch,
    endEpoch: meta.createdEpoch + fixtureCase(run).scenario.observeForSeconds,
    deleteRequestedEpochs: meta.deleteRequestedEpochs,
    markers: parseMarkers(fixtureText(run, 'markers')).markers,
    events: parseEvents(fixtureText(run, 'events.jsonl'), names),
    inspected: parseInspect(fixtureText(run, 'inspect.json')) ?? [],
    unmarkedPoints: [],
    resolutionSeconds: 0.05,
    diedLagSeconds: 0.1,
  };
}
