/**
 * Named non-conformances the simulator can be told to have (`RunOptions.deviations`). Each is a
 * small switch inside the mechanism, never a rewrite of the observation; the suite must catch every
 * one of them, which is how its own power is measured (DESIGN.md).
 */

/** One deviation: its name, the rule id it breaks, and what the simulated kubelet then does. */
export interface SimDeviation {
  readonly name: string;
  readonly rule: string;
  readonly description: string;
}

const catalogue = [
  {
    name: 'init-parallel',
    rule: 'init.sequential',
    description:
      'All init containers are started in the first sync, one right after another, without waiting for each to exit 0.',
  },
  {
    name: 'init-rerun-on-app-restart',
    rule: 'init.run-once',
    description: 'When a regular container is restarted, the init containers are run again first.',
  },
  {
    name: 'init-retry-under-never',
    rule: 'init.never-fail-stops',
    description: 'A failed init container is restarted even under restartPolicy Never (the pod does not fail).',
  },
  {
    name: 'poststart-nonblocking',
    rule: 'hooks.poststart-blocks-next',
    description: 'postStart runs in the background: the next container is created before the hook finished.',
  },
  {
    name: 'poststart-failure-ignored',
    rule: 'hooks.poststart-fail-kills',
    description: 'A failed postStart hook is ignored: no FailedPostStartHook, no kill.',
  },
  {
    name: 'term-before-prestop-finished',
    rule: 'term.prestop-before-term',
    description: 'SIGTERM is sent as soon as the preStop hook starts, not after it finished.',
  },
  {
    name: 'prestop-skipped-on-delete',
    rule: 'hooks.prestop-triggers',
    description: 'Pod deletion stops containers without running their preStop hooks.',
  },
  {
    name: 'grace-timer-after-prestop',
    rule: 'term.grace-includes-prestop',
    description: 'The grace period starts after the preStop hook instead of including it.',
  },
  {
    name: 'kill-without-term',
    rule: 'term.kill-after-grace',
    description: 'Containers are stopped with SIGKILL at once, without SIGTERM and grace.',
  },
  {
    name: 'sequential-termination',
    rule: 'term.parallel-containers',
    description: 'Pod termination stops the containers one after another instead of in parallel.',
  },
  {
    name: 'no-minimum-grace',
    rule: 'kubelet.grace.minimum',
    description:
      'No 2 s minimum stop window: a preStop that used up the grace is followed by SIGKILL right after SIGTERM.',
  },
  {
    name: 'never-restarts-failed',
    rule: 'restart.never-stays-terminated',
    description: 'Under restartPolicy Never a container that exited non-zero is restarted.',
  },
  {
    name: 'onfailure-restarts-success',
    rule: 'restart.regular-per-policy',
    description: 'Under restartPolicy OnFailure a container that exited 0 is restarted.',
  },
  {
    name: 'no-backoff',
    rule: 'kubelet.backoff.sequence',
    description: 'No CrashLoopBackOff: a crashed container is restarted at the next sync every time.',
  },
  {
    name: 'first-restart-delayed',
    rule: 'kubelet.backoff.first-restart-immediate',
    description: 'The first restart already waits the initial 10 s back-off (the documented 10, 20, 40 ... sequence).',
  },
  {
    name: 'backoff-uncapped',
    rule: 'kubelet.backoff.sequence',
    description: 'The CrashLoopBackOff delay keeps doubling past its 300 s cap.',
  },
  {
    name: 'restart-count-frozen',
    rule: 'kubelet.restart.count',
    description: 'restartCount is never incremented.',
  },
  {
    name: 'ifnotpresent-pulls-cached',
    rule: 'pull.ifnotpresent-cached-skips',
    description: 'IfNotPresent pulls the image although it is cached on the node.',
  },
  {
    name: 'always-uses-cache-when-registry-down',
    rule: 'pull.always-registry-down',
    description: 'Always falls back to the cached image when the registry cannot be reached.',
  },
  {
    name: 'latest-defaults-ifnotpresent',
    rule: 'pull.default-policy-latest',
    description: 'An omitted imagePullPolicy defaults to IfNotPresent even for :latest or untagged images.',
  },
  {
    name: 'pull-failure-blocks-pod',
    rule: 'run.pull-failure-isolated',
    description: 'A failed image pull aborts the sync, so the containers after it are not started.',
  },
  {
    name: 'liveness-before-startup',
    rule: 'probe.liveness-after-startup',
    description: 'Liveness and readiness probes run before the startup probe has succeeded.',
  },
  {
    name: 'failure-threshold-off-by-one',
    rule: 'probe.failure-threshold-terminates',
    description: 'A probe failure is published only after failureThreshold + 1 consecutive failures.',
  },
  {
    name: 'readiness-failure-restarts',
    rule: 'kubelet.probe.readiness',
    description: 'A readiness failure restarts the container as a liveness failure would.',
  },
  {
    name: 'sidecars-stopped-first',
    rule: 'kubelet.sidecar.termination-order',
    description: 'At pod termination the sidecars are stopped first and the regular containers wait for them.',
  },
  {
    name: 'sidecars-forward-order',
    rule: 'kubelet.sidecar.termination-order',
    description:
      'Sidecars are stopped in spec order (first sidecar first) after the regular containers, not in reverse.',
  },
  {
    name: 'sidecar-startup-not-awaited',
    rule: 'kubelet.sidecar.start-gate',
    description:
      'The container after a sidecar starts as soon as the sidecar runs, before its startup probe succeeded.',
  },
  {
    name: 'sidecar-blocks-next-init',
    rule: 'kubelet.sidecar.start-gate',
    description: 'A sidecar is treated like a regular init container: the next one waits for it to exit 0.',
  },
  {
    name: 'phase-running-with-waiting-container',
    rule: 'kubelet.phase.get-phase',
    description: 'A pod with a running container and a never-started waiting one reads Running instead of Pending.',
  },
  {
    name: 'status-column-phase-only',
    rule: 'kubelet.status-column.print-pod',
    description:
      'The STATUS column shows the pod phase instead of the container reasons (Failed for Error, Pending for ContainerCreating).',
  },
  {
    name: 'delete-grace-ignored',
    rule: 'term.delete-grace-override',
    description: "A delete's gracePeriodSeconds is ignored; the pod's terminationGracePeriodSeconds is used.",
  },
  {
    name: 'exited-container-signalled',
    rule: 'term.only-running-containers',
    description: 'Pod termination also runs preStop and sends SIGTERM to containers that already exited.',
  },
  {
    name: 'grace-zero-skips-prestop',
    rule: 'kubelet.grace.effective',
    description: 'A delete with grace 0 is honoured on the node: no preStop, SIGKILL after the 2 s minimum.',
  },
  {
    name: 'no-prestop-on-probe-kill',
    rule: 'probe.termination-sequence',
    description: 'A container killed for a failed liveness or startup probe gets no preStop hook.',
  },
  {
    name: 'prestop-failure-unreported',
    rule: 'events.failed-prestop',
    description: 'A preStop hook that fails (or dies with its container) is not reported: no FailedPreStopHook event.',
  },
  {
    name: 'cached-image-fresh-pull-event',
    rule: 'kubelet.image.present',
    description:
      'A cached image used under IfNotPresent or Never is reported with a fresh-pull Pulled event ("Successfully pulled image ... in ...") instead of "already present on machine".',
  },
  {
    name: 'namespace-default-in-messages',
    rule: 'kubelet.backoff.event',
    description:
      "Messages that name the pod (Scheduled, BackOff, CrashLoopBackOff, hook errors) always say namespace 'default', whatever the pod's namespace.",
  },
] as const satisfies ReadonlyArray<SimDeviation>;

/**
 * Deviations the simulator has but the suite cannot catch yet, kept out of the catalogue (and so out of
 * `podconform deviations` and the every-deviation-is-caught suite) until it can. Liveness ticks after
 * SyncTerminatingPod stopped the worker show only as extra `livenessProbe.ran` points or Unhealthy Events,
 * and the model predicts probe runs and their Unhealthy Events as unpinned (their tick phases race the relist
 * clock, Corrections 24): it has no way yet to say "no run of this probe after that point".
 */
const pending = [
  {
    name: 'liveness-after-termination',
    rule: 'kubelet.probe.stop-on-delete',
    description:
      "SyncTerminatingPod does not stop the regular containers' liveness and startup workers: they go on probing through the grace period.",
  },
] as const satisfies ReadonlyArray<SimDeviation>;

/** The catalogue of deviations the sim backend understands. */
export const simDeviations: ReadonlyArray<SimDeviation> = catalogue;

/** Deviations the sim understands (`SimOptions.deviations`) that the suite cannot catch yet; see `pending`. */
export const pendingSimDeviations: ReadonlyArray<SimDeviation> = pending;

/** A deviation's name. */
export type DeviationName = (typeof catalogue)[number]['name'] | (typeof pending)[number]['name'];

/** The switches the mechanism reads; all false for a conformant run. */
export type DeviationFlags = Readonly<Record<DeviationName, boolean>>;

/** The switches, or why the names were not understood. */
export type DeviationParse =
  { readonly status: 'ok'; readonly flags: DeviationFlags } | { readonly status: 'error'; readonly message: string };

const conformant: DeviationParse = { status: 'ok', flags: allOff() };
/** Parsed flag sets by their joined names: runs reuse them instead of rebuilding an object per scenario. */
const parsed = new Map<string, DeviationParse>();

function allOff(): Record<DeviationName, boolean> {
  return Object.fromEntries([...catalogue, ...pending].map((d) => [d.name, false])) as Record<DeviationName, boolean>;
}

/** Turns deviation names into switches; an unknown name is an error value. */
export function parseDeviations(names: ReadonlyArray<string> | undefined): DeviationParse {
  if (names === undefined || names.length === 0) return conformant;
  const key = names.join('\n');
  const known = parsed.get(key);
  if (known !== undefined) return known;
  const result = parseNames(names);
  if (parsed.size < 1000) parsed.set(key, result);
  return result;
}

function parseNames(names: ReadonlyArray<string>): DeviationParse {
  const flags = allOff();
  for (const name of names) {
    if (!(name in flags)) {
      return {
        status: 'error',
        message: `unknown sim deviation '${name}' (known: ${[...catalogue, ...pending].map((d) => d.name).join(', ')})`,
      };
    }
    flags[name as DeviationName] = true;
  }
  return { status: 'ok', flags };
}
