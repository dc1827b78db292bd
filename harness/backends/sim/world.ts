/**
 * One simulated node running one pod: every component, wired to each other through this object.
 * Components only keep a reference to it; nothing is touched before the constructor finished.
 */
import type { NodeWorld, Scenario } from '../../../specs/vocabulary/index.ts';
import { ApiServer } from './api.ts';
import type { Backoff } from './backoff.ts';
import { crashLoopBackoff, imagePullBackoff } from './backoff.ts';
import { Clock } from './clock.ts';
import type { DeviationFlags } from './deviations.ts';
import { ImageStore } from './image-store.ts';
import type { LatencyMode } from './latencies.ts';
import { Latencies } from './latencies.ts';
import type { PodIdentity } from './node-identity.ts';
import { drawIdentity, nominalIdentity } from './node-identity.ts';
import { podRef } from './events.ts';
import { NodeTexts } from './node-texts.ts';
import { Observer } from './observe.ts';
import { Pleg } from './pleg.ts';
import type { PodInfo } from './pod-info.ts';
import { PodWorker } from './pod-worker.ts';
import { Prng } from './prng.ts';
import { ProbeManager } from './prober.ts';
import { ReasonCache } from './reason-cache.ts';
import { Registry } from './registry.ts';
import { Runtime } from './runtime.ts';
import { StatusManager } from './status-manager.ts';

/** The simulated node and the pod on it. */
export class World {
  readonly clock = new Clock();
  readonly obs: Observer;
  readonly latencies: Latencies;
  /** namespace, UID, node name, pod IP and runtime the node's messages name */
  readonly identity: PodIdentity;
  readonly texts: NodeTexts;
  readonly api: ApiServer;
  readonly runtime: Runtime;
  readonly images: ImageStore;
  readonly registry: Registry;
  readonly pleg: Pleg;
  readonly prober: ProbeManager;
  readonly status: StatusManager;
  readonly reasons: ReasonCache;
  readonly crashBackoff: Backoff;
  readonly pullBackoff: Backoff;
  readonly worker: PodWorker;

  constructor(
    readonly scenario: Scenario,
    readonly pod: PodInfo,
    readonly node: NodeWorld,
    readonly dev: DeviationFlags,
    mode: LatencyMode,
    seed: number,
  ) {
    this.obs = new Observer(this.clock);
    this.latencies = new Latencies(mode, seed);
    // names and texts come from a stream of their own, so they do not shift the latency draws
    const names = mode === 'realistic' ? new Prng(seed ^ 0x5bd1e995) : undefined;
    this.identity = names === undefined ? nominalIdentity(scenario) : drawIdentity(scenario, names);
    this.texts = new NodeTexts(this.identity, names);
    this.api = new ApiServer(this);
    this.runtime = new Runtime(this);
    this.images = new ImageStore(node.cached);
    this.registry = new Registry(this);
    this.pleg = new Pleg(this);
    this.prober = new ProbeManager(this);
    this.status = new StatusManager(this);
    this.reasons = new ReasonCache(pod.all.length);
    this.crashBackoff = crashLoopBackoff(dev['backoff-uncapped']);
    this.pullBackoff = imagePullBackoff();
    this.worker = new PodWorker(this);
  }

  /** The namespace the node's messages name (deviation `namespace-default-in-messages`: always `default`). */
  get messageNamespace(): string {
    return this.dev['namespace-default-in-messages'] ? 'default' : this.identity.namespace;
  }

  /** The pod as the kubelet's messages name it, `NAME_NAMESPACE(UID)` (Corrections 18). */
  podRef(): string {
    return podRef(this.pod.name, this.messageNamespace, this.identity.uid);
  }
}
