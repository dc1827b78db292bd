/**
 * The kubelet's probe manager (prober/prober_manager.go): the workers of the pod, the three result
 * caches whose changes the kubelet's sync loop acts on, and UpdatePodStatus, which sets `started` and
 * `ready` on a generated status and asks readiness workers to run at once (KUBELET-FACTS §6.2, §6.3).
 */
import type { ProbeKind, ProbeResult, ResultSink } from './probe-worker.ts';
import { ProbeWorker } from './probe-worker.ts';
import type { ApiContainerStatus } from './status.ts';
import type { World } from './world.ts';

/** The results cache of one probe type; a change is an update the kubelet reacts to. */
export class ResultsManager implements ResultSink {
  private readonly cache = new Map<number, ProbeResult>();

  constructor(private readonly onChange: (containerId: number, result: ProbeResult) => void) {}

  get(containerId: number): ProbeResult | undefined {
    return this.cache.get(containerId);
  }

  set(containerId: number, result: ProbeResult): void {
    if (this.cache.get(containerId) === result) return;
    this.cache.set(containerId, result);
    this.onChange(containerId, result);
  }

  remove(containerId: number): void {
    this.cache.delete(containerId);
  }
}

/** The kubelet's probe manager: workers, the three result caches and UpdatePodStatus. */
export class ProbeManager {
  readonly liveness: ResultsManager;
  readonly readiness: ResultsManager;
  readonly startup: ResultsManager;
  private readonly workers: Array<Record<ProbeKind, ProbeWorker | undefined>>;
  private readonly failedReadiness = new Set<number>();
  private added = false;

  constructor(private readonly w: World) {
    // kubelet.go syncLoopIteration reads the update channels: liveness syncs only on Failure,
    // readiness and startup patch the status and sync on any change; the main loop is a tick away
    const later = (fn: () => void): void => {
      w.clock.after(w.latencies.instant(), fn);
    };
    // a worker's first result for a new container is a change too, so readiness and startup publish it
    // with a sync request (Corrections 24)
    this.liveness = new ResultsManager((_id, r) => {
      if (r === 'Failure') {
        later(() => {
          w.worker.requestSync();
        });
      }
    });
    this.readiness = new ResultsManager((id, r) => {
      later(() => {
        w.status.setContainerReadiness(id, r === 'Success');
        w.worker.requestSync();
      });
    });
    this.startup = new ResultsManager((id, r) => {
      later(() => {
        w.status.setContainerStartup(id, r === 'Success');
        w.worker.requestSync();
      });
    });
    this.workers = w.pod.all.map(() => ({ startup: undefined, readiness: undefined, liveness: undefined }));
  }

  /** AddPod, at every SyncPod: the first call creates the workers (regular containers, then sidecars). */
  addPod(): void {
    if (this.added) return;
    this.added = true;
    const now = this.w.clock.now;
    const targets = [...this.w.pod.regular, ...this.w.pod.init.filter((c) => c.role === 'sidecar')];
    for (const c of targets) {
      const set = this.workers[c.index];
      if (set === undefined) continue;
      for (const kind of ['startup', 'readiness', 'liveness'] as const) {
        const probe =
          kind === 'startup'
            ? c.spec.startupProbe
            : kind === 'readiness'
              ? c.spec.readinessProbe
              : c.spec.livenessProbe;
        if (probe === undefined) continue;
        const worker = new ProbeWorker(this.w, c, kind, probe, this.resultsOf(kind), now);
        set[kind] = worker;
        worker.start();
      }
    }
  }

  /**
   * SyncTerminatingPod's StopLivenessAndStartup: it loops over spec.containers only, so sidecars' workers
   * go on until RemovePod (§5.3, Corrections 20).
   */
  stopLivenessAndStartup(): void {
    if (this.w.dev['liveness-after-termination']) return;
    for (const c of this.w.pod.regular) {
      const set = this.workers[c.index];
      if (set === undefined) continue;
      for (const kind of ['liveness', 'startup'] as const) {
        set[kind]?.stop();
        set[kind] = undefined;
      }
    }
  }

  /** All workers stop once the containers have stopped. */
  removePod(): void {
    for (const set of this.workers) {
      for (const kind of ['startup', 'readiness', 'liveness'] as const) {
        set[kind]?.stop();
        set[kind] = undefined;
      }
    }
  }

  /** A worker's loop ended; it removes itself. */
  workerExited(worker: ProbeWorker): void {
    const set = this.workers[worker.c.index];
    if (set !== undefined && set[worker.kind] === worker) set[worker.kind] = undefined;
  }

  readinessFailed(containerId: number): void {
    this.failedReadiness.add(containerId);
    this.w.worker.requestSync();
  }

  /** Whether a readiness failure was published for the instance (only read by a deviation). */
  readinessFailurePublished(containerId: number): boolean {
    return this.failedReadiness.has(containerId);
  }

  /** UpdatePodStatus: `started` and `ready` of every container; readiness workers to run at once. */
  updatePodStatus(init: ReadonlyArray<ApiContainerStatus>, regular: ReadonlyArray<ApiContainerStatus>): ProbeWorker[] {
    const triggers: ProbeWorker[] = [];
    for (const s of regular) this.updateOne(s, triggers);
    for (const s of init) {
      if (s.c.role === 'sidecar') this.updateOne(s, triggers);
      else if (s.state.type === 'terminated' && s.state.exitCode === 0) s.ready = true;
    }
    return triggers;
  }

  private updateOne(s: ApiContainerStatus, triggers: ProbeWorker[]): void {
    const started = this.isStarted(s);
    s.started = started;
    if (!started) return;
    let ready = false;
    if (s.state.type === 'running') {
      if (this.readiness.get(s.containerId) === 'Success') ready = true;
      else {
        const worker = this.workers[s.c.index]?.readiness;
        ready = worker === undefined;
        if (worker !== undefined) triggers.push(worker);
      }
    }
    s.ready = ready;
  }

  private isStarted(s: ApiContainerStatus): boolean {
    if (s.state.type !== 'running') return false;
    const result = this.startup.get(s.containerId);
    if (result !== undefined) return result === 'Success';
    return this.workers[s.c.index]?.startup === undefined;
  }

  private resultsOf(kind: ProbeKind): ResultsManager {
    return kind === 'startup' ? this.startup : kind === 'readiness' ? this.readiness : this.liveness;
  }
}
