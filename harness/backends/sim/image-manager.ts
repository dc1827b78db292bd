/**
 * The kubelet's image manager, EnsureImageExists (KUBELET-FACTS §9.2, Corrections 17, 25): pull policy
 * against the image store, the per-image pull back-off, and the pull itself with its Events and points.
 */
import type { Activity } from './coroutine.ts';
import {
  alreadyPresentMessage,
  invalidImageNameMessage,
  neverPullMessage,
  pullBackOffMessage,
  pullFailedMessage,
  pulledMessage,
  pullingMessage,
} from './events.ts';
import { referenceParses } from './image-names.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { StartError } from './reason-cache.ts';
import type { World } from './world.ts';

/** Makes sure the container's image is on the node; resolves with the start error if it is not. */
export function* ensureImageExists(w: World, c: ContainerInfo): Activity<StartError | undefined> {
  const image = c.spec.image;
  const present = w.images.has(c.imageKey);
  const policy = c.pullPolicy;
  const obs = w.obs;
  // the tag is defaulted before anything else, and a reference that does not parse ends the attempt (§9.2 step 1)
  if (!referenceParses(image)) {
    const message = invalidImageNameMessage(image);
    obs.event('Warning', 'InspectFailed', message, c);
    return { reason: 'InvalidImageName', message };
  }
  if (present && (policy === 'Never' || (policy === 'IfNotPresent' && !w.dev['ifnotpresent-pulls-cached']))) {
    obs.event('Normal', 'Pulled', cachedImageMessage(w, c), c);
    return undefined;
  }
  if (!present && policy === 'Never') {
    const message = neverPullMessage(image);
    obs.event('Warning', 'ErrImageNeverPull', message, c);
    return { reason: 'ErrImageNeverPull', message };
  }
  if (present && policy === 'Always' && !w.registry.up && w.dev['always-uses-cache-when-registry-down']) {
    obs.event('Normal', 'Pulled', alreadyPresentMessage(image), c);
    return undefined;
  }
  // the back-off key is the pod UID and the image as written in the spec
  const key = image;
  const now = w.clock.now;
  if (w.pullBackoff.isInBackOffSinceUpdate(key, now)) {
    // the event has no suffix; only the waiting message gets the previous error (image_manager.go pullImage)
    const message = pullBackOffMessage(image);
    obs.event('Normal', 'BackOff', message, c);
    return { reason: 'ImagePullBackOff', message };
  }
  obs.event('Normal', 'Pulling', pullingMessage(image), c);
  obs.container(c, 'pullStarted');
  const outcome = w.registry.pull(image, c.imageKey);
  if (outcome.status === 'failed') {
    if (outcome.takesMs > 0) yield outcome.takesMs;
    obs.container(c, 'pullFailed');
    // the event prints the runtime's error as it came; evalCRIPullErr decides the reason (Corrections 25)
    obs.event('Warning', 'Failed', pullFailedMessage(image, outcome.failure.error), c);
    w.pullBackoff.next(key, w.clock.now);
    return { reason: outcome.failure.reason, message: outcome.failure.message };
  }
  // startTime is taken before the request enters the serial puller's queue; the pull's own clock after it
  const { queueMs, pullMs, fractionMs } = outcome.timing;
  yield Math.max(queueMs + pullMs, w.latencies.instant());
  w.images.add(c.imageKey);
  obs.container(c, 'pulled');
  // both durations are truncated to milliseconds; the one including the queue can round one digit higher
  const withWaiting = queueMs + pullMs + Math.floor(fractionMs);
  obs.event('Normal', 'Pulled', pulledMessage(image, pullMs, withWaiting, w.texts.imageSize(c.imageKey)), c);
  return undefined;
}

/** The Pulled text for an image used from the node's store (deviation `cached-image-fresh-pull-event`: a fresh pull's). */
function cachedImageMessage(w: World, c: ContainerInfo): string {
  if (!w.dev['cached-image-fresh-pull-event']) return alreadyPresentMessage(c.spec.image);
  const { queueMs, pullMs, fractionMs } = w.latencies.pull(0);
  return pulledMessage(c.spec.image, pullMs, queueMs + pullMs + Math.floor(fractionMs), w.texts.imageSize(c.imageKey));
}
