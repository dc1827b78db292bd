// Cleanup deletes only namespaces carrying the suite's label: those of the run at its end, those an earlier run
// left at set-up — checked on what the API returns, not trusted to the label selector (a fake API ignores it).
import { describe, expect, it } from 'vitest';
import { removeLeftovers, removeRunNamespaces } from '../../../../harness/backends/kube/cleanup.ts';
import type { KubeApi } from '../../../../harness/backends/kube/kube-api.ts';
import type { WireNamespace } from '../../../../harness/backends/kube/wire.ts';

const owned = { 'app.kubernetes.io/managed-by': 'podconform' };

const namespaces: WireNamespace[] = [
  { metadata: { name: 'default', creationTimestamp: '2026-01-01T00:00:00Z' } },
  { metadata: { name: 'kube-system', labels: { 'kubernetes.io/metadata.name': 'kube-system' } } },
  // someone else's namespace that happens to use a podconform-looking name
  { metadata: { name: 'podconform-abc123-1', labels: { 'app.kubernetes.io/managed-by': 'helm' } } },
  { metadata: { name: 'podconform-run1-1', labels: { ...owned, 'podconform.io/run': 'run1' } } },
  { metadata: { name: 'podconform-run1-2', labels: { ...owned, 'podconform.io/run': 'run1' } } },
  // an earlier run that crashed: expired
  {
    metadata: {
      name: 'podconform-old-1',
      labels: { ...owned, 'podconform.io/run': 'old' },
      annotations: { 'podconform.io/expires-at': '2026-12-06T21:00:00.000Z' },
    },
  },
  // a run still going elsewhere on the cluster: not expired
  {
    metadata: {
      name: 'podconform-live-1',
      labels: { ...owned, 'podconform.io/run': 'live' },
      annotations: { 'podconform.io/expires-at': '2026-12-06T23:30:00.000Z' },
    },
  },
  // written before expiry annotations: judged by its age
  {
    metadata: {
      name: 'podconform-older-1',
      labels: { ...owned, 'podconform.io/run': 'older' },
      creationTimestamp: '2026-12-05T10:00:00Z',
    },
  },
];

function fakeApi(failing: ReadonlySet<string> = new Set()): { api: KubeApi; deleted: string[]; selectors: string[] } {
  const deleted: string[] = [];
  const selectors: string[] = [];
  const refuse = (): Promise<never> => Promise.reject(new Error('not used by cleanup'));
  const api: KubeApi = {
    serverVersion: refuse,
    createNamespace: refuse,
    listNamespaces: (selector) => {
      selectors.push(selector);
      return Promise.resolve(namespaces);
    },
    deleteNamespace: (name) => {
      if (failing.has(name))
        return Promise.reject(Object.assign(new Error('Forbidden'), { code: 403, body: { message: 'forbidden' } }));
      deleted.push(name);
      return Promise.resolve();
    },
    createPod: refuse,
    deletePod: refuse,
    readPod: refuse,
    readPodLog: refuse,
    listEvents: refuse,
    listNodeNames: refuse,
    watchPod: refuse,
  };
  return { api, deleted, selectors };
}

const now = Date.parse('2026-12-06T22:00:00Z') / 1000;

describe('removeRunNamespaces', () => {
  it("deletes the run's labelled namespaces and nothing else, asking by label", async () => {
    const { api, deleted, selectors } = fakeApi();
    const report = await removeRunNamespaces(api, 'run1');
    expect(selectors).toEqual(['app.kubernetes.io/managed-by=podconform,podconform.io/run=run1']);
    expect(deleted.sort()).toEqual(['podconform-run1-1', 'podconform-run1-2']);
    expect(report).toEqual({ removed: ['podconform-run1-1', 'podconform-run1-2'], failed: [] });
  });

  it('reports a namespace it could not delete and still deletes the others', async () => {
    const { api, deleted } = fakeApi(new Set(['podconform-run1-1']));
    const report = await removeRunNamespaces(api, 'run1');
    expect(deleted).toEqual(['podconform-run1-2']);
    expect(report.failed).toEqual(['podconform-run1-1: HTTP 403: forbidden']);
  });
});

describe('removeLeftovers', () => {
  it("deletes expired or older namespaces of other runs, never a live run's, this run's or an unlabelled one", async () => {
    const { api, deleted } = fakeApi();
    const report = await removeLeftovers(api, 'run1', now, now - 5);
    expect(deleted.sort()).toEqual(['podconform-old-1', 'podconform-older-1']);
    expect(report.removed).toEqual(['podconform-old-1', 'podconform-older-1']);
  });
});
