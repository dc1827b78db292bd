/**
 * CrashLoopBackOff: the first restart is immediate, then 10 s doubling to 300 s, measured from the
 * exited instance's finishedAt; an entry untouched for 600 s starts over (KUBELET-FACTS §4.4;
 * kubelet.backoff.sequence, kubelet.backoff.reset).
 */
import type { ContainerModel } from './state.ts';

export const crashBackOff = { initialSeconds: 10, maxSeconds: 300, resetAfterSeconds: 600 } as const;

/**
 * The back-off expiry if the container is in back-off at `nowSeconds`, else undefined. `finished` is the
 * finishedAt of the newest exited instance in the sync's snapshot.
 */
export function crashBackOffExpiry(
  c: ContainerModel,
  nowSeconds: number,
  finished = c.finishedAtSeconds,
): number | undefined {
  const entry = c.backOff;
  if (!entry || finished === undefined) return undefined;
  if (finished - entry.lastUpdateSeconds > crashBackOff.resetAfterSeconds) return undefined;
  const expiry = finished + entry.periodSeconds;
  return nowSeconds < expiry ? expiry : undefined;
}

/** Records a restart decision at `nowSeconds` (flowcontrol Next). */
export function advanceCrashBackOff(c: ContainerModel, nowSeconds: number): void {
  const entry = c.backOff;
  if (!entry || nowSeconds - entry.lastUpdateSeconds > crashBackOff.resetAfterSeconds) {
    c.backOff = { periodSeconds: crashBackOff.initialSeconds, lastUpdateSeconds: nowSeconds };
    return;
  }
  entry.periodSeconds = Math.min(entry.periodSeconds * 2, crashBackOff.maxSeconds);
  entry.lastUpdateSeconds = nowSeconds;
}
