/**
 * The kubelet's image manager, EnsureImageExists (KUBELET-FACTS §9.2): pull policy against the
 * image store, the per-image pull back-off, and the pull itself with its Events and points.
 */
import type { Activity } from './coroutine.ts';
import {
  alreadyPresentMessage,
  neverPullMessage,
  pullBackOffMessage,
  pullFailedMessage,
  pulledMessage,
  pullingMessage,
} from './events.ts';
import type { ContainerInfo } from './pod-info.ts';
import type { StartError } from './reason-cache.ts';
import type { World } from './world.ts';

/** Makes sure the container's image is on the node; resolves with the start error if it is not. */
export function* ensureImageExists(w: World, c: ContainerInfo): Activity<StartError | undefined> {
  const image = c.spec.image;
  const present = w.images.has(c.imageKey);
  const policy = c.pullPolicy;
  const obs = w.obs;
  if (present && (policy === 'Never' || (policy === 'IfNotPresent' && !w.dev['ifnotpresent-pulls-cached']))) {
    obs.event('Normal', 'Pulled', alreadyPresentMessage(image), c);
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
    const message = pullBackOffMessage(image);
    obs.event('Normal', 'BackOff', message, c);
    return { reason: 'ImagePullBackOff', message };
  }
  obs.event('Normal', 'Pulling', pullingMessage(image), c);
  obs.container(c, 'pullStarted');
  const outcome = w.registry.pull(c.imageKey);
  if (outcome.takesMs > 0) yield outcome.takesMs;
  if (outcome.status === 'failed') {
    obs.container(c, 'pullFailed');
    obs.event('Warning', 'Failed', pullFailedMessage(image, outcome.error), c);
    w.pullBackoff.next(key, w.clock.now);
    return { reason: 'ErrImagePull', message: outcome.error };
  }
  w.images.add(c.imageKey);
  obs.container(c, 'pulled');
  obs.event('Normal', 'Pulled', pulledMessage(image, outcome.transferMs), c);
  return undefined;
}
