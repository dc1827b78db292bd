/**
 * The API server's part: the pod object exists from t=0, a delete sets deletionTimestamp with a
 * grace that a later delete may only shorten, a grace of 0 (or a pod already Succeeded/Failed)
 * removes the object at once, and the kubelet removes it after TerminatePod (KUBELET-FACTS §5.1, §5.5).
 */
import type { Ms } from './clock.ts';
import { toMs } from './clock.ts';
import type { World } from './world.ts';

/** The pod object as the API server holds it. */
export class ApiServer {
  exists = true;
  deletionTimestamp: Ms | undefined;
  /** deletionGracePeriodSeconds, once a delete was accepted */
  deletionGraceSeconds: number | undefined;

  constructor(private readonly w: World) {}

  get deletionRequested(): boolean {
    return this.deletionGraceSeconds !== undefined;
  }

  /** A client's delete request with an optional gracePeriodSeconds. */
  delete(requestedGrace: number | undefined): void {
    const w = this.w;
    w.obs.pod('deleteRequested');
    if (!this.exists) return;
    let grace = requestedGrace === undefined || w.dev['delete-grace-ignored'] ? w.pod.specGraceSeconds : requestedGrace;
    if (grace < 0) grace = 1;
    const phase = w.status.current?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') grace = 0;
    if (this.deletionGraceSeconds !== undefined && this.deletionGraceSeconds < grace) grace = this.deletionGraceSeconds;
    this.deletionGraceSeconds = grace;
    this.deletionTimestamp = w.clock.now + toMs(grace);
    w.clock.after(w.latencies.watch(), () => {
      w.worker.podDeleted();
    });
    if (grace === 0) this.remove();
  }

  /** The object disappears; the last status written before it is the final one. */
  remove(): void {
    if (!this.exists) return;
    this.exists = false;
    this.w.status.captureFinal();
    this.w.obs.pod('gone');
  }
}
