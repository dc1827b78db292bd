/**
 * Removing what the suite created: each pod off the critical path once its run is judged (`pod rm -f -t 0` takes
 * 0.1 s, or 3.3 s while cgroupfs removes the pod cgroup: PODMAN.md §4), every live pod on Ctrl-C, and at set-up the
 * pods an earlier run left behind when it crashed. Only pods carrying the suite's label are ever removed.
 */
import { rm } from 'node:fs/promises';
import { runPodman } from './podman-process.ts';

/** The label every pod the suite plays carries, and the one naming the process that owns it. */
export const suiteLabel = { key: 'podconform.io/suite', value: 'podconform' } as const;
export const ownerLabelKey = 'podconform.io/owner-pid';

/** Where a pod's manifest and marker directory live on the host. */
export const workRoot = '/tmp/podconform';

/** Pod removals in flight, so that tear-down (and Ctrl-C) can wait for them. */
export class Cleanup {
  private readonly pending = new Set<Promise<void>>();
  private readonly live = new Set<string>();

  /** A pod about to be played: removed by `removeAllLive` if the process is interrupted. */
  track(podName: string): void {
    this.live.add(podName);
  }

  /** Removes a pod and its directory in the background. */
  schedule(podName: string): void {
    this.live.delete(podName);
    const removal = removePod(podName).finally(() => this.pending.delete(removal));
    this.pending.add(removal);
  }

  /** Removes every pod still running (an interrupted run) and waits for every removal. */
  async removeAllLive(): Promise<void> {
    for (const pod of [...this.live]) this.schedule(pod);
    await this.settled();
  }

  /** Resolves when every scheduled removal has ended. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** Removes one pod (its containers killed at once) and the host directory of its manifest and markers. */
export async function removePod(podName: string): Promise<void> {
  // A second try covers a removal that raced a podman command still finishing with the pod.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    await runPodman(['pod', 'rm', '-f', '-t', '0', podName], { timeoutMs: 60_000 });
    if ((await runPodman(['pod', 'exists', podName], { timeoutMs: 30_000 })).status !== 'ok') break;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  await rm(`${workRoot}/${podName}`, { recursive: true, force: true });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the suite's pods whose owning process is gone (a run that crashed or was killed); pods of a suite run that
 * is still going (another terminal) are left alone. Returns how many it removed.
 */
export async function removeLeftovers(): Promise<number> {
  const listed = await runPodman(
    ['pod', 'ps', '--filter', `label=${suiteLabel.key}=${suiteLabel.value}`, '--format', 'json'],
    { timeoutMs: 30_000 },
  );
  if (listed.status !== 'ok') return 0;
  let pods: unknown;
  try {
    pods = JSON.parse(listed.stdout || '[]');
  } catch {
    return 0;
  }
  if (!Array.isArray(pods)) return 0;
  const stale = pods.flatMap((p: unknown) => {
    const pod = p as { Name?: unknown; Labels?: Record<string, unknown> };
    const owner = Number(pod.Labels?.[ownerLabelKey]);
    const name = typeof pod.Name === 'string' ? pod.Name : '';
    return name.startsWith('pc-') && Number.isInteger(owner) && owner > 0 && !alive(owner) ? [name] : [];
  });
  await Promise.all(stale.map((name) => removePod(name)));
  return stale.length;
}
