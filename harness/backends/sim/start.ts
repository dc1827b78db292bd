/**
 * Starting one container inside a sync (kuberuntime_manager.go SyncPod's `start` helper and
 * kuberuntime_container.go startContainer, KUBELET-FACTS §2.1, §2.2, §4.4): the CrashLoopBackOff
 * check, then pull, create, start and a synchronous postStart, each CRI step a little after the
 * one before; a failed postStart kills the container.
 */
import type { Hook } from '../../../specs/vocabulary/index.ts';
import type { Ms } from './clock.ts';
import type { Activity } from './coroutine.ts';
import { spawn } from './coroutine.ts';
import {
  createdMessage,
  crashBackOffMessage,
  crashBackOffWaitingMessage,
  postStartFailedMessage,
  startErrorMessage,
  startedMessage,
} from './events.ts';
import { runHook } from './hooks.ts';
import { ensureImageExists } from './image-manager.ts';
import { killContainer } from './kill.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { StartError } from './reason-cache.ts';
import type { Instance } from './runtime.ts';
import type { Snapshot } from './snapshot.ts';
import type { World } from './world.ts';

/** The StartContainer sync result of one container. */
export type StartResult =
  | { readonly ok: true }
  | {
      readonly ok: false;
      readonly error: StartError;
      /** when the CrashLoopBackOff that refused the start ends (Corrections 10) */
      readonly backoffExpiry: Ms | undefined;
      readonly imageError: boolean;
    };

const started: StartResult = { ok: true };

/** doBackOff then startContainer for one container of the snapshot's pod. */
export function* startContainer(w: World, c: ContainerInfo, snap: Snapshot): Activity<StartResult> {
  const obs = w.obs;
  const exited = snap.of(c).newestExited;
  if (exited !== undefined && !w.dev['no-backoff']) {
    // the back-off key is the container (name + spec hash); measured from the exit's finishedAt
    const key = c.name;
    if (w.dev['first-restart-delayed']) w.crashBackoff.seed(key, exited.finishedAt);
    if (w.crashBackoff.isInBackOffSince(key, exited.finishedAt, w.clock.now)) {
      const delay = w.crashBackoff.get(key);
      const pod = w.podRef();
      obs.event('Warning', 'BackOff', crashBackOffMessage(c.name, pod), c);
      return {
        ok: false,
        error: { reason: 'CrashLoopBackOff', message: crashBackOffWaitingMessage(delay, c.name, pod) },
        backoffExpiry: exited.finishedAt + delay,
        imageError: false,
      };
    }
    w.crashBackoff.next(key, exited.finishedAt, w.clock.now);
  }
  yield w.latencies.criStep();
  const imageError = yield* ensureImageExists(w, c);
  if (imageError !== undefined) {
    obs.event('Warning', 'Failed', startErrorMessage(imageError.reason), c);
    return { ok: false, error: imageError, backoffExpiry: undefined, imageError: true };
  }
  yield w.latencies.criStep();
  const inst = w.runtime.create(c);
  obs.event('Normal', 'Created', createdMessage, c);
  yield w.latencies.criStep();
  w.runtime.start(inst);
  obs.event('Normal', 'Started', startedMessage, c);
  const postStart = c.spec.postStart;
  if (postStart === undefined) return started;
  yield w.latencies.criStep();
  if (w.dev['poststart-nonblocking']) {
    spawn(w.clock, runPostStart(w, inst, postStart));
    return started;
  }
  return yield* runPostStart(w, inst, postStart);
}

function* runPostStart(w: World, inst: Instance, hook: Hook): Activity<StartResult> {
  const outcome = yield* runHook(w, inst, hook, 'postStart', { abandoned: false });
  if (outcome.ok || w.dev['poststart-failure-ignored']) return started;
  w.obs.event('Warning', 'FailedPostStartHook', postStartFailedMessage, inst.c);
  yield* killContainer(w, inst, 'FailedPostStartHook', 'PostStartHook', undefined, undefined, false);
  return {
    ok: false,
    error: { reason: 'PostStartHookError', message: outcome.message },
    backoffExpiry: undefined,
    imageError: false,
  };
}
