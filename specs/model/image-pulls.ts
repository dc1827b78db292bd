/**
 * Ensuring a container's image before it is created: the effective pull policy, the node's cache,
 * the registry, and the per-image pull back-off, with the image manager's Events
 * (KUBELET-FACTS §9; pull.* rules, kubelet.image.*).
 */
import type { PullPolicy } from '../vocabulary/index.ts';
import { effectivePullPolicy, normalizeImageReference, sameImage } from '../images/index.ts';
import { wait, type Chain } from './engine/chain.ts';
import type { Moment } from './engine/delay.ts';
import { crashBackOff } from './crash-back-off.ts';
import { latencies } from './latencies.ts';
import { containerPoint, event } from './record.ts';
import {
  alreadyPresentMessage,
  invalidImageNameMessage,
  neverPullMessage,
  pullBackOffMessage,
  pulledMessage,
  pullFailedMessage,
  pullingMessage,
  pullStartErrorMessage,
  startErrorMessage,
} from './messages.ts';
import type { ContainerModel, PodModel, PullBackOff } from './state.ts';

export type EnsureOutcome =
  | { readonly status: 'ready'; readonly at: Moment; readonly pulled: boolean }
  | { readonly status: 'error'; readonly at: Moment; readonly reason: string; readonly message: string };

const pullBackOffSeconds = { initial: 10, max: 300 } as const;

function pullStartRule(link: string, policy: PullPolicy): string {
  if (link === 'init.sequential' || link === 'init.before-regular') return 'init.pull-before-each';
  if (
    link === 'kubelet.start.serial' ||
    link === 'hooks.poststart-blocks-next' ||
    link === 'kubelet.sidecar.start-gate'
  ) {
    return policy === 'Always' ? 'pull.always-every-start' : 'pull.ifnotpresent-missing-pulls';
  }
  return policy === 'Always' ? 'pull.always-repull-on-restart' : link;
}

export function policyOf(c: ContainerModel): PullPolicy {
  return effectivePullPolicy(
    c.spec.imagePullPolicy ? { image: c.spec.image, explicitPolicy: c.spec.imagePullPolicy } : { image: c.spec.image },
  );
}

export function isCached(pod: PodModel, image: string): boolean {
  for (const cached of pod.cachedImages) if (sameImage(cached, image)) return true;
  return false;
}

function pullFails(pod: PodModel, image: string): boolean {
  return pod.scenario.node.registry === 'down' || pod.scenario.node.unpullable.some((u) => sameImage(u, image));
}

function backOffKey(image: string): string {
  return image;
}

/**
 * A retry pull is caused by the failure before it: it comes at the first sync after that failure's back-off, whatever
 * brought that sync. One the nominal run brings by another container's point (its exit, its probe result) is
 * re-anchored on the failed pull: no sooner than the back-off after it (the back-off clock starts at the failure,
 * §9.4), no later than this run's own path or an error requeue after the back-off (§1.2); when another container is in
 * CrashLoopBackOff its expiry may decide the requeue of a sync meeting both (Corrections 10): up to its next back-off
 * and half, plus a relist (R31).
 */
function afterPullBackOff(pod: PodModel, c: ContainerModel, m: Moment, entry: PullBackOff): Moment {
  const failed = entry.failedAt;
  const incidental = m.anchor?.scope === 'container' && m.anchor.container !== c.spec.name;
  if (failed?.anchor === undefined || !incidental) return m;
  const crashPeriod = Math.max(0, ...pod.containers.filter((x) => x !== c).map((x) => x.backOff?.periodSeconds ?? 0));
  const crashRequeue =
    crashPeriod > 0 ? 1.5 * Math.min(2 * crashPeriod, crashBackOff.maxSeconds) + latencies.relist.maxSeconds : 0;
  const latest = entry.periodSeconds + Math.max(latencies.errorRequeue.maxSeconds, crashRequeue);
  const gap = m.t - failed.t;
  const loSeconds = Math.max(0, Math.min(gap, entry.periodSeconds));
  const hiSeconds = Math.max(latest, gap + m.hiSeconds - m.loSeconds) + latencies.relistAfterBusyWorker.maxSeconds;
  return { t: m.t, anchor: failed.anchor, loSeconds, hiSeconds };
}

/** EnsureImageExists for container `c`, starting at `from`. */
/** `link` is the rule that explains when this start began; a pull then cites it (the init order, the back-off …). */
export function* ensureImage(pod: PodModel, c: ContainerModel, from: Moment, link: string): Chain<EnsureOutcome> {
  const image = c.spec.image;
  const name = c.spec.name;
  const policy = policyOf(c);
  let m = from;
  // §9.2 step 1: a reference the kubelet cannot add a default tag to stops here, before any cache lookup or pull;
  // nothing backs off, so every sync of the pod tries again and says so again.
  if (normalizeImageReference(image) === undefined) {
    event(pod, m, 'kubelet.image.invalid-name', {
      reason: 'InspectFailed',
      type: 'Warning',
      container: name,
      message: invalidImageNameMessage(image),
    });
    event(pod, m, 'kubelet.image.invalid-name', {
      reason: 'Failed',
      type: 'Warning',
      container: name,
      message: startErrorMessage('InvalidImageName'),
    });
    return {
      status: 'error',
      at: m,
      reason: 'InvalidImageName',
      message: `Failed to apply default image tag "${image}": invalid reference format`,
    };
  }
  if (policy !== 'Always' && isCached(pod, image)) {
    event(pod, m, 'kubelet.image.present', {
      reason: 'Pulled',
      type: 'Normal',
      container: name,
      // KubeletEnsureSecretPulledImages (beta, on in 1.35) checks the pod may use the cached image first (§9.2 item 4)
      message: alreadyPresentMessage(image),
    });
    return { status: 'ready', at: m, pulled: false };
  }
  if (policy === 'Never') {
    const message = `Container image "${image}" is not present with pull policy of Never`;
    event(pod, m, 'kubelet.image.never-pull', {
      reason: 'ErrImageNeverPull',
      type: 'Warning',
      container: name,
      message: neverPullMessage(image),
    });
    event(pod, m, 'kubelet.image.never-pull', {
      reason: 'Failed',
      type: 'Warning',
      container: name,
      message: startErrorMessage('ErrImageNeverPull'),
    });
    return { status: 'error', at: m, reason: 'ErrImageNeverPull', message };
  }
  const key = backOffKey(image);
  const entry = pod.pullBackOff.get(key);
  if (entry && m.t - entry.lastFailureSeconds < entry.periodSeconds) {
    event(pod, m, 'kubelet.image.pull-backoff', {
      reason: 'BackOff',
      type: 'Normal',
      container: name,
      message: pullBackOffMessage(image),
    });
    event(pod, m, 'kubelet.image.pull-backoff', {
      reason: 'Failed',
      type: 'Warning',
      container: name,
      message: startErrorMessage('ImagePullBackOff'),
    });
    return { status: 'error', at: m, reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"` };
  }
  if (entry) m = afterPullBackOff(pod, c, m, entry);
  m = containerPoint(pod, name, 'pullStarted', m, pullStartRule(link, policy));
  event(pod, m, 'pull.before-create', {
    reason: 'Pulling',
    type: 'Normal',
    container: name,
    message: pullingMessage(image),
  });
  if (pullFails(pod, image)) {
    m = yield wait(m, latencies.pullFailure);
    m = containerPoint(
      pod,
      name,
      'pullFailed',
      m,
      pod.scenario.node.registry === 'down' ? 'pull.always-registry-down' : 'restart.image-pull-backoff',
    );
    // what follows the colon is the runtime's own text (§9.2 step 5, Correction 25)
    const message = `Failed to pull image "${image}": `;
    event(pod, m, 'kubelet.image.pull-backoff', {
      reason: 'Failed',
      type: 'Warning',
      container: name,
      message: pullFailedMessage(image),
    });
    event(pod, m, 'kubelet.image.pull-backoff', {
      reason: 'Failed',
      type: 'Warning',
      container: name,
      message: pullStartErrorMessage(),
    });
    const period = entry ? Math.min(entry.periodSeconds * 2, pullBackOffSeconds.max) : pullBackOffSeconds.initial;
    pod.pullBackOff.set(key, { periodSeconds: period, lastFailureSeconds: m.t, failedAt: m });
    return { status: 'error', at: m, reason: 'ErrImagePull', message };
  }
  const takes = pod.scenario.node.pullTakesSeconds;
  // a pull always talks to the registry, so even a "0 s" pull takes a little while
  m = yield wait(m, {
    minSeconds: takes,
    nominalSeconds: takes + 0.05,
    maxSeconds: takes + 0.5,
    rule: 'pull.before-create',
  });
  m = containerPoint(pod, name, 'pulled', m, 'pull.before-create');
  event(pod, m, 'pull.before-create', {
    reason: 'Pulled',
    type: 'Normal',
    container: name,
    message: pulledMessage(image),
  });
  pod.cachedImages.add(image);
  return { status: 'ready', at: m, pulled: true };
}
