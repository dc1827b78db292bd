/** The rule coverage matrix: each rule the entries exercised, how often, and with which outcomes, grouped by area. */
import type { ResultEntry, RuleInfo } from '../results/schema.ts';
import { ruleAreas } from '../../specs/rules/rule.ts';
import { markup, type Html } from './escape.ts';

/** How one rule fared over the entries. */
export interface RuleTally {
  readonly rule: string;
  readonly area: string;
  readonly statement: string;
  readonly exercised: number;
  readonly pass: number;
  readonly fail: number;
  readonly unknown: number;
}

const outsideCatalogue = '(not in the catalogue)';

// Areas in the order the pod meets them (the catalogue's order); an area the catalogue lacks goes last.
function areaRank(area: string): number {
  const i = (ruleAreas as ReadonlyArray<string>).indexOf(area);
  return i < 0 ? ruleAreas.length : i;
}

/** Tallies entries[].rules; areas from results.rules, in the catalogue's order, rules by id within an area. */
export function tallyRules(
  entries: ReadonlyArray<ResultEntry>,
  catalogue: ReadonlyArray<RuleInfo>,
): ReadonlyArray<RuleTally> {
  const rules = new Map(catalogue.map((r) => [r.id, r]));
  const tallies = new Map<string, { pass: number; fail: number; unknown: number }>();
  for (const entry of entries) {
    for (const { rule, status } of entry.rules) {
      const t = tallies.get(rule) ?? { pass: 0, fail: 0, unknown: 0 };
      t[status] += 1;
      tallies.set(rule, t);
    }
  }
  return [...tallies]
    .map(([rule, t]): RuleTally => {
      const info = rules.get(rule);
      const area = info?.area ?? outsideCatalogue;
      return { rule, area, statement: info?.statement ?? '', exercised: t.pass + t.fail + t.unknown, ...t };
    })
    .sort(
      (a, b) => areaRank(a.area) - areaRank(b.area) || a.area.localeCompare(b.area) || a.rule.localeCompare(b.rule),
    );
}

function cell(n: number, cls: string): Html {
  return markup`<td class="num ${n > 0 ? cls : 'zero'}">${n}</td>`;
}

function ruleRow(t: RuleTally): Html {
  const rowClass = t.fail > 0 ? 'st-fail' : t.unknown > 0 ? 'st-unknown' : 'st-pass';
  const statement = t.statement === '' ? '' : markup`<div class="statement">${t.statement}</div>`;
  return markup`<tr class="${rowClass}" data-rule="${t.rule}"><td><code>${t.rule}</code>${statement}</td><td class="num">${t.exercised}</td>${cell(t.pass, 'st-pass')}${cell(t.fail, 'st-fail')}${cell(t.unknown, 'st-unknown')}</tr>
`;
}

/** The coverage section. */
export function renderCoverage(entries: ReadonlyArray<ResultEntry>, rules: ReadonlyArray<RuleInfo>): Html {
  const tallies = tallyRules(entries, rules);
  if (tallies.length === 0) {
    return markup`<section id="coverage"><h2>Rule coverage</h2><p class="muted">No entry named a rule.</p></section>`;
  }
  const areas = [...new Set(tallies.map((t) => t.area))];
  const bodies = areas.map((area) => {
    const members = tallies.filter((t) => t.area === area);
    return markup`<tbody><tr class="area"><th colspan="5">${area} <span class="muted">(${members.length} ${members.length === 1 ? 'rule' : 'rules'})</span></th></tr>
${members.map(ruleRow)}</tbody>`;
  });
  return markup`<section id="coverage"><h2>Rule coverage (${tallies.length} rules)</h2>
<table class="coverage"><thead><tr><th>Rule</th><th>Exercised</th><th>Pass</th><th>Fail</th><th>Unknown</th></tr></thead>
${bodies}</table>
</section>`;
}
