/**
 * Exits no script could mark. A process killed by SIGKILL (grace period over, a liveness kill after TERM was
 * ignored) dies without writing its `exiting` marker, yet the exit happened and later points are numbered after it
 * (`app.exited#2` is the second exit). The API shows every exited instance — `state.terminated` or
 * `lastState.terminated` with its containerID and `finishedAt` — so an instance with no marker near its finishedAt
 * gets an `exited` point estimated from what bounds it: not before `finishedAt` (the node's clock, truncated to the
 * second), not after `finishedAt` + 1 s nor after the watch delivery that first showed it. The estimate's half-width
 * is returned so that the observation's clock resolution can say honestly how precise its times are.
 */
import type { ObservedPoint } from '../../../specs/vocabulary/index.ts';
import type { Marker } from '../manifest/markers.ts';
import type { WatchDelivery } from './watch-points.ts';
import { timestampSeconds, type WireContainerState, type WireContainerStatus } from './wire.ts';

interface Instance {
  readonly container: string;
  readonly finishedAt: number;
  readonly firstSeen: number;
}

function terminatedInstance(state: WireContainerState | undefined): { id: string; finishedAt: number } | undefined {
  const t = state?.terminated;
  if (t === undefined || t === null) return undefined;
  // The kubelet's own ContainerStatusUnknown carries no container, and a start that failed (StartError) has the
  // zero startedAt: neither is the exit of a process that ran.
  const id = t.containerID ?? '';
  const started = timestampSeconds(t.startedAt);
  const finishedAt = timestampSeconds(t.finishedAt);
  if (id === '' || started === undefined || started <= 0 || finishedAt === undefined) return undefined;
  return { id, finishedAt };
}

function instances(deliveries: ReadonlyArray<WatchDelivery>): Instance[] {
  const seen = new Map<string, Instance>();
  for (const d of deliveries) {
    const statuses: ReadonlyArray<WireContainerStatus> = [
      ...(d.pod.status?.initContainerStatuses ?? []),
      ...(d.pod.status?.containerStatuses ?? []),
    ];
    for (const s of statuses) {
      for (const state of [s.lastState, s.state]) {
        const found = terminatedInstance(state);
        if (found === undefined || seen.has(found.id)) continue;
        seen.set(found.id, { container: s.name, finishedAt: found.finishedAt, firstSeen: d.atEpochSeconds });
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.finishedAt - b.finishedAt);
}

/** The estimated exits, `t` since `createdEpochSeconds`, and the largest half-width of their estimates. */
export function unmarkedExits(
  deliveries: ReadonlyArray<WatchDelivery>,
  markers: ReadonlyArray<Marker>,
  createdEpochSeconds: number,
): { readonly points: ReadonlyArray<ObservedPoint>; readonly halfWidthSeconds: number } {
  const marked = new Map<string, number[]>();
  for (const m of markers) {
    if (m.event !== 'exiting') continue;
    const list = marked.get(m.container) ?? [];
    list.push(m.epochSeconds);
    marked.set(m.container, list);
  }
  const points: ObservedPoint[] = [];
  let halfWidth = 0;
  for (const instance of instances(deliveries)) {
    const list = marked.get(instance.container) ?? [];
    // The marker is written just before the exit, which finishedAt truncates to its second.
    const match = list.findIndex((at) => at >= instance.finishedAt - 1 && at < instance.finishedAt + 1);
    if (match >= 0) {
      list.splice(match, 1);
      continue;
    }
    const lo = instance.finishedAt;
    const hi = Math.max(lo, Math.min(instance.finishedAt + 1, instance.firstSeen));
    halfWidth = Math.max(halfWidth, (hi - lo) / 2);
    points.push({
      point: `${instance.container}.exited`,
      t: Math.round(((lo + hi) / 2 - createdEpochSeconds) * 1000) / 1000,
    });
  }
  return { points, halfWidthSeconds: Math.round(halfWidth * 1000) / 1000 };
}
