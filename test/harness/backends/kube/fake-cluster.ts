/**
 * A fake cluster behind the KubeApi seam for the kube backend's tests: a virtual clock that the backend's `sleep`
 * advances, a scripted pod watch (deliveries at times after the pod's creation, drops at given times), the reader
 * pod answering with a marker text, and a record of every call.
 */
import type { KubeApi, WatchEventType } from '../../../../harness/backends/kube/kube-api.ts';
import type { WireEvent, WireNamespace, WirePod } from '../../../../harness/backends/kube/wire.ts';

export interface ScriptedDelivery {
  /** seconds after the pod's creation */
  readonly at: number;
  readonly type: WatchEventType;
  readonly pod: WirePod;
}

export class FakeCluster {
  t = 1_800_000_000;
  created: number | undefined;
  readonly calls: string[] = [];
  readonly createdPods: Array<Readonly<Record<string, unknown>>> = [];
  deliveries: ScriptedDelivery[] = [];
  /** seconds after creation at which the watch drops */
  drops: number[] = [];
  markers = '';
  events: WireEvent[] = [];
  createPodError: Error | undefined;
  /** errors the scenario pod's first creation attempts meet, one each */
  readonly createPodFailures: Error[] = [];
  /** the namespaces that exist, as the API would list them */
  readonly namespaces = new Map<string, WireNamespace>();
  private watcher: { onEvent: (type: WatchEventType, o: unknown) => void; done: (e: unknown) => void } | undefined;

  readonly now = (): number => this.t;

  readonly sleep = (seconds: number): Promise<void> => {
    this.advance(this.t + Math.max(0, seconds));
    return Promise.resolve();
  };

  private advance(target: number): void {
    for (;;) {
      const created = this.created;
      if (created === undefined) break;
      const nextDelivery = this.deliveries[0];
      const nextDrop = this.drops[0];
      const deliveryAt = nextDelivery === undefined ? Infinity : created + nextDelivery.at;
      const dropAt = nextDrop === undefined ? Infinity : created + nextDrop;
      const at = Math.min(deliveryAt, dropAt);
      if (at > target) break;
      this.t = Math.max(this.t, at);
      if (dropAt <= deliveryAt) {
        this.drops.shift();
        const w = this.watcher;
        this.watcher = undefined;
        w?.done(new Error('unexpected EOF'));
      } else {
        this.deliveries.shift();
        if (nextDelivery !== undefined) this.watcher?.onEvent(nextDelivery.type, nextDelivery.pod);
      }
    }
    this.t = Math.max(this.t, target);
  }

  readonly api: KubeApi = {
    serverVersion: () => Promise.resolve({ major: '1', minor: '35', gitVersion: 'v1.35.0' }),
    createNamespace: (name, labels, annotations) => {
      this.calls.push(`createNamespace ${name}`);
      this.namespaces.set(name, { metadata: { name, labels, annotations } });
      return Promise.resolve();
    },
    listNamespaces: () => Promise.resolve([...this.namespaces.values()]),
    deleteNamespace: (name) => {
      this.calls.push(`deleteNamespace ${name}`);
      this.namespaces.delete(name);
      return Promise.resolve();
    },
    createPod: (namespace, manifest) => {
      const name = String((manifest['metadata'] as { name?: unknown } | undefined)?.name);
      this.calls.push(`createPod ${namespace}/${name}`);
      this.createdPods.push(manifest);
      if (name.startsWith('podconform-')) return Promise.resolve();
      if (this.createPodError !== undefined) return Promise.reject(this.createPodError);
      const failure = this.createPodFailures.shift();
      if (failure !== undefined) return Promise.reject(failure);
      this.created = this.t;
      return Promise.resolve();
    },
    deletePod: (namespace, name, grace) => {
      this.calls.push(`deletePod ${namespace}/${name} grace=${grace ?? 'default'} at=${this.t - (this.created ?? 0)}`);
      return Promise.resolve();
    },
    readPod: (_namespace, name) => {
      if (name.startsWith('podconform-')) {
        return Promise.resolve({ metadata: { name }, status: { phase: 'Succeeded' } });
      }
      return Promise.resolve(undefined);
    },
    readPodLog: () => Promise.resolve(this.markers),
    listEvents: () => Promise.resolve(this.events),
    listNodeNames: () => Promise.resolve(['podconform-control-plane']),
    watchPod: (namespace, name, options, onEvent, done) => {
      this.calls.push(
        `watchPod ${namespace}/${name}${options.resourceVersion === undefined ? '' : ` from ${options.resourceVersion}`}`,
      );
      const w = { onEvent, done };
      this.watcher = w;
      return Promise.resolve({
        stop: () => {
          if (this.watcher === w) this.watcher = undefined;
        },
      });
    },
  };
}
