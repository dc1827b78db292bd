/**
 * Generator constraints per sim deviation: the shape of scenario in which each non-conformance shows
 * (two init containers for `init-parallel`, a delete with a preStop hook for `prestop-skipped-on-delete`).
 * Without them most generated pods never exercise the mechanism a deviation changes, and 300 runs would
 * measure the generator rather than the suite.
 */
import type fc from 'fast-check';
import { effectivePullPolicy } from '../../generators/pull-policy.ts';
import { generatedScenario, type ScenarioConstraints } from '../../generators/scenario.ts';
import { scenarioArbitraryNamed } from '../../generators/scenario-arbitraries.ts';
import type { FaultType } from '../../generators/fault.ts';
import type { FaultPlanConstraints } from '../../generators/fault-plan.ts';
import type { ViolationType } from '../diff/index.ts';
import { allContainers, runBehaviorForStart, type Container, type Scenario } from '../../specs/vocabulary/index.ts';

/** The scenarios that show one deviation. */
export interface DeviationTarget {
  readonly constraints: ScenarioConstraints;
  /** a shape the constraints cannot ask for (a sidecar, two containers); generated values without it are skipped */
  readonly requires?: (scenario: Scenario) => boolean;
  /** watch the generated scenario this long instead (for effects later than the generators' horizon) */
  readonly observeForSeconds?: number;
  /**
   * Rules besides its declared one (harness/backends/sim/deviations.ts) whose violation also counts as a catch
   * (harness/run/deviation-catch.ts), each narrowed to a violation type and subject and said why.
   */
  readonly alsoBreaks?: ReadonlyArray<AlsoBreaks>;
}

/**
 * A further rule a deviation's catch may show. `breaks`: the deviation breaks that rule too, by its own nature
 * (usually the kubelet-fact form of a documented rule). `model-attribution`: the model carries the point or field
 * the deviation moves under this rule instead of the declared one; counted until the model attributes it to the
 * rule that bounds it (reported to the model's owner), and only on that violation type and subject.
 */
export interface AlsoBreaks {
  readonly rule: string;
  readonly standing: 'breaks' | 'model-attribution';
  /** the violation types that count (all when absent) */
  readonly types?: ReadonlyArray<ViolationType>;
  /** the point kind (`term` in `app.term#2`) or final field's last segment (`restartCount`) that counts */
  readonly subject?: string;
  readonly why: string;
}

function faults(types: ReadonlyArray<FaultType>, minFaults = 1, maxFaults = 3): FaultPlanConstraints {
  return { types, minFaults, maxFaults };
}

const regular = (s: Scenario): ReadonlyArray<Container> => s.pod.containers;
const sidecars = (s: Scenario): ReadonlyArray<Container> => s.pod.initContainers.filter((c) => c.role === 'sidecar');
const hasPreStop = (s: Scenario): boolean => allContainers(s.pod).some((c) => c.preStop !== undefined);
const hasDelete = (s: Scenario): boolean => s.actions.length > 0;
const deleteGrace = (s: Scenario): number | undefined => s.actions[0]?.gracePeriodSeconds;
// A container whose twelfth run still exits non-zero: its crash loop lasts as long as anyone watches.
// A container that ignores SIGTERM (its first run): the kubelet's KILL, and so its timing, shows.
const ignoresTerm = (c: Container): boolean => runBehaviorForStart(c.behavior, 1).onTerm.type === 'ignore';
const cannotPull = (s: Scenario, c: Container): boolean =>
  s.node.unpullable.includes(c.image) || (effectivePullPolicy(c) === 'Never' && !s.node.cached.includes(c.image));
const crashesForever = (s: Scenario): boolean =>
  allContainers(s.pod).some((c) => (runBehaviorForStart(c.behavior, 12).exit?.exitCode ?? 0) !== 0);

/** Constraints per deviation name; a deviation missing here runs on the default scenarios. */
export const deviationTargets: Readonly<Record<string, DeviationTarget>> = {
  'init-parallel': { constraints: { pod: { minInitContainers: 2 }, faults: { maxFaults: 0 } } },
  'init-rerun-on-app-restart': {
    constraints: { pod: { minInitContainers: 1, restartPolicies: ['Always'] }, faults: faults(['crashLoop', 'exit']) },
  },
  'init-retry-under-never': {
    constraints: { pod: { minInitContainers: 1, restartPolicies: ['Never'] }, faults: faults(['crashLoop']) },
  },
  'poststart-nonblocking': {
    constraints: { hooks: 'any', faults: faults(['postStartHangs']) },
    requires: (s) =>
      regular(s).length >= 2 &&
      regular(s)
        .slice(0, -1)
        .some((c) => c.postStart !== undefined),
  },
  'poststart-failure-ignored': {
    constraints: { faults: faults(['postStartFails']) },
    alsoBreaks: [
      {
        rule: 'events.failed-poststart',
        standing: 'breaks',
        types: ['missing-event'],
        subject: 'FailedPostStartHook',
        why: 'ignoring the failure means no FailedPostStartHook event (KUBELET-FACTS §2.2)',
      },
    ],
  },
  'term-before-prestop-finished': {
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopFails', 'preStopOutlastsGrace']) },
    requires: (s) => hasDelete(s) && allContainers(s.pod).some((c) => (c.preStop?.takesSeconds ?? 0) > 0),
  },
  'prestop-skipped-on-delete': {
    constraints: { hooks: 'any', faults: faults(['delete']) },
    requires: (s) => hasDelete(s) && hasPreStop(s),
    alsoBreaks: [
      {
        rule: 'term.prestop-first',
        standing: 'breaks',
        types: ['missing-point'],
        subject: 'preStop.started',
        why: 'a deletion that skips preStop leaves out the hook termination must begin with (KUBELET-FACTS §5.2)',
      },
    ],
  },
  'grace-timer-after-prestop': {
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopOutlastsGrace', 'termIgnored'], 2) },
    requires: (s) => hasDelete(s) && hasPreStop(s),
    alsoBreaks: [
      {
        rule: 'kubelet.grace.prestop-bounded',
        standing: 'breaks',
        why: 'the kill waits for the hook at most the grace, then TERM (KUBELET-FACTS §5.2)',
      },
    ],
  },
  'kill-without-term': {
    constraints: { faults: faults(['delete']) },
    alsoBreaks: [
      {
        rule: 'term.prestop-before-term',
        standing: 'model-attribution',
        types: ['missing-point'],
        subject: 'term',
        why: 'TERM never comes, and the differ cannot time a KILL whose cause (TERM) is missing; the model carries the missing TERM under term.prestop-before-term',
      },
    ],
  },
  'sequential-termination': {
    constraints: { faults: faults(['delete', 'termSlow', 'termIgnored'], 2) },
    requires: (s) => hasDelete(s) && regular(s).length >= 2,
    alsoBreaks: [
      {
        rule: 'kubelet.kill.parallel',
        standing: 'breaks',
        why: 'pod termination kills all running containers in parallel (KUBELET-FACTS §5.3)',
      },
    ],
  },
  'no-minimum-grace': {
    // the 2 s floor shows only as the KILL of a container that outlived both its preStop and SIGTERM
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopOutlastsGrace', 'termIgnored'], 3) },
    requires: (s) => hasDelete(s) && allContainers(s.pod).some((c) => c.preStop !== undefined && ignoresTerm(c)),
  },
  'never-restarts-failed': {
    constraints: { pod: { restartPolicies: ['Never'] }, faults: faults(['crashLoop']) },
  },
  'onfailure-restarts-success': {
    constraints: { pod: { restartPolicies: ['OnFailure'] }, faults: faults(['exit']) },
    alsoBreaks: [
      {
        rule: 'kubelet.restart.should-restart',
        standing: 'breaks',
        types: ['forbidden-point'],
        why: 'the kubelet form of the same decision: under OnFailure an exit 0 is not restarted (KUBELET-FACTS §4.1)',
      },
    ],
  },
  'no-backoff': { constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop']) } },
  'first-restart-delayed': {
    constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop', 'exit']) },
    alsoBreaks: [
      {
        rule: 'kubelet.backoff.sequence',
        standing: 'breaks',
        types: ['window', 'missing-point'],
        subject: 'created',
        why: 'the back-off sequence starts with 0 s (KUBELET-FACTS §4.4)',
      },
    ],
  },
  'backoff-uncapped': {
    constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop'], 1, 1) },
    requires: crashesForever,
    // The model's windows widen with every back-off, so the 300 s cap first shows at the ninth start, past 20
    // minutes; the generators stop at 180 s, so the crash loop is simply watched for longer.
    observeForSeconds: 1500,
  },
  'restart-count-frozen': {
    constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop', 'exit']) },
  },
  'ifnotpresent-pulls-cached': {
    constraints: { faults: { maxFaults: 0 } },
    requires: (s) =>
      allContainers(s.pod).some((c) => effectivePullPolicy(c) === 'IfNotPresent' && s.node.cached.includes(c.image)),
  },
  'always-uses-cache-when-registry-down': { constraints: { faults: faults(['registryDown']) } },
  'latest-defaults-ifnotpresent': {
    constraints: { faults: { maxFaults: 0 } },
    requires: (s) =>
      allContainers(s.pod).some((c) => c.imagePullPolicy === undefined && effectivePullPolicy(c) === 'Always'),
    alsoBreaks: [
      {
        rule: 'pull.always-every-start',
        standing: 'breaks',
        types: ['missing-point'],
        subject: 'pullStarted',
        why: 'the defaulted policy is Always, which pulls before every start (KUBELET-FACTS §9.1, §9.2)',
      },
    ],
  },
  'pull-failure-blocks-pod': {
    constraints: { faults: faults(['imageUnpullable', 'neverPullMissing']) },
    // the deviation shows only on a container listed after one whose image cannot be had
    requires: (s) => {
      const failing = regular(s).map((c) => cannotPull(s, c));
      const first = failing.indexOf(true);
      return first >= 0 && failing.slice(first + 1).includes(false);
    },
    alsoBreaks: [
      {
        rule: 'kubelet.start.serial',
        standing: 'model-attribution',
        types: ['missing-point'],
        subject: 'created',
        why: "the model carries the next container's creation after a failed pull under kubelet.start.serial; that the sync goes on past the failure is run.pull-failure-isolated",
      },
    ],
  },
  'liveness-before-startup': {
    constraints: { probes: 'any', faults: faults(['startupSucceedsLate', 'startupNeverSucceeds']) },
    requires: (s) => regular(s).some((c) => c.startupProbe !== undefined && (c.livenessProbe ?? c.readinessProbe)),
  },
  'failure-threshold-off-by-one': {
    // The model times a probe's consequences one period either side of its nominal run, so one more failing run
    // shows only where it changes the outcome: a startup probe that succeeds between the threshold's run and the
    // next (no kill), or a readiness probe whose unready time is then a period late.
    constraints: { faults: faults(['startupSucceedsLate', 'readinessFlaps'], 1, 2) },
    alsoBreaks: [
      {
        rule: 'kubelet.probe.threshold',
        standing: 'breaks',
        why: 'the kubelet form: a result is published after failureThreshold consecutive failures (KUBELET-FACTS §6.2)',
      },
      {
        rule: 'kubelet.kill.parallel',
        standing: 'model-attribution',
        types: ['missing-event'],
        subject: 'Killing',
        why: "the model carries a probe kill's Killing event under kubelet.kill.parallel; that the kill follows failureThreshold failures is this rule",
      },
      {
        rule: 'kubelet.probe.readiness',
        standing: 'model-attribution',
        types: ['window'],
        subject: 'unready',
        why: 'the model carries the unready point under kubelet.probe.readiness; that it follows failureThreshold failures is this rule',
      },
    ],
  },
  'readiness-failure-restarts': { constraints: { faults: faults(['readinessFlaps']) } },
  'sidecars-stopped-first': {
    constraints: { faults: faults(['delete']) },
    requires: (s) => hasDelete(s) && sidecars(s).length >= 1,
  },
  'sidecars-forward-order': {
    constraints: { pod: { maxSidecars: 3 }, faults: faults(['delete']) },
    requires: (s) => hasDelete(s) && sidecars(s).length >= 2,
  },
  'sidecar-startup-not-awaited': {
    constraints: { probes: 'any', faults: { maxFaults: 0 } },
    requires: (s) => sidecars(s).some((c) => c.startupProbe !== undefined),
  },
  'sidecar-blocks-next-init': {
    constraints: { faults: { maxFaults: 0 } },
    requires: (s) => sidecars(s).length >= 1,
  },
  'phase-running-with-waiting-container': {
    constraints: { faults: faults(['imageUnpullable', 'neverPullMissing']) },
    requires: (s) => regular(s).length >= 2,
  },
  'status-column-phase-only': { constraints: { faults: faults(['crashLoop', 'exit', 'imageUnpullable']) } },
  'delete-grace-ignored': {
    constraints: { faults: faults(['delete', 'termIgnored'], 2) },
    // the grace shows as the KILL of a container that ignores SIGTERM, when it differs from the spec's
    requires: (s) =>
      deleteGrace(s) !== undefined &&
      deleteGrace(s) !== (s.pod.terminationGracePeriodSeconds ?? 30) &&
      allContainers(s.pod).some(ignoresTerm),
    alsoBreaks: [
      {
        rule: 'term.kill-after-grace',
        standing: 'breaks',
        types: ['window', 'missing-point'],
        subject: 'kill',
        why: "KILL comes when the delete's grace is used up, not the spec's (KUBELET-FACTS §5.2)",
      },
    ],
  },
  'exited-container-signalled': {
    constraints: { hooks: 'any', pod: { restartPolicies: ['Never'] }, faults: faults(['exit', 'delete'], 2) },
    requires: hasDelete,
  },
  'grace-zero-skips-prestop': {
    constraints: { hooks: 'any', faults: faults(['delete']) },
    requires: (s) => deleteGrace(s) === 0 && hasPreStop(s),
    alsoBreaks: [
      {
        rule: 'term.prestop-first',
        standing: 'breaks',
        types: ['missing-point'],
        subject: 'preStop.started',
        why: 'grace 0 falls back to the spec grace, so termination still begins with preStop (KUBELET-FACTS Corrections 1, §5.2)',
      },
    ],
  },
  'no-prestop-on-probe-kill': {
    constraints: { hooks: 'any', faults: faults(['livenessFails', 'startupNeverSucceeds']) },
    requires: (s) => regular(s).some((c) => c.preStop !== undefined && (c.livenessProbe ?? c.startupProbe)),
    alsoBreaks: [
      {
        rule: 'term.prestop-first',
        standing: 'breaks',
        types: ['missing-point'],
        subject: 'preStop.started',
        why: 'a probe kill goes through killContainer, which begins with preStop (KUBELET-FACTS §5.2, §6.3)',
      },
    ],
  },
  'prestop-failure-unreported': {
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopFails'], 2) },
    requires: (s) => hasDelete(s) && allContainers(s.pod).some((c) => c.preStop?.result === 'fail'),
  },
  'namespace-default-in-messages': {
    // a wrong namespace shows only where the manifest names one other than `default` (Corrections 18), and in the
    // BackOff of a crash loop
    constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop']) },
    requires: (s) => {
      const namespace = s.pod.metadataExtra['namespace'];
      return typeof namespace === 'string' && namespace !== 'default';
    },
    alsoBreaks: [
      {
        rule: 'kubelet.pod.created',
        standing: 'breaks',
        types: ['missing-event'],
        subject: 'Scheduled',
        why: 'Scheduled names the pod as NAMESPACE/NAME too (Corrections 18)',
      },
    ],
  },
  'cached-image-fresh-pull-event': {
    constraints: { faults: { maxFaults: 0 } },
    requires: (s) =>
      allContainers(s.pod).some((c) => effectivePullPolicy(c) !== 'Always' && s.node.cached.includes(c.image)),
  },
};

/** The scenarios of a generator family (`any`, `init`, `termination`, ...; see generators/scenario-arbitraries.ts). */
export function familyScenarios(family = 'any'): fc.Arbitrary<Scenario> | undefined {
  const entry = scenarioArbitraryNamed(family);
  return entry === undefined ? undefined : generatedScenario(entry.constraints).map((g) => g.scenario);
}

/** The default scenarios: the generators' `any` family. */
export function defaultScenarios(): fc.Arbitrary<Scenario> {
  return familyScenarios() ?? generatedScenario().map((g) => g.scenario);
}

/** The scenarios `run --deviation NAME` draws from: the deviation's target, else the family's (default `any`). */
export function scenariosFor(deviations: ReadonlyArray<string>, family?: string): fc.Arbitrary<Scenario> {
  const [first] = deviations;
  const target = deviations.length === 1 && first !== undefined ? deviationTargets[first] : undefined;
  if (target === undefined) return (family === undefined ? undefined : familyScenarios(family)) ?? defaultScenarios();
  const observeForSeconds = target.observeForSeconds;
  const scenarios = generatedScenario(target.constraints).map((g) =>
    observeForSeconds === undefined ? g.scenario : { ...g.scenario, id: `${g.scenario.id}-long`, observeForSeconds },
  );
  const requires = target.requires;
  return requires ? scenarios.filter(requires) : scenarios;
}
