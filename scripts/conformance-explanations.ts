/**
 * Why a known implementation breaks a rule, with the source that says so: the report's "why" column. Only what a
 * document or the implementation's source explains is written here; a rule with no entry is reported as unexplained.
 */
interface Explanation {
  /** rule ids or globs ending in `*` */
  readonly rules: ReadonlyArray<string>;
  readonly why: string;
}

// Each entry cites ../shared/PODMAN.md (measured on podman 4.3.1 here, source read at tag v4.3.1).
const podman: ReadonlyArray<Explanation> = [
  {
    rules: ['hooks.*', 'kubelet.hooks.*', 'kubelet.poststart.*', 'term.prestop-*', 'term.grace-includes-prestop'],
    why: 'podman 4.3 ignores lifecycle.postStart and preStop: the hook never runs, so its points never come (PODMAN.md §2 "lifecycle.postStart / preStop: ignored"; Lifecycle is not read in pkg/specgen/generate/kube/kube.go)',
  },
  {
    rules: ['kubelet.backoff.*', 'restart.backoff*', 'restart.crashloop*', 'kubelet.restart.*', 'restart.*'],
    why: 'no CrashLoopBackOff: a container is restarted ~80 ms after it dies, every time (PODMAN.md §2 "restartPolicy Always / unset: no backoff"; libpod/container_internal.go:256 handleRestartPolicy)',
  },
  {
    rules: ['init.*', 'kubelet.init.*'],
    why: 'init containers inherit the pod restartPolicy: under Always a finished init container is started again and the app never starts (PODMAN.md §2; play.go:601; containers/podman#15631, fixed in 4.4.0)',
  },
  {
    rules: ['kubelet.sidecar.*'],
    why: 'sidecars are not supported: restartPolicy Always on an init container is dropped, and an init container with a probe or hook is refused ("cannot create an init container that has either of lifecycle, livenessProbe, …", play.go:572; PODMAN.md §2)',
  },
  {
    rules: ['probe.*', 'kubelet.probe.*'],
    why: 'no readiness or startup probes, and the liveness probe is a healthcheck whose timer needs systemd (PODMAN.md §2 "livenessProbe … inert here", kube.go:491-535)',
  },
  {
    rules: ['run.*', 'kubelet.start.*'],
    why: 'app containers start one by one in dependency-graph map order, not spec order, and a refused pod starts nothing (PODMAN.md §2 "container start order: differs"; container_graph.go)',
  },
  {
    rules: ['pull.*', 'kubelet.image.*'],
    why: 'a pod podman refuses or aborts (an unpullable image aborts the whole pod, PODMAN.md §2 "IfNotPresent/Always, pull fails") never creates its containers, so every later point is missing',
  },
  {
    rules: ['term.*', 'kubelet.kill.*', 'kubelet.grace.*'],
    why: 'termination follows pod stop -t GRACE (TERM to all at once, KILL after GRACE); what differs comes from the missing preStop hooks and from restarts that race the stop (PODMAN.md §2 "podman pod stop -t N")',
  },
];

const byBackend: Readonly<Record<string, ReadonlyArray<Explanation>>> = { podman };

/** The explanation of `rule` for `backend`, or a plain "not explained yet". */
export function explain(backend: string, rule: string): string {
  const hit = (byBackend[backend] ?? []).find((e) =>
    e.rules.some((r) => (r.endsWith('*') ? rule.startsWith(r.slice(0, -1)) : r === rule)),
  );
  return hit?.why ?? 'not explained yet';
}
