/**
 * One scenario on a cluster: its own namespace, the compiled pod created through the API (pod.created recorded
 * just before the call), each `delete` action at its time with its grace period (pod.deleteRequested recorded
 * just before the call), a watch on the pod until observeFor or until it is gone, then the Events, the markers
 * read from the node, the observation derived — and the namespace deleted whatever happened. Every failure of the
 * cluster (an API error, a pod that never appears, a watch that drops twice, markers that cannot be read) is this
 * scenario's `unknown` with the reason; the run goes on.
 */
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import { allContainers, podNamespace } from '../../../specs/vocabulary/index.ts';
import type { RunOutcome } from '../backend.ts';
import type { CompiledPod, CompileOptions, CompileOutcome } from '../manifest/compiled-pod.ts';
import { apiErrorText, isNotFound, type KubeApi } from './kube-api.ts';
import { markerHostDir, readMarkers } from './marker-reader.ts';
import { deriveObservation } from './observation.ts';
import { expiresAnnotation } from './ownership.ts';
import { PodWatch } from './pod-watch.ts';
import type { WireEvent, WirePod } from './wire.ts';

/** The manifest compiler's entry point (harness/backends/manifest). */
export type CompileManifest = (scenario: Scenario, options: CompileOptions) => CompileOutcome;

/** What a scenario run needs from its surroundings; tests give fakes. */
export interface ClusterRunDeps {
  readonly api: KubeApi;
  readonly compile: CompileManifest;
  /** the client's clock, epoch seconds */
  readonly now: () => number;
  readonly sleep: (seconds: number, signal?: AbortSignal) => Promise<void>;
  readonly resolutionSeconds: number;
  /** the image of the marker reader pod (it must be on, or pullable by, every node) */
  readonly readerImage: string;
  readonly readerTimeoutSeconds: number;
}

/** Where the scenario runs and what marks it as the suite's. */
export interface Placement {
  readonly namespace: string;
  readonly labels: Readonly<Record<string, string>>;
}

/** The node world made true for one scenario, held until `release`; or why it cannot be. */
export type WorldLease =
  | { readonly status: 'ready'; readonly release: () => void }
  | { readonly status: 'unexpressible'; readonly reason: string };

/** Acts out the scenario's node world for its compiled pod (kind-world.ts, image-warmer.ts). */
export type PlaceWorld = (scenario: Scenario, pod: CompiledPod) => Promise<WorldLease>;

// A namespace lives at most observeFor plus the reader and cleanup; past this margin a later run may remove it.
const expiryMarginSeconds = 1800;

function unknown(reason: string): RunOutcome {
  return { status: 'unknown', reason };
}

/** Runs one scenario and returns what was observed, or why nothing could be. */
export async function runOnCluster(
  scenario: Scenario,
  placement: Placement,
  deps: ClusterRunDeps,
  placeWorld: PlaceWorld,
  signal?: AbortSignal,
): Promise<RunOutcome> {
  const { namespace, labels } = placement;
  const compiled = deps.compile(scenario, {
    flavour: 'kube',
    podName: scenario.pod.name,
    namespace,
    markerHostDir: markerHostDir(namespace),
    labels,
  });
  if (compiled.status === 'unexpressible') return unknown(`cannot be run on a cluster: ${compiled.reason}`);
  const world = await placeWorld(scenario, compiled.pod);
  if (world.status === 'unexpressible') return unknown(`cannot be run on this cluster: ${world.reason}`);
  if (signal?.aborted === true) {
    world.release();
    return unknown('interrupted');
  }
  try {
    return await inNamespace(scenario, compiled.pod, placement, deps, signal);
  } finally {
    world.release();
  }
}

async function inNamespace(
  scenario: Scenario,
  pod: CompiledPod,
  placement: Placement,
  deps: ClusterRunDeps,
  signal: AbortSignal | undefined,
): Promise<RunOutcome> {
  const { namespace, labels } = placement;
  const nodeName = (pod.manifest['spec'] as { readonly nodeName?: unknown } | undefined)?.nodeName;
  if (typeof nodeName === 'string') {
    // A pod bound by its manifest runs only if the node exists; the suite does not rewrite the case's node.
    const nodes = await deps.api.listNodeNames().catch(() => undefined);
    if (nodes !== undefined && !nodes.includes(nodeName)) {
      return unknown(`the pod names node ${nodeName}, which this cluster does not have (nodes: ${nodes.join(', ')})`);
    }
  }
  const expires = new Date((deps.now() + scenario.observeForSeconds + expiryMarginSeconds) * 1000).toISOString();
  try {
    await deps.api.createNamespace(namespace, labels, { [expiresAnnotation]: expires });
  } catch (error) {
    return unknown(`could not create namespace ${namespace}: ${apiErrorText(error)}`);
  }
  try {
    return await observe(scenario, pod, placement, deps, signal);
  } finally {
    // Deleting the namespace deletes the pod and the Events; the run's cleanup sweeps whatever this misses.
    await deps.api.deleteNamespace(namespace).catch(() => undefined);
  }
}

async function observe(
  scenario: Scenario,
  pod: CompiledPod,
  { namespace, labels }: Placement,
  deps: ClusterRunDeps,
  signal: AbortSignal | undefined,
): Promise<RunOutcome> {
  const name = scenario.pod.name;
  const watch = new PodWatch(deps.api, namespace, name, deps.now, Math.ceil(scenario.observeForSeconds) + 120);
  try {
    await watch.start();
  } catch (error) {
    return unknown(`could not watch pod ${namespace}/${name}: ${apiErrorText(error)}`);
  }
  try {
    const created = await createPod(deps, namespace, pod.manifest, signal);
    if (typeof created === 'string') return unknown(`could not create pod ${namespace}/${name}: ${created}`);
    const deleteRequested: number[] = [];
    const actionsFailed = await realiseActions(scenario, namespace, created, deleteRequested, watch, deps, signal);
    const end = created + scenario.observeForSeconds;
    await sleepUnlessEnded(deps, end - deps.now(), watch, signal);
    watch.stop();
    if (signal?.aborted === true) return unknown('interrupted');
    if (actionsFailed !== undefined) return unknown(actionsFailed);
    if (watch.failure !== undefined) return unknown(watch.failure);
    return await finish(scenario, pod.unmarkedPoints, { namespace, labels }, created, deleteRequested, watch, deps);
  } catch (error) {
    return unknown(`the cluster failed during the run: ${apiErrorText(error)}`);
  } finally {
    watch.stop();
  }
}

// The ServiceAccount admission rejects a pod until the namespace's `default` service account exists, which the
// controller manager creates a moment after the namespace: that refusal is waited out, nothing else is retried.
const serviceAccountRetries = 40;
const serviceAccountRetrySeconds = 0.25;

function missingServiceAccount(error: unknown): boolean {
  return /service ?account/i.test(apiErrorText(error)) && /not found/i.test(apiErrorText(error));
}

/** Creates the pod; returns pod.created (the client's clock just before the call that succeeded) or the failure. */
async function createPod(
  deps: ClusterRunDeps,
  namespace: string,
  manifest: Readonly<Record<string, unknown>>,
  signal: AbortSignal | undefined,
): Promise<number | string> {
  for (let attempt = 0; ; attempt++) {
    const created = deps.now();
    try {
      await deps.api.createPod(namespace, manifest);
      return created;
    } catch (error) {
      if (!missingServiceAccount(error) || attempt >= serviceAccountRetries || signal?.aborted === true) {
        return apiErrorText(error);
      }
      await deps.sleep(serviceAccountRetrySeconds, signal);
    }
  }
}

/**
 * Waits `seconds`, or less if the pod goes (or the watch fails) first; the timer is cancelled then, so that a pod
 * gone early leaves no timer keeping the process alive.
 */
async function sleepUnlessEnded(
  deps: ClusterRunDeps,
  seconds: number,
  watch: PodWatch,
  signal: AbortSignal | undefined,
): Promise<void> {
  const done = new AbortController();
  const both = signal === undefined ? done.signal : AbortSignal.any([signal, done.signal]);
  try {
    await Promise.race([deps.sleep(Math.max(0, seconds), both), watch.ended]);
  } finally {
    done.abort();
  }
}

/** Realises the `delete` actions at their times; returns the failure that spoils the run, if any. */
async function realiseActions(
  scenario: Scenario,
  ns: string,
  created: number,
  deleteRequested: number[],
  watch: PodWatch,
  deps: ClusterRunDeps,
  signal: AbortSignal | undefined,
): Promise<string | undefined> {
  const actions = [...scenario.actions].sort((a, b) => a.atSeconds - b.atSeconds);
  for (const action of actions) {
    if (action.atSeconds > scenario.observeForSeconds) break;
    const wait = created + action.atSeconds - deps.now();
    if (wait > 0) await sleepUnlessEnded(deps, wait, watch, signal);
    // A pod already gone takes no further delete, as a kubelet's API would refuse it (404).
    if (signal?.aborted === true || watch.gone || watch.failure !== undefined) return undefined;
    const at = deps.now();
    try {
      await deps.api.deletePod(ns, scenario.pod.name, action.gracePeriodSeconds);
      deleteRequested.push(at);
    } catch (error) {
      // Gone between the watch's last word and the call: no delete was requested, as for a pod seen gone.
      if (isNotFound(error)) return undefined;
      return `could not delete pod at ${action.atSeconds} s: ${apiErrorText(error)}`;
    }
  }
  return undefined;
}

async function finish(
  scenario: Scenario,
  unmarkedPoints: ReadonlyArray<string>,
  { namespace: ns, labels }: Placement,
  created: number,
  deleteRequested: ReadonlyArray<number>,
  watch: PodWatch,
  deps: ClusterRunDeps,
): Promise<RunOutcome> {
  const name = scenario.pod.name;
  const last = watch.deliveries[watch.deliveries.length - 1]?.pod;
  const lastPod: WirePod | undefined = last ?? (await deps.api.readPod(ns, name));
  if (lastPod === undefined) return unknown(`pod ${ns}/${name} never appeared`);
  const events: ReadonlyArray<WireEvent> = await deps.api.listEvents(ns);
  const nodeName = lastPod.spec?.nodeName;
  let markers = '';
  if (nodeName !== undefined && nodeName !== '') {
    const read = await readMarkers(deps.api, {
      namespace: ns,
      nodeName,
      image: deps.readerImage,
      labels,
      timeoutSeconds: deps.readerTimeoutSeconds,
      pollSeconds: 0.5,
      sleep: (s) => deps.sleep(s),
    });
    if (read.status === 'failed') return unknown(`the markers could not be read: ${read.reason}`);
    markers = read.text;
  }
  const { observation, markerProblems } = deriveObservation({
    podName: name,
    suiteNamespace: ns,
    caseNamespace: podNamespace(scenario.pod),
    createdEpochSeconds: created,
    deleteRequestedEpochSeconds: deleteRequested,
    deliveries: watch.deliveries,
    events,
    markers,
    lastPod,
    gone: watch.gone,
    startupProbed: new Set(
      allContainers(scenario.pod)
        .filter((c) => c.startupProbe)
        .map((c) => c.name),
    ),
    unmarkedPoints,
    resolutionSeconds: deps.resolutionSeconds,
  });
  return {
    status: 'observed',
    observation,
    ...(markerProblems.length === 0 ? {} : { stderr: markerProblems.join('\n') }),
  };
}
