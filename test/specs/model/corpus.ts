/**
 * Scenarios for corpus-wide checks of the model: the shared case library when `../shared/cases` exists beside the
 * repository, and a set of built scenarios covering every area the model knows, available everywhere.
 */
import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findCaseFiles, loadCaseText } from '../../../harness/cases/index.ts';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import {
  behaviorFrom,
  deleteAt,
  exits,
  exitsOnTerm,
  hook,
  ignoresTerm,
  init,
  probe,
  regular,
  runsForever,
  scenario,
  sidecar,
  sleepHook,
} from './build-scenario.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** shared/cases beside the repository (absent on a bare checkout). */
export const sharedCasesDir = resolve(repoRoot, '../shared/cases');

export interface CorpusEntry {
  readonly name: string;
  readonly scenario: Scenario;
}

/**
 * Every loadable shared case, named by its path under shared/cases; empty when the folder is absent. A case that does
 * not load is left out here: the loader's own tests report it.
 */
export async function sharedCases(): Promise<CorpusEntry[]> {
  if (!existsSync(sharedCasesDir)) return [];
  const { files } = await findCaseFiles([sharedCasesDir]);
  const entries: CorpusEntry[] = [];
  for (const file of files) {
    const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
    if (loaded.status !== 'ok') continue;
    entries.push({ name: relative(sharedCasesDir, file), scenario: loaded.caseFile.scenario });
  }
  return entries;
}

const failing = probe({ periodSeconds: 1, failureThreshold: 2, fails: { type: 'always' } });

/** Built scenarios touching every part of the model. */
export const builtCorpus: ReadonlyArray<CorpusEntry> = [
  {
    name: 'serial start with hooks and a second image',
    scenario: scenario({
      containers: [regular('a', { postStart: hook(2) }), regular('b', { image: 'nginx:1.25' }), regular('c')],
      observeFor: 10,
    }),
  },
  {
    name: 'pull policies and a failing pull',
    scenario: scenario({
      containers: [
        regular('always', { imagePullPolicy: 'Always', behavior: exits(1, 1) }),
        regular('never', { imagePullPolicy: 'Never', image: 'absent:1' }),
        regular('bad', { image: 'nosuch/img:1' }),
      ],
      node: { unpullable: ['nosuch/img:1'] },
      observeFor: 60,
    }),
  },
  {
    name: 'registry down',
    scenario: scenario({
      containers: [regular('app', { image: 'busybox' })],
      node: { registry: 'down' },
      observeFor: 30,
    }),
  },
  {
    name: 'init containers, one failing under Never',
    scenario: scenario({
      restartPolicy: 'Never',
      initContainers: [sidecar('sc'), init('ok', { behavior: exits(0, 1) }), init('bad', { behavior: exits(1, 1) })],
      containers: [regular('app')],
      observeFor: 20,
    }),
  },
  {
    name: 'init retries and a sidecar gated on its startup probe',
    scenario: scenario({
      initContainers: [
        sidecar('sc', {
          startupProbe: probe({ periodSeconds: 1, failureThreshold: 10, fails: { type: 'until', seconds: 3 } }),
        }),
        init('flaky', { behavior: behaviorFrom(exits(1, 1), [3, exits(0, 1)]) }),
      ],
      containers: [regular('app')],
      observeFor: 40,
    }),
  },
  {
    name: 'crash loop and postStart failures',
    scenario: scenario({
      containers: [
        regular('crash', { behavior: exits(1, 0) }),
        regular('hooked', { postStart: hook(1, 'fail'), preStop: hook(1, 'fail'), behavior: exitsOnTerm(0, 1) }),
      ],
      observeFor: 90,
    }),
  },
  {
    name: 'probes: startup, liveness with probe grace, readiness',
    scenario: scenario({
      containers: [
        regular('app', {
          behavior: ignoresTerm,
          startupProbe: probe({ periodSeconds: 1, failureThreshold: 10, fails: { type: 'until', seconds: 2 } }),
          livenessProbe: probe({
            periodSeconds: 1,
            terminationGracePeriodSeconds: 2,
            fails: { type: 'from', seconds: 6 },
          }),
          readinessProbe: probe({ periodSeconds: 2, initialDelaySeconds: 1 }),
        }),
      ],
      observeFor: 30,
    }),
  },
  {
    name: 'liveness under Never kills the pod; a sidecar failing liveness',
    scenario: scenario({
      restartPolicy: 'Never',
      terminationGracePeriodSeconds: 5,
      initContainers: [sidecar('sc', { livenessProbe: failing })],
      containers: [regular('app', { behavior: ignoresTerm, livenessProbe: failing })],
      observeFor: 30,
    }),
  },
  {
    name: 'termination with sidecars, preStops and a readiness probe',
    scenario: scenario({
      terminationGracePeriodSeconds: 8,
      initContainers: [sidecar('sc1', { preStop: sleepHook(1) }), sidecar('sc2', { behavior: ignoresTerm })],
      containers: [
        regular('app', {
          preStop: hook(20),
          behavior: exitsOnTerm(0, 2),
          readinessProbe: probe({ periodSeconds: 1, failureThreshold: 1, fails: { type: 'afterTerm', seconds: 1 } }),
        }),
        regular('done', { behavior: exits(0, 1) }),
      ],
      actions: [deleteAt(6)],
      observeFor: 40,
    }),
  },
  {
    name: 'force delete, then a second delete',
    scenario: scenario({
      terminationGracePeriodSeconds: 3,
      containers: [regular('app', { behavior: ignoresTerm, preStop: hook(1) })],
      actions: [deleteAt(4, 0), deleteAt(5)],
      observeFor: 20,
    }),
  },
  {
    name: 'active deadline and a postStart that hangs',
    scenario: scenario({
      activeDeadlineSeconds: 4,
      containers: [regular('app', { postStart: hook(10), behavior: runsForever })],
      observeFor: 30,
    }),
  },
  {
    name: 'runtime class not supported',
    scenario: scenario({ runtimeClassName: 'gvisor', containers: [regular('app')], observeFor: 30 }),
  },
];
