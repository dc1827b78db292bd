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
import { allContainers, runBehaviorForStart, type Container, type Scenario } from '../../specs/vocabulary/index.ts';

/** The scenarios that show one deviation. */
export interface DeviationTarget {
  readonly constraints: ScenarioConstraints;
  /** a shape the constraints cannot ask for (a sidecar, two containers); generated values without it are skipped */
  readonly requires?: (scenario: Scenario) => boolean;
  /** watch the generated scenario this long instead (for effects later than the generators' horizon) */
  readonly observeForSeconds?: number;
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
  'poststart-failure-ignored': { constraints: { faults: faults(['postStartFails']) } },
  'term-before-prestop-finished': {
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopFails', 'preStopOutlastsGrace']) },
    requires: (s) => hasDelete(s) && allContainers(s.pod).some((c) => (c.preStop?.takesSeconds ?? 0) > 0),
  },
  'prestop-skipped-on-delete': {
    constraints: { hooks: 'any', faults: faults(['delete']) },
    requires: (s) => hasDelete(s) && hasPreStop(s),
  },
  'grace-timer-after-prestop': {
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopOutlastsGrace', 'termIgnored'], 2) },
    requires: (s) => hasDelete(s) && hasPreStop(s),
  },
  'kill-without-term': { constraints: { faults: faults(['delete']) } },
  'sequential-termination': {
    constraints: { faults: faults(['delete', 'termSlow', 'termIgnored'], 2) },
    requires: (s) => hasDelete(s) && regular(s).length >= 2,
  },
  'no-minimum-grace': {
    constraints: { hooks: 'any', faults: faults(['delete', 'preStopOutlastsGrace'], 2) },
    requires: (s) => hasDelete(s) && hasPreStop(s),
  },
  'never-restarts-failed': {
    constraints: { pod: { restartPolicies: ['Never'] }, faults: faults(['crashLoop']) },
  },
  'onfailure-restarts-success': {
    constraints: { pod: { restartPolicies: ['OnFailure'] }, faults: faults(['exit']) },
  },
  'no-backoff': { constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop']) } },
  'first-restart-delayed': {
    constraints: { pod: { restartPolicies: ['Always'] }, faults: faults(['crashLoop', 'exit']) },
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
  },
  'pull-failure-blocks-pod': {
    constraints: { faults: faults(['imageUnpullable', 'neverPullMissing']) },
    requires: (s) => allContainers(s.pod).length >= 2,
  },
  'liveness-before-startup': {
    constraints: { probes: 'any', faults: faults(['startupSucceedsLate', 'startupNeverSucceeds']) },
    requires: (s) => regular(s).some((c) => c.startupProbe !== undefined && (c.livenessProbe ?? c.readinessProbe)),
  },
  'failure-threshold-off-by-one': {
    constraints: { faults: faults(['livenessFails', 'startupNeverSucceeds']) },
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
    requires: (s) => deleteGrace(s) !== undefined,
  },
  'exited-container-signalled': {
    constraints: { hooks: 'any', pod: { restartPolicies: ['Never'] }, faults: faults(['exit', 'delete'], 2) },
    requires: hasDelete,
  },
  'grace-zero-skips-prestop': {
    constraints: { hooks: 'any', faults: faults(['delete']) },
    requires: (s) => deleteGrace(s) === 0 && hasPreStop(s),
  },
  'no-prestop-on-probe-kill': {
    constraints: { hooks: 'any', faults: faults(['livenessFails', 'startupNeverSucceeds']) },
    requires: (s) => regular(s).some((c) => c.preStop !== undefined && (c.livenessProbe ?? c.startupProbe)),
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
