/**
 * Golden manifests: every case of the project's library (specs/cases) and of the shared cases (../shared/cases,
 * when present) compiled for both flavours. The kube manifest of each case is a file under
 * test/fixtures/manifests/ (review a change to the compiler as a diff of them); the podman manifest must be the
 * same but for the marker volume's hostPath type, and `outcomes.txt` records per case what each flavour does
 * (ok with its unmarked points and images, or unexpressible with the reason). Every manifest compiled must be a
 * valid v1 Pod (pod-schema.ts).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileManifest,
  type CompileOutcome,
  type ManifestFlavour,
} from '../../../../harness/backends/manifest/index.ts';
import { loadCaseText } from '../../../../harness/cases/index.ts';
import { manifestYaml, markerDirFor } from '../../../../harness/backends/manifest/index.ts';
import type { Scenario } from '../../../../specs/vocabulary/index.ts';
import { sharedCasesDir } from '../../cases/shared-cases.ts';
import { caseFiles, libraryDir } from '../sim/library-case-files.ts';
import { podSchemaProblems } from './pod-schema.ts';

const fixtures = new URL('../../../fixtures/manifests/', import.meta.url);

function compile(scenario: Scenario, flavour: ManifestFlavour): CompileOutcome {
  return compileManifest(scenario, {
    flavour,
    podName: scenario.pod.name,
    markerHostDir: markerDirFor(scenario.id),
    labels: { 'podconform.io/suite': 'golden' },
  });
}

function outcomeLine(outcome: CompileOutcome): string {
  if (outcome.status === 'unexpressible') return `unexpressible: ${outcome.reason}`;
  const unmarked = outcome.pod.unmarkedPoints.length > 0 ? ` unmarked [${outcome.pod.unmarkedPoints.join(', ')}]` : '';
  return `ok images [${outcome.pod.images.join(', ')}]${unmarked}`;
}

// The podman manifest is the kube one with the marker volume's type changed, nothing else (compile-manifest.ts).
function asPodman(manifest: Readonly<Record<string, unknown>>): unknown {
  const copy = structuredClone(manifest) as { spec: { volumes: Array<{ hostPath?: { type?: string } }> } };
  for (const v of copy.spec.volumes) if (v.hostPath?.type === 'DirectoryOrCreate') v.hostPath.type = 'Directory';
  return copy;
}

function goldenSuite(title: string, root: string, files: ReadonlyArray<string>, fixtureDir: string): void {
  describe(title, () => {
    const lines: string[] = [];
    for (const file of files) {
      const name = relative(root, file);
      it(name, async () => {
        const loaded = loadCaseText(readFileSync(file, 'utf8'), file);
        if (loaded.status !== 'ok') throw new Error(loaded.problems.map((p) => p.message).join('; '));
        const scenario = loaded.caseFile.scenario;
        const kube = compile(scenario, 'kube');
        const podman = compile(scenario, 'podman');
        lines.push(`${scenario.id}\n  kube: ${outcomeLine(kube)}\n  podman: ${outcomeLine(podman)}`);
        if (kube.status !== 'ok') throw new Error(`kube cannot express ${name}: ${kube.reason}`);
        expect(podSchemaProblems(kube.pod.manifest)).toEqual([]);
        await expect(manifestYaml(kube.pod.manifest)).toMatchFileSnapshot(
          new URL(`${fixtureDir}/${scenario.id}.yaml`, fixtures).pathname,
        );
        if (podman.status === 'ok') {
          expect(podSchemaProblems(podman.pod.manifest)).toEqual([]);
          expect(podman.pod.manifest).toEqual(asPodman(kube.pod.manifest));
          expect(podman.pod.images).toEqual(kube.pod.images);
          expect(podman.pod.unmarkedPoints).toEqual(kube.pod.unmarkedPoints);
        } else {
          // the one thing podman cannot act out that a cluster can (PODMAN.md §2)
          expect(scenario.node.registry).toBe('down');
          expect(podman.reason).toBe('podman has no registry the suite can take down');
        }
      });
    }
    it('outcomes per flavour', async () => {
      expect(lines.length).toBe(files.length);
      await expect(`${[...lines].sort().join('\n')}\n`).toMatchFileSnapshot(
        new URL(`${fixtureDir}/outcomes.txt`, fixtures).pathname,
      );
    });
  });
}

goldenSuite('golden manifests: the case library', libraryDir, caseFiles(libraryDir), 'library');

const sharedDirs = ['docs', 'k8s-e2e'].map((d) => join(sharedCasesDir, d)).filter((d) => existsSync(d));
const sharedFiles = sharedDirs.flatMap((d) =>
  readdirSync(d)
    .filter((f) => f.endsWith('.case.yaml'))
    .sort()
    .map((f) => join(d, f)),
);
describe.runIf(sharedFiles.length > 0)('shared cases (../shared/cases)', () => {
  goldenSuite('golden manifests: the shared cases', sharedCasesDir, sharedFiles, 'shared');
});
