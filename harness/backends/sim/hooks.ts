/**
 * Lifecycle hook handlers (lifecycle/handlers.go, KUBELET-FACTS §2.3): `exec` runs inside the
 * container (no timeout; it dies with the container), `httpGet` and `sleep` are run by the kubelet (an
 * `httpGet` is answered by the container, so it fails when the container dies under it).
 * A hook the kubelet stopped waiting for (preStop past the grace) is abandoned: it is not cancelled
 * and its failure is still reported (§5.2), but its end is no longer a point of the pod's timeline.
 * On a realistic node each handler run costs a few milliseconds more than its work (latencies.ts).
 */
import type { ContainerPointName, Hook } from '../../../specs/vocabulary/index.ts';
import { toMs } from './clock.ts';
import type { Activity } from './coroutine.ts';
import { TimedWait } from './coroutine.ts';
import type { Instance } from './runtime.ts';
import type { World } from './world.ts';

/** Shared between a running hook and the kill that waits for it. */
export interface HookRun {
  abandoned: boolean;
}

/** How a hook ended. */
export type HookOutcome = { readonly ok: true } | { readonly ok: false; readonly message: string };

const ok: HookOutcome = { ok: true };

/** Runs one handler of container instance `inst`. */
export function* runHook(
  w: World,
  inst: Instance,
  hook: Hook,
  kind: 'postStart' | 'preStop',
  run: HookRun,
): Activity<HookOutcome> {
  const c = inst.c;
  const startedPoint: ContainerPointName = kind === 'postStart' ? 'postStart.started' : 'preStop.started';
  const finishedPoint: ContainerPointName = kind === 'postStart' ? 'postStart.finished' : 'preStop.finished';
  const pod = w.podRef();
  const a = hook.action;
  const takes = toMs(hook.takesSeconds);
  // a realistic handler costs a little more than its work: the exec's runc start (or the request's way
  // out) before the work begins, its teardown (or the answer's way back) after it ends
  const overhead = w.latencies.handlerOverhead(a);
  const setup = Math.ceil(overhead / 2);
  const teardown = overhead - setup;
  switch (a.type) {
    case 'exec': {
      const cmd = `[${a.command.join(' ')}]`;
      if (setup > 0) yield setup;
      if (!inst.alive) {
        return {
          ok: false,
          message: `Exec lifecycle hook (${cmd}) for Container "${c.name}" in Pod "${pod}" failed - error: container not running`,
        };
      }
      w.obs.container(c, startedPoint);
      if (takes > 0) {
        const died = yield new TimedWait(inst.exited, takes);
        if (died) {
          // the exec ends with its container; the runtime reports it once the process is reaped
          const reaping = w.latencies.reaping();
          if (reaping > 0) yield reaping;
          return {
            ok: false,
            message: `Exec lifecycle hook (${cmd}) for Container "${c.name}" in Pod "${pod}" failed - error: container exited`,
          };
        }
      }
      if (!run.abandoned) w.obs.container(c, finishedPoint);
      if (teardown > 0) yield teardown;
      return hook.result === 'success'
        ? ok
        : {
            ok: false,
            message: `Exec lifecycle hook (${cmd}) for Container "${c.name}" in Pod "${pod}" failed - error: command '${a.command.join(' ')}' exited with 1: , message: ""`,
          };
    }
    case 'httpGet': {
      if (setup > 0) yield setup;
      const reachable = inst.alive;
      w.obs.container(c, startedPoint);
      if (takes > 0 && reachable) {
        // the request is answered by the container's own server: when its process dies the connection closes and
        // the kubelet's client gets an error, as an exec hook ends with its container (§5.2)
        const died = yield new TimedWait(inst.exited, takes);
        if (died) {
          return {
            ok: false,
            message: `HTTP lifecycle hook (${a.path ?? '/'}) for Container "${c.name}" in Pod "${pod}" failed - error: EOF`,
          };
        }
      } else if (takes > 0) yield takes;
      if (!run.abandoned) w.obs.container(c, finishedPoint);
      if (teardown > 0) yield teardown;
      return reachable && hook.result === 'success'
        ? ok
        : {
            ok: false,
            message: `HTTP lifecycle hook (${a.path ?? '/'}) for Container "${c.name}" in Pod "${pod}" failed - error: connection refused`,
          };
    }
    case 'sleep': {
      // the kubelet's own timer: no setup; waking up after it costs the overhead
      w.obs.container(c, startedPoint);
      const sleeps = toMs(a.seconds);
      if (sleeps > 0) yield sleeps;
      if (!run.abandoned) w.obs.container(c, finishedPoint);
      if (overhead > 0) yield overhead;
      return ok;
    }
    case 'tcpSocket':
    case 'grpc':
      w.obs.container(c, startedPoint);
      w.obs.container(c, finishedPoint);
      return { ok: false, message: `${a.type} is not a supported lifecycle handler` };
  }
}
