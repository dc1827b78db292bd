/** The rule catalogue: every rule of shared/RULES.md and the kubelet rules of KUBELET-FACTS.md, one module per area. */
import { apiRules } from './api.ts';
import { credentialRules } from './credentials.ts';
import { environmentRules } from './environment.ts';
import { eventRules } from './events.ts';
import { hookRules } from './hooks.ts';
import { imageRules } from './images.ts';
import { initRules } from './init.ts';
import { probeRules } from './probes.ts';
import { pullRules } from './pulls.ts';
import { restartRules } from './restart.ts';
import type { Rule } from './rule.ts';
import { runRules } from './run.ts';
import { runtimeClassRules } from './runtime-class.ts';
import { sidecarRules } from './sidecars.ts';
import { statusRules } from './status.ts';
import { terminationRules } from './termination.ts';

export type { Divergence, Rule, RuleArea, RuleOrigin, RuleSource, Standing } from './rule.ts';
export { ruleAreas, ruleIdPattern, ruleOrigins, standings } from './rule.ts';

/** Every rule, grouped by area in the order a pod meets them. */
export const allRules: ReadonlyArray<Rule> = [
  ...imageRules,
  ...pullRules,
  ...initRules,
  ...runRules,
  ...hookRules,
  ...probeRules,
  ...terminationRules,
  ...restartRules,
  ...sidecarRules,
  ...statusRules,
  ...eventRules,
  ...runtimeClassRules,
  ...credentialRules,
  ...environmentRules,
  ...apiRules,
];

const rulesById: ReadonlyMap<string, Rule> = new Map(allRules.map((rule) => [rule.id, rule]));

/** The rule with this id, or undefined when the catalogue has none. */
export function ruleById(id: string): Rule | undefined {
  return rulesById.get(id);
}

/** Whether the catalogue has a rule with this id. */
export function isRuleId(id: string): boolean {
  return rulesById.has(id);
}
