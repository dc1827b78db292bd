/**
 * The registry of scenario arbitraries the runner picks from (by name, or by the rules it is asked to cover):
 * plain data, one entry per family of faults, each with the constraints to pass to `generatedScenario`.
 */
import { type FaultType, faultRules, faultTypes } from './fault.ts';
import type { ScenarioConstraints } from './scenario.ts';

/** One named family of generated scenarios. */
export interface ScenarioArbitraryEntry {
  readonly name: string;
  /** One sentence: what the family exercises. */
  readonly description: string;
  /** Rule ids (shared/RULES.md) its faults exercise, for `--rules`. */
  readonly rules: ReadonlyArray<string>;
  readonly constraints: ScenarioConstraints;
}

const baseRules = ['init.sequential', 'init.before-regular', 'run.sequential-start', 'hooks.poststart-blocks-next'];

function entry(
  name: string,
  description: string,
  types: ReadonlyArray<FaultType>,
  extra: ScenarioConstraints = {},
): ScenarioArbitraryEntry {
  const rules = [...new Set([...baseRules, ...types.flatMap((t) => faultRules[t])])].sort();
  return { name, description, rules, constraints: { ...extra, faults: { ...extra.faults, types } } };
}

/** Every family, `any` first (the runner's default). */
export const scenarioArbitraries: ReadonlyArray<ScenarioArbitraryEntry> = [
  entry('any', 'Any pod with up to three faults of any kind.', faultTypes),
  {
    name: 'healthy',
    description: 'Healthy pods with no fault: start order, hooks, probes.',
    rules: baseRules,
    constraints: { faults: { maxFaults: 0 } },
  },
  entry('restart', 'Containers that exit or crash-loop under each restart policy.', ['exit', 'crashLoop']),
  entry(
    'init',
    'Pods with init containers that exit, crash, pull slowly or are deleted.',
    ['exit', 'crashLoop', 'slowPull', 'imageUnpullable', 'deleteDuringInit'],
    {
      pod: { minInitContainers: 1 },
    },
  ),
  entry('termination', 'Deletes with and without grace overrides, against TERM handling and preStop hooks.', [
    'delete',
    'termIgnored',
    'termSlow',
    'preStopFails',
    'preStopOutlastsGrace',
    'deleteDuringInit',
    'deleteDuringPostStart',
  ]),
  entry('hooks', 'postStart and preStop hooks that fail, hang or outlast the grace period.', [
    'postStartFails',
    'postStartHangs',
    'preStopFails',
    'preStopOutlastsGrace',
    'deleteDuringPostStart',
    'delete',
  ]),
  entry('probes', 'Startup, liveness and readiness probes that fail, succeed late or flap.', [
    'startupNeverSucceeds',
    'startupSucceedsLate',
    'livenessFails',
    'readinessFlaps',
  ]),
  entry('images', 'Unpullable images, a registry that is down, Never with a missing image, slow pulls.', [
    'imageUnpullable',
    'registryDown',
    'neverPullMissing',
    'slowPull',
  ]),
  entry(
    'busybox',
    'Any fault, with only busybox images, for backends that run real containers.',
    [
      'exit',
      'termIgnored',
      'delete',
      'crashLoop',
      'termSlow',
      'postStartFails',
      'preStopFails',
      'livenessFails',
      'readinessFlaps',
      'startupNeverSucceeds',
      'deleteDuringInit',
      'deleteDuringPostStart',
    ],
    { images: 'busybox' },
  ),
];

/** The entry of that name, if any. */
export function scenarioArbitraryNamed(name: string): ScenarioArbitraryEntry | undefined {
  return scenarioArbitraries.find((e) => e.name === name);
}

/** The entries that exercise at least one of the given rules (all of them when `rules` is empty). */
export function scenarioArbitrariesForRules(rules: ReadonlyArray<string>): ReadonlyArray<ScenarioArbitraryEntry> {
  if (rules.length === 0) return scenarioArbitraries;
  return scenarioArbitraries.filter((e) => e.rules.some((r) => rules.includes(r)));
}
