/**
 * Points from the pod watch: each delivery carries the whole pod object, and the moment it arrived (the client's
 * clock) stamps the transitions it shows — a container's readiness (`C.ready`/`C.unready`), a container's
 * `started` field turning true where a startup probe gates it (`C.startupProbe.succeeded`), the pod's Initialized
 * and Ready conditions (`pod.initialized`, `pod.ready`/`pod.unready`) and the object's removal (`pod.gone`).
 * Arrival lags the kubelet's status write by the API server's and the watch's latency (milliseconds on a local
 * kind cluster, more on a loaded or remote one); the condition's own lastTransitionTime has whole seconds only.
 */
import type { ObservedPoint } from '../../../specs/vocabulary/index.ts';
import type { WireContainerStatus, WirePod } from './wire.ts';

/** One watch delivery: its type, the client's clock at arrival (epoch seconds), and the object it carried. */
export interface WatchDelivery {
  readonly type: 'ADDED' | 'MODIFIED' | 'DELETED';
  readonly atEpochSeconds: number;
  readonly pod: WirePod;
}

function conditionTrue(pod: WirePod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

function statuses(pod: WirePod): ReadonlyArray<WireContainerStatus> {
  return [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])];
}

// Milliseconds are all a client clock reading carries.
function since(epochSeconds: number, created: number): number {
  return Math.round((epochSeconds - created) * 1000) / 1000;
}

/**
 * The points the deliveries show, `t` since `createdEpochSeconds`. `startupProbed` names the containers with a
 * startup probe: only for them does `started` turning true mean the probe succeeded.
 */
export function watchPoints(
  deliveries: ReadonlyArray<WatchDelivery>,
  createdEpochSeconds: number,
  startupProbed: ReadonlySet<string>,
): ObservedPoint[] {
  const points: ObservedPoint[] = [];
  const ready = new Map<string, boolean>();
  const started = new Map<string, boolean>();
  let initialized = false;
  let podReady = false;
  for (const d of deliveries) {
    const t = since(d.atEpochSeconds, createdEpochSeconds);
    for (const s of statuses(d.pod)) {
      if ((ready.get(s.name) ?? false) !== s.ready)
        points.push({ point: `${s.name}.${s.ready ? 'ready' : 'unready'}`, t });
      ready.set(s.name, s.ready);
      const isStarted = s.started === true;
      if (startupProbed.has(s.name) && isStarted && !(started.get(s.name) ?? false)) {
        points.push({ point: `${s.name}.startupProbe.succeeded`, t });
      }
      started.set(s.name, isStarted);
    }
    const isInitialized = conditionTrue(d.pod, 'Initialized');
    if (isInitialized && !initialized) points.push({ point: 'pod.initialized', t });
    initialized = isInitialized;
    const isReady = conditionTrue(d.pod, 'Ready');
    if (isReady !== podReady) points.push({ point: isReady ? 'pod.ready' : 'pod.unready', t });
    podReady = isReady;
    if (d.type === 'DELETED') points.push({ point: 'pod.gone', t });
  }
  return points;
}
