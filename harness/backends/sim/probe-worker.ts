/**
 * One probe worker (prober/worker.go, KUBELET-FACTS §6.2, §6.3, Corrections 7, 8, 12, 19, 20, 24):
 * created at the pod's first sync, probing once at once and then every periodSeconds from its
 * creation, or from its last manual trigger. It reads the kubelet's cached API status, gates on
 * initialDelaySeconds and `started`, publishes a result after its threshold of consecutive results
 * and holds after a liveness failure or a startup result until the container changes. It keeps the
 * pod it was created with, so a delete does not stop it; SyncTerminatingPod and RemovePod do.
 */
import type { Probe, ProbeFailing } from '../../../specs/vocabulary/index.ts';
import type { Ms } from './clock.ts';
import { toMs } from './clock.ts';
import { probeErroredMessage, probeFailedMessage } from './events.ts';
import type { ContainerInfo } from './pod-info.ts';
import { effectivePolicy } from './restart-policy.ts';
import type { Instance } from './runtime.ts';
import type { ApiContainerStatus, ApiPodStatus } from './status.ts';
import type { World } from './world.ts';

/** The three probe types, in the order a worker set is created for a container. */
export type ProbeKind = 'startup' | 'readiness' | 'liveness';

/** A cached probe result. */
export type ProbeResult = 'Success' | 'Failure' | 'Unknown';

/** Where a worker publishes its results. */
export interface ResultSink {
  set(containerId: number, result: ProbeResult): void;
  remove(containerId: number): void;
}

const initialResult: Readonly<Record<ProbeKind, ProbeResult>> = {
  startup: 'Unknown',
  readiness: 'Failure',
  liveness: 'Success',
};

const typeName: Readonly<Record<ProbeKind, string>> = {
  startup: 'Startup',
  readiness: 'Readiness',
  liveness: 'Liveness',
};

/** One probe worker. */
export class ProbeWorker {
  private containerId = 0;
  private onHold = false;
  private lastResult: ProbeResult = 'Unknown';
  private resultRun = 0;
  private busy = false;
  private runPending = false;
  /** the run kept for after a slow probe came from a manual trigger */
  private pendingIsTrigger = false;
  private nextTick: Ms = 0;
  /** bumped when the ticker is reset, so the tick scheduled before is dropped */
  private tickerGeneration = 0;
  private readonly periodMs: Ms;
  stopped = false;

  constructor(
    private readonly w: World,
    readonly c: ContainerInfo,
    readonly kind: ProbeKind,
    readonly probe: Probe,
    private readonly results: ResultSink,
    private readonly createdAt: Ms,
  ) {
    this.periodMs = probe.periodSeconds * 1000;
  }

  /** Starts the loop: one probe as soon as the goroutine runs, then one per period from then. */
  start(): void {
    const first = this.createdAt + this.w.latencies.probeWorkerStart(this.createdAt, this.periodMs);
    this.w.clock.at(first, () => {
      this.run(false);
    });
    this.scheduleTick(first + this.periodMs);
  }

  /** A manual run (UpdatePodStatus's readiness trigger). */
  trigger(): void {
    this.run(true);
  }

  stop(): void {
    this.stopped = true;
  }

  private scheduleTick(at: Ms): void {
    this.nextTick = at;
    const generation = this.tickerGeneration;
    this.w.clock.at(at, () => {
      if (generation === this.tickerGeneration) this.onTick();
    });
  }

  private onTick(): void {
    if (this.stopped) return;
    this.scheduleTick(this.nextTick + this.periodMs);
    this.run(false);
  }

  private run(manual: boolean): void {
    if (this.stopped) return;
    // a tick or trigger that arrives during a slow probe is kept (buffered channels of 1)
    if (this.busy) {
      this.runPending = true;
      this.pendingIsTrigger ||= manual;
      return;
    }
    // the worker's select took the trigger: its ticker restarts a full period from now (Corrections 24)
    if (manual) {
      this.tickerGeneration++;
      this.scheduleTick(this.w.clock.now + this.periodMs);
    }
    if (!this.doProbe()) {
      this.stopped = true;
      this.w.prober.workerExited(this);
    }
  }

  private doProbe(): boolean {
    const w = this.w;
    const status = w.status.current;
    if (status === undefined) return true;
    if (status.phase === 'Succeeded' || status.phase === 'Failed') return false;
    const cs = statusOf(status, this.c);
    if (cs === undefined || cs.containerId === 0) return true;
    if (cs.containerId !== this.containerId) {
      if (this.containerId !== 0) this.results.remove(this.containerId);
      this.containerId = cs.containerId;
      this.results.set(this.containerId, initialResult[this.kind]);
      this.onHold = false;
    }
    if (this.onHold) return true;
    if (cs.state.type !== 'running') {
      this.results.set(this.containerId, 'Failure');
      // sidecars may always restart (Corrections 7); regular containers unless the policy is Never
      return cs.state.type !== 'terminated' || effectivePolicy(w, this.c) !== 'Never';
    }
    // no deletionTimestamp check here: the worker keeps the pod object it was created with, whose
    // deletionTimestamp is never set (Corrections 20); SyncTerminatingPod stops liveness and startup
    const now = w.clock.now;
    if (Math.floor((now - cs.state.startedAt) / 1000) < this.probe.initialDelaySeconds) return true;
    if (cs.started === true) {
      if (this.kind === 'startup') return true;
    } else if (this.kind !== 'startup' && !w.dev['liveness-before-startup']) {
      return true;
    }
    this.execute(now);
    return true;
  }

  private execute(now: Ms): void {
    const w = this.w;
    const inst = w.runtime.byId[this.containerId - 1];
    const alive = inst?.alive === true;
    if (!alive && this.probe.action.type === 'exec') {
      // an exec into a stopped container errors: Unhealthy is recorded, the result thrown away and
      // nothing counted (Corrections 7, 12, 19)
      w.obs.event(
        'Warning',
        'Unhealthy',
        probeErroredMessage(typeName[this.kind], w.texts.execError(this.containerId)),
        this.c,
      );
      return;
    }
    if (alive) w.obs.container(this.c, `${this.kind}Probe.ran`);
    const timeoutMs = this.probe.timeoutSeconds * 1000;
    const takesMs = toMs(this.probe.takesSeconds);
    // whether it times out is the scenario's to say; a node's exec or round trip only adds to its length
    const timedOut = takesMs > timeoutMs;
    const fails = !alive || timedOut || (inst !== undefined && probeFails(this.probe.fails, inst, now));
    const output = fails ? w.texts.probeFailure(this.c.name, this.probe, alive, timedOut) : '';
    const runMs = alive ? Math.min(takesMs + w.latencies.handlerOverhead(this.probe.action), timeoutMs) : 0;
    if (runMs === 0) {
      this.record(fails, output);
      return;
    }
    this.busy = true;
    w.clock.after(runMs, () => {
      this.busy = false;
      if (this.stopped) return;
      this.record(fails, output);
      if (this.runPending) {
        const manual = this.pendingIsTrigger;
        this.runPending = false;
        this.pendingIsTrigger = false;
        this.run(manual);
      }
    });
  }

  private record(fails: boolean, output: string): void {
    const w = this.w;
    const result: ProbeResult = fails ? 'Failure' : 'Success';
    if (fails) w.obs.event('Warning', 'Unhealthy', probeFailedMessage(typeName[this.kind], output), this.c);
    if (this.lastResult === result) this.resultRun++;
    else {
      this.lastResult = result;
      this.resultRun = 1;
    }
    const failureThreshold = this.probe.failureThreshold + (w.dev['failure-threshold-off-by-one'] ? 1 : 0);
    if ((fails && this.resultRun < failureThreshold) || (!fails && this.resultRun < this.probe.successThreshold))
      return;
    this.results.set(this.containerId, result);
    if (this.kind === 'startup' && !fails) w.obs.container(this.c, 'startupProbe.succeeded');
    if ((this.kind === 'liveness' && fails) || this.kind === 'startup') {
      this.onHold = true;
      this.resultRun = 0;
    }
    if (this.kind === 'readiness' && fails && w.dev['readiness-failure-restarts'])
      w.prober.readinessFailed(this.containerId);
  }
}

/** Whether the probe's check fails at `now` for this instance (FORMAT.md probe `fails`). */
export function probeFails(fails: ProbeFailing, inst: Instance, now: Ms): boolean {
  switch (fails.type) {
    case 'never':
      return false;
    case 'always':
      return true;
    case 'from':
      return now - inst.startedAt >= toMs(fails.seconds);
    case 'until':
      return now - inst.startedAt < toMs(fails.seconds);
    case 'afterTerm':
      return inst.termAt >= 0 && now - inst.termAt >= toMs(fails.seconds);
  }
}

/** The status of one container in an API status. */
export function statusOf(status: ApiPodStatus, c: ContainerInfo): ApiContainerStatus | undefined {
  return c.role === 'regular' ? status.regular[c.listIndex] : status.init[c.listIndex];
}
