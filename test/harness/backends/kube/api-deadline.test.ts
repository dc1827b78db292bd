// An API request that never answers must not hold a scenario forever: every call but the watch has a deadline, and
// its failure reads as one line naming the request.
import { describe, expect, it } from 'vitest';
import { withDeadlines } from '../../../../harness/backends/kube/client-api.ts';
import { apiErrorText } from '../../../../harness/backends/kube/kube-api.ts';
import { FakeCluster } from './fake-cluster.ts';

describe('withDeadlines', () => {
  it('rejects a request that does not answer in time, and passes answers and errors through', async () => {
    const cluster = new FakeCluster();
    const api = withDeadlines({ ...cluster.api, createPod: () => new Promise<void>(() => undefined) }, 0.05);
    const hung = api.createPod('ns', { metadata: { name: 'p' } });
    await expect(hung).rejects.toThrow('the API did not answer createNamespacedPod within 0.05 s');
    expect(apiErrorText(await hung.catch((e: unknown) => e))).toBe(
      'the API did not answer createNamespacedPod within 0.05 s',
    );
    await expect(api.serverVersion()).resolves.toEqual({ major: '1', minor: '35', gitVersion: 'v1.35.0' });
    const refusing = withDeadlines(
      {
        ...cluster.api,
        deleteNamespace: () =>
          Promise.reject(Object.assign(new Error('HTTP-Code: 403'), { code: 403, body: '{"message":"forbidden"}' })),
      },
      1,
    );
    const error = await refusing.deleteNamespace('x').catch((e: unknown) => e);
    expect(apiErrorText(error)).toBe('HTTP 403: forbidden');
  });
});
