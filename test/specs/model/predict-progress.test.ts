/** predict's progress callback: heard on long runs, rising to the end, and without any effect on the prediction. */
import { describe, expect, it } from 'vitest';
import { readManifestStream } from '../../../harness/cases/index.ts';
import { predict } from '../../../specs/model/index.ts';

const probed = `apiVersion: v1
kind: Pod
metadata: {name: web}
spec:
  containers:
    - name: app
      image: nginx:1.25
      readinessProbe: {httpGet: {path: /, port: 80}, periodSeconds: 1}
`;

describe('predict with onProgress', () => {
  it('reports shares that rise within 0..1, ends at 1, and predicts exactly what it predicts without', () => {
    const read = readManifestStream(probed, 'web.yaml', { observeForSeconds: 3600 });
    const scenario = read.status === 'manifests' ? read.pods[0]?.caseFile.scenario : undefined;
    if (scenario === undefined) throw new Error('the manifest did not load');
    const shares: number[] = [];
    const withProgress = predict(scenario, { onProgress: (share) => shares.push(share) });
    expect(shares.length).toBeGreaterThan(2);
    expect(shares.every((share, i) => share > 0 && share <= 1 && (i === 0 || share >= (shares[i - 1] ?? 0)))).toBe(
      true,
    );
    expect(shares.at(-1)).toBe(1);
    expect(withProgress).toEqual(predict(scenario));
  });
});
