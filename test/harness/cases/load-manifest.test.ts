import { describe, expect, it } from 'vitest';
import { formatProblem, loadInputText, loadPodManifestText } from '../../../harness/cases/index.ts';
import { baseCaseText } from './base-case.ts';

const manifest = [
  'apiVersion: v1',
  'kind: Pod',
  'metadata:',
  '  name: web',
  '  labels: {app: web}',
  'spec:',
  '  restartPolicy: OnFailure',
  '  containers:',
  '    - name: nginx',
  '      image: nginx:1.27',
  '      ports: [{containerPort: 80}]',
  '    - name: job',
  '      image: busybox',
  '      behavior: {exitCode: 0, after: 5s}',
  'status:',
  '  phase: Running',
].join('\n');

describe('loadPodManifestText', () => {
  it('takes the pod from the manifest and the rest from options', () => {
    const loaded = loadPodManifestText(manifest, 'pod.yaml', {
      observeForSeconds: 30,
      deleteAtSeconds: 10,
      gracePeriodSeconds: 2,
    });
    if (loaded.status !== 'ok') throw new Error(loaded.problems.map(formatProblem).join('\n'));
    const { scenario } = loaded.caseFile;
    expect(scenario.id).toBe('web');
    expect(scenario.node).toStrictEqual({ registry: 'up', cached: [], unpullable: [], pullTakesSeconds: 0 });
    expect(scenario.actions).toStrictEqual([{ type: 'delete', atSeconds: 10, gracePeriodSeconds: 2 }]);
    expect(scenario.observeForSeconds).toBe(30);
    expect(scenario.pod.restartPolicy).toBe('OnFailure');
    expect(scenario.pod.metadataExtra).toStrictEqual({ labels: { app: 'web' } });
    expect(scenario.pod.containers.map((c) => c.behavior.base)).toStrictEqual([
      { onTerm: { type: 'exit', exitCode: 143, afterSeconds: 0 } },
      { exit: { exitCode: 0, afterSeconds: 5 }, onTerm: { type: 'exit', exitCode: 143, afterSeconds: 0 } },
    ]);
    expect(scenario.pod.containers[0]?.extra).toStrictEqual({ ports: [{ containerPort: 80 }] });
    expect(loaded.caseFile.expect.never).toEqual([]);
  });

  it('has no actions without deleteAtSeconds', () => {
    const loaded = loadPodManifestText(manifest, 'pod.yaml', { observeForSeconds: 30 });
    expect(loaded.status === 'ok' && loaded.caseFile.scenario.actions).toEqual([]);
  });

  it('needs metadata.name and reports problems like a case file', () => {
    const loaded = loadPodManifestText(
      'apiVersion: v1\nkind: Pod\nmetadata: {}\nspec:\n  containers: [{name: a, imag: b}]\n',
      'pod.yaml',
      {
        observeForSeconds: 30,
      },
    );
    expect(loaded.status === 'invalid' && loaded.problems.map(formatProblem)).toEqual([
      'pod.yaml:3: metadata.name: missing (required)',
      "pod.yaml:5: spec.containers[0].imag: unknown key 'imag' (did you mean 'image'?)",
    ]);
    const wrongKind = loadPodManifestText(
      'apiVersion: v2\nkind: Pod\nmetadata: {name: a}\nspec: {containers: [{name: a, image: b}]}\n',
      'pod.yaml',
      {
        observeForSeconds: 1,
      },
    );
    expect(wrongKind.status === 'invalid' && wrongKind.problems.map(formatProblem)).toEqual([
      "pod.yaml:1: apiVersion: 'v2' must be v1",
    ]);
  });
});

describe('loadInputText', () => {
  it('loads a manifest when kind is Pod and a case file otherwise', () => {
    const options = { observeForSeconds: 30 };
    const fromManifest = loadInputText(manifest, 'pod.yaml', options);
    expect(fromManifest.status === 'ok' && fromManifest.caseFile.scenario.id).toBe('web');
    const fromCase = loadInputText(baseCaseText, 'demo.case.yaml', options);
    expect(fromCase.status === 'ok' && fromCase.caseFile.scenario.observeForSeconds).toBe(10);
    const broken = loadInputText('kind: [', 'x.yaml', options);
    expect(broken.status).toBe('invalid');
  });
});
