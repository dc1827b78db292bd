/**
 * The watch on one scenario's pod: every delivery is kept with the client's clock at arrival. A watch that ends
 * before the observation does (the server or the network closed it, or it failed) is reopened once from the last
 * resourceVersion seen, so no transition is lost; a second drop is reported, and the scenario becomes `unknown`.
 */
import { apiErrorText, type KubeApi, type WatchEventType, type WatchHandle } from './kube-api.ts';
import type { WatchDelivery } from './watch-points.ts';
import type { WirePod } from './wire.ts';

export class PodWatch {
  readonly deliveries: WatchDelivery[] = [];
  /** why the watch could not be kept up, once it dropped a second time */
  failure: string | undefined;
  private handle: WatchHandle | undefined;
  private reconnects = 0;
  private stopped = false;
  private resourceVersion: string | undefined;
  private goneResolve: (() => void) | undefined;
  /** resolves when the pod is gone (DELETED) or the watch failed for good */
  readonly ended: Promise<void>;

  constructor(
    private readonly api: KubeApi,
    private readonly namespace: string,
    private readonly name: string,
    private readonly now: () => number,
    private readonly timeoutSeconds: number,
  ) {
    this.ended = new Promise((resolve) => {
      this.goneResolve = resolve;
    });
  }

  /** Opens the watch; rejects when the API refuses it. */
  async start(): Promise<void> {
    await this.open();
  }

  get gone(): boolean {
    return this.deliveries.some((d) => d.type === 'DELETED');
  }

  stop(): void {
    this.stopped = true;
    this.handle?.stop();
  }

  private async open(): Promise<void> {
    this.handle = await this.api.watchPod(
      this.namespace,
      this.name,
      {
        timeoutSeconds: this.timeoutSeconds,
        ...(this.resourceVersion === undefined ? {} : { resourceVersion: this.resourceVersion }),
      },
      (type, object) => {
        this.deliver(type, object);
      },
      (error) => {
        this.dropped(error);
      },
    );
  }

  private deliver(type: WatchEventType, object: unknown): void {
    if (type === 'BOOKMARK') return;
    if (type === 'ERROR') {
      // A Status object: typically 410 Gone when the resourceVersion is too old to resume from.
      this.dropped(object);
      return;
    }
    const pod = object as WirePod;
    const rv = (pod.metadata as { readonly resourceVersion?: string }).resourceVersion;
    if (rv !== undefined) this.resourceVersion = rv;
    this.deliveries.push({ type, atEpochSeconds: this.now(), pod });
    if (type === 'DELETED') this.goneResolve?.();
  }

  private dropped(error: unknown): void {
    if (this.stopped || this.gone) return;
    this.handle?.stop();
    const why = error === null || error === undefined ? 'closed' : apiErrorText(error);
    if (this.reconnects >= 1) {
      this.failure = `the pod watch dropped twice (last: ${why})`;
      this.goneResolve?.();
      return;
    }
    this.reconnects++;
    this.open().catch((reopenError: unknown) => {
      this.failure = `the pod watch dropped (${why}) and could not be reopened: ${apiErrorText(reopenError)}`;
      this.goneResolve?.();
    });
  }
}
