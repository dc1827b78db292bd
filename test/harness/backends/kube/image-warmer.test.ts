// On a cluster the suite does not control, a cached image is pulled onto every node before the first scenario
// that needs it (once), and a world that needs an absent or unpullable image or a registry that is down is unknown.
import { describe, expect, it } from 'vitest';
import { planImages, type ImagePlan } from '../../../../harness/backends/kube/image-plan.ts';
import { ImageWarmer } from '../../../../harness/backends/kube/image-warmer.ts';
import type { KubeApi } from '../../../../harness/backends/kube/kube-api.ts';
import type { WirePod } from '../../../../harness/backends/kube/wire.ts';
import { FakeCluster } from './fake-cluster.ts';
import { scenarioOf } from './scenarios.ts';

function plan(node: string, image: string): ImagePlan {
  const planned = planImages(
    scenarioOf(`
id: w
node: ${node}
pod: {metadata: {name: w}, spec: {containers: [{name: app, image: "${image}"}]}}
observeFor: 10s
`),
    [image],
  );
  if (planned.status !== 'ok') throw new Error(planned.reason);
  return planned.plan;
}

describe('ImageWarmer', () => {
  it('pulls a cached image onto every node once, with a pod pinned to each', async () => {
    const cluster = new FakeCluster();
    const api: KubeApi = { ...cluster.api, listNodeNames: () => Promise.resolve(['n1', 'n2']) };
    const warmer = new ImageWarmer(api, 'podconform-r-images', {}, cluster.sleep);
    const cached = plan('{cached: [busybox:1.36]}', 'busybox:1.36');
    expect(await warmer.prepare(cached)).toEqual({ status: 'ready' });
    expect(await warmer.prepare(cached)).toEqual({ status: 'ready' });
    const pods = cluster.createdPods as unknown as ReadonlyArray<{
      spec: { nodeName: string; containers: [{ image: string }] };
    }>;
    expect(pods.map((p) => `${p.spec.nodeName}:${p.spec.containers[0].image}`)).toEqual([
      'n1:busybox:1.36',
      'n2:busybox:1.36',
    ]);
  });

  it('says which image could not be pulled', async () => {
    const cluster = new FakeCluster();
    const failing: WirePod = {
      metadata: { name: 'x' },
      status: {
        phase: 'Pending',
        containerStatuses: [
          { name: 'pull', ready: false, restartCount: 0, state: { waiting: { reason: 'ErrImagePull' } } },
        ],
      },
    };
    const api: KubeApi = { ...cluster.api, readPod: () => Promise.resolve(failing) };
    const warmer = new ImageWarmer(api, 'podconform-r-images', {}, cluster.sleep);
    expect(await warmer.prepare(plan('{cached: [my.io/app:1]}', 'my.io/app:1'))).toEqual({
      status: 'unexpressible',
      reason: 'cached image my.io/app:1: it could not be pulled onto node podconform-control-plane (ErrImagePull)',
    });
  });

  it('cannot act out an absent image, an unpullable one or a registry that is down', async () => {
    const cluster = new FakeCluster();
    const warmer = new ImageWarmer(cluster.api, 'podconform-r-images', {}, cluster.sleep);
    expect(await warmer.prepare(plan('{}', 'busybox:1.36'))).toEqual({
      status: 'unexpressible',
      reason:
        '--backend kube cannot act out image busybox:1.36 absent from the node on a cluster it does not control (--backend kind can)',
    });
    expect((await warmer.prepare(plan('{unpullable: [nosuch/img:1]}', 'nosuch/img:1'))).status).toBe('unexpressible');
    expect((await warmer.prepare(plan('{registry: down, cached: [busybox:latest]}', 'busybox:latest'))).status).toBe(
      'unexpressible',
    );
    expect(cluster.createdPods).toEqual([]);
  });
});
