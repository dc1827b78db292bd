/**
 * Faults as generated data (STYLE practice 10): each is one thing that goes wrong, scheduled inside the scenario,
 * and compiled into its behaviours, node world and actions by `compileFaultPlan`.
 */
import fc from 'fast-check';
import type { ContainerRole } from '../specs/vocabulary/index.ts';
import { gracePeriod } from './grace-period.ts';
import { maybe } from './maybe.ts';
import { gridSeconds } from './timing.ts';
import { simplestFirst } from './maybe.ts';

/**
 * Which container a fault hits: an index into the containers the fault can apply to (see `faultTargets`), taken
 * modulo their number, so a fault never depends on the pod it meets and shrinks independently of it.
 */
export type TargetSlot = number;

/** One fault. Times are seconds since the target container's start, unless the variant says otherwise. */
export type Fault =
  /** the first run exits with this code after this long; later runs run until signalled */
  | { readonly type: 'exit'; readonly target: TargetSlot; readonly exitCode: number; readonly afterSeconds: number }
  /** every run exits with a non-zero code after this long; with `crashes`, only that many runs, then it runs on */
  | {
      readonly type: 'crashLoop';
      readonly target: TargetSlot;
      readonly exitCode: number;
      readonly afterSeconds: number;
      readonly crashes?: number;
    }
  /** SIGTERM is ignored: the process dies only of SIGKILL */
  | { readonly type: 'termIgnored'; readonly target: TargetSlot }
  /** SIGTERM is handled slowly: the process exits this long after it, with this code */
  | { readonly type: 'termSlow'; readonly target: TargetSlot; readonly exitCode: number; readonly afterSeconds: number }
  /** the postStart hook fails after this long */
  | { readonly type: 'postStartFails'; readonly target: TargetSlot; readonly takesSeconds: number }
  /** the postStart hook takes very long (and succeeds), holding the pod worker */
  | { readonly type: 'postStartHangs'; readonly target: TargetSlot; readonly takesSeconds: number }
  /** the preStop hook fails after this long */
  | { readonly type: 'preStopFails'; readonly target: TargetSlot; readonly takesSeconds: number }
  /** the preStop hook outlasts every grace period that can apply to the container by the margin plus this */
  | { readonly type: 'preStopOutlastsGrace'; readonly target: TargetSlot; readonly beyondSeconds: number }
  /** a startup probe that never succeeds */
  | {
      readonly type: 'startupNeverSucceeds';
      readonly target: TargetSlot;
      readonly periodSeconds: number;
      readonly failureThreshold: number;
    }
  /** a startup probe that fails until a time, then succeeds — in time or too late, never too close to call */
  | {
      readonly type: 'startupSucceedsLate';
      readonly target: TargetSlot;
      readonly periodSeconds: number;
      readonly failureThreshold: number;
      readonly untilSeconds: number;
    }
  /** a liveness probe that fails from a time on */
  | {
      readonly type: 'livenessFails';
      readonly target: TargetSlot;
      readonly fromSeconds: number;
      readonly periodSeconds: number;
      readonly failureThreshold: number;
      readonly probeGraceSeconds?: number;
    }
  /** a readiness probe that fails from a time on, or until a time */
  | {
      readonly type: 'readinessFlaps';
      readonly target: TargetSlot;
      readonly boundary: 'from' | 'until';
      readonly seconds: number;
      readonly periodSeconds: number;
    }
  /** the target's image cannot be pulled (the registry answers "not found") */
  | { readonly type: 'imageUnpullable'; readonly target: TargetSlot }
  /** the registry is down; the target's image is cached (and with `cacheOthers` every other image too) */
  | { readonly type: 'registryDown'; readonly target: TargetSlot; readonly cacheOthers: boolean }
  /** pull policy Never with an image that is not on the node */
  | { readonly type: 'neverPullMissing'; readonly target: TargetSlot }
  /** every successful pull takes this long */
  | { readonly type: 'slowPull'; readonly pullTakesSeconds: number }
  /** the pod is deleted at a time since its creation (moved off decisive moments), optionally with a grace override */
  | { readonly type: 'delete'; readonly atSeconds: number; readonly gracePeriodSeconds?: number }
  /** the pod is deleted while the target init container runs (it is made to run until signalled) */
  | {
      readonly type: 'deleteDuringInit';
      readonly target: TargetSlot;
      readonly intoSeconds: number;
      readonly gracePeriodSeconds?: number;
    }
  /** the pod is deleted while the target's postStart hook runs (the hook is made long enough) */
  | {
      readonly type: 'deleteDuringPostStart';
      readonly target: TargetSlot;
      readonly intoSeconds: number;
      readonly gracePeriodSeconds?: number;
    };

/** The fault variants' names. */
export type FaultType = Fault['type'];

/** Every fault type, simplest first: the order `fault()` draws and shrinks in. */
export const faultTypes: ReadonlyArray<FaultType> = [
  'exit',
  'termIgnored',
  'delete',
  'crashLoop',
  'termSlow',
  'imageUnpullable',
  'slowPull',
  'postStartFails',
  'preStopFails',
  'livenessFails',
  'readinessFlaps',
  'startupNeverSucceeds',
  'startupSucceedsLate',
  'postStartHangs',
  'preStopOutlastsGrace',
  'registryDown',
  'neverPullMissing',
  'deleteDuringInit',
  'deleteDuringPostStart',
];

/** The roles of the containers a fault type can hit (`undefined`: the fault has no target). */
export const faultTargets: Readonly<Record<FaultType, ReadonlyArray<ContainerRole> | undefined>> = {
  exit: ['regular', 'init', 'sidecar'],
  crashLoop: ['regular', 'init', 'sidecar'],
  // Sidecars are stopped only after the regular containers, with whatever grace is left (§3.4): a slow or ignored
  // TERM there has no fixed outcome to keep apart from, so sidecars only get `termIgnored`.
  termIgnored: ['regular', 'init', 'sidecar'],
  termSlow: ['regular', 'init'],
  // Hooks and probes are generated on regular containers only; sidecar hooks and probes stay healthy.
  postStartFails: ['regular'],
  postStartHangs: ['regular'],
  preStopFails: ['regular'],
  preStopOutlastsGrace: ['regular'],
  startupNeverSucceeds: ['regular'],
  startupSucceedsLate: ['regular'],
  livenessFails: ['regular'],
  readinessFlaps: ['regular'],
  imageUnpullable: ['regular', 'init', 'sidecar'],
  registryDown: ['regular', 'init', 'sidecar'],
  neverPullMissing: ['regular', 'init', 'sidecar'],
  slowPull: undefined,
  delete: undefined,
  deleteDuringInit: ['init'],
  deleteDuringPostStart: ['regular'],
};

/** The rules (shared/RULES.md ids) a fault type exercises, for `--rules` selection and the scenario's `rules`. */
export const faultRules: Readonly<Record<FaultType, ReadonlyArray<string>>> = {
  exit: ['restart.regular-per-policy', 'run.terminated-others-continue', 'init.sequential'],
  crashLoop: [
    'restart.regular-per-policy',
    'restart.crashloop-backoff-event',
    'init.retry-on-failure',
    'init.never-fail-stops',
  ],
  termIgnored: ['term.kill-after-grace', 'term.term-handling-decides-duration'],
  termSlow: ['term.term-handling-decides-duration', 'term.kill-after-grace'],
  postStartFails: ['hooks.poststart-fail-kills', 'restart.poststart-fail-restart', 'events.failed-poststart'],
  postStartHangs: ['hooks.poststart-blocks-running', 'hooks.poststart-blocks-next'],
  preStopFails: ['hooks.prestop-fail-kills', 'term.prestop-outcome-irrelevant', 'events.failed-prestop'],
  preStopOutlastsGrace: ['term.prestop-hang-killed-at-grace', 'term.grace-includes-prestop'],
  startupNeverSucceeds: [
    'probe.failure-threshold-terminates',
    'probe.restart-per-policy',
    'probe.liveness-after-startup',
  ],
  startupSucceedsLate: ['probe.startup-starts-with-container', 'probe.liveness-after-startup'],
  livenessFails: ['probe.failure-threshold-terminates', 'probe.restart-per-policy', 'probe.termination-sequence'],
  readinessFlaps: ['probe.startup-starts-with-container'],
  imageUnpullable: ['run.pull-failure-isolated', 'restart.image-pull-backoff', 'status.image-pull-backoff'],
  registryDown: ['pull.always-registry-down', 'pull.ifnotpresent-cached-skips', 'pull.never-uses-local'],
  neverPullMissing: ['pull.never-missing-fails'],
  slowPull: ['run.pull-delay-late-start', 'pull.no-parallel-within-pod', 'init.pull-before-each'],
  delete: [
    'term.delete-starts-termination',
    'term.delete-grace-override',
    'term.deletion-grace-from-spec',
    'term.pod-gone-after-containers',
  ],
  deleteDuringInit: ['init.term-on-delete', 'term.only-running-containers'],
  deleteDuringPostStart: ['hooks.poststart-blocks-running', 'term.delete-starts-termination'],
};

/** Options for {@link fault}. */
export interface FaultConstraints {
  /** Fault types to draw from (default all, simplest first). */
  readonly types?: ReadonlyArray<FaultType>;
}

const target = fc.nat({ max: 7 });
const period = fc.constantFrom(1, 2, 3, 5);
const nonZeroExit = fc.oneof(simplestFirst, fc.constant(1), fc.integer({ min: 2, max: 255 }));
const anyExit = fc.oneof(simplestFirst, fc.constant(0), fc.constant(1), fc.integer({ min: 2, max: 255 }));
const termCode = fc.oneof(simplestFirst, fc.constant(143), fc.constant(0), fc.integer({ min: 1, max: 255 }));

function withGrace<T extends object>(value: T, grace: number | undefined): T & { gracePeriodSeconds?: number } {
  return grace === undefined ? value : { ...value, gracePeriodSeconds: grace };
}

function variant(type: FaultType): fc.Arbitrary<Fault> {
  switch (type) {
    case 'exit':
      return fc
        .tuple(target, anyExit, gridSeconds(10, 2, 1))
        .map(([t, exitCode, afterSeconds]) => ({ type, target: t, exitCode, afterSeconds }));
    case 'crashLoop':
      return fc
        .tuple(target, nonZeroExit, gridSeconds(3, 1, 1), maybe(fc.integer({ min: 1, max: 3 }), 3))
        .map(([t, exitCode, afterSeconds, crashes]) =>
          crashes === undefined
            ? { type, target: t, exitCode, afterSeconds }
            : { type, target: t, exitCode, afterSeconds, crashes },
        );
    case 'termIgnored':
      return target.map((t) => ({ type, target: t }));
    case 'termSlow':
      return fc
        .tuple(target, termCode, gridSeconds(10, 1, 1))
        .map(([t, exitCode, afterSeconds]) => ({ type, target: t, exitCode, afterSeconds }));
    case 'postStartFails':
    case 'preStopFails':
      return fc.tuple(target, gridSeconds(4, 1)).map(([t, takesSeconds]) => ({ type, target: t, takesSeconds }));
    case 'postStartHangs':
      return fc.tuple(target, gridSeconds(8, 5, 2)).map(([t, takesSeconds]) => ({ type, target: t, takesSeconds }));
    case 'preStopOutlastsGrace':
      return fc.tuple(target, gridSeconds(5, 1)).map(([t, beyondSeconds]) => ({ type, target: t, beyondSeconds }));
    case 'startupNeverSucceeds':
      return fc
        .tuple(target, period, fc.integer({ min: 1, max: 5 }))
        .map(([t, periodSeconds, failureThreshold]) => ({ type, target: t, periodSeconds, failureThreshold }));
    case 'startupSucceedsLate':
      return fc
        .tuple(target, period, fc.integer({ min: 1, max: 5 }), gridSeconds(10, 2, 1))
        .map(([t, periodSeconds, failureThreshold, untilSeconds]) => ({
          type,
          target: t,
          periodSeconds,
          failureThreshold,
          untilSeconds,
        }));
    case 'livenessFails':
      return fc
        .tuple(
          target,
          gridSeconds(10, 2),
          period,
          fc.integer({ min: 1, max: 4 }),
          maybe(fc.integer({ min: 1, max: 10 }), 4),
        )
        .map(([t, fromSeconds, periodSeconds, failureThreshold, probeGraceSeconds]) => ({
          type,
          target: t,
          fromSeconds,
          periodSeconds,
          failureThreshold,
          ...(probeGraceSeconds === undefined ? {} : { probeGraceSeconds }),
        }));
    case 'readinessFlaps':
      return fc
        .tuple(target, fc.constantFrom('from' as const, 'until' as const), gridSeconds(10, 2), period)
        .map(([t, boundary, seconds, periodSeconds]) => ({ type, target: t, boundary, seconds, periodSeconds }));
    case 'imageUnpullable':
    case 'neverPullMissing':
      return target.map((t) => ({ type, target: t }));
    case 'registryDown':
      return fc.tuple(target, fc.boolean()).map(([t, cacheOthers]) => ({ type, target: t, cacheOthers }));
    case 'slowPull':
      return gridSeconds(10, 2, 1).map((pullTakesSeconds) => ({ type, pullTakesSeconds }));
    case 'delete':
      return fc
        .tuple(gridSeconds(15, 2), gracePeriod())
        .map(([atSeconds, grace]) => withGrace({ type, atSeconds }, grace));
    case 'deleteDuringInit':
    case 'deleteDuringPostStart':
      return fc
        .tuple(target, gridSeconds(5, 2), gracePeriod())
        .map(([t, intoSeconds, grace]) => withGrace({ type, target: t, intoSeconds }, grace));
  }
}

/** One fault of the allowed types; the simplest types come first, so shrinking moves towards them. */
export function fault(constraints: FaultConstraints = {}): fc.Arbitrary<Fault> {
  const types = constraints.types ?? faultTypes;
  if (types.length === 0) throw new Error('fault: no fault types allowed');
  return fc.oneof(simplestFirst, ...types.map(variant));
}
