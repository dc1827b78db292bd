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

/**
 * Records a restart decision at `nowSeconds` (flowcontrol Next). doBackOff passes the exited instance's finishedAt
 * as Next's event time, so an entry is reset when its last update lies more than 600 s before that exit, not before
 * the decision (KUBELET-FACTS §4.4 "Reset"); the entry's own last update is the decision's time.
 */
export function advanceCrashBackOff(c: ContainerModel, nowSeconds: number, finished = c.finishedAtSeconds): void {
  const entry = c.backOff;
  const eventSeconds = finished ?? nowSeconds;
  if (!entry || eventSeconds - entry.lastUpdateSeconds > crashBackOff.resetAfterSeconds) {
    c.backOff = { periodSeconds: crashBackOff.initialSeconds, lastUpdateSeconds: nowSeconds };
    return;
  }
  entry.periodSeconds = Math.min(entry.periodSeconds * 2, crashBackOff.maxSeconds);
  entry.lastUpdateSeconds = nowSeconds;
}
