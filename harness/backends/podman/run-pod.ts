/**
 * One scenario on podman: compile, realise the node's images, `kube play` in the background (it blocks until the
 * init containers are done, and the action timeline must not wait for it), delete with `pod stop -t GRACE` at each
 * action's time, watch the pod's events until `observeFor` or until it has settled, then read markers, events and
 * inspect into an observation. Every failure of podman or of the host is this scenario's `unknown`, never a throw.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { stringify } from 'yaml';
import type { Action, Scenario } from '../../../specs/vocabulary/index.ts';
import { allContainers } from '../../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../backend.ts';
import type { CompileOptions, CompileOutcome } from '../manifest/compiled-pod.ts';
import { markerFileName } from '../manifest/compiled-pod.ts';
import { parseMarkers } from '../manifest/markers.ts';
import { workRoot, type Cleanup } from './cleanup.ts';
import { EventCursor } from './event-cursor.ts';
import { fractionalGraceReason, graceOf } from './expressible.ts';
import { runningInit, settled } from './pod-progress.ts';
import { realiseImages } from './images.ts';
import { parseInspect } from './inspect.ts';
import { assembleObservation, type PodRunRecord } from './observation.ts';
import {
  describeResult,
  podmanBinary,
  runPodman,
  startCommand,
  startPodman,
  type RunningCommand,
} from './podman-process.ts';

/** The manifest compiler, as the backend calls it. */
export type Compile = (scenario: Scenario, options: CompileOptions) => CompileOutcome;

/** What every run of one backend shares. */
export interface PodRunContext {
  readonly compile: Compile;
  readonly podName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly eventsLog: string;
  /** makes each reference a tag of the base image unless it exists; a message when it cannot */
  readonly ensureImages: (references: ReadonlyArray<string>) => Promise<string | undefined>;
  readonly cleanup: Cleanup;
  readonly resolutionSeconds: number;
  readonly diedLagSeconds: number;
  readonly now: () => number;
  /** sees each run's raw record before it becomes an observation (scripts/podman-spread.ts measures from it) */
  readonly onRecord?: (record: PodRunRecord) => void;
}

/** How often the run reads new events while it waits. */
const pollMs = 100;
/** Sleeps until epoch $1, prints the moment, then becomes `$2 pod stop -t $3 $4` (POSIX sh, GNU date, awk). */
const timerScript = [
  'd=$(awk -v a="$1" -v b="$(date +%s.%N)" \'BEGIN { d = a - b; if (d < 0) d = 0; printf "%.6f", d }\')',
  'sleep "$d"',
  'date +%s.%N',
  'exec "$2" pod stop -t "$3" "$4"',
].join('\n');

/** How long play may take to create the pod before the run times from its invocation instead (PODMAN.md §4: 0.06 s idle, seconds when loaded). */
const podCreateTimeoutSeconds = 10;
/** How long after the end the run waits for late `died` events (measured lag 30-140 ms). */
const drainSeconds = 0.3;

const sleep = (seconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, seconds * 1000)));

/** Play failures that are podman's own answer to the node world (a missing or unpullable image), not a crash. */
const imageFailure = /image not known|initializing source|pulling image|manifest unknown|no such image|pull/i;

/** Runs one scenario to its observation. */
export async function runPod(scenario: Scenario, ctx: PodRunContext, signal?: AbortSignal): Promise<RunOutcome> {
  const pod = ctx.podName;
  const dir = `${workRoot}/${pod}`;
  const markerHostDir = `${dir}/m`;
  const compiled = ctx.compile(scenario, { flavour: 'podman', podName: pod, markerHostDir, labels: ctx.labels });
  if (compiled.status === 'unexpressible') {
    return { status: 'unknown', reason: `not expressible on podman: ${compiled.reason}` };
  }
  const badGrace = fractionalGraceReason(scenario);
  if (badGrace !== undefined) return { status: 'unknown', reason: badGrace };
  const images = realiseImages(compiled.pod.manifest, scenario, pod);
  if (images.status === 'unexpressible')
    return { status: 'unknown', reason: `not expressible on podman: ${images.reason}` };
  const imageProblem = await ctx.ensureImages(images.present);
  if (imageProblem) return { status: 'unknown', reason: imageProblem };

  const containers = allContainers(scenario.pod).map((c) => c.name);
  const full = (c: string): string => `${pod}-${c}`;
  const initNames = scenario.pod.initContainers.map((c) => full(c.name));
  const fullNames = containers.map(full);
  const manifestFile = `${dir}/pod.yaml`;
  try {
    await mkdir(markerHostDir, { recursive: true });
    await writeFile(manifestFile, stringify(withLabels(images.manifest, ctx.labels)));
  } catch (error) {
    return { status: 'unknown', reason: `cannot write ${manifestFile}: ${String(error)}` };
  }
  const cursor = await EventCursor.atEnd(ctx.eventsLog, new Set([...fullNames, pod]));
  if (typeof cursor === 'string') return { status: 'unknown', reason: cursor };

  ctx.cleanup.track(pod);
  const invokedEpoch = ctx.now();
  const play = startPodman(['kube', 'play', '--network', 'none', manifestFile], signal ? { signal } : {});
  // pod.created is the pod's `create` event: the moment the pod object exists, as the API server's acceptance is
  // on a cluster. The 0.15-0.5 s before it are the CLI starting and parsing (kubectl's time, before any pod.created);
  // counted in, they would push every first container past the kubelet's first-sync window on a loaded node.
  // Without a pod (play failed first) the invocation stands in.
  let createdEpoch: number | undefined;
  const podCreatedAt = async (): Promise<number> => {
    while (createdEpoch === undefined) {
      // Whether play has ended is read before the log, so that a pod it created just before ending is still seen.
      const over = play.exited() || signal?.aborted === true || ctx.now() - invokedEpoch > podCreateTimeoutSeconds;
      await cursor.poll();
      const event = cursor.events.find((e) => e.type === 'pod' && e.name === pod && e.status === 'create');
      if (event) createdEpoch = event.epochSeconds;
      else if (over) createdEpoch = invokedEpoch;
      else await sleep(pollMs / 4000);
    }
    return createdEpoch;
  };
  const created = await podCreatedAt();
  let ended = false;
  const deleteRequestedEpochs: number[] = [];
  const stops: RunningCommand[] = [];

  // Each delete's `pod stop` is timed by a shell of its own, which prints the moment it invokes podman: this
  // process's event loop may be busy judging another run when the time comes (a 0.23 s late delete was seen with
  // two runs at once), and pod.deleteRequested must be when the request was made.
  const timers: RunningCommand[] = [];
  const realiseDelete = async (action: Action): Promise<void> => {
    const grace = String(graceOf(action, scenario));
    const timeoutMs = (action.atSeconds + Number(grace) + 60) * 1000;
    if (initNames.length === 0) {
      // The shell works out the wait from the target moment itself, so its own start-up does not delay the stop.
      const target = (created + action.atSeconds).toFixed(6);
      const timer = startCommand('sh', ['-c', timerScript, 'sh', target, podmanBinary(), grace, pod], { timeoutMs });
      timers.push(timer);
      stops.push(timer);
      return;
    }
    await sleep(created + action.atSeconds - ctx.now());
    if (ended) return;
    deleteRequestedEpochs.push(ctx.now());
    // While `kube play` runs the init containers it holds the pod lock, and `pod stop` would wait for the whole
    // init phase (PODMAN.md §2 "delete while init runs"): stop the running init container itself, at once.
    const stopped = new Set<string>();
    while (!play.exited() && !ended) {
      const running = runningInit(cursor.events, initNames);
      if (running !== undefined && !stopped.has(running)) {
        stopped.add(running);
        stops.push(startPodman(['stop', '-t', grace, running], { timeoutMs }));
      }
      await sleep(pollMs / 2000);
      await cursor.poll();
    }
    stops.push(startPodman(['pod', 'stop', '-t', grace, pod], { timeoutMs }));
  };
  const requested = (): number[] =>
    [...deleteRequestedEpochs, ...timers.map((t) => Number(t.output().split('\n')[0]))]
      .filter((epoch) => epoch > 0)
      .sort((a, b) => a - b);
  const actions = scenario.actions.map((a) => realiseDelete(a));
  const lastActionEpoch = created + Math.max(0, ...scenario.actions.map((a) => a.atSeconds));
  const endEpoch = created + scenario.observeForSeconds;

  while (!signal?.aborted) {
    await sleep(pollMs / 1000);
    await cursor.poll();
    const now = ctx.now();
    if (now >= endEpoch) break;
    const afterActions = now >= lastActionEpoch && requested().length === scenario.actions.length;
    if (play.exited() && afterActions && settled(cursor.events, fullNames, now)) break;
  }
  ended = true;
  if (signal?.aborted) {
    // A play still creating the pod would recreate what a removal now took away: remove only after it has ended.
    play.kill();
    for (const s of stops) s.kill();
    await play.result;
    ctx.cleanup.schedule(pod);
    return { status: 'unknown', reason: 'interrupted' };
  }
  // The final state is taken at observeFor: a stop still waiting out its grace is not waited for (what it does later
  // is after the end), and the pod's removal kills what is left.
  await Promise.all(actions);
  const unfinished = stops.filter((s) => !s.exited());
  for (const s of unfinished) s.kill();
  const stopResults = await Promise.all(stops.filter((s) => !unfinished.includes(s)).map((s) => s.result));
  // A play still running at the end (an init container restarting forever) has said all it will.
  play.kill();
  const played = await play.result;
  await sleep(drainSeconds);
  const [inspected, markerText] = await Promise.all([
    runPodman(['container', 'inspect', ...fullNames], { timeoutMs: 30_000 }),
    readFile(`${markerHostDir}/${markerFileName}`, 'utf8').catch(() => ''),
  ]);
  await cursor.poll();
  ctx.cleanup.schedule(pod);

  if (played.status === 'notFound') return { status: 'unknown', reason: played.message };
  if (cursor.rotated) {
    // Events written around a rotation are gone: a missing `init` or `died` would read as podman's fault.
    return {
      status: 'unknown',
      reason: `podman rotated its event log ${ctx.eventsLog} during the run, so some events are lost (set events_logfile_max_size = 0 in /etc/containers/containers.conf: scripts/setup-podman.sh)`,
    };
  }
  const podCreated = cursor.events.some((e) => e.type === 'pod' && e.name === pod && e.status === 'create');
  if (!podCreated && played.status === 'failed' && !imageFailure.test(played.stderr)) {
    return {
      status: 'unknown',
      reason: `podman did not create the pod: ${describeResult(['kube', 'play', manifestFile], played)}`,
    };
  }
  const containersSeen =
    inspected.status === 'ok' || inspected.status === 'failed' ? (parseInspect(inspected.stdout || '[]') ?? []) : [];
  const markers = parseMarkers(markerText);
  if (markers.problems.length > 0) {
    const first = markers.problems[0];
    return {
      status: 'unknown',
      reason: `the marker file has ${markers.problems.length} line(s) that are not markers`,
      ...(first ? { detail: `line ${first.line}: ${first.message}: ${first.text}` } : {}),
    };
  }
  const record: PodRunRecord = {
    podName: pod,
    containers,
    createdEpoch: created,
    endEpoch,
    deleteRequestedEpochs: requested(),
    markers: markers.markers,
    events: cursor.events,
    inspected: containersSeen,
    unmarkedPoints: compiled.pod.unmarkedPoints,
    resolutionSeconds: ctx.resolutionSeconds,
    diedLagSeconds: ctx.diedLagSeconds,
  };
  ctx.onRecord?.(record);
  const observation = assembleObservation(record);
  const notes = [
    played.status === 'ok' ? '' : describeResult(['kube', 'play', manifestFile], played),
    ...stopResults.filter((r) => r.status !== 'ok').map((r) => describeResult(['stop'], r)),
  ].filter(Boolean);
  return { status: 'observed', observation, ...(notes.length > 0 ? { stderr: notes.join('\n') } : {}) };
}

/** The suite's labels on the pod, whatever the compiler wrote: clean-up finds pods by them. */
function withLabels(manifest: Readonly<Record<string, unknown>>, labels: Readonly<Record<string, string>>): unknown {
  const metadata = (manifest['metadata'] ?? {}) as Record<string, unknown>;
  const own = (metadata['labels'] ?? {}) as Record<string, unknown>;
  return { ...manifest, metadata: { ...metadata, labels: { ...own, ...labels } } };
}
