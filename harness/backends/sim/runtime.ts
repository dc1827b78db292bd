/**
 * The container runtime: a sandbox and container instances whose main process follows the
 * scenario's behaviour for that start, and reacts to SIGTERM / SIGKILL. Exit codes are the
 * runtime's (143/137 from the signal, else the behaviour's) with containerd's reasons
 * Completed / Error (KUBELET-FACTS §5.6, §8.3).
 */
import type { RunBehavior } from '../../../specs/vocabulary/index.ts';
import { runBehaviorForStart } from '../../../specs/vocabulary/index.ts';
import type { Ms } from './clock.ts';
import { toMs } from './clock.ts';
import type { Activity } from './coroutine.ts';
import { Latch, TimedWait } from './coroutine.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { World } from './world.ts';

/** A container instance's state in the runtime. */
export type RuntimeState = 'created' | 'running' | 'exited';

/** One container instance (one create of a container), with its process. */
export class Instance {
  startedAt: Ms = -1;
  finishedAt: Ms = -1;
  exitCode = 0;
  reason = '';
  /** when the process first received SIGTERM (for probes failing `afterTerm`) */
  termAt: Ms = -1;
  /** fires when the process has exited */
  readonly exited = new Latch();
  behavior: RunBehavior | undefined;
  exitAt: Ms = -1;
  exitCodeAt = 0;

  constructor(
    readonly id: number,
    readonly c: ContainerInfo,
    readonly restartCount: number,
    readonly createdAt: Ms,
  ) {}

  get state(): RuntimeState {
    if (this.finishedAt >= 0) return 'exited';
    return this.startedAt >= 0 ? 'running' : 'created';
  }

  get alive(): boolean {
    return this.startedAt >= 0 && this.finishedAt < 0;
  }

  /** The state a relist at time `t` saw; undefined if the instance did not exist yet. */
  stateAsOf(t: Ms): RuntimeState | undefined {
    if (this.createdAt > t) return undefined;
    if (this.finishedAt >= 0 && this.finishedAt <= t) return 'exited';
    return this.startedAt >= 0 && this.startedAt <= t ? 'running' : 'created';
  }
}

/** The node's runtime for the one pod under test. */
export class Runtime {
  /** instances per container, oldest first */
  readonly byContainer: Instance[][];
  /** every instance; `byId[id - 1]` */
  readonly byId: Instance[] = [];
  private readonly starts: number[];
  sandboxReady = false;
  sandboxCreated = false;

  constructor(private readonly w: World) {
    this.byContainer = w.pod.all.map(() => []);
    this.starts = w.pod.all.map(() => 0);
  }

  instancesOf(c: ContainerInfo): ReadonlyArray<Instance> {
    return this.byContainer[c.index] ?? [];
  }

  /** The newest instance of the container a relist at `asOf` saw. */
  latestAsOf(c: ContainerInfo, asOf: Ms): Instance | undefined {
    const list = this.instancesOf(c);
    for (let i = list.length - 1; i >= 0; i--) {
      const inst = list[i];
      if (inst !== undefined && inst.createdAt <= asOf) return inst;
    }
    return undefined;
  }

  /** The newest instance that had exited by `asOf` (what doBackOff looks at). */
  newestExitedAsOf(c: ContainerInfo, asOf: Ms): Instance | undefined {
    const list = this.instancesOf(c);
    for (let i = list.length - 1; i >= 0; i--) {
      const inst = list[i];
      if (inst !== undefined && inst.stateAsOf(asOf) === 'exited') return inst;
    }
    return undefined;
  }

  /** The instance created just before `inst` (its API lastState). */
  previous(inst: Instance): Instance | undefined {
    const list = this.instancesOf(inst.c);
    const i = list.indexOf(inst);
    return i > 0 ? list[i - 1] : undefined;
  }

  createSandbox(): void {
    this.sandboxReady = true;
    this.sandboxCreated = true;
    this.w.pleg.changed();
  }

  stopSandbox(): void {
    if (!this.sandboxReady) return;
    this.sandboxReady = false;
    this.w.pleg.changed();
  }

  /** CRI CreateContainer: a new instance in state Created, its restart count one above the previous one's. */
  create(c: ContainerInfo): Instance {
    const list = this.byContainer[c.index] ?? [];
    const prev = list[list.length - 1];
    const restartCount = prev === undefined || this.w.dev['restart-count-frozen'] ? 0 : prev.restartCount + 1;
    const inst = new Instance(this.byId.length + 1, c, restartCount, this.w.clock.now);
    list.push(inst);
    this.byId.push(inst);
    this.w.obs.container(c, 'created');
    this.w.pleg.changed();
    return inst;
  }

  /** CRI StartContainer: the process starts with the behaviour of this start number. */
  start(inst: Instance): void {
    const n = (this.starts[inst.c.index] ?? 0) + 1;
    this.starts[inst.c.index] = n;
    const behavior = runBehaviorForStart(inst.c.spec.behavior, n);
    inst.behavior = behavior;
    inst.startedAt = this.w.clock.now;
    this.w.obs.container(inst.c, 'started');
    this.w.pleg.changed();
    if (behavior.exit !== undefined)
      this.scheduleExit(inst, this.w.clock.now + toMs(behavior.exit.afterSeconds), behavior.exit.exitCode);
  }

  /** SIGTERM to the main process, if it is still alive to receive it. */
  term(inst: Instance): void {
    if (!inst.alive) {
      // deviation `exited-container-signalled`: the runtime reports a signal "sent" to a dead container
      if (inst.finishedAt >= 0 && this.w.dev['exited-container-signalled']) this.w.obs.container(inst.c, 'term');
      return;
    }
    const now = this.w.clock.now;
    this.w.obs.container(inst.c, 'term');
    if (inst.termAt < 0) inst.termAt = now;
    const onTerm = inst.behavior?.onTerm;
    if (onTerm === undefined || onTerm.type === 'ignore') return;
    // a trap that exits "at once" still takes its tick (a realistic one a few ms)
    this.scheduleExit(inst, now + this.w.latencies.trapExit(toMs(onTerm.afterSeconds)), onTerm.exitCode);
  }

  /** SIGKILL: the process dies at once with 137. */
  kill(inst: Instance): void {
    if (!inst.alive) return;
    this.w.obs.container(inst.c, 'kill');
    this.exit(inst, 137);
  }

  /** CRI StopContainer(timeout): TERM, wait up to `graceSeconds` for the exit, then KILL; returns when it has exited. */
  *stop(inst: Instance, graceSeconds: number): Activity<void> {
    const latencies = this.w.latencies;
    yield latencies.signalDelivery();
    this.term(inst);
    if (inst.alive) {
      const exited = yield new TimedWait(inst.exited, toMs(graceSeconds));
      if (!exited) {
        const delivery = latencies.signalDelivery();
        if (delivery > 1) yield delivery - 1;
        this.kill(inst);
      }
    }
    // StopContainer returns once the runtime has reaped the process
    const reaping = latencies.reaping();
    if (reaping > 0) yield reaping;
  }

  private scheduleExit(inst: Instance, at: Ms, code: number): void {
    if (inst.exitAt >= 0 && inst.exitAt <= at) return;
    inst.exitAt = at;
    inst.exitCodeAt = code;
    this.w.clock.at(at, () => {
      if (inst.alive && inst.exitAt === at) this.exit(inst, inst.exitCodeAt);
    });
  }

  private exit(inst: Instance, code: number): void {
    inst.finishedAt = this.w.clock.now;
    inst.exitCode = code;
    inst.reason = code === 0 ? 'Completed' : 'Error';
    this.w.obs.container(inst.c, 'exited');
    this.w.pleg.changed();
    inst.exited.fire();
  }
}
