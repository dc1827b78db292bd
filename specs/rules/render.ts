/** Pure renderings of the rule catalogue: a text listing grouped by area and a JSON document, both with a summary. */
import type { Rule, RuleArea, RuleOrigin, Standing } from './rule.ts';
import { ruleAreas, ruleOrigins, standings } from './rule.ts';

/** Rule counts: in total, per standing, per origin, per area, and how many carry a divergence. */
export interface RulesSummary {
  readonly total: number;
  readonly byStanding: Readonly<Record<Standing, number>>;
  readonly byOrigin: Readonly<Record<RuleOrigin, number>>;
  readonly byArea: Readonly<Record<RuleArea, number>>;
  readonly withDivergence: number;
  readonly observable: number;
}

/** The JSON form of a catalogue listing: the rules as they are, then their summary. */
export interface RulesJson {
  readonly rules: ReadonlyArray<Rule>;
  readonly summary: RulesSummary;
}

function countBy<K extends string>(keys: ReadonlyArray<K>, rules: ReadonlyArray<Rule>, keyOf: (rule: Rule) => K) {
  const counts = Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;
  for (const rule of rules) counts[keyOf(rule)] += 1;
  return counts;
}

/** Counts the rules by standing, origin and area. */
export function summarizeRules(rules: ReadonlyArray<Rule>): RulesSummary {
  return {
    total: rules.length,
    byStanding: countBy(standings, rules, (rule) => rule.standing),
    byOrigin: countBy(ruleOrigins, rules, (rule) => rule.origin),
    byArea: countBy(ruleAreas, rules, (rule) => rule.area),
    withDivergence: rules.filter((rule) => rule.divergence !== undefined).length,
    observable: rules.filter((rule) => rule.observable).length,
  };
}

/** The one-line summary that closes the text listing. */
export function renderSummaryLine(summary: RulesSummary): string {
  const perStanding = standings.map((standing) => `${standing} ${summary.byStanding[standing]}`).join(', ');
  const perOrigin = ruleOrigins.map((origin) => `${origin} ${summary.byOrigin[origin]}`).join(', ');
  return (
    `${summary.total} rules: ${perStanding}; from ${perOrigin}; ` +
    `${summary.withDivergence} where the kubelet diverges from the documents`
  );
}

/**
 * The catalogue as text: one block per area (in the order a pod meets them), one line per rule with
 * id, standing and statement, and a closing summary line; ends with a newline.
 */
export function renderRulesText(rules: ReadonlyArray<Rule>): string {
  const idWidth = Math.max(0, ...rules.map((rule) => rule.id.length));
  const standingWidth = Math.max(...standings.map((standing) => standing.length));
  const lines: string[] = [];
  for (const area of ruleAreas) {
    const inArea = rules.filter((rule) => rule.area === area);
    if (inArea.length === 0) continue;
    lines.push(`${area} (${inArea.length})`);
    for (const rule of inArea) {
      lines.push(`  ${rule.id.padEnd(idWidth)}  ${rule.standing.padEnd(standingWidth)}  ${rule.statement}`);
    }
    lines.push('');
  }
  lines.push(renderSummaryLine(summarizeRules(rules)));
  return `${lines.join('\n')}\n`;
}

/** The catalogue as a JSON-ready value: `{rules, summary}`. */
export function rulesJson(rules: ReadonlyArray<Rule>): RulesJson {
  return { rules, summary: summarizeRules(rules) };
}
