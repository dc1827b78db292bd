/**
 * `--backend kube` (any cluster a kubeconfig reaches) and `--backend kind` (a kind cluster the suite creates or
 * reuses): set-up finds the cluster, says which rule profile applies and removes what crashed runs left; each
 * scenario runs in its own labelled namespace (scenario-run.ts) once its node world is acted out (kind-world.ts
 * behind the world gate on kind, image-warmer.ts elsewhere); tear-down — and Ctrl-C — delete the run's namespaces.
 */
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Scenario } from '../../../specs/vocabulary/index.ts';
import type { Backend, RunOptions, RunOutcome, SetUpOutcome } from '../backend.ts';
import type { CompiledPod } from '../manifest/compiled-pod.ts';
import { compileManifest } from '../manifest/index.ts';
import { removeLeftovers, removeRunNamespaces } from './cleanup.ts';
import { chooseContext } from './context-choice.ts';
import { planImages } from './image-plan.ts';
import { ImageWarmer } from './image-warmer.ts';
import { defaultKindCluster, ensureKindCluster } from './kind-cluster.ts';
import { KindWorld, nodeImage, sourceImage } from './kind-world.ts';
import { apiErrorText, type KubeApi } from './kube-api.ts';
import { expiresAnnotation, ownedLabels } from './ownership.ts';
import { findKindTools } from './prerequisites.ts';
import { runCommand, type RunCommand } from './processes.ts';
import { runOnCluster, type ClusterRunDeps, type CompileManifest, type WorldLease } from './scenario-run.ts';
import { versionNotice } from './version-notice.ts';
import { WorldGate } from './world-gate.ts';

/** What the CLI passes: `--context`, `--cluster`, and which of the two backends. */
export interface KubeBackendOptions {
  /** `--context CTX`: the kubeconfig context to use (kind: defaults to `kind-<cluster>`) */
  readonly context?: string;
  /** `--cluster NAME` (kind only): the kind cluster to create or reuse; default `podconform` */
  readonly cluster?: string;
  /** true for `--backend kind` */
  readonly kind: boolean;
}

/** Seams for tests: the API, the kubeconfig, processes, clocks and the process's signals. */
export interface KubeBackendSeams {
  /** the kubeconfig's contexts and current context, and an API on a chosen context; throws if none can be loaded */
  readonly kubeconfig?: () => {
    readonly contexts: ReadonlyArray<string>;
    readonly current: string;
    readonly api: (context: string) => KubeApi;
  };
  readonly runCommand?: RunCommand;
  readonly pathVariable?: string;
  readonly now?: () => number;
  readonly sleep?: (seconds: number, signal?: AbortSignal) => Promise<void>;
  readonly compile?: CompileManifest;
  /** installs the Ctrl-C handler; returns its removal */
  readonly onInterrupt?: (handler: () => void) => () => void;
  /** ends the process after an interrupt's cleanup */
  readonly exit?: (code: number) => void;
}

/**
 * How precise a cluster observation's times are, in seconds. Marker times are the node's microseconds; watch
 * arrivals and pod.created/deleteRequested are the client's milliseconds plus API and watch latency, which on a
 * local kind cluster is estimated at well under this figure. Not yet measured on a real run (docs/kind.md).
 */
export const kubeClockResolutionSeconds = 0.2;

const warmNamespaceHours = 6;

/** Scenarios run at once unless `--parallel` says otherwise. */
export const kubeDefaultParallelism = 4;

function defaultSleep(seconds: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const timer = setTimeout(done, Math.max(0, seconds * 1000));
    function done(): void {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

async function realKubeconfig(): Promise<NonNullable<KubeBackendSeams['kubeconfig']>> {
  const { clientApi, loadDefaultKubeConfig } = await import('./client-api.ts');
  return () => {
    // Without any kubeconfig the client falls back to an unauthenticated http://localhost:8080 it calls
    // `loaded-context`; say what is missing instead.
    if (!kubeconfigPresent()) {
      throw new Error('none found (set KUBECONFIG, create ~/.kube/config, or run inside a cluster)');
    }
    let config: ReturnType<typeof loadDefaultKubeConfig>;
    try {
      config = loadDefaultKubeConfig();
    } catch (error) {
      const where = process.env['KUBECONFIG'] ?? '~/.kube/config';
      throw new Error(
        `${where} is not a readable kubeconfig (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    return {
      contexts: config.getContexts().map((c) => c.name),
      current: config.getCurrentContext(),
      api: (context) => clientApi(config, context),
    };
  };
}

function kubeconfigPresent(): boolean {
  const fromEnv = (process.env['KUBECONFIG'] ?? '').split(delimiter).filter((p) => p !== '');
  if (fromEnv.some((p) => existsSync(p))) return true;
  if (existsSync(join(homedir(), '.kube', 'config'))) return true;
  return (process.env['KUBERNETES_SERVICE_HOST'] ?? '') !== '';
}

function processInterrupt(handler: () => void): () => void {
  process.on('SIGINT', handler);
  return () => process.off('SIGINT', handler);
}

/** A run id: short, DNS-label safe, different for every run. */
function newRunId(): string {
  return randomBytes(3).toString('hex');
}

/** Creates the kube or kind backend. */
export function createKubeBackend(options: KubeBackendOptions, seams: KubeBackendSeams = {}): Backend {
  const name = options.kind ? 'kind' : 'kube';
  const run = seams.runCommand ?? runCommand;
  const now = seams.now ?? (() => Date.now() / 1000);
  const sleep = seams.sleep ?? defaultSleep;
  const compile = seams.compile ?? compileManifest;
  const runId = newRunId();
  const labels = ownedLabels(runId);
  const interrupted = new AbortController();
  let api: KubeApi | undefined;
  let placeWorld: ((scenario: Scenario, pod: CompiledPod) => Promise<WorldLease>) | undefined;
  let kindWorld: KindWorld | undefined;
  let readerImage = sourceImage;
  let removeInterrupt: (() => void) | undefined;
  let counter = 0;

  async function setUp(): Promise<SetUpOutcome> {
    const startedAt = now();
    const notices: string[] = [];
    let requested = options.context;
    let tools: { readonly kind: string; readonly docker: string } | undefined;
    let cluster: Awaited<ReturnType<typeof ensureKindCluster>> | undefined;
    if (options.kind) {
      const found = findKindTools(seams.pathVariable ?? process.env['PATH']);
      if (found.status === 'missing') return { status: 'unavailable', reason: found.reason };
      tools = found;
      cluster = await ensureKindCluster(
        run,
        found.kind,
        options.cluster ?? defaultKindCluster,
        process.env['PODCONFORM_KIND_NODE_IMAGE'],
      );
      if (cluster.status === 'unavailable') return cluster;
      // The node world is acted out on this cluster's nodes, so the scenarios must run on it too.
      if (requested !== undefined && requested !== cluster.cluster.context) {
        return {
          status: 'unavailable',
          reason: `--backend kind runs on context ${cluster.cluster.context} (--cluster ${cluster.cluster.name}), not ${requested}; for another cluster use --backend kube --context ${requested}`,
        };
      }
      requested = cluster.cluster.context;
      notices.push(
        `kind cluster ${cluster.cluster.name} ${cluster.cluster.created ? 'created' : 'reused'} (delete it with: kind delete cluster --name ${cluster.cluster.name})`,
      );
    }
    let kubeconfig: ReturnType<NonNullable<KubeBackendSeams['kubeconfig']>>;
    try {
      kubeconfig = (seams.kubeconfig ?? (await realKubeconfig()))();
    } catch (error) {
      return { status: 'unavailable', reason: `no kubeconfig could be loaded: ${apiErrorText(error)}` };
    }
    const choice = chooseContext(kubeconfig.contexts, kubeconfig.current, requested);
    if (choice.status === 'refused') return { status: 'unavailable', reason: choice.reason };
    const chosen = kubeconfig.api(choice.context);
    try {
      notices.push(versionNotice(await chosen.serverVersion()));
    } catch (error) {
      return {
        status: 'unavailable',
        reason: `cannot reach the cluster of context ${choice.context}: ${apiErrorText(error)}`,
      };
    }
    api = chosen;
    const leftovers = await removeLeftovers(chosen, runId, now(), startedAt);
    if (leftovers.removed.length > 0) {
      notices.push(
        `removed ${leftovers.removed.length} namespace(s) an earlier run left: ${leftovers.removed.join(', ')}`,
      );
    }
    for (const failure of leftovers.failed) notices.push(`could not remove a leftover namespace: ${failure}`);
    if (tools !== undefined && cluster?.status === 'ready') {
      const world = new KindWorld(run, tools.docker, tools.kind, cluster.cluster);
      kindWorld = world;
      const failed = await world.setUp();
      if (failed !== undefined) {
        // The CLI does not tear down a backend that never became ready: remove the registry here.
        await world.tearDown();
        return { status: 'unavailable', reason: failed };
      }
      if (!world.routesPulls) {
        notices.push(
          `kind cluster ${cluster.cluster.name} was not created by podconform: scenarios that need a pull (absent, unpullable images, registry down) will be unknown`,
        );
      }
      readerImage = nodeImage;
      const gate = new WorldGate();
      placeWorld = async (scenario, pod) => {
        const planned = planImages(scenario, pod.images);
        if (planned.status === 'unexpressible') return planned;
        const release = await gate.acquire(planned.plan);
        const placed = await world.prepare(planned.plan);
        if (placed.status === 'unexpressible') {
          release();
          return placed;
        }
        return { status: 'ready', release };
      };
    } else {
      const warmNamespace = `podconform-${runId}-images`;
      try {
        // It lives as long as the run, whose length is not known here: a later run leaves it alone for 6 hours.
        const expires = new Date((now() + warmNamespaceHours * 3600) * 1000).toISOString();
        await chosen.createNamespace(warmNamespace, labels, { [expiresAnnotation]: expires });
      } catch (error) {
        return { status: 'unavailable', reason: `cannot create namespace ${warmNamespace}: ${apiErrorText(error)}` };
      }
      const warmer = new ImageWarmer(chosen, warmNamespace, labels, (s) => sleep(s));
      placeWorld = async (scenario, pod) => {
        const planned = planImages(scenario, pod.images);
        if (planned.status === 'unexpressible') return planned;
        const warmed = await warmer.prepare(planned.plan);
        return warmed.status === 'ready' ? { status: 'ready', release: () => undefined } : warmed;
      };
    }
    removeInterrupt = (seams.onInterrupt ?? processInterrupt)(() => {
      onInterrupt();
    });
    return { status: 'ready', notices };
  }

  let interrupting = false;
  function onInterrupt(): void {
    // A second Ctrl-C while cleaning up leaves at once; the next run removes what is left (leftoverNamespaces).
    const exit = seams.exit ?? ((code: number) => process.exit(code));
    if (interrupting) {
      exit(130);
      return;
    }
    interrupting = true;
    interrupted.abort();
    process.stderr.write(`\npodconform: interrupted; deleting the namespaces of run ${runId}…\n`);
    void tearDown().finally(() => {
      exit(130);
    });
  }

  async function runScenario(scenario: Scenario, runOptions: RunOptions = {}): Promise<RunOutcome> {
    if (api === undefined || placeWorld === undefined) {
      return { status: 'error', reason: `${name} backend: run called before a successful setUp` };
    }
    const namespace = `podconform-${runId}-${++counter}`;
    const signal =
      runOptions.signal === undefined ? interrupted.signal : AbortSignal.any([interrupted.signal, runOptions.signal]);
    const deps: ClusterRunDeps = {
      api,
      compile,
      now,
      sleep,
      resolutionSeconds: kubeClockResolutionSeconds,
      readerImage,
      readerTimeoutSeconds: 120,
    };
    try {
      return await runOnCluster(scenario, { namespace, labels }, deps, placeWorld, signal);
    } catch (error) {
      // The cluster's failures are values already; what throws here is podconform's own code.
      const message = error instanceof Error ? error.message : String(error);
      return { status: 'error', reason: `the ${name} backend failed on case ${scenario.id}: ${message}` };
    }
  }

  async function tearDown(): Promise<void> {
    removeInterrupt?.();
    removeInterrupt = undefined;
    if (api !== undefined) {
      const report = await removeRunNamespaces(api, runId);
      for (const failure of report.failed) process.stderr.write(`podconform: could not delete ${failure}\n`);
    }
    await kindWorld?.tearDown();
  }

  // What no cluster run can act out (a grpc probe busybox cannot answer, a digest that must be on the node): the
  // property loop draws its scenarios among the rest. A pull fault on a cluster podconform did not create is only
  // known after set-up and stays a per-run `unknown`.
  function cannotExpress(scenario: Scenario): string | undefined {
    const compiled = compile(scenario, {
      flavour: 'kube',
      podName: scenario.pod.name,
      namespace: 'podconform-expressible',
      markerHostDir: '/tmp/podconform/expressible',
      labels,
    });
    if (compiled.status === 'unexpressible') return `not expressible on a cluster: ${compiled.reason}`;
    const planned = planImages(scenario, compiled.pod.images);
    return planned.status === 'unexpressible' ? `not expressible on a cluster: ${planned.reason}` : undefined;
  }

  return {
    name,
    clockResolutionSeconds: kubeClockResolutionSeconds,
    defaultParallelism: kubeDefaultParallelism,
    cannotExpress,
    setUp,
    run: runScenario,
    tearDown,
  };
}
