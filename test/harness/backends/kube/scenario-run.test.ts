// One scenario on a (fake) cluster: namespace, pod, delete at its time with its grace, watch, Events, markers from
// the node, observation — and every failure of the cluster is that scenario's `unknown`, with its namespace gone.
import { describe, expect, it } from 'vitest';
import type { CompileOutcome } from '../../../../harness/backends/manifest/compiled-pod.ts';
import {
  runOnCluster,
  type ClusterRunDeps,
  type CompileManifest,
  type PlaceWorld,
} from '../../../../harness/backends/kube/scenario-run.ts';
import type { WirePod } from '../../../../harness/backends/kube/wire.ts';
import { FakeCluster } from './fake-cluster.ts';
import { eventsFixture } from './fixtures.ts';
import { doomed } from './scenarios.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const compile: CompileManifest = (scenario, options): CompileOutcome => ({
  status: 'ok',
  pod: {
    manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: options.podName, namespace: options.namespace } },
    images: ['busybox:1.36'],
    unmarkedPoints: [],
  },
});

let released = 0;
const placeWorld: PlaceWorld = () =>
  Promise.resolve({
    status: 'ready',
    release: () => {
      released++;
    },
  });

function deps(cluster: FakeCluster, c: CompileManifest = compile): ClusterRunDeps {
  return {
    api: cluster.api,
    compile: c,
    now: cluster.now,
    sleep: cluster.sleep,
    resolutionSeconds: 0.2,
    readerImage: 'podconform.local/busybox:1.36',
    readerTimeoutSeconds: 10,
  };
}

const placement = { namespace: 'podconform-r1-3', labels: { 'app.kubernetes.io/managed-by': 'podconform' } };

function watchLog(): Array<{ type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: WirePod }> {
  const file = fileURLToPath(new URL('../../../fixtures/kube/deleted-pod.watch.json', import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as Array<{ type: 'ADDED' | 'MODIFIED' | 'DELETED'; object: WirePod }>;
}

function deletedPodCluster(): FakeCluster {
  const cluster = new FakeCluster();
  cluster.t = Date.parse('2026-12-06T22:02:00Z') / 1000;
  const at = [0.01, 0.05, 0.3, 1.2, 15.02, 15.9, 16.0, 16.05];
  cluster.deliveries = watchLog().map((l, i) => ({ at: at[i] ?? 0, type: l.type, pod: l.object }));
  cluster.events = eventsFixture('deleted-pod-events.json');
  return cluster;
}

describe('runOnCluster', () => {
  it('deletes the pod at 15 s with grace 5, observes it until gone, reads the markers on its node', async () => {
    const cluster = deletedPodCluster();
    const t0 = cluster.t;
    cluster.markers = `app started ${t0 + 0.9}\napp term ${t0 + 15.05}\napp exiting ${t0 + 15.06} 143\n`;
    released = 0;
    const outcome = await runOnCluster(doomed, placement, deps(cluster), placeWorld);
    expect(cluster.calls).toEqual([
      'createNamespace podconform-r1-3',
      'watchPod podconform-r1-3/doomed',
      'createPod podconform-r1-3/doomed',
      'deletePod podconform-r1-3/doomed grace=5 at=15',
      'createPod podconform-r1-3/podconform-marker-reader',
      'deleteNamespace podconform-r1-3',
    ]);
    expect(released).toBe(1);
    const reader = cluster.createdPods[1] as { spec: { nodeName: string; volumes: unknown } };
    expect(reader.spec.nodeName).toBe('podconform-control-plane');
    expect(reader.spec.volumes).toEqual([
      { name: 'markers', hostPath: { path: '/tmp/podconform', type: 'DirectoryOrCreate' } },
    ]);
    expect(outcome.status).toBe('observed');
    if (outcome.status !== 'observed') return;
    expect(outcome.observation.points.map((p) => `${p.point}@${p.t}`)).toEqual([
      'pod.created@0',
      'pod.initialized@0.3',
      'app.started@0.9',
      'app.ready@1.2',
      'pod.ready@1.2',
      'pod.deleteRequested@15',
      'app.term@15.05',
      'app.exited@15.06',
      'app.unready@15.9',
      'pod.unready@15.9',
      'pod.gone@16.05',
    ]);
    expect(outcome.observation.final).toMatchObject({ phase: 'Failed', status: 'Error', gone: true });
  });

  it('reopens a dropped watch once from the last resourceVersion and loses nothing', async () => {
    const cluster = deletedPodCluster();
    cluster.drops = [5];
    const outcome = await runOnCluster(doomed, placement, deps(cluster), placeWorld);
    expect(cluster.calls.filter((c) => c.startsWith('watchPod'))).toEqual([
      'watchPod podconform-r1-3/doomed',
      'watchPod podconform-r1-3/doomed from 3010',
    ]);
    expect(outcome.status).toBe('observed');
  });

  it('reports a watch that drops twice as unknown, and still deletes the namespace', async () => {
    const cluster = deletedPodCluster();
    cluster.drops = [5, 10];
    const outcome = await runOnCluster(doomed, placement, deps(cluster), placeWorld);
    expect(outcome).toEqual({ status: 'unknown', reason: 'the pod watch dropped twice (last: unexpected EOF)' });
    expect(cluster.calls[cluster.calls.length - 1]).toBe('deleteNamespace podconform-r1-3');
  });

  it("reports the API's refusal to create the pod as unknown with its message", async () => {
    const cluster = deletedPodCluster();
    cluster.createPodError = Object.assign(new Error('HTTP-Code: 403'), {
      code: 403,
      body: JSON.stringify({ kind: 'Status', message: 'pods "doomed" is forbidden: exceeded quota' }),
    });
    const outcome = await runOnCluster(doomed, placement, deps(cluster), placeWorld);
    expect(outcome).toEqual({
      status: 'unknown',
      reason: 'could not create pod podconform-r1-3/doomed: HTTP 403: pods "doomed" is forbidden: exceeded quota',
    });
    expect(cluster.calls).toContain('deleteNamespace podconform-r1-3');
  });

  it("waits out the namespace's service account not existing yet, and dates pod.created by the call that worked", async () => {
    const cluster = deletedPodCluster();
    const t0 = cluster.t;
    const notYet = () =>
      Object.assign(new Error('HTTP-Code: 403'), {
        code: 403,
        body: JSON.stringify({
          message:
            'pods "doomed" is forbidden: error looking up service account podconform-r1-3/default: serviceaccount "default" not found',
        }),
      });
    cluster.createPodFailures.push(notYet(), notYet());
    const outcome = await runOnCluster(doomed, placement, deps(cluster), placeWorld);
    expect(cluster.calls.filter((c) => c === 'createPod podconform-r1-3/doomed')).toHaveLength(3);
    expect(cluster.created).toBe(t0 + 0.5);
    expect(outcome.status).toBe('observed');
  });

  it('does not run a pod bound to a node the cluster does not have', async () => {
    const cluster = new FakeCluster();
    const bound: CompileManifest = (scenario, options) => ({
      status: 'ok',
      pod: {
        manifest: { apiVersion: 'v1', kind: 'Pod', metadata: { name: options.podName }, spec: { nodeName: 'node-7' } },
        images: [],
        unmarkedPoints: [],
      },
    });
    expect(await runOnCluster(doomed, placement, deps(cluster, bound), placeWorld)).toEqual({
      status: 'unknown',
      reason: 'the pod names node node-7, which this cluster does not have (nodes: podconform-control-plane)',
    });
    expect(cluster.calls).toEqual([]);
  });

  it('reports a pod that never appeared', async () => {
    const cluster = new FakeCluster();
    const outcome = await runOnCluster(doomed, placement, deps(cluster), placeWorld);
    expect(outcome).toEqual({ status: 'unknown', reason: 'pod podconform-r1-3/doomed never appeared' });
  });

  it('reports a scenario the compiler cannot express without touching the cluster', async () => {
    const cluster = new FakeCluster();
    const outcome = await runOnCluster(
      doomed,
      placement,
      deps(cluster, () => ({ status: 'unexpressible', reason: 'a grpc probe' })),
      placeWorld,
    );
    expect(outcome).toEqual({ status: 'unknown', reason: 'cannot be run on a cluster: a grpc probe' });
    expect(cluster.calls).toEqual([]);
  });
});
