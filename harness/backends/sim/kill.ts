/**
 * Stopping containers (kuberuntime_container.go killContainer, killContainersWithSyncResult;
 * kuberuntime_termination_order.go; KUBELET-FACTS §3.4, §5.2, §5.3): the Killing event, the
 * preStop hook bounded by the grace (and not cancelled), the sidecar ordering wait, the 2 s
 * minimum and CRI StopContainer; a whole-pod kill runs every container's kill at once.
 */
import type { Activity } from './coroutine.ts';
import { Latch, TimedWait, spawn } from './coroutine.ts';
import { preStopFailedMessage, stoppingMessage } from './events.ts';
import type { HookRun } from './hooks.ts';
import { runHook } from './hooks.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { Instance } from './runtime.ts';
import type { World } from './world.ts';

/** Why a container is killed; probe kills may use the probe's own grace. */
export type KillReason = 'none' | 'LivenessProbe' | 'StartupProbe' | 'PostStartHook';

/** setTerminationGracePeriod: the delete's grace, else the probe's for probe kills, else the pod's. */
export function containerGraceSeconds(w: World, c: ContainerInfo, reason: KillReason): number {
  if (w.api.deletionGraceSeconds !== undefined) return w.api.deletionGraceSeconds;
  if (reason === 'LivenessProbe') return c.spec.livenessProbe?.terminationGracePeriodSeconds ?? w.pod.specGraceSeconds;
  if (reason === 'StartupProbe') return c.spec.startupProbe?.terminationGracePeriodSeconds ?? w.pod.specGraceSeconds;
  return w.pod.specGraceSeconds;
}

/** Sidecars wait for the regular containers and for the sidecars defined after them (reverse order). */
export class TerminationOrdering {
  private readonly terminated: Latch[];
  private readonly prereqs: Array<Latch[] | undefined>;

  constructor(w: World, running: ReadonlyArray<Instance>) {
    const isRunning = new Set(running.map((i) => i.c.index));
    this.terminated = w.pod.all.map((c) => {
      const l = new Latch();
      // a container that is not running counts as exited from the start
      if (!isRunning.has(c.index)) l.fire();
      return l;
    });
    this.prereqs = w.pod.all.map(() => undefined);
    const main = w.pod.regular.map((c) => this.latch(c));
    const sidecars = w.pod.init.filter((c) => c.role === 'sidecar');
    if (w.dev['sidecars-stopped-first']) {
      const side = sidecars.map((c) => this.latch(c));
      for (const c of w.pod.regular) this.prereqs[c.index] = side;
      return;
    }
    const forward = w.dev['sidecars-forward-order'];
    for (let i = 0; i < sidecars.length; i++) {
      const c = sidecars[i];
      if (c === undefined) continue;
      const neighbour = forward ? sidecars[i - 1] : sidecars[i + 1];
      this.prereqs[c.index] = neighbour === undefined ? main : [...main, this.latch(neighbour)];
    }
  }

  /** Waits until this container's prerequisites stopped, at most `graceSeconds`; returns the seconds waited. */
  *waitForTurn(w: World, c: ContainerInfo, graceSeconds: number): Activity<number> {
    const list = this.prereqs[c.index];
    if (list === undefined) return 0;
    const start = w.clock.now;
    const deadline = start + graceSeconds * 1000;
    for (const l of list) {
      if (l.done) continue;
      const remaining = deadline - w.clock.now;
      if (remaining <= 0) break;
      const fired = yield new TimedWait(l, remaining);
      if (!fired) break;
    }
    return (w.clock.now - start) / 1000;
  }

  containerTerminated(c: ContainerInfo): void {
    this.latch(c).fire();
  }

  private latch(c: ContainerInfo): Latch {
    const l = this.terminated[c.index];
    if (l === undefined) throw new Error(`no termination latch for ${c.name}`);
    return l;
  }
}

/** killContainer: Killing event, preStop, ordering, minimum grace, StopContainer. */
export function* killContainer(
  w: World,
  inst: Instance,
  message: string,
  reason: KillReason,
  overrideSeconds: number | undefined,
  ordering: TerminationOrdering | undefined,
  podTermination: boolean,
): Activity<void> {
  const c = inst.c;
  let grace = containerGraceSeconds(w, c, reason);
  w.obs.event('Normal', 'Killing', message === '' ? stoppingMessage(c.name) : message, c);
  if (overrideSeconds !== undefined) grace = overrideSeconds;
  if (w.dev['kill-without-term']) {
    w.runtime.kill(inst);
    ordering?.containerTerminated(c);
    return;
  }
  const preStop = c.spec.preStop;
  const probeKill = reason === 'LivenessProbe' || reason === 'StartupProbe';
  const skipPreStop =
    (podTermination && w.dev['prestop-skipped-on-delete']) || (probeKill && w.dev['no-prestop-on-probe-kill']);
  if (preStop !== undefined && grace > 0 && !skipPreStop) {
    // the hook is a call of its own (ExecSync or the kubelet's HTTP client), a little after the decision
    yield w.latencies.hookCall();
    const start = w.clock.now;
    const run: HookRun = { abandoned: false };
    const hook = spawn(w.clock, preStopHook(w, inst, run));
    if (w.dev['grace-timer-after-prestop']) {
      yield hook.done;
    } else if (!w.dev['term-before-prestop-finished']) {
      // the hook is not cancelled when the wait ends; it is only no longer waited for
      const finished = yield new TimedWait(hook.done, grace * 1000);
      if (!finished) run.abandoned = true;
      grace -= Math.floor((w.clock.now - start) / 1000);
    }
  }
  if (ordering !== undefined && grace > 0) grace -= Math.floor(yield* ordering.waitForTurn(w, c, grace));
  const minimum = w.dev['no-minimum-grace'] ? 0 : 2;
  if (grace < minimum) grace = minimum;
  yield* w.runtime.stop(inst, grace);
  ordering?.containerTerminated(c);
}

function* preStopHook(w: World, inst: Instance, run: HookRun): Activity<void> {
  const hook = inst.c.spec.preStop;
  if (hook === undefined) return;
  const outcome = yield* runHook(w, inst, hook, 'preStop', run);
  // reported also when the kill stopped waiting for it: the goroutine records its error whenever it
  // comes, e.g. an exec hook that dies with its container after the grace (§5.2)
  if (!outcome.ok && !w.dev['prestop-failure-unreported'])
    w.obs.event('Warning', 'FailedPreStopHook', preStopFailedMessage, inst.c);
}

/** killPodWithSyncResult: every listed container's kill starts at the same moment, then the sandbox stops. */
export function* killPod(
  w: World,
  targets: ReadonlyArray<Instance>,
  overrideSeconds: number | undefined,
  podTermination: boolean,
): Activity<void> {
  if (w.dev['sequential-termination']) {
    for (const inst of targets) yield* killContainer(w, inst, '', 'none', overrideSeconds, undefined, podTermination);
  } else {
    const ordering = w.pod.hasSidecar ? new TerminationOrdering(w, targets) : undefined;
    const tasks = targets.map((inst) =>
      spawn(w.clock, killContainer(w, inst, '', 'none', overrideSeconds, ordering, podTermination)),
    );
    for (const t of tasks) yield t.done;
  }
  w.runtime.stopSandbox();
}
