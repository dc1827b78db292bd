/**
 * Why a known implementation failed a scenario, with the source that says so: the report's "why" column. The cause
 * is read from the failure itself (what the backend printed, which points never came, what the pod holds), not from
 * the rule alone, since one missing hook can break rules of several areas. Only what a document or the
 * implementation's source explains is written here; anything else is reported as not explained.
 */
import type { Scenario } from '../specs/vocabulary/index.ts';

/** What is known of one failure. */
export interface FailureFacts {
  readonly scenario: Scenario;
  /** the violations' or failed expectations' sentences */
  readonly messages: ReadonlyArray<string>;
  /** what the backend printed (podman: kube play's error) */
  readonly said?: string;
}

interface Cause {
  readonly name: string;
  readonly why: string;
  readonly applies: (facts: FailureFacts) => boolean;
}

const said = (facts: FailureFacts, pattern: RegExp): boolean => pattern.test(facts.said ?? '');
const says = (facts: FailureFacts, pattern: RegExp): boolean => facts.messages.some((m) => pattern.test(m));
const regularNames = (s: Scenario): ReadonlyArray<string> => s.pod.containers.map((c) => c.name);

// Each cause cites ../shared/PODMAN.md (measured on podman 4.3.1 here, source read at tag v4.3.1); first match wins.
const podman: ReadonlyArray<Cause> = [
  {
    name: 'refuses an init container with a probe or hook',
    why: 'kube play refuses an init container (a sidecar) that has a probe or a lifecycle hook, so no container of the pod runs ("cannot create an init container that has either of lifecycle, livenessProbe, …": play.go:572; PODMAN.md §2)',
    applies: (f) => said(f, /cannot create an init container that has/),
  },
  {
    name: 'aborts the pod on an image that cannot be pulled',
    why: 'an image that must not be pullable aborts the whole pod instead of one container waiting in ErrImagePull (PODMAN.md §2 "IfNotPresent/Always, pull fails": play exits 125, no container runs)',
    applies: (f) => said(f, /podconform-absent|pinging container registry|image not known|initializing source/),
  },
  {
    name: 'runs a sidecar as a blocking init container',
    why: 'restartPolicy: Always on an init container is dropped: the sidecar blocks the pod like an init container that never exits, so the regular containers never start (PODMAN.md §2 "sidecar: ignored")',
    applies: (f) =>
      f.scenario.pod.initContainers.some((c) => c.role === 'sidecar') &&
      regularNames(f.scenario).some((n) => says(f, new RegExp(`\\b${n}\\.(created|started)\\b.*never came`))),
  },
  {
    name: 'restarts init containers under the pod restartPolicy',
    why: 'init containers inherit the pod restartPolicy: under Always (or OnFailure) a finished init container is started again, play fails and the app containers never start (PODMAN.md §2; play.go:601; containers/podman#15631, fixed in 4.4.0)',
    applies: (f) =>
      f.scenario.pod.restartPolicy !== 'Never' &&
      f.scenario.pod.initContainers.some((c) => c.role === 'init') &&
      (said(f, /init container .* exited with code/) || says(f, /init\.run-once|init\.sequential|#2 must never occur/)),
  },
  {
    name: 'ignores lifecycle hooks',
    why: 'podman 4.3 ignores lifecycle.postStart and preStop: the hook never runs, so nothing waits for it and a failing hook kills nothing (PODMAN.md §2 "lifecycle.postStart / preStop: ignored"; not read in pkg/specgen/generate/kube/kube.go)',
    applies: (f) => says(f, /\.(postStart|preStop)\.(started|finished)\b|FailedPostStartHook|FailedPreStopHook/),
  },
  {
    name: 'has no restart back-off',
    why: 'no CrashLoopBackOff: a container is restarted ~80 ms after it dies, every time (PODMAN.md §2 "restartPolicy Always / unset: no backoff"; libpod/container_internal.go:256)',
    applies: (f) => says(f, /backoff|back-off|started#\d+|restartCount/),
  },
  {
    name: 'runs no probes',
    why: 'no readiness or startup probes, and the liveness healthcheck needs a systemd timer, so no probe ever fails a container (PODMAN.md §2 "livenessProbe … inert here"; kube.go:491-535)',
    applies: (f) =>
      allProbed(f.scenario) && says(f, /\.(term|kill|exited|started#\d+|ready|startupProbe\.\w+|livenessProbe\.ran)\b/),
  },
  {
    name: 'starts app containers in its own order',
    why: 'app containers start one by one in dependency-graph map order, not spec order and not each after the previous one started (PODMAN.md §2 "container start order: differs"; container_graph.go)',
    applies: (f) =>
      says(f, /kubelet\.start\.serial|run\.start-order|spec order|^order \[[\w-]+\.started, [\w-]+\.created\]/),
  },
  {
    name: 'takes the grace period literally',
    why: 'pod stop -t GRACE sends TERM to every container at once and KILL after GRACE, without the kubelet’s 2 s floor or the preStop hook’s share (PODMAN.md §2 "podman pod stop -t N")',
    applies: (f) => says(f, /kubelet\.grace\.|term\.kill-after-grace|\.kill\b/),
  },
  // Broader: what the pod holds decides when the failing entries name only a state or an order.
  {
    name: 'runs a sidecar as a blocking init container',
    why: 'restartPolicy: Always on an init container is dropped: the sidecar blocks the pod like an init container that never exits (PODMAN.md §2 "sidecar: ignored")',
    applies: (f) => f.scenario.pod.initContainers.some((c) => c.role === 'sidecar'),
  },
  {
    name: 'restarts init containers under the pod restartPolicy',
    why: 'init containers inherit the pod restartPolicy: under Always (or OnFailure) a finished init container is started again (PODMAN.md §2; play.go:601; containers/podman#15631, fixed in 4.4.0)',
    applies: (f) =>
      f.scenario.pod.restartPolicy !== 'Never' &&
      f.scenario.pod.initContainers.some((c) => c.role === 'init' && says(f, new RegExp(`\\b${c.name}\\b`))),
  },
  {
    name: 'ignores lifecycle hooks',
    why: 'podman 4.3 ignores lifecycle.postStart and preStop: a container whose postStart hangs or fails runs on as if it had none (PODMAN.md §2 "lifecycle.postStart / preStop: ignored")',
    applies: (f) =>
      [...f.scenario.pod.initContainers, ...f.scenario.pod.containers].some(
        (c) => (c.postStart !== undefined || c.preStop !== undefined) && says(f, new RegExp(`\\b${c.name}\\b`)),
      ),
  },
  {
    name: 'does not act on activeDeadlineSeconds (observed here)',
    why: 'the pod ran past activeDeadlineSeconds untouched: kube play does not enforce it (seen in this run; PODMAN.md does not cover the field)',
    applies: (f) => f.scenario.pod.activeDeadlineSeconds !== undefined,
  },
  {
    name: 'ignores runtimeClassName (observed here)',
    why: 'a pod naming a RuntimeClass the node lacks ran anyway, where a kubelet fails the sandbox (seen in this run; PODMAN.md does not cover the field)',
    applies: (f) => f.scenario.pod.runtimeClassName !== undefined,
  },
];

function allProbed(s: Scenario): boolean {
  return [...s.pod.initContainers, ...s.pod.containers].some(
    (c) => c.livenessProbe !== undefined || c.startupProbe !== undefined || c.readinessProbe !== undefined,
  );
}

const byBackend: Readonly<Record<string, ReadonlyArray<Cause>>> = { podman };

/** The known cause of a failure on `backend`: a short name and the cited reason; undefined when none applies. */
export function explainFailure(
  backend: string,
  facts: FailureFacts,
): { readonly name: string; readonly why: string } | undefined {
  const cause = (byBackend[backend] ?? []).find((c) => c.applies(facts));
  return cause === undefined ? undefined : { name: cause.name, why: cause.why };
}
