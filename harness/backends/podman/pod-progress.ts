/** What a pod's events say about its progress: whether it has settled, which init container runs now. */
import type { PodmanEvent } from './events.ts';

/** After the last container stopped, how long no restart must come before the pod counts as settled (restarts come ~80 ms after `died`: PODMAN.md §2). */
export const settleQuietSeconds = 0.6;

/** Whether every container podman made for the pod has stopped and stayed stopped for a while. */
export function settled(events: ReadonlyArray<PodmanEvent>, names: ReadonlyArray<string>, now: number): boolean {
  let last = 0;
  for (const name of names) {
    const own = events.filter((e) => e.type === 'container' && e.name === name);
    let running = false;
    for (const e of [...own].sort((a, b) => a.epochSeconds - b.epochSeconds)) {
      if (e.status === 'init' || e.status === 'start' || e.status === 'restart') running = true;
      if (e.status === 'died') running = false;
      last = Math.max(last, e.epochSeconds);
    }
    if (running) return false;
  }
  return now - last >= settleQuietSeconds;
}

/** The init container that is running now, by the events; `undefined` between two of them. */
export function runningInit(events: ReadonlyArray<PodmanEvent>, initNames: ReadonlyArray<string>): string | undefined {
  return initNames.find((name) => {
    const own = events.filter((e) => e.type === 'container' && e.name === name);
    const started = own.filter((e) => e.status === 'start').length;
    return started > own.filter((e) => e.status === 'died').length;
  });
}
