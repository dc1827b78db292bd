/**
 * On a cluster the suite does not control (`--backend kube`), the one node-world fact it can still make true is
 * that a `cached` image is on the node: before the first scenario that needs it, a short pod that uses the image
 * runs on every node (pinned by `nodeName`), so the kubelet has pulled it. Absent images, unpullable images and a
 * registry that is down cannot be acted out on someone else's cluster; those scenarios are `unknown`.
 */
import type { ImagePlan } from './image-plan.ts';
import { apiErrorText, type KubeApi } from './kube-api.ts';

export type WarmOutcome = { readonly status: 'ready' } | { readonly status: 'unexpressible'; readonly reason: string };

export class ImageWarmer {
  private readonly warmed = new Map<string, Promise<string | undefined>>();
  private counter = 0;

  constructor(
    private readonly api: KubeApi,
    private readonly namespace: string,
    private readonly labels: Readonly<Record<string, string>>,
    private readonly sleep: (seconds: number) => Promise<void>,
    private readonly timeoutSeconds = 300,
  ) {}

  /** Makes the plan's cached images present on every node, or says why the plan cannot be acted out here. */
  async prepare(plan: ImagePlan): Promise<WarmOutcome> {
    const fault = plan.images.find((i) => i.role !== 'cached');
    if (fault !== undefined || plan.registry === 'down') {
      const what =
        fault === undefined
          ? 'a registry that is down'
          : `image ${fault.image} ${fault.role === 'unpullable' ? 'unpullable' : 'absent from the node'}`;
      return {
        status: 'unexpressible',
        reason: `--backend kube cannot act out ${what} on a cluster it does not control (--backend kind can)`,
      };
    }
    for (const image of plan.images) {
      let warming = this.warmed.get(image.key);
      if (warming === undefined) {
        warming = this.warm(image.image);
        this.warmed.set(image.key, warming);
      }
      const failed = await warming;
      if (failed !== undefined) return { status: 'unexpressible', reason: `cached image ${image.image}: ${failed}` };
    }
    return { status: 'ready' };
  }

  private async warm(image: string): Promise<string | undefined> {
    try {
      const nodes = await this.api.listNodeNames();
      const names = nodes.map((node) => ({ node, name: `podconform-warm-${++this.counter}` }));
      for (const { node, name } of names) {
        await this.api.createPod(this.namespace, {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name, namespace: this.namespace, labels: { ...this.labels } },
          spec: {
            nodeName: node,
            restartPolicy: 'Never',
            terminationGracePeriodSeconds: 0,
            tolerations: [{ operator: 'Exists' }],
            containers: [{ name: 'pull', image, imagePullPolicy: 'IfNotPresent', command: ['true'] }],
          },
        });
      }
      for (const { node, name } of names) {
        let waited = 0;
        for (;;) {
          const pod = await this.api.readPod(this.namespace, name);
          const phase = pod?.status?.phase;
          // `true` may be missing from a non-busybox image; the pull is what counts, and a pulled image starts.
          const waiting = pod?.status?.containerStatuses?.[0]?.state?.waiting?.reason;
          if (phase === 'Succeeded' || phase === 'Failed') break;
          if (waiting === 'ErrImagePull' || waiting === 'ImagePullBackOff' || waiting === 'InvalidImageName') {
            return `it could not be pulled onto node ${node} (${waiting})`;
          }
          if (waited >= this.timeoutSeconds)
            return `it was not pulled onto node ${node} within ${this.timeoutSeconds} s`;
          await this.sleep(1);
          waited += 1;
        }
      }
      return undefined;
    } catch (error) {
      return apiErrorText(error);
    }
  }
}
