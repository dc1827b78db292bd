/** Plain Kubernetes Pod manifests as input: the pod from the file, the rest of the case from options. */
import { isMap, isScalar } from 'yaml';
import { emptyExpectation, type Action, type PodSpec } from '../../specs/vocabulary/index.ts';
import type { CaseFile, LoadResult } from './case-file.ts';
import { invalid, readCase } from './load-case.ts';
import { defaultNodeWorld } from './load-node.ts';
import { readPod } from './load-pod.ts';
import { parseYaml } from './parse-yaml.ts';
import type { Field, Reader } from './yaml-reader.ts';

/** What a manifest cannot say: how long to observe the pod, and when (if at all) to delete it. */
export interface ManifestOptions {
  readonly observeForSeconds: number;
  readonly deleteAtSeconds?: number;
  /** used only with `deleteAtSeconds`; absent: the pod's terminationGracePeriodSeconds */
  readonly gracePeriodSeconds?: number;
}

/** Loads a Pod manifest (`apiVersion: v1`, `kind: Pod`); its id is `metadata.name`, its node the default one. */
export function loadPodManifestText(text: string, file: string, options: ManifestOptions): LoadResult {
  const parsed = parseYaml(text, file);
  if (parsed.status === 'invalid') return parsed;
  return readManifest(parsed.reader, parsed.root, options);
}

/** Loads either a case file or a Pod manifest; a manifest is a document whose `kind` is `Pod`. */
export function loadInputText(text: string, file: string, options: ManifestOptions): LoadResult {
  const parsed = parseYaml(text, file);
  if (parsed.status === 'invalid') return parsed;
  return isManifest(parsed.root)
    ? readManifest(parsed.reader, parsed.root, options)
    : readCase(parsed.reader, parsed.root);
}

function isManifest(root: Field): boolean {
  if (!isMap(root.node)) return false;
  const kind = root.node.get('kind', true);
  return isScalar(kind) && kind.value === 'Pod';
}

function readManifest(reader: Reader, root: Field, options: ManifestOptions): LoadResult {
  const { pod } = readPod(reader, root, { defaultName: undefined, manifest: true });
  if (pod === undefined || reader.problems.length > 0) return invalid(reader);
  return { status: 'ok', caseFile: caseOfManifestPod(reader.file, pod, options) };
}

/** The case of a pod read from a manifest: its id is the pod's name, its node the default one, the rest `options`. */
export function caseOfManifestPod(file: string, pod: PodSpec, options: ManifestOptions): CaseFile {
  const actions: ReadonlyArray<Action> =
    options.deleteAtSeconds === undefined
      ? []
      : [
          {
            type: 'delete',
            atSeconds: options.deleteAtSeconds,
            ...(options.gracePeriodSeconds === undefined ? {} : { gracePeriodSeconds: options.gracePeriodSeconds }),
          },
        ];
  return {
    path: file,
    scenario: {
      id: pod.name,
      rules: [],
      node: defaultNodeWorld,
      pod,
      actions,
      observeForSeconds: options.observeForSeconds,
    },
    expect: emptyExpectation,
  };
}
