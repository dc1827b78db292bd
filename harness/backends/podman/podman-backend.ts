/**
 * `--backend podman`: podman 4.3's `kube play` as an implementation of Kubernetes pods (PODMAN.md). Runs compiled
 * manifests several at once, deletes with `pod stop -t GRACE`, observes through markers, the event log and inspect.
 */
import { randomBytes } from 'node:crypto';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { Backend, RunOptions, RunOutcome, SetUpOutcome } from '../backend.ts';
import { Cleanup, ownerLabelKey, removeLeftovers, suiteLabel } from './cleanup.ts';
import { EventCursor, eventsLogPath } from './event-cursor.ts';
import { baseImage } from './images.ts';
import { describeResult, runPodman } from './podman-process.ts';
import type { PodRunRecord } from './observation.ts';
import { runPod, type Compile } from './run-pod.ts';
import { podmanClockResolutionSeconds, podmanDefaultParallelism, podmanDiedLagSeconds } from './timing.ts';

export interface PodmanBackendOptions {
  /** the manifest compiler (harness/backends/manifest) */
  readonly compile: Compile;
  /** runs at once unless `--parallel` says otherwise */
  readonly parallelism?: number;
  /** sees each run's raw record (markers, events, inspect) before it becomes an observation */
  readonly onRecord?: (record: PodRunRecord) => void;
}

const missingPodman =
  'podman not found: run scripts/setup-podman.sh (Debian: apt-get install podman runc catatonit busybox-static)';

/** The version PODMAN.md describes; another one runs with a notice. */
const describedVersion = /^4\.3\./;

function now(): number {
  return (performance.timeOrigin + performance.now()) / 1000;
}

/** Reads podman's version and engine settings: what is missing, or notices for the user. */
async function checkPodman(eventsLog: string): Promise<SetUpOutcome> {
  const version = await runPodman(['version', '--format', '{{.Client.Version}}'], { timeoutMs: 30_000 });
  if (version.status === 'notFound') return { status: 'unavailable', reason: missingPodman };
  if (version.status !== 'ok') {
    return { status: 'unavailable', reason: describeResult(['version'], version) };
  }
  const notices: string[] = [];
  const v = version.stdout.trim();
  if (!describedVersion.test(v)) {
    notices.push(
      `podman ${v}: the backend was measured on 4.3.1; later versions fix some behaviours (init restart 4.4, startupProbe 4.4, terminationGracePeriodSeconds 4.7), so failures may differ`,
    );
  }
  const logger = await runPodman(['info', '--format', '{{.Host.EventLogger}}'], { timeoutMs: 30_000 });
  if (logger.status === 'ok' && logger.stdout.trim() !== 'file') {
    return {
      status: 'unavailable',
      reason: `podman logs events to ${logger.stdout.trim()}, not a file: set events_logger = "file" in containers.conf (scripts/setup-podman.sh)`,
    };
  }
  const image = await runPodman(['image', 'exists', baseImage], { timeoutMs: 30_000 });
  if (image.status !== 'ok') {
    return { status: 'unavailable', reason: `the image ${baseImage} is missing: run scripts/setup-podman.sh` };
  }
  const cursor = await EventCursor.atEnd(eventsLog, new Set());
  if (typeof cursor === 'string') {
    return { status: 'unavailable', reason: `${cursor} (set PODCONFORM_PODMAN_EVENTS_LOG to its path)` };
  }
  const removed = await removeLeftovers();
  if (removed > 0) notices.push(`removed ${removed} podman pod(s) an earlier podconform run left behind`);
  return { status: 'ready', ...(notices.length > 0 ? { notices } : {}) };
}

/** Creates the podman backend. */
export function createPodmanBackend(options: PodmanBackendOptions): Backend {
  const runId = randomBytes(4).toString('hex').slice(0, 6);
  const eventsLog = eventsLogPath();
  const cleanup = new Cleanup();
  const labels = { [suiteLabel.key]: suiteLabel.value, [ownerLabelKey]: String(process.pid) };
  const tags = new Map<string, Promise<string | undefined>>();
  const controller = new AbortController();
  let count = 0;

  const ensureImage = (reference: string): Promise<string | undefined> => {
    let pending = tags.get(reference);
    if (!pending) {
      pending = (async () => {
        if ((await runPodman(['image', 'exists', reference], { timeoutMs: 30_000 })).status === 'ok') return undefined;
        const tagged = await runPodman(['tag', baseImage, reference], { timeoutMs: 30_000 });
        return tagged.status === 'ok'
          ? undefined
          : `cannot make image ${reference} present: ${describeResult(['tag', baseImage, reference], tagged)}`;
      })();
      tags.set(reference, pending);
    }
    return pending;
  };
  const ensureImages = async (references: ReadonlyArray<string>): Promise<string | undefined> =>
    (await Promise.all(references.map(ensureImage))).find((m) => m !== undefined);

  // Ctrl-C: stop every run, remove every pod still there, then end as an interrupted process does.
  // Each run removes its own pod once its `kube play` has ended; then whatever is still tracked goes too.
  const active = new Set<Promise<RunOutcome>>();
  const onSignal = (signal: NodeJS.Signals): void => {
    controller.abort();
    void Promise.allSettled([...active])
      .then(() => cleanup.removeAllLive())
      .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };

  return {
    name: 'podman',
    clockResolutionSeconds: podmanClockResolutionSeconds,
    defaultParallelism: options.parallelism ?? podmanDefaultParallelism(),
    async setUp(): Promise<SetUpOutcome> {
      const outcome = await checkPodman(eventsLog);
      if (outcome.status === 'ready') {
        process.once('SIGINT', onSignal);
        process.once('SIGTERM', onSignal);
      }
      return outcome;
    },
    async run(scenario: Scenario, runOptions: RunOptions = {}): Promise<RunOutcome> {
      // After Ctrl-C (or an aborted run) nothing new is started: the clean-up is under way.
      if (controller.signal.aborted || runOptions.signal?.aborted) return { status: 'unknown', reason: 'interrupted' };
      count += 1;
      const signal = runOptions.signal ? AbortSignal.any([runOptions.signal, controller.signal]) : controller.signal;
      const running = runGuarded(scenario, signal, `pc-${runId}-${count}`);
      active.add(running);
      try {
        return await running;
      } finally {
        active.delete(running);
      }
    },
    async tearDown(): Promise<void> {
      process.removeListener('SIGINT', onSignal);
      process.removeListener('SIGTERM', onSignal);
      await Promise.allSettled([...active]);
      await cleanup.removeAllLive();
    },
  };

  async function runGuarded(scenario: Scenario, signal: AbortSignal, podName: string): Promise<RunOutcome> {
    try {
      return await runPod(
        scenario,
        {
          compile: options.compile,
          podName,
          labels,
          eventsLog,
          ensureImages,
          cleanup,
          resolutionSeconds: podmanClockResolutionSeconds,
          diedLagSeconds: podmanDiedLagSeconds,
          now,
          ...(options.onRecord ? { onRecord: options.onRecord } : {}),
        },
        signal,
      );
    } catch (error) {
      // Backends never throw: a bug in this code is podconform's error, not something podman did.
      return {
        status: 'error',
        reason: `the podman backend failed on case ${scenario.id}: ${error instanceof Error ? error.message : String(error)}`,
        ...(error instanceof Error && error.stack !== undefined ? { detail: error.stack } : {}),
      };
    }
  }
}
