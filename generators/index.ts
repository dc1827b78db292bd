/** The generators' public surface: one arbitrary per domain noun, faults, the scenario registry, printer, validator. */
export { action, deleteAction, type ActionConstraints } from './action.ts';
export {
  compileFaultPlan,
  healthyNodeFor,
  type AppliedFault,
  type CompiledFaultPlan,
  type CompileOptions,
} from './compile-fault-plan.ts';
export { containerBehavior, type ContainerBehaviorConstraints } from './container-behavior.ts';
export { container, runsUntilSignalled, type ContainerConstraints, type Variety } from './container.ts';
export {
  fault,
  faultRules,
  faultTargets,
  faultTypes,
  type Fault,
  type FaultConstraints,
  type FaultType,
  type TargetSlot,
} from './fault.ts';
export { faultPlan, type FaultPlan, type FaultPlanConstraints } from './fault-plan.ts';
export { gracePeriod, type GracePeriodConstraints } from './grace-period.ts';
export { handlerAction, type HandlerActionConstraints } from './handler-action.ts';
export { hook, type HookConstraints } from './hook.ts';
export { defaultImage, image, normalizeImage, parseImage, type ImageConstraints, type ImageForm } from './image.ts';
export { healthyNode, nodeWorld, type NodeWorldConstraints } from './node-world.ts';
export { dnsLabel, effectiveGrace, podSpec, type PodSpecConstraints } from './pod-spec.ts';
export { printContainer, printScenario } from './print-scenario.ts';
export { probeFailing, type ProbeFailingConstraints } from './probe-failing.ts';
export { probe, type ProbeConstraints } from './probe.ts';
export { effectivePullPolicy, pullPolicy, type PullPolicyConstraints } from './pull-policy.ts';
export { exitCode, runBehavior, type RunBehaviorConstraints } from './run-behavior.ts';
export {
  scenarioArbitraries,
  scenarioArbitrariesForRules,
  scenarioArbitraryNamed,
  type ScenarioArbitraryEntry,
} from './scenario-arbitraries.ts';
export { generatedScenario, scenario, type GeneratedScenario, type ScenarioConstraints } from './scenario.ts';
export { exitOnTerm, termExitCode, termHandling, type TermHandlingConstraints } from './term-handling.ts';
export { STEP_LATENCY_SECONDS, TIME_GRID_SECONDS, TIMING_MARGIN_SECONDS, awayFrom, type Window } from './timing.ts';
export { marginProblems, validateScenario, type ScenarioProblem, type ValidateOptions } from './validate-scenario.ts';
